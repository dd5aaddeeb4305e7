import { describe, expect, it } from 'vitest';
import { prepareCatalog } from '../../../shared/domain/catalog';
import { planTenant } from '../../../shared/domain/plan';
import { licensingData, OTHER_PARTNER, PARTNER, subscription, tenantOf } from '../../../test/support/licensing';
import { createI18n } from '../../app/i18n';
import { buildEstEmail, linesNeedingCancelAtTermEnd } from './estEmail';

const i18n = createI18n('en');
const en = i18n.getFixedT('en');
const ja = i18n.getFixedT('ja');
const catalog = prepareCatalog(licensingData());
const inv = tenantOf([
  subscription('a0000000-0000-0000-0000-000000000001', 'O365_BUSINESS_PREMIUM', { ownerTenantId: OTHER_PARTNER, totalLicenses: 12, nextLifecycleDateTime: '2027-03-31T00:00:00Z' }),
  subscription('a0000000-0000-0000-0000-000000000002', 'O365_BUSINESS_ESSENTIALS', { ownerTenantId: OTHER_PARTNER, totalLicenses: 3, nextLifecycleDateTime: '2027-02-28T00:00:00Z' }),
  subscription('a0000000-0000-0000-0000-000000000003', 'SPB', { ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2027-01-31T00:00:00Z' }),
  subscription('a0000000-0000-0000-0000-000000000004', 'SPB', { nextLifecycleDateTime: '2027-01-31T00:00:00Z' }),
]);
const plan = planTenant(inv, catalog, {
  partnerTenantId: PARTNER,
  partnerCountry: 'DE',
  asOf: '2026-12-06',
  // The third is already scheduled: it is not asked for again.
  targetOverrides: { 'a0000000-0000-0000-0000-000000000003': { cancelAtTermEndScheduledOn: '2026-12-01' } },
});
const lines = linesNeedingCancelAtTermEnd(plan.lines);
const input = { partnerName: 'Fabrikam CSP', customerName: 'Contoso', oldPartnerName: 'Northwind Partners', lines, language: 'en' as const };

describe('the email asking the old partner to schedule "cancel at end of term"', () => {
  it('lists the other partner\'s subscriptions under EST that nothing schedules yet, and the date', () => {
    expect(lines.map((l) => l.sourceSkuPartNumber)).toEqual(['O365_BUSINESS_PREMIUM', 'O365_BUSINESS_ESSENTIALS']);
    const email = buildEstEmail(input, en);
    expect(email.subject).toBe('Fabrikam CSP: please schedule "cancel at end of term" for Contoso\'s subscriptions');
    expect(email.body).toContain('Dear Northwind Partners team,');
    expect(email.body).toContain('set each to "cancel at end of term" by Feb 28, 2027.');
    // The product by its catalog name, the part number beside for the partner to find it.
    expect(email.body).toContain('- Microsoft 365 Business Standard (O365_BUSINESS_PREMIUM) (subscription a0000000-0000-0000-0000-000000000001): 12 licenses, term ends on Mar 31, 2027');
    expect(email.body).toContain('+3 % (+23 % where the offer has no monthly plan)');
    expect(email.body.trimEnd().endsWith('Fabrikam CSP')).toBe(true);
  });

  it('is all Japanese for a Japanese partner', () => {
    const email = buildEstEmail({ ...input, language: 'ja' }, ja);
    expect(email.subject).toBe('【Fabrikam CSP】Contoso 様のサブスクリプションの「期間終了時に取り消し」設定のお願い');
    expect(email.body).toContain('Northwind Partners ご担当者様');
    expect(email.body).toContain('2027年2月28日 までに');
    expect(email.body).toContain('Microsoft 365 Business Standard (O365_BUSINESS_PREMIUM) (サブスクリプション a0000000-0000-0000-0000-000000000001): 12 ライセンス、期間終了日 2027年3月31日');
    expect(email.body).not.toMatch(/Dear|Best regards|license\(s\)/);
  });
});
