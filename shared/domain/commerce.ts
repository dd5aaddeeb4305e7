// The commerce facts the 2026 rules depend on (DOMAIN.md, "The rules in force now"), as one
// vocabulary shared by the engine, the stored workspace and the screens.

/**
 * How a customer that buys directly from Microsoft is billed: it decides refunds and credits of
 * the old subscriptions (DOMAIN.md rule 2). `ea`: an Enterprise Agreement (channel transfers renew to CSP).
 */
export const BILLING_ACCOUNTS = ['unknown', 'mca', 'mosa', 'ea'] as const;
export type BillingAccount = (typeof BILLING_ACCOUNTS)[number];

/** A new-commerce term, as Partner Center writes `termDuration`. */
export const TERMS = ['P1M', 'P1Y', 'P3Y'] as const;
export type Term = (typeof TERMS)[number];

/** How often a term is billed (Partner Center `billingCycle`). */
export const BILLING_FREQUENCIES = ['monthly', 'annual', 'triennial'] as const;
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number];

/** A partner-to-partner transfer request, as the case file tracks it (DOMAIN.md rule 4). */
export const TRANSFER_STATUSES = ['requested', 'approved', 'completed', 'rejected'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
