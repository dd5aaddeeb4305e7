// The rules in force now (DOMAIN.md, December 2026), each with dates on both sides of its change,
// on tenants built from the real licensing CSV.
import { describe, expect, it } from 'vitest';
import { licensingData, OTHER_PARTNER, PARTNER, skuOf, subscription, tenantOf, userWith } from '../../test/support/licensing';
import { prepareCatalog } from './catalog';
import { endOfTermAdvice } from './endOfTerm';
import { isMustFix, type Finding } from './findings';
import { findingText } from './messages';
import { orderCheckBy, ordersClosingSoon } from './orderWindow';
import { planTenant, type PlanOptions } from './plan';
import { RULES, ruleById, ruleInForce, ruleTitle, RULE_FAMILIES } from './rules';
import { transferRequests } from './transfers';

const data = licensingData();
const catalog = prepareCatalog(data);
const base = (asOf: string, extra: Partial<PlanOptions> = {}): PlanOptions => ({ partnerTenantId: PARTNER, partnerCountry: 'DE', asOf, agreementAcceptedOn: '2024-01-01', ...extra });
const of = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);
const WRONG_ADVICE = /let it expire|auto-renew off|Turn auto-renew/i;
const WRONG_ADVICE_JA = /期限切れを待って|自動更新をオフ/;

describe('the table of rules', () => {
  it('every rule is dated and cited, ids are unique, replacements exist and start the day the old rule ends', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.source.length).toBeGreaterThan(10);
      expect(ruleTitle(r, 'ja')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // Its title is its own key in the shared catalogs (shared/words), present in both languages.
      expect(r.title((key) => key)).toBe(`rule.${r.id}`);
      expect(ruleTitle(r, 'en')).not.toBe(`rule.${r.id}`);
      if (r.replacedBy) expect(ruleById(r.replacedBy)?.since).toBe(r.until);
    }
    for (const f of RULE_FAMILIES) expect(ruleInForce(f, '2026-12-01').family).toBe(f);
    for (const id of ['gdap-only', 'monthly-term-premium', 'monthly-billing-premium', 'three-year-minimum']) expect(ruleById(id)).toBeDefined();
  });

  it('picks the rule in force on a date: the 30-day window until 2026-05-03, EST from 2026-05-04', () => {
    expect(ruleInForce('end-of-term', '2025-06-01').id).toBe('expired-window-30-days');
    expect(ruleInForce('end-of-term', '2026-05-03').id).toBe('expired-window-30-days');
    expect(ruleInForce('end-of-term', '2026-05-04').id).toBe('extended-service-term');
    expect(ruleInForce('end-of-term', '2026-12-01').id).toBe('extended-service-term');
  });
});

describe('end of term of another partner\'s subscription', () => {
  const old = tenantOf([subscription('a1', 'O365_BUSINESS_PREMIUM', { ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2025-07-01T00:00:00Z' })]);
  const now = tenantOf([subscription('a1', 'O365_BUSINESS_PREMIUM', { ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })]);

  it('a plan dated 2025-06-01 still gets the 30-day window and "let it expire"', () => {
    const plan = planTenant(old, catalog, base('2025-06-01'));
    expect(plan.lines[0]).toMatchObject({ expires: '2025-07-01', deadline: '2025-07-31' });
    const expiry = of(plan.findings, 'EXPIRY_DEADLINE')[0]!;
    expect(expiry).toMatchObject({ ruleId: 'expired-window-30-days', ruleSince: '2020-01-01' });
    expect(expiry.ruleSource).toContain('Transition customers');
    expect(of(plan.findings, 'CANCEL_NO_REFUND')).toHaveLength(1);
    expect(of(plan.findings, 'END_OF_TERM_EST')).toHaveLength(0);
  });

  it('a plan dated 2026-12-01 gets EST: active by the end date, ask for "cancel at end of term", the uplift, never "let it expire"', () => {
    for (const lang of ['en', 'ja'] as const) {
      const plan = planTenant(now, catalog, base('2026-12-01'));
      expect(plan.lines[0]).toMatchObject({ expires: '2027-03-31', deadline: '2027-03-31' });
      const est = of(plan.findings, 'END_OF_TERM_EST')[0]!;
      expect(est).toMatchObject({ severity: 'warning', ruleId: 'extended-service-term', ruleSince: '2026-05-04' });
      expect(est.ruleUrl).toMatch(/^https:\/\//);
      expect(findingText(est, lang)).toContain(lang === 'en' ? 'Mar 31, 2027' : '2027年3月31日');
      expect(findingText(est, lang)).toContain('+3 %');
      expect(findingText(est, lang)).toContain('+23 %');
      expect(of(plan.findings, 'CANCEL_NO_REFUND')).toHaveLength(0);
      for (const f of plan.findings) expect(findingText(f, lang)).not.toMatch(lang === 'en' ? WRONG_ADVICE : WRONG_ADVICE_JA);
    }
    const en = planTenant(now, catalog, base('2026-12-01'));
    expect(findingText(of(en.findings, 'END_OF_TERM_EST')[0]!)).toContain('cancel at end of term');
    expect(findingText(of(en.findings, 'EXPIRY_DEADLINE')[0]!)).toContain('no window after it');
  });

  it('once the old partner scheduled "cancel at end of term" the finding is information, with that date', () => {
    const plan = planTenant(now, catalog, base('2026-12-01', { targetOverrides: { a1: { cancelAtTermEndScheduledOn: '2026-12-03' } } }));
    const est = of(plan.findings, 'END_OF_TERM_EST')[0]!;
    expect(est.severity).toBe('info');
    expect(findingText(est)).toContain('Dec 3, 2026');
  });

  it('a subscription that ended before EST keeps the older advice even on a later plan date', () => {
    const advice = endOfTermAdvice({ channel: 'other-partner', isTrial: false, expires: '2026-04-30', asOf: '2026-12-01' });
    expect(advice).toMatchObject({ kind: 'expired-window', deadline: '2026-05-30' });
  });
});

describe('end of term of a direct subscription, by billing account', () => {
  const inv = (end: string) => tenantOf([subscription('d1', 'O365_BUSINESS_PREMIUM', { nextLifecycleDateTime: `${end}T00:00:00Z` })]);

  it('Expired 30 days, Disabled 90 days, Deleted: the three dates, and the refund of each billing account', () => {
    const mca = planTenant(inv('2027-01-31'), catalog, base('2026-12-01', { billingAccount: 'mca' }));
    const f = of(mca.findings, 'DIRECT_END_OF_TERM')[0]!;
    expect(f.params).toMatchObject({ expires: '2027-01-31', disabledOn: '2027-03-02', deletedOn: '2027-05-31', account: 'mca' });
    expect(findingText(f)).toContain('only within 7 days');
    expect(f.ruleId).toBe('direct-expired-disabled-deleted');
    const mosa = planTenant(inv('2027-01-31'), catalog, base('2026-12-01', { billingAccount: 'mosa' }));
    expect(findingText(of(mosa.findings, 'DIRECT_END_OF_TERM')[0]!, 'ja')).toContain('委任された管理者特権');
    const unknown = planTenant(inv('2027-01-31'), catalog, base('2026-12-01'));
    expect(findingText(of(unknown.findings, 'DIRECT_END_OF_TERM')[0]!)).toContain('which billing account');
    for (const p of [mca, mosa, unknown]) expect(of(p.findings, 'CANCEL_NO_REFUND')).toHaveLength(0);
  });

  it('before the 2024 lifecycle article: the credit from billing support and the 30-day window', () => {
    const plan = planTenant(inv('2023-06-30'), catalog, base('2023-06-01'));
    expect(of(plan.findings, 'DIRECT_PURCHASE_CREDIT')).toHaveLength(1);
    expect(of(plan.findings, 'DIRECT_END_OF_TERM')).toHaveLength(0);
  });

  it('an Enterprise Agreement gets the channel transfer that renews to CSP at the EA end date', () => {
    const plan = planTenant(inv('2027-06-30'), catalog, base('2026-12-01', { billingAccount: 'ea' }));
    expect(of(plan.findings, 'EA_CHANNEL_TRANSFER')[0]).toMatchObject({ params: { eaEndDate: '2027-06-30' }, ruleId: 'ea-channel-transfer' });
  });
});

describe('partner-to-partner transfer', () => {
  const lines = Array.from({ length: 30 }, (_, i) =>
    subscription(`t${String(i).padStart(2, '0')}`, 'O365_BUSINESS_PREMIUM', { ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2027-03-31T00:00:00Z' }),
  );

  it('proposes transfers in requests of at most 25 items', () => {
    const plan = planTenant(tenantOf(lines), catalog, base('2026-12-01'));
    expect(plan.transferRequests.map((r) => r.length)).toEqual([25, 5]);
    expect(of(plan.findings, 'TRANSFER_PROPOSED')).toHaveLength(30);
    expect(plan.lines[26]!.transfer).toMatchObject({ possible: true, request: 2, checkCommerce: true });
    expect(transferRequests(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
  });

  it('says why not: legacy commerce, a partial quantity, another region', () => {
    const two = tenantOf(lines.slice(0, 2));
    const plan = planTenant(two, catalog, base('2026-12-01', { targetOverrides: { t00: { commerce: 'legacy' }, t01: { quantity: 5 } } }));
    expect(plan.lines.map((l) => l.transfer?.blockers)).toEqual([['not-new-commerce'], ['partial-quantity']]);
    expect(of(plan.findings, 'TRANSFER_NOT_POSSIBLE').map((f) => findingText(f))).toEqual([
      'Microsoft 365 Business Standard cannot be transferred from its current partner (not a new-commerce subscription): it is bought again.',
      'Microsoft 365 Business Standard cannot be transferred from its current partner (only whole subscriptions move, and the quantity changes): it is bought again.',
    ]);
    const far = planTenant(tenantOf(lines.slice(0, 1), [], 'JP'), catalog, base('2026-12-01'));
    expect(far.lines[0]!.transfer?.blockers).toEqual(['other-region']);
  });

  it('a requested, approved or completed transfer leaves the re-buy plan, the seat math and the reassignments', () => {
    const inv = tenantOf(
      [subscription('x1', 'ENTERPRISEWITHSCAL', { ownerTenantId: OTHER_PARTNER, totalLicenses: 1, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })],
      [userWith('ann', 'ENTERPRISEWITHSCAL'), userWith('bob', 'ENTERPRISEWITHSCAL')],
    );
    const before = planTenant(inv, catalog, base('2026-12-01'));
    expect(before.users).toHaveLength(2);
    expect(of(before.findings, 'SEAT_SHORTFALL')).toHaveLength(1);
    for (const status of ['requested', 'approved', 'completed'] as const) {
      const plan = planTenant(inv, catalog, base('2026-12-01', { targetOverrides: { x1: { transferStatus: status } } }));
      expect(plan.lines[0]).toMatchObject({ action: 'transfer', orders: [], usersToReassign: 0 });
      expect(plan.users).toEqual([]);
      expect(plan.findings.map((f) => f.code).filter((c) => c !== 'REGION_MISMATCH')).toEqual(['TRANSFER_IN_PROGRESS']);
    }
    const rejected = planTenant(inv, catalog, base('2026-12-01', { targetOverrides: { x1: { transferStatus: 'rejected' } } }));
    expect(rejected.lines[0]!.action).toBe('rebuy');
    expect(rejected.users).toHaveLength(2);
  });
});

describe('the 7-day window of our own orders', () => {
  it('check by = order date + 7 days; the dashboard list holds the orders whose window closes soon', () => {
    expect(orderCheckBy('2026-12-01')).toBe('2026-12-08');
    const inv = tenantOf([
      subscription('o1', 'O365_BUSINESS_PREMIUM', { nextLifecycleDateTime: '2027-01-31T00:00:00Z' }),
      subscription('o2', 'O365_BUSINESS_PREMIUM', { nextLifecycleDateTime: '2027-01-31T00:00:00Z' }),
    ]);
    const plan = planTenant(inv, catalog, base('2026-12-06', { targetOverrides: { o1: { orderedOn: '2026-12-01' } } }));
    expect(plan.lines.map((l) => [l.orderDate, l.checkBy, l.ordered])).toEqual([
      ['2026-12-01', '2026-12-08', true],
      ['2027-01-31', '2027-02-07', false],
    ]);
    expect(of(plan.findings, 'ORDER_CHECK_BY').map((f) => [f.lineId, f.severity, f.ruleId])).toEqual([['o1', 'warning', 'cancellation-window-7-days']]);
    expect(ordersClosingSoon(plan.lines, '2026-12-06', 3).map((l) => l.lineId)).toEqual(['o1']);
    expect(ordersClosingSoon(plan.lines, '2026-12-09', 3)).toEqual([]);
  });
});

describe('Teams pairs', () => {
  const offers = (['Office_365_E3_(no_Teams)', 'Microsoft_Teams_EEA_New', 'SPE_E3'] as const).map((pn) => ({ productId: skuOf(pn).id, isAvailableForPurchase: true }));
  const withOffers = prepareCatalog(data, { offers: [...offers, { productId: skuOf('ENTERPRISEPACK').id, isAvailableForPurchase: false }] });
  const inv = tenantOf(
    [subscription('e3', 'ENTERPRISEPACK', { ownerTenantId: OTHER_PARTNER, totalLicenses: 2, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })],
    [userWith('ann', 'ENTERPRISEPACK'), userWith('bob', 'ENTERPRISEPACK')],
  );

  it('the with-Teams suite that cannot be bought becomes the no-Teams suite plus Microsoft Teams, keeping every service', () => {
    const plan = planTenant(inv, withOffers, base('2026-12-01', { targetOverrides: { e3: { commerce: 'legacy' } } }));
    const line = plan.lines[0]!;
    expect(line.match).toMatchObject({ kind: 'equivalent', targetSkuPartNumber: 'Office_365_E3_(no_Teams)', lostServicePlans: [] });
    expect(line.match.extraTargets?.map((t) => t.skuPartNumber)).toEqual(['Microsoft_Teams_EEA_New']);
    expect(line.orders.map((o) => [o.skuPartNumber, o.quantity])).toEqual([
      ['Office_365_E3_(no_Teams)', 2],
      ['Microsoft_Teams_EEA_New', 2],
    ]);
    expect(of(plan.findings, 'DATA_LOSS_RISK')).toHaveLength(0);
    expect(of(plan.findings, 'TEAMS_PAIR')[0]).toMatchObject({ ruleId: 'teams-unbundling', ruleSince: '2024-04-01' });
    expect(plan.users.map((u) => u.toAll)).toEqual([[['Office_365_E3_(no_Teams)', 'Microsoft_Teams_EEA_New']], [['Office_365_E3_(no_Teams)', 'Microsoft_Teams_EEA_New']]]);
  });

  it('a pair chosen by hand is kept as the line\'s targets', () => {
    const plan = planTenant(inv, catalog, base('2026-12-01', { targetOverrides: { e3: { targetSkuId: skuOf('Office_365_E3_(no_Teams)').id, extraTargetSkuIds: [skuOf('Microsoft_Teams_EEA_New').id] } } }));
    expect(plan.lines[0]!.match).toMatchObject({ kind: 'different', lostServicePlans: [] });
    expect(plan.lines[0]!.orders).toHaveLength(2);
  });
});

describe('terms', () => {
  const inv = tenantOf([subscription('p1', 'O365_BUSINESS_PREMIUM', { totalLicenses: 50, nextLifecycleDateTime: '2027-01-31T00:00:00Z' })]);
  it('monthly term +20 %, monthly billing +5 % since 2025-04-01, and the 3-year minimum of 100 seats', () => {
    const monthly = planTenant(inv, catalog, base('2026-12-01', { targetOverrides: { p1: { term: 'P1M' } } }));
    expect(of(monthly.findings, 'TERM_PREMIUM').map((f) => [f.params.percent, f.ruleId])).toEqual([[20, 'monthly-term-premium']]);
    const threeYear = planTenant(inv, catalog, base('2026-12-01', { targetOverrides: { p1: { term: 'P3Y', billingFrequency: 'monthly' } } }));
    expect(of(threeYear.findings, 'TERM_PREMIUM').map((f) => f.params.percent)).toEqual([5]);
    expect(of(threeYear.findings, 'THREE_YEAR_MINIMUM')[0]).toMatchObject({ severity: 'error', params: { minimum: 100, quantity: 50 } });
    const before = planTenant(inv, catalog, base('2025-03-01', { targetOverrides: { p1: { term: 'P3Y', billingFrequency: 'monthly' } } }));
    expect(of(before.findings, 'TERM_PREMIUM')).toEqual([]);
    expect(of(before.findings, 'THREE_YEAR_MINIMUM')).toEqual([]);
  });
});

describe('end of sale without an offer list', () => {
  const inv = tenantOf([subscription('r1', 'ENTERPRISEWITHSCAL', { ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })]);
  it('Office 365 E4 is not "the same offer": retired, Office 365 E5 proposed, the offer list would make it certain', () => {
    const plan = planTenant(inv, catalog, base('2026-12-01'));
    expect(plan.lines[0]!.match).toMatchObject({ kind: 'equivalent', targetSkuPartNumber: 'ENTERPRISEPREMIUM' });
    const eos = of(plan.findings, 'END_OF_SALE')[0]!;
    expect(eos).toMatchObject({ severity: 'warning', ruleId: 'end-of-sale' });
    expect(findingText(eos)).toContain('offer list would make this certain');
    const withOffers = prepareCatalog(data, { offers: [{ productId: skuOf('ENTERPRISEPREMIUM').id, isAvailableForPurchase: true }] });
    expect(of(planTenant(inv, withOffers, base('2026-12-01')).findings, 'END_OF_SALE')).toEqual([]);
  });

  it('the with-Teams suites are flagged only after 2024-04-01', () => {
    const e3 = tenantOf([subscription('e3', 'ENTERPRISEPACK', { ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2024-06-30T00:00:00Z' })]);
    expect(of(planTenant(e3, catalog, base('2024-03-01')).findings, 'END_OF_SALE')).toEqual([]);
    expect(of(planTenant(e3, catalog, base('2024-04-01')).findings, 'END_OF_SALE')[0]).toMatchObject({ severity: 'info', ruleId: 'teams-unbundling' });
  });
});

describe('customer agreement and acknowledged findings', () => {
  const inv = tenantOf([subscription('s1', 'O365_BUSINESS_PREMIUM', { totalLicenses: 1, nextLifecycleDateTime: '2027-01-31T00:00:00Z' })], [userWith('ann', 'O365_BUSINESS_PREMIUM'), userWith('bob', 'O365_BUSINESS_PREMIUM')]);
  it('says the Microsoft Customer Agreement is missing until it is recorded', () => {
    expect(of(planTenant(inv, catalog, base('2026-12-01', { agreementAcceptedOn: null })).findings, 'CUSTOMER_AGREEMENT_MISSING')).toHaveLength(1);
    expect(of(planTenant(inv, catalog, base('2026-12-01')).findings, 'CUSTOMER_AGREEMENT_MISSING')).toHaveLength(0);
  });

  it('an acknowledged error stays visible but is no longer "must fix"', () => {
    const plan = planTenant(inv, catalog, base('2026-12-01', { acknowledged: [{ lineId: 's1', code: 'SEAT_SHORTFALL' }] }));
    const shortfall = of(plan.findings, 'SEAT_SHORTFALL')[0]!;
    expect(shortfall.acknowledged).toBe(true);
    expect(isMustFix(shortfall)).toBe(false);
    const plain = of(planTenant(inv, catalog, base('2026-12-01')).findings, 'SEAT_SHORTFALL')[0]!;
    expect(isMustFix(plain)).toBe(true);
    // A tenant-wide finding is acknowledged without a line.
    const tenantWide = planTenant(inv, catalog, base('2026-12-01', { agreementAcceptedOn: null, acknowledged: [{ code: 'CUSTOMER_AGREEMENT_MISSING' }] }));
    expect(of(tenantWide.findings, 'CUSTOMER_AGREEMENT_MISSING')[0]!.acknowledged).toBe(true);
    expect(of(tenantWide.findings, 'SEAT_SHORTFALL')[0]!.acknowledged).toBeUndefined();
  });
});
