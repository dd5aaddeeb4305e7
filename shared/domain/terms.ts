// Terms and billing frequencies of a planned order, DOMAIN.md "The rules in force now", rule 8.
// One home: the plan screens show the premiums and the plan mutators refuse a 3-year term under the minimum.
import type { LocalDate } from './dates';
import type { BillingFrequency, Term } from './commerce';

export const MONTHLY_TERM_PREMIUM_RULE_ID = 'monthly-term-premium';
export const MONTHLY_BILLING_PREMIUM_RULE_ID = 'monthly-billing-premium';
export const THREE_YEAR_MINIMUM_RULE_ID = 'three-year-minimum';

/** Monthly term +20 % against annual, since 2022-03-01. */
export const MONTHLY_TERM_PREMIUM = { percent: 20, since: '2022-03-01' };
/** Annual or 3-year terms billed monthly +5 %, since 2025-04-01. */
export const MONTHLY_BILLING_PREMIUM = { percent: 5, since: '2025-04-01' };
/** 3-year terms need at least 100 seats, since 2025-04-01 (the 2025 price list). */
export const THREE_YEAR_MINIMUM = { seats: 100, since: '2025-04-01' };

/** The billing frequencies Partner Center offers for a term. */
export function billingFrequenciesFor(term: Term): BillingFrequency[] {
  if (term === 'P1M') return ['monthly'];
  if (term === 'P1Y') return ['annual', 'monthly'];
  return ['triennial', 'annual', 'monthly'];
}

export interface TermPremium {
  ruleId: string;
  percent: number;
}

/** The documented premiums a term and billing frequency carry on `asOf` (none for an annual term paid upfront). */
export function termPremiums(term: Term, billing: BillingFrequency, asOf: LocalDate): TermPremium[] {
  const premiums: TermPremium[] = [];
  if (term === 'P1M' && asOf >= MONTHLY_TERM_PREMIUM.since) premiums.push({ ruleId: MONTHLY_TERM_PREMIUM_RULE_ID, percent: MONTHLY_TERM_PREMIUM.percent });
  if (term !== 'P1M' && billing === 'monthly' && asOf >= MONTHLY_BILLING_PREMIUM.since) {
    premiums.push({ ruleId: MONTHLY_BILLING_PREMIUM_RULE_ID, percent: MONTHLY_BILLING_PREMIUM.percent });
  }
  return premiums;
}

/** The 3-year minimum a planned order misses on `asOf`, or null. */
export function threeYearMinimumProblem(term: Term, quantity: number, asOf: LocalDate): { minimum: number; ruleId: string } | null {
  if (term !== 'P3Y' || asOf < THREE_YEAR_MINIMUM.since || quantity >= THREE_YEAR_MINIMUM.seats) return null;
  return { minimum: THREE_YEAR_MINIMUM.seats, ruleId: THREE_YEAR_MINIMUM_RULE_ID };
}
