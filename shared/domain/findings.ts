// Findings: what the engine tells the account manager, one code per rule of DOMAIN.md. The codes
// and severities are stable (the plan CLI's JSON and the app both use them). A finding carries no
// text: findingText (messages.ts) words it from `params` where it is shown, in the language of the
// moment, so planning formats no day, number or sentence and a language switch does not re-plan.
import type { RuleFamily } from './rules';

export const FINDING_CODES = [
  'REGION_MISMATCH',
  'UNKNOWN_SKU',
  'NOT_PURCHASABLE',
  'DATA_LOSS_RISK',
  'LICENSE_REASSIGNMENT_REQUIRED',
  'SEAT_SHORTFALL',
  'SEAT_COUNT_CHANGED',
  'TENANT_SUBSCRIPTION_LIMIT',
  'EXPIRY_DEADLINE',
  'CANCEL_NO_REFUND',
  'DIRECT_PURCHASE_CREDIT',
  'TRIAL_SUBSCRIPTION',
  'ALREADY_OWN_CSP',
  // The rules in force now (DOMAIN.md, December 2026).
  'END_OF_TERM_EST',
  'DIRECT_END_OF_TERM',
  'EA_CHANNEL_TRANSFER',
  'TRANSFER_PROPOSED',
  'TRANSFER_NOT_POSSIBLE',
  'TRANSFER_IN_PROGRESS',
  'ORDER_CHECK_BY',
  'TERM_PREMIUM',
  'THREE_YEAR_MINIMUM',
  'END_OF_SALE',
  'TEAMS_PAIR',
  'CUSTOMER_AGREEMENT_MISSING',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The rule family each finding applies, unless the finding names its rule. */
export const FINDING_RULE_FAMILY: Record<FindingCode, RuleFamily> = {
  REGION_MISMATCH: 'region',
  UNKNOWN_SKU: 'offer-matching',
  NOT_PURCHASABLE: 'offer-matching',
  DATA_LOSS_RISK: 'offer-matching',
  LICENSE_REASSIGNMENT_REQUIRED: 'offer-matching',
  SEAT_SHORTFALL: 'seats',
  SEAT_COUNT_CHANGED: 'seats',
  TENANT_SUBSCRIPTION_LIMIT: 'tenant-subscription-limit',
  EXPIRY_DEADLINE: 'end-of-term',
  CANCEL_NO_REFUND: 'end-of-term',
  DIRECT_PURCHASE_CREDIT: 'direct-lifecycle',
  TRIAL_SUBSCRIPTION: 'offer-matching',
  ALREADY_OWN_CSP: 'offer-matching',
  END_OF_TERM_EST: 'end-of-term',
  DIRECT_END_OF_TERM: 'direct-lifecycle',
  EA_CHANNEL_TRANSFER: 'ea-renewal',
  TRANSFER_PROPOSED: 'partner-transfer',
  TRANSFER_NOT_POSSIBLE: 'partner-transfer',
  TRANSFER_IN_PROGRESS: 'partner-transfer',
  ORDER_CHECK_BY: 'cancellation-window',
  TERM_PREMIUM: 'monthly-term-premium',
  THREE_YEAR_MINIMUM: 'three-year-minimum',
  END_OF_SALE: 'end-of-sale',
  TEAMS_PAIR: 'teams-unbundling',
  CUSTOMER_AGREEMENT_MISSING: 'customer-agreement',
};

export type Severity = 'error' | 'warning' | 'info';

export type FindingParams = Record<string, string | number | null>;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  skuPartNumber?: string;
  /** The plan line it is about (a subscription id, or `sku:<skuId>`). */
  lineId?: string;
  /** What findingText words (days as YYYY-MM-DD, counts as numbers, names as the catalog says). */
  params: FindingParams;
  /** The rule it applies (rules.ts), the day that rule took effect, and where it comes from. */
  ruleId: string;
  ruleSince: string;
  ruleSource: string;
  ruleUrl: string | null;
  /** A person acknowledged it on purpose: it stays visible but is no longer "must fix". */
  acknowledged?: boolean;
}

/** Counts as "must fix" on the dashboard: an error nobody acknowledged. */
export function isMustFix(finding: Pick<Finding, 'severity' | 'acknowledged'>): boolean {
  return finding.severity === 'error' && finding.acknowledged !== true;
}

/** Errors first, then warnings, then information; in their order otherwise. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Counted first, then placed: one array of the list's size (a plan sorts 550,000 findings of 10,000 tenants).
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const out = new Array<Finding>(findings.length);
  let e = 0;
  let w = errors;
  let i = errors + warnings;
  for (const f of findings) out[f.severity === 'error' ? e++ : f.severity === 'warning' ? w++ : i++] = f;
  return out;
}
