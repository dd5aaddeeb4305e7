// The rules the engine applies, dated and cited (DOMAIN.md "The rules in force now"): one table,
// read by the engine (which rule of a family is in force on a date), by every finding (its "why")
// and by `npm run docs:rules` (docs/rules.md). A rule replaced by a newer one keeps its row with an
// `until`, so a plan dated before the change still gets the older advice.
import { wordsIn, type Translate } from '../words';
import type { LocalDate } from './dates';
import type { Lang } from './lang';
import { GDAP_RULE_ID } from './gdap';
import { MONTHLY_BILLING_PREMIUM, MONTHLY_BILLING_PREMIUM_RULE_ID, MONTHLY_TERM_PREMIUM, MONTHLY_TERM_PREMIUM_RULE_ID, THREE_YEAR_MINIMUM, THREE_YEAR_MINIMUM_RULE_ID } from './terms';

export const RULE_FAMILIES = [
  'end-of-term',
  'direct-lifecycle',
  'ea-renewal',
  'cancellation-window',
  'partner-transfer',
  'delegated-admin',
  'teams-unbundling',
  'end-of-sale',
  'customer-agreement',
  'monthly-term-premium',
  'monthly-billing-premium',
  'three-year-minimum',
  'tenant-subscription-limit',
  'region',
  'offer-matching',
  'seats',
] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

export interface Rule {
  id: string;
  family: RuleFamily;
  /** First day the rule applies. */
  since: LocalDate;
  /** First day it no longer applies (the day its replacement starts). */
  until?: LocalDate;
  replacedBy?: string;
  /** Its title, a literal key of the shared catalogs (shared/words, `rule.*`): say it with ruleTitle. */
  title: (t: Translate) => string;
  /** The article (or document) it comes from. */
  source: string;
  url?: string;
}

/** The seed's own date: rules that have not changed since the product began. */
const SEED = '2020-01-01';

export const RULES: readonly Rule[] = [
  {
    id: 'expired-window-30-days',
    family: 'end-of-term',
    since: SEED,
    until: '2026-05-04',
    replacedBy: 'extended-service-term',
    title: (t) => t('rule.expired-window-30-days'),
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP" (2023 edition)',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
  {
    id: 'extended-service-term',
    family: 'end-of-term',
    since: '2026-05-04',
    title: (t) => t('rule.extended-service-term'),
    source: 'Partner Center, "Extended service terms (EST)"; CloudBlue Office 365 channel operations guide, "Extended Service Terms"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms',
  },
  {
    id: 'direct-credit-by-support',
    family: 'direct-lifecycle',
    since: SEED,
    until: '2024-01-01',
    replacedBy: 'direct-expired-disabled-deleted',
    title: (t) => t('rule.direct-credit-by-support'),
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP" (2023 edition)',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
  {
    id: 'direct-expired-disabled-deleted',
    family: 'direct-lifecycle',
    since: '2024-01-01',
    title: (t) => t('rule.direct-expired-disabled-deleted'),
    source: 'Microsoft 365 admin, "What if my subscription expires?" and "Cancel your Microsoft business subscription" (2024)',
    url: 'https://learn.microsoft.com/en-us/microsoft-365/commerce/subscriptions/what-if-my-subscription-expires',
  },
  {
    id: 'ea-channel-transfer',
    family: 'ea-renewal',
    since: SEED,
    title: (t) => t('rule.ea-channel-transfer'),
    source: 'Partner Center, "Transition customers from Enterprise Agreement to CSP"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-ea-to-csp',
  },
  {
    id: 'cancellation-window-7-days',
    family: 'cancellation-window',
    since: '2022-03-01',
    title: (t) => t('rule.cancellation-window-7-days'),
    source: 'Partner Center, "New commerce license-based cancellation and seat reduction policy"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/new-commerce-license-cancellation',
  },
  {
    id: 'partner-to-partner-transfer',
    family: 'partner-transfer',
    since: '2022-03-01',
    title: (t) => t('rule.partner-to-partner-transfer'),
    source: 'Partner Center, "Transfer new commerce subscriptions between partners"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transfer-ownership-of-a-product-subscription',
  },
  {
    id: GDAP_RULE_ID,
    family: 'delegated-admin',
    since: '2023-10-01',
    title: (t) => t('rule.gdap-only'),
    source: 'Partner Center, "Introduction to granular delegated admin privileges (GDAP)"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/gdap-introduction',
  },
  {
    id: 'teams-unbundling',
    family: 'teams-unbundling',
    since: '2024-04-01',
    title: (t) => t('rule.teams-unbundling'),
    source: 'Microsoft, "Microsoft 365 and Office 365 plans: Teams licensing changes worldwide" (2024)',
    url: 'https://www.microsoft.com/en-us/licensing/news/Microsoft365-Teams-WW',
  },
  {
    id: 'end-of-sale',
    family: 'end-of-sale',
    since: SEED,
    title: (t) => t('rule.end-of-sale'),
    source: 'Microsoft licensing CSV "Product names and service plan identifiers for licensing"; Microsoft retirement notices',
    url: 'https://learn.microsoft.com/en-us/entra/identity/users/licensing-service-plan-reference',
  },
  {
    id: 'customer-agreement',
    family: 'customer-agreement',
    since: SEED,
    title: (t) => t('rule.customer-agreement'),
    source: 'Partner Center, "Confirm customer acceptance of the Microsoft Customer Agreement"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/confirm-customer-agreement',
  },
  {
    id: MONTHLY_TERM_PREMIUM_RULE_ID,
    family: 'monthly-term-premium',
    since: MONTHLY_TERM_PREMIUM.since,
    title: (t) => t('rule.monthly-term-premium'),
    source: 'Partner Center, "New commerce license-based offers: pricing"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/new-commerce-license-based',
  },
  {
    id: MONTHLY_BILLING_PREMIUM_RULE_ID,
    family: 'monthly-billing-premium',
    since: MONTHLY_BILLING_PREMIUM.since,
    title: (t) => t('rule.monthly-billing-premium'),
    source: 'Microsoft partner announcement, "Monthly billing price update" (2025)',
  },
  {
    id: THREE_YEAR_MINIMUM_RULE_ID,
    family: 'three-year-minimum',
    since: THREE_YEAR_MINIMUM.since,
    title: (t) => t('rule.three-year-minimum'),
    source: 'Partner Center price list notes (2025)',
  },
  {
    id: 'tenant-limit-150',
    family: 'tenant-subscription-limit',
    since: SEED,
    title: (t) => t('rule.tenant-limit-150'),
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
  {
    id: 'csp-region',
    family: 'region',
    since: SEED,
    title: (t) => t('rule.csp-region'),
    source: 'Partner Center, "Regional authorization overview"',
    url: 'https://learn.microsoft.com/en-us/partner-center/regional-authorization-overview',
  },
  {
    id: 'offer-matching',
    family: 'offer-matching',
    since: SEED,
    title: (t) => t('rule.offer-matching'),
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
  {
    id: 'seats',
    family: 'seats',
    since: SEED,
    title: (t) => t('rule.seats'),
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
];

const byId = new Map(RULES.map((r) => [r.id, r]));
const byFamily = new Map<RuleFamily, Rule[]>();
for (const r of RULES) {
  const list = byFamily.get(r.family);
  if (list) list.push(r);
  else byFamily.set(r.family, [r]);
}

/** A rule's title in the language. */
export function ruleTitle(rule: Rule, lang: Lang): string {
  return rule.title(wordsIn(lang));
}

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/**
 * The rule of a family that applies on `on`. Before the first rule of the family, the first one
 * (the engine has no older advice to give).
 */
export function ruleInForce(family: RuleFamily, on: LocalDate): Rule {
  const list = byFamily.get(family)!;
  // Most families have one rule: it applies whatever the day (read for every finding).
  if (list.length === 1) return list[0]!;
  for (const r of list) if (r.since <= on && (r.until === undefined || on < r.until)) return r;
  return list[0]!;
}
