import { describe, expect, it } from 'vitest';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, gdapApprovalExpired, gdapApprovalExpiresOn, gdapRequestProblems } from './gdap';
import { billingFrequenciesFor, termPremiums, threeYearMinimumProblem } from './terms';

const reader = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';

describe('GDAP limits (rule 5)', () => {
  it('accepts 730 days, refuses 731 and 0', () => {
    expect(gdapRequestProblems({ durationDays: 730, roleIds: [reader], autoExtend: true })).toEqual([]);
    expect(gdapRequestProblems({ durationDays: 731, roleIds: [reader], autoExtend: false })).toEqual([{ code: 'duration-out-of-range', maxDays: 730 }]);
    expect(gdapRequestProblems({ durationDays: 0, roleIds: [reader], autoExtend: false })[0]?.code).toBe('duration-out-of-range');
  });
  it('refuses auto-extend with Global Administrator, and no roles at all', () => {
    expect(gdapRequestProblems({ durationDays: 90, roleIds: [reader, GLOBAL_ADMINISTRATOR_ROLE_ID], autoExtend: true })).toEqual([{ code: 'auto-extend-with-global-admin' }]);
    expect(gdapRequestProblems({ durationDays: 90, roleIds: [GLOBAL_ADMINISTRATOR_ROLE_ID], autoExtend: false })).toEqual([]);
    expect(gdapRequestProblems({ durationDays: 90, roleIds: [], autoExtend: false })).toEqual([{ code: 'no-roles' }]);
  });
  it('an unanswered request expires on day 90', () => {
    expect(gdapApprovalExpiresOn('2026-10-01')).toBe('2026-12-30');
    expect(gdapApprovalExpired('2026-10-01', '2026-12-29')).toBe(false);
    expect(gdapApprovalExpired('2026-10-01', '2026-12-30')).toBe(true);
  });
});

describe('terms and premiums (rule 8)', () => {
  it('monthly term +20 % since 2022-03-01, not before', () => {
    expect(termPremiums('P1M', 'monthly', '2022-03-01')).toEqual([{ ruleId: 'monthly-term-premium', percent: 20 }]);
    expect(termPremiums('P1M', 'monthly', '2022-02-28')).toEqual([]);
  });
  it('annual or 3-year billed monthly +5 % since 2025-04-01', () => {
    expect(termPremiums('P1Y', 'monthly', '2025-04-01')).toEqual([{ ruleId: 'monthly-billing-premium', percent: 5 }]);
    expect(termPremiums('P3Y', 'monthly', '2025-03-31')).toEqual([]);
    expect(termPremiums('P1Y', 'annual', '2026-12-01')).toEqual([]);
  });
  it('a 3-year term needs 100 seats since 2025-04-01', () => {
    expect(threeYearMinimumProblem('P3Y', 99, '2025-04-01')).toEqual({ minimum: 100, ruleId: 'three-year-minimum' });
    expect(threeYearMinimumProblem('P3Y', 100, '2026-12-01')).toBeNull();
    expect(threeYearMinimumProblem('P3Y', 10, '2025-03-31')).toBeNull();
    expect(threeYearMinimumProblem('P1Y', 10, '2026-12-01')).toBeNull();
  });
  it('billing frequencies by term', () => {
    expect(billingFrequenciesFor('P1M')).toEqual(['monthly']);
    expect(billingFrequenciesFor('P3Y')).toContain('triennial');
  });
});
