import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from './findings';
import { formatCountOf } from './format';
import { findingText, messages, renderFinding } from './messages';

const params = {
  sku: 'ENTERPRISEPACK',
  skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  target: 'SPE_E3',
  count: 2,
  services: 'Microsoft Teams, Sway',
  users: 3,
  quantity: 10,
  targetQuantity: 8,
  consumed: 9,
  shortfall: 1,
  active: 151,
  toBuy: 20,
  limit: 150,
  expires: '2025-01-20',
  deadline: '2025-02-19',
  daysToExpiry: 10,
  daysToDeadline: 40,
  state: 'expiring-soon',
  reason: 'different-region',
  partnerCountry: 'US',
  customerCountry: 'JP',
  partnerRegion: 'united-states',
  customerRegion: 'japan',
  country: 'JP',
  channel: 'other-partner',
  activeBy: '2025-01-20',
  scheduledOn: '2025-01-05',
  uplift: 3,
  upliftNoMonthly: 23,
  disabledOn: '2025-02-19',
  deletedOn: '2025-05-20',
  account: 'mca',
  eaEndDate: '2025-06-30',
  request: 1,
  checkCommerce: 1,
  blockers: 'other-region,partial-quantity',
  status: 'requested',
  orderDate: '2025-01-20',
  checkBy: '2025-01-27',
  ordered: 0,
  term: 'P1M',
  billing: 'monthly',
  percent: 20,
  premium: 'monthly-term-premium',
  minimum: 100,
  kind: 'retired',
  since: '2015-12-01',
};

describe('finding messages', () => {
  it('every code has an English and a Japanese text that uses its params', () => {
    for (const lang of ['en', 'ja'] as const) {
      expect(Object.keys(messages[lang]).sort()).toEqual([...FINDING_CODES].sort());
      for (const code of FINDING_CODES) {
        const text = renderFinding(code, params, lang);
        expect(text, `${lang} ${code}`).not.toMatch(/undefined|null|\?\s|NaN/);
        if (code !== 'TENANT_SUBSCRIPTION_LIMIT' && code !== 'REGION_MISMATCH' && code !== 'CUSTOMER_AGREEMENT_MISSING') expect(text, `${lang} ${code}`).toContain('ENTERPRISEPACK');
      }
    }
  });

  it('writes days and numbers as each language does, through the one formatter', () => {
    const expiring = { ...params, state: 'expiring-soon', expires: '2027-03-31', deadline: '2027-04-30', daysToExpiry: 1200 };
    expect(renderFinding('EXPIRY_DEADLINE', expiring, 'en')).toContain('expires on Mar 31, 2027 (in 1,200 days)');
    expect(renderFinding('EXPIRY_DEADLINE', expiring, 'ja')).toContain('2027年3月31日');
    expect(renderFinding('EXPIRY_DEADLINE', expiring, 'ja')).toContain('1,200');
    expect(renderFinding('EXPIRY_DEADLINE', expiring, 'ja')).not.toContain('2027-03-31');
    const shortfall = { ...params, targetQuantity: 10000, consumed: 12500, shortfall: 2500 };
    expect(renderFinding('SEAT_SHORTFALL', shortfall, 'en')).toContain('10,000 seats planned but 12,500 in use: 2,500 users');
    expect(renderFinding('SEAT_SHORTFALL', shortfall, 'ja')).toMatch(/10,000[^]*12,500[^]*2,500/);
  });

  it('counts with the nouns of the screens: the same words as formatCountOf, one home (shared/words count.*)', () => {
    for (const lang of ['en', 'ja'] as const) {
      for (const n of [1, 2, 2500]) {
        expect(renderFinding('LICENSE_REASSIGNMENT_REQUIRED', { ...params, users: n }, lang)).toContain(formatCountOf(n, 'user', lang));
        expect(renderFinding('DATA_LOSS_RISK', { ...params, count: n }, lang)).toContain(formatCountOf(n, 'service', lang));
        expect(renderFinding('SEAT_SHORTFALL', { ...params, targetQuantity: n, consumed: 1, shortfall: n }, lang)).toContain(formatCountOf(n, 'seat', lang));
        expect(renderFinding('TENANT_SUBSCRIPTION_LIMIT', { active: n, toBuy: 1, limit: 150, window: 'none' }, lang)).toContain(formatCountOf(n, 'subscription', lang));
      }
    }
    expect(renderFinding('LICENSE_REASSIGNMENT_REQUIRED', { ...params, users: 1 }, 'en')).toMatch(/^1 user must/);
    expect(renderFinding('LICENSE_REASSIGNMENT_REQUIRED', { ...params, users: 2500 }, 'ja')).toMatch(/^2,500 ユーザーのライセンス/);
    // A count the finding lacks: the other form around the param as it is.
    expect(renderFinding('LICENSE_REASSIGNMENT_REQUIRED', { ...params, users: null }, 'en')).toMatch(/^\? users must/);
  });

  it('Japanese texts are Japanese, and the variants by state read differently', () => {
    for (const code of FINDING_CODES) expect(renderFinding(code, params, 'ja')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const states = ['active', 'expiring-soon', 'in-expired-window', 'past-deadline'].map((state) => renderFinding('EXPIRY_DEADLINE', { ...params, state }, 'en'));
    expect(states[2]).toContain('expired on Jan 20, 2025');
    expect(states[3]).toContain('may already be lost');
    expect(renderFinding('NOT_PURCHASABLE', { sku: 'X', target: null }, 'en')).toContain('no purchasable offer');
    expect(renderFinding('DATA_LOSS_RISK', { ...params, count: 12, more: 2 }, 'en')).toContain('Microsoft Teams, Sway and 2 more.');
    expect(renderFinding('DATA_LOSS_RISK', { ...params, count: 12, more: 2 }, 'ja')).toContain('Microsoft Teams, Sway ほか 2 個。');
    expect(renderFinding('DATA_LOSS_RISK', { ...params, more: 0 }, 'en')).toContain('Microsoft Teams, Sway. Data');
    expect(renderFinding('REGION_MISMATCH', { reason: 'unknown-country', country: 'ZZ' }, 'ja')).toContain('ZZ');
  });

  it('findingText words a finding from its code and params, in English unless told', () => {
    const finding = { code: 'SEAT_SHORTFALL' as const, params: { ...params, targetQuantity: 10000, consumed: 12500, shortfall: 2500 } };
    expect(findingText(finding)).toBe(renderFinding('SEAT_SHORTFALL', finding.params, 'en'));
    expect(findingText(finding)).toContain('10,000 seats planned but 12,500 in use');
    expect(findingText(finding, 'ja')).toBe(renderFinding('SEAT_SHORTFALL', finding.params, 'ja'));
    expect(findingText(finding, 'ja')).not.toBe(findingText(finding, 'en'));
  });
});
