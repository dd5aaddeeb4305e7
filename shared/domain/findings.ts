// Findings: what the engine tells the account manager, one code per rule of DOMAIN.md. The codes
// and severities are stable (the plan CLI's JSON and the app both use them); the message is
// rendered in the chosen language from `params` (messages.ts), so the app can re-render it.

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
export type Severity = 'error' | 'warning' | 'info';

export type FindingParams = Record<string, string | number | null>;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  skuPartNumber?: string;
  /** The plan line it is about (a subscription id, or `sku:<skuId>`). */
  lineId?: string;
  message: string;
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
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const infos: Finding[] = [];
  for (const f of findings) (f.severity === 'error' ? errors : f.severity === 'warning' ? warnings : infos).push(f);
  return errors.concat(warnings, infos);
}
