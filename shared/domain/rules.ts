// The rules the engine applies, dated and cited (DOMAIN.md "The rules in force now"): one table,
// read by the engine (which rule of a family is in force on a date), by every finding (its "why")
// and by `npm run docs:rules` (docs/rules.md). A rule replaced by a newer one keeps its row with an
// `until`, so a plan dated before the change still gets the older advice.
import type { LocalDate } from './dates';
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
  title: { en: string; ja: string };
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
    title: {
      en: 'At term end a subscription is Expired for 30 days: provision the CSP subscription before the window ends',
      ja: '期間終了後 30 日間は期限切れ状態: その間に CSP サブスクリプションをプロビジョニングする',
    },
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP" (2023 edition)',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
  {
    id: 'extended-service-term',
    family: 'end-of-term',
    since: '2026-05-04',
    title: {
      en: 'Extended Service Term: without "cancel at end of term" a subscription continues month to month at +3 % (+23 % without a monthly plan); no grace window',
      ja: '延長サービス期間 (EST): 「期間終了時に取り消し」がなければ月単位で +3 % (月次プランがない場合 +23 %) で継続。猶予期間なし',
    },
    source: 'Partner Center, "Extended service terms (EST)"; CloudBlue Office 365 channel operations guide, "Extended Service Terms"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms',
  },
  {
    id: 'direct-credit-by-support',
    family: 'direct-lifecycle',
    since: SEED,
    until: '2024-01-01',
    replacedBy: 'direct-expired-disabled-deleted',
    title: {
      en: 'Bought directly from Microsoft: a credit may come from Microsoft 365 billing support',
      ja: 'Microsoft から直接購入: Microsoft 365 の課金サポートからクレジットを受けられる場合がある',
    },
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP" (2023 edition)',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
  {
    id: 'direct-expired-disabled-deleted',
    family: 'direct-lifecycle',
    since: '2024-01-01',
    title: {
      en: 'Direct subscriptions: Expired 30 days, Disabled 90 days, then Deleted; refund by billing account (MCA within 7 days, MOSA prorated credit)',
      ja: '直接購入: 期限切れ 30 日、無効 90 日の後に削除。返金は請求アカウント次第 (MCA は 7 日以内、MOSA は日割りクレジット)',
    },
    source: 'Microsoft 365 admin, "What if my subscription expires?" and "Cancel your Microsoft business subscription" (2024)',
    url: 'https://learn.microsoft.com/en-us/microsoft-365/commerce/subscriptions/what-if-my-subscription-expires',
  },
  {
    id: 'ea-channel-transfer',
    family: 'ea-renewal',
    since: SEED,
    title: {
      en: 'Enterprise Agreement: "channel transfers renew to CSP" schedules the CSP subscriptions at the EA end date',
      ja: 'エンタープライズ契約: 「チャネル移行で CSP に更新」により EA 終了日に CSP サブスクリプションを開始',
    },
    source: 'Partner Center, "Transition customers from Enterprise Agreement to CSP"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-ea-to-csp',
  },
  {
    id: 'cancellation-window-7-days',
    family: 'cancellation-window',
    since: '2022-03-01',
    title: {
      en: 'New commerce: an order can be cancelled or reduced, prorated, within 7 days (168 hours) of purchase or renewal',
      ja: '新しいコマース: 購入または更新から 7 日 (168 時間) 以内なら日割りで取り消し・削減できる',
    },
    source: 'Partner Center, "New commerce license-based cancellation and seat reduction policy"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/new-commerce-license-cancellation',
  },
  {
    id: 'partner-to-partner-transfer',
    family: 'partner-transfer',
    since: '2022-03-01',
    title: {
      en: 'Partner-to-partner transfer (new commerce): same region, whole subscriptions, at most 25 line items per request',
      ja: 'パートナー間移管 (新しいコマース): 同じリージョン、サブスクリプション単位、1 件の要求で最大 25 項目',
    },
    source: 'Partner Center, "Transfer new commerce subscriptions between partners"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transfer-ownership-of-a-product-subscription',
  },
  {
    id: GDAP_RULE_ID,
    family: 'delegated-admin',
    since: '2023-10-01',
    title: {
      en: 'Delegated admin is GDAP only: least-privileged roles, at most 730 days, no auto-extend with Global Administrator, requests expire after 90 days',
      ja: '委任された管理者特権は GDAP のみ: 最小権限のロール、最長 730 日、全体管理者を含む場合は自動延長不可、未承認の要求は 90 日で失効',
    },
    source: 'Partner Center, "Introduction to granular delegated admin privileges (GDAP)"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/gdap-introduction',
  },
  {
    id: 'teams-unbundling',
    family: 'teams-unbundling',
    since: '2024-04-01',
    title: {
      en: 'Enterprise suites with Teams are not sold to new customers (EEA and Switzerland since 2023-10-01, worldwide since 2024-04-01): a no-Teams suite plus Microsoft Teams keeps every service',
      ja: 'Teams 付きエンタープライズ スイートは新規顧客に販売されない (EEA とスイスは 2023-10-01、全世界は 2024-04-01 から)。Teams なしスイートと Microsoft Teams の組み合わせですべてのサービスを維持',
    },
    source: 'Microsoft, "Microsoft 365 and Office 365 plans: Teams licensing changes worldwide" (2024)',
    url: 'https://www.microsoft.com/en-us/licensing/news/Microsoft365-Teams-WW',
  },
  {
    id: 'end-of-sale',
    family: 'end-of-sale',
    since: SEED,
    title: {
      en: 'Retired and end-of-sale products cannot be bought: the offer list makes it certain',
      ja: '提供終了・販売終了の製品は購入できない (オファー一覧で確定)',
    },
    source: 'Microsoft licensing CSV "Product names and service plan identifiers for licensing"; Microsoft retirement notices',
    url: 'https://learn.microsoft.com/en-us/entra/identity/users/licensing-service-plan-reference',
  },
  {
    id: 'customer-agreement',
    family: 'customer-agreement',
    since: SEED,
    title: {
      en: 'The customer must have accepted the Microsoft Customer Agreement before the first order',
      ja: '最初の注文の前に顧客が Microsoft 顧客契約に同意している必要がある',
    },
    source: 'Partner Center, "Confirm customer acceptance of the Microsoft Customer Agreement"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/confirm-customer-agreement',
  },
  {
    id: MONTHLY_TERM_PREMIUM_RULE_ID,
    family: 'monthly-term-premium',
    since: MONTHLY_TERM_PREMIUM.since,
    title: { en: 'A monthly term costs 20 % more than an annual term', ja: '月単位の期間は年単位より 20 % 高い' },
    source: 'Partner Center, "New commerce license-based offers: pricing"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/new-commerce-license-based',
  },
  {
    id: MONTHLY_BILLING_PREMIUM_RULE_ID,
    family: 'monthly-billing-premium',
    since: MONTHLY_BILLING_PREMIUM.since,
    title: { en: 'Annual or 3-year terms billed monthly cost 5 % more', ja: '年単位・3 年単位の期間を月払いにすると 5 % 高い' },
    source: 'Microsoft partner announcement, "Monthly billing price update" (2025)',
  },
  {
    id: THREE_YEAR_MINIMUM_RULE_ID,
    family: 'three-year-minimum',
    since: THREE_YEAR_MINIMUM.since,
    title: { en: '3-year terms need at least 100 seats', ja: '3 年単位の期間には 100 シート以上が必要' },
    source: 'Partner Center price list notes (2025)',
  },
  {
    id: 'tenant-limit-150',
    family: 'tenant-subscription-limit',
    since: SEED,
    title: {
      en: 'A tenant may hold 150 active subscriptions (another article says 300; the transition article says 150)',
      ja: 'テナントの有効なサブスクリプションは 150 件まで (別の記事は 300 件、移行の記事は 150 件)',
    },
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
  {
    id: 'csp-region',
    family: 'region',
    since: SEED,
    title: { en: 'A partner transacts only with customers of its own CSP region', ja: 'パートナーは自社の CSP リージョンの顧客とのみ取引できる' },
    source: 'Partner Center, "Regional authorization overview"',
    url: 'https://learn.microsoft.com/en-us/partner-center/regional-authorization-overview',
  },
  {
    id: 'offer-matching',
    family: 'offer-matching',
    since: SEED,
    title: {
      en: 'Same offer when it can be bought, else the purchasable equivalent that keeps the most services; a new SKU means reassigning licenses',
      ja: '購入可能なら同じオファー、できなければサービスを最も多く維持する同等のオファー。SKU が変わるとライセンスの再割り当てが必要',
    },
    source: 'Microsoft Learn, "Transition customers from Microsoft 365 to CSP"',
    url: 'https://learn.microsoft.com/en-us/partner-center/customers/transition-customers-to-csp',
  },
  {
    id: 'seats',
    family: 'seats',
    since: SEED,
    title: { en: 'Buy at least as many seats as are in use', ja: '使用中のライセンス数以上を購入する' },
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

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/**
 * The rule of a family that applies on `on`. Before the first rule of the family, the first one
 * (the engine has no older advice to give).
 */
export function ruleInForce(family: RuleFamily, on: LocalDate): Rule {
  const list = byFamily.get(family)!;
  for (const r of list) if (r.since <= on && (r.until === undefined || on < r.until)) return r;
  return list[0]!;
}
