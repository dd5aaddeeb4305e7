// Finding texts in English and Japanese. Each takes the finding's params; nothing else.
import type { FindingCode, FindingParams } from './findings';
import { formatCount, formatCountOf, formatDay, type CountedNoun } from './format';
import type { Lang } from './lang';
import { regionName } from './regionNames';

export type { Lang };

type Render = (p: FindingParams) => string;

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '?' : String(v));
/** A calendar day ('2026-07-01') as the language writes it, through the one formatter. */
const d = (v: string | number | null | undefined, lang: Lang): string => (typeof v === 'string' ? formatDay(v, lang) : s(v));
/** A number grouped as the language groups it ("10,000"), through the one formatter. */
const n = (v: string | number | null | undefined, lang: Lang): string => (typeof v === 'number' && Number.isFinite(v) ? formatCount(v, lang) : s(v));
/** A count with its noun in the right English plural ("1 day", "11 days"), through the one formatter. */
const c = (v: string | number | null | undefined, noun: CountedNoun): string => (typeof v === 'number' && Number.isFinite(v) ? formatCountOf(v, noun, 'en') : s(v));
/** A region id as its name in the language. */
/** The reasons a transfer is not possible, in words. */
const BLOCKERS: Record<Lang, Record<string, string>> = {
  en: { 'other-region': 'the customer is in another CSP region', 'not-new-commerce': 'not a new-commerce subscription', 'partial-quantity': 'only whole subscriptions move, and the quantity changes', trial: 'a trial' },
  ja: { 'other-region': '顧客が別の CSP リージョンにいます', 'not-new-commerce': '新しいコマースのサブスクリプションではありません', 'partial-quantity': '移管はサブスクリプション単位で、数量が変わります', trial: '試用版です' },
};
const blockers = (v: string | number | null | undefined, lang: Lang): string =>
  String(v ?? '')
    .split(',')
    .filter(Boolean)
    .map((b) => BLOCKERS[lang][b] ?? b)
    .join(lang === 'ja' ? '、' : '; ');
const r = (v: string | number | null | undefined, lang: Lang): string => (typeof v === 'string' ? regionName(v, lang) : s(v));

const en: Record<FindingCode, Render> = {
  REGION_MISMATCH: (p) =>
    p.reason === 'customer-country-unknown'
      ? `Region not checked: the customer's country is unknown (export the tenant's organization with its countryLetterCode).`
      : p.reason === 'unknown-country'
      ? `Region not checked: country "${s(p.country)}" is not in the CSP markets list.`
      : `The partner (${s(p.partnerCountry)}, region ${r(p.partnerRegion, 'en')}) and the customer (${s(p.customerCountry)}, region ${r(p.customerRegion, 'en')}) are in different CSP regions: a partner may only transact with customers of its own region.`,
  UNKNOWN_SKU: (p) => `${s(p.sku)} is not in the licensing catalog (a newer SKU?): choose its target offer by hand.`,
  NOT_PURCHASABLE: (p) =>
    p.target
      ? `${s(p.sku)} can no longer be bought: proposed equivalent ${s(p.target)}.`
      : `${s(p.sku)} can no longer be bought and no purchasable offer keeps its services: choose a target by hand.`,
  DATA_LOSS_RISK: (p) =>
    `Moving ${s(p.sku)} to ${s(p.target)} loses ${c(p.count, 'service')}: ${s(p.services)}${Number(p.more) > 0 ? ` and ${n(p.more, 'en')} more` : ''}. Data in them may be lost.`,
  LICENSE_REASSIGNMENT_REQUIRED: (p) => `${c(p.users, 'user')} must be reassigned from ${s(p.sku)} to ${s(p.target)}.`,
  SEAT_SHORTFALL: (p) => `${s(p.sku)}: ${c(p.targetQuantity, 'seat')} planned but ${n(p.consumed, 'en')} in use: ${c(p.shortfall, 'user')} would lose their license.`,
  SEAT_COUNT_CHANGED: (p) => `${s(p.sku)}: the number of licenses changes from ${n(p.quantity, 'en')} to ${n(p.targetQuantity, 'en')}.`,
  TENANT_SUBSCRIPTION_LIMIT: (p) =>
    p.window === 'none'
      ? `${c(p.active, 'subscription')} active plus ${n(p.toBuy, 'en')} to buy exceed the tenant limit of ${n(p.limit, 'en')}: letting the old ones end no longer keeps access for 30 days. Transfer what can be transferred (no new subscription), or have the old ones end on the day the new ones start.`
      : `${c(p.active, 'subscription')} active plus ${n(p.toBuy, 'en')} to buy exceed the tenant limit of ${n(p.limit, 'en')}: let the old subscriptions expire first (the 30-day window keeps access), then buy.`,
  EXPIRY_DEADLINE: (p) =>
    p.window === 'none'
      ? p.state === 'past-deadline'
        ? `${s(p.sku)} ended on ${d(p.expires, 'en')}: there is no window after the end of term any more; check whether it went into an Extended Service Term or its service stopped.`
        : `${s(p.sku)} ends on ${d(p.expires, 'en')} (in ${c(p.daysToExpiry, 'day')}): the CSP subscription must be active by that day, there is no window after it.`
      : p.state === 'past-deadline'
      ? `${s(p.sku)} expired on ${d(p.expires, 'en')} and its 30-day window ended on ${d(p.deadline, 'en')}: its data may already be lost.`
      : p.state === 'in-expired-window'
        ? `${s(p.sku)} expired on ${d(p.expires, 'en')}: provision the CSP subscription before ${d(p.deadline, 'en')} (${c(p.daysToDeadline, 'day')} left) or data is lost.`
        : `${s(p.sku)} expires on ${d(p.expires, 'en')} (in ${c(p.daysToExpiry, 'day')}): provision the CSP subscription before ${d(p.deadline, 'en')}, the end of the 30-day window.`,
  CANCEL_NO_REFUND: (p) =>
    `Do not cancel ${s(p.sku)}: cancelled subscriptions get no refund. Turn auto-renew off and let it expire${p.expires ? ` on ${d(p.expires, 'en')}` : ''}.`,
  DIRECT_PURCHASE_CREDIT: (p) =>
    `${s(p.sku)} was bought directly from Microsoft: the customer may get a credit from Microsoft 365 billing support (with delegated admin the partner can contact support for the customer; otherwise the customer must).`,
  TRIAL_SUBSCRIPTION: (p) =>
    `${s(p.sku)} is a trial: it is not moved. Buy the paid offer${p.expires ? ` before the trial ends on ${d(p.expires, 'en')}` : ''} if the customer keeps using it.`,
  ALREADY_OWN_CSP: (p) => `${s(p.sku)} is already sold by your CSP tenant: nothing to move.`,
  END_OF_TERM_EST: (p) =>
    p.channel === 'unknown'
      ? `${s(p.sku)}: who sold it${p.expires ? ` and when it ends (${d(p.expires, 'en')})` : ''} must be checked. Since the Extended Service Term rules, a subscription that is simply left to expire keeps being billed month to month (+${n(p.uplift, 'en')} %, +${n(p.upliftNoMonthly, 'en')} % without a monthly plan); its seller must schedule "cancel at end of term", and the CSP subscription must be active by the end date.`
      : p.scheduledOn
        ? `${s(p.sku)}: the current partner scheduled "cancel at end of term" on ${d(p.scheduledOn, 'en')}; service stops on ${d(p.expires, 'en')}, so the CSP subscription must be active by ${d(p.activeBy, 'en')}.`
        : `${s(p.sku)} ends on ${d(p.expires, 'en')}: ask the current partner to schedule "cancel at end of term", and have the CSP subscription active by ${d(p.activeBy, 'en')}. Without it, it continues in an Extended Service Term at the monthly price +${n(p.uplift, 'en')} % (+${n(p.upliftNoMonthly, 'en')} % where the offer has no monthly plan).`,
  DIRECT_END_OF_TERM: (p) =>
    `${s(p.sku)} was bought directly from Microsoft: with recurring billing off it is Expired from ${d(p.expires, 'en')} (users keep working), Disabled from ${d(p.disabledOn, 'en')} (users lose access, admins can back up data) and Deleted on ${d(p.deletedOn, 'en')}. ` +
    (p.account === 'mca'
      ? `On a Microsoft Customer Agreement billing account a prorated refund is possible only within 7 days of the start or renewal.`
      : p.account === 'mosa'
        ? `On a MOSA billing account a prorated credit is possible at any time through Microsoft 365 billing support (the partner may contact it for the customer only with delegated admin).`
        : `Ask the customer which billing account it has (Microsoft Customer Agreement: refund only within 7 days of start or renewal; MOSA: prorated credit through billing support).`) +
    ` Check in the customer's admin center whether an Extended Service Term applies.`,
  EA_CHANNEL_TRANSFER: (p) =>
    `${s(p.sku)} comes with an Enterprise Agreement: use "channel transfers renew to CSP" so the CSP subscriptions start at the EA end date${p.eaEndDate ? ` (${d(p.eaEndDate, 'en')})` : ''}; end-of-sale products can be kept that way.`,
  TRANSFER_PROPOSED: (p) =>
    `${s(p.sku)} can be transferred from its current partner (partner-to-partner transfer${p.request ? `, request ${s(p.request)}` : ''}): same subscription, term and end date, no re-buy, no overlap and no reassignment.${Number(p.checkCommerce) === 1 ? ' Confirm with the current partner that it is a new-commerce subscription.' : ''}`,
  TRANSFER_NOT_POSSIBLE: (p) => `${s(p.sku)} cannot be transferred from its current partner (${blockers(p.blockers, 'en')}): it is bought again.`,
  TRANSFER_IN_PROGRESS: (p) =>
    p.status === 'rejected'
      ? `The transfer of ${s(p.sku)} was rejected: buy it again, or ask the current partner why.`
      : p.status === 'completed'
        ? `${s(p.sku)} was transferred: it keeps its term and end date, nothing to buy.`
        : p.status === 'approved'
          ? `The current partner approved the transfer of ${s(p.sku)}: nothing to buy.`
          : `The transfer of ${s(p.sku)} was requested and waits for the current partner's approval.`,
  ORDER_CHECK_BY: (p) =>
    Number(p.ordered) === 1
      ? `The order for ${s(p.sku)} was placed on ${d(p.orderDate, 'en')}: check its quantities and targets by ${d(p.checkBy, 'en')}; after that a wrong quantity is paid for the whole term.`
      : `The order for ${s(p.sku)} is planned for ${d(p.orderDate, 'en')}: quantities and targets can be corrected with a prorated refund until ${d(p.checkBy, 'en')} (7 days), not after.`,
  TERM_PREMIUM: (p) =>
    p.premium === 'monthly-term-premium'
      ? `${s(p.sku)}: a monthly term costs ${n(p.percent, 'en')} % more than an annual term.`
      : `${s(p.sku)}: paying this term monthly costs ${n(p.percent, 'en')} % more than paying it upfront.`,
  THREE_YEAR_MINIMUM: (p) => `${s(p.sku)}: a 3-year term needs at least ${n(p.minimum, 'en')} seats; ${n(p.quantity, 'en')} are planned. Choose an annual term or more seats.`,
  END_OF_SALE: (p) =>
    (p.kind === 'with-teams'
      ? `${s(p.sku)} includes Teams: since ${d(p.since, 'en')} it is sold only to customers who already hold it, and changing its term or billing frequency means moving to the no-Teams suite with Microsoft Teams.`
      : `${s(p.sku)} is retired and can no longer be bought${p.target ? `: proposed ${s(p.target)}` : ''}.`) + ' The partner\'s offer list would make this certain.',
  TEAMS_PAIR: (p) => `${s(p.sku)} cannot be bought: ${s(p.target)} together keep every service; every user gets both licenses.`,
  CUSTOMER_AGREEMENT_MISSING: () =>
    `The customer's acceptance of the Microsoft Customer Agreement is not recorded: orders fail without it. Record the date and who attested it before ordering.`,

};

const ja: Record<FindingCode, Render> = {
  REGION_MISMATCH: (p) =>
    p.reason === 'customer-country-unknown'
      ? `リージョンを確認できません: 顧客の国が不明です (テナントの organization を countryLetterCode 付きでエクスポートしてください)。`
      : p.reason === 'unknown-country'
      ? `リージョンを確認できません: 国「${s(p.country)}」は CSP マーケット一覧にありません。`
      : `パートナー (${s(p.partnerCountry)}、リージョン ${r(p.partnerRegion, 'ja')}) と顧客 (${s(p.customerCountry)}、リージョン ${r(p.customerRegion, 'ja')}) の CSP リージョンが異なります。パートナーは自リージョンの顧客とのみ取引できます。`,
  UNKNOWN_SKU: (p) => `${s(p.sku)} はライセンス カタログにありません (新しい SKU の可能性があります)。移行先のオファーを手動で選んでください。`,
  NOT_PURCHASABLE: (p) =>
    p.target
      ? `${s(p.sku)} は購入できなくなりました。同等のプランとして ${s(p.target)} を提案します。`
      : `${s(p.sku)} は購入できなくなり、サービスを維持できる購入可能なオファーがありません。移行先を手動で選んでください。`,
  DATA_LOSS_RISK: (p) =>
    `${s(p.sku)} から ${s(p.target)} への移行で ${n(p.count, 'ja')} 個のサービスが失われます: ${s(p.services)}${Number(p.more) > 0 ? ` ほか ${n(p.more, 'ja')} 個` : ''}。データが失われる可能性があります。`,
  LICENSE_REASSIGNMENT_REQUIRED: (p) => `${n(p.users, 'ja')} 人のユーザーのライセンスを ${s(p.sku)} から ${s(p.target)} に割り当て直す必要があります。`,
  SEAT_SHORTFALL: (p) => `${s(p.sku)}: 計画は ${n(p.targetQuantity, 'ja')} ライセンスですが ${n(p.consumed, 'ja')} ライセンスが使用中です。${n(p.shortfall, 'ja')} 人のユーザーがライセンスを失います。`,
  SEAT_COUNT_CHANGED: (p) => `${s(p.sku)}: ライセンス数が ${n(p.quantity, 'ja')} から ${n(p.targetQuantity, 'ja')} に変わります。`,
  TENANT_SUBSCRIPTION_LIMIT: (p) =>
    p.window === 'none'
      ? `有効なサブスクリプション ${n(p.active, 'ja')} 件と購入予定 ${n(p.toBuy, 'ja')} 件の合計がテナントの上限 ${n(p.limit, 'ja')} 件を超えます。旧サブスクリプションを終了させても 30 日間のアクセスはもう維持されません。移管できるものは移管し (新しいサブスクリプションは増えません)、それ以外は新しいサブスクリプションの開始日に旧サブスクリプションが終了するようにしてください。`
      : `有効なサブスクリプション ${n(p.active, 'ja')} 件と購入予定 ${n(p.toBuy, 'ja')} 件の合計がテナントの上限 ${n(p.limit, 'ja')} 件を超えます。先に旧サブスクリプションを期限切れにしてから (30 日間はアクセスが維持されます) 購入してください。`,
  EXPIRY_DEADLINE: (p) =>
    p.window === 'none'
      ? p.state === 'past-deadline'
        ? `${s(p.sku)} は ${d(p.expires, 'ja')} に期間が終了しました。期間終了後の猶予期間はもうありません。延長サービス期間に入ったか、サービスが停止したかを確認してください。`
        : `${s(p.sku)} は ${d(p.expires, 'ja')} に期間が終了します (あと ${n(p.daysToExpiry, 'ja')} 日)。その日までに CSP サブスクリプションを有効にしてください。期間終了後の猶予期間はありません。`
      : p.state === 'past-deadline'
      ? `${s(p.sku)} は ${d(p.expires, 'ja')} に期限切れとなり、30 日間の猶予期間も ${d(p.deadline, 'ja')} に終了しました。データが既に失われている可能性があります。`
      : p.state === 'in-expired-window'
        ? `${s(p.sku)} は ${d(p.expires, 'ja')} に期限切れになりました。${d(p.deadline, 'ja')} までに (残り ${n(p.daysToDeadline, 'ja')} 日) CSP サブスクリプションをプロビジョニングしないとデータが失われます。`
        : `${s(p.sku)} は ${d(p.expires, 'ja')} に期限切れになります (あと ${n(p.daysToExpiry, 'ja')} 日)。30 日間の猶予期間が終わる ${d(p.deadline, 'ja')} までに CSP サブスクリプションをプロビジョニングしてください。`,
  CANCEL_NO_REFUND: (p) =>
    `${s(p.sku)} を取り消さないでください。取り消したサブスクリプションは返金されません。自動更新をオフにして${p.expires ? ` ${d(p.expires, 'ja')} の` : ''}期限切れを待ってください。`,
  DIRECT_PURCHASE_CREDIT: (p) =>
    `${s(p.sku)} は Microsoft から直接購入されています。Microsoft 365 の課金サポートからクレジットを受けられる場合があります (委任された管理者特権があればパートナーが顧客に代わって問い合わせできます。ない場合は顧客が問い合わせます)。`,
  TRIAL_SUBSCRIPTION: (p) =>
    `${s(p.sku)} は試用版のため移行されません。引き続き使う場合は${p.expires ? ` 試用期間が終わる ${d(p.expires, 'ja')} までに` : ''}有料オファーを購入してください。`,
  ALREADY_OWN_CSP: (p) => `${s(p.sku)} は既に自社の CSP テナントから提供されています。移行は不要です。`,
  END_OF_TERM_EST: (p) =>
    p.channel === 'unknown'
      ? `${s(p.sku)}: 販売元${p.expires ? `と期間終了日 (${d(p.expires, 'ja')})` : ''}を確認してください。延長サービス期間のルールにより、期限切れを待つだけのサブスクリプションは月単位で課金され続けます (+${n(p.uplift, 'ja')} %、月次プランがない場合 +${n(p.upliftNoMonthly, 'ja')} %)。販売元が「期間終了時に取り消し」を設定し、終了日までに CSP サブスクリプションを有効にする必要があります。`
      : p.scheduledOn
        ? `${s(p.sku)}: 現在のパートナーが ${d(p.scheduledOn, 'ja')} に「期間終了時に取り消し」を設定しました。${d(p.expires, 'ja')} にサービスが停止するため、${d(p.activeBy, 'ja')} までに CSP サブスクリプションを有効にしてください。`
        : `${s(p.sku)} は ${d(p.expires, 'ja')} に期間が終了します。現在のパートナーに「期間終了時に取り消し」の設定を依頼し、${d(p.activeBy, 'ja')} までに CSP サブスクリプションを有効にしてください。設定がないと延長サービス期間として月額料金 +${n(p.uplift, 'ja')} % (月次プランがないオファーは +${n(p.upliftNoMonthly, 'ja')} %) で継続します。`,
  DIRECT_END_OF_TERM: (p) =>
    `${s(p.sku)} は Microsoft から直接購入されています。定期請求をオフにすると ${d(p.expires, 'ja')} から期限切れ (ユーザーは引き続き利用可能)、${d(p.disabledOn, 'ja')} から無効 (ユーザーはアクセス不可、管理者はデータをバックアップ可能)、${d(p.deletedOn, 'ja')} に削除されます。` +
    (p.account === 'mca'
      ? `Microsoft 顧客契約の請求アカウントでは、日割りの返金は開始または更新から 7 日以内に限られます。`
      : p.account === 'mosa'
        ? `MOSA の請求アカウントでは、Microsoft 365 の課金サポートを通じていつでも日割りのクレジットを受けられます (パートナーが顧客に代わって問い合わせできるのは委任された管理者特権がある場合のみ)。`
        : `顧客の請求アカウントの種類を確認してください (Microsoft 顧客契約: 返金は開始または更新から 7 日以内のみ、MOSA: 課金サポート経由で日割りクレジット)。`) +
    `延長サービス期間が適用されるかを顧客の管理センターで確認してください。`,
  EA_CHANNEL_TRANSFER: (p) =>
    `${s(p.sku)} はエンタープライズ契約によるものです。「チャネル移行で CSP に更新」を使うと、EA 終了日${p.eaEndDate ? ` (${d(p.eaEndDate, 'ja')})` : ''}に CSP サブスクリプションが開始されます。販売終了の製品もこの方法なら維持できます。`,
  TRANSFER_PROPOSED: (p) =>
    `${s(p.sku)} は現在のパートナーから移管できます (パートナー間移管${p.request ? `、要求 ${s(p.request)}` : ''})。サブスクリプション、期間、終了日はそのままで、再購入、重複、ライセンスの再割り当ては不要です。${Number(p.checkCommerce) === 1 ? '新しいコマースのサブスクリプションであることを現在のパートナーに確認してください。' : ''}`,
  TRANSFER_NOT_POSSIBLE: (p) => `${s(p.sku)} は現在のパートナーから移管できません (${blockers(p.blockers, 'ja')})。再購入します。`,
  TRANSFER_IN_PROGRESS: (p) =>
    p.status === 'rejected'
      ? `${s(p.sku)} の移管は拒否されました。再購入するか、現在のパートナーに理由を確認してください。`
      : p.status === 'completed'
        ? `${s(p.sku)} は移管済みです。期間と終了日はそのままで、購入は不要です。`
        : p.status === 'approved'
          ? `現在のパートナーが ${s(p.sku)} の移管を承認しました。購入は不要です。`
          : `${s(p.sku)} の移管を要求し、現在のパートナーの承認を待っています。`,
  ORDER_CHECK_BY: (p) =>
    Number(p.ordered) === 1
      ? `${s(p.sku)} の注文は ${d(p.orderDate, 'ja')} に行われました。${d(p.checkBy, 'ja')} までに数量と移行先を確認してください。その後は誤った数量でも期間全体の料金がかかります。`
      : `${s(p.sku)} の注文は ${d(p.orderDate, 'ja')} の予定です。${d(p.checkBy, 'ja')} まで (7 日間) は日割り返金で数量と移行先を修正できますが、その後はできません。`,
  TERM_PREMIUM: (p) =>
    p.premium === 'monthly-term-premium'
      ? `${s(p.sku)}: 月単位の期間は年単位より ${n(p.percent, 'ja')} % 高くなります。`
      : `${s(p.sku)}: この期間を月払いにすると前払いより ${n(p.percent, 'ja')} % 高くなります。`,
  THREE_YEAR_MINIMUM: (p) => `${s(p.sku)}: 3 年単位の期間には ${n(p.minimum, 'ja')} シート以上が必要ですが、計画は ${n(p.quantity, 'ja')} シートです。年単位の期間にするかシートを増やしてください。`,
  END_OF_SALE: (p) =>
    (p.kind === 'with-teams'
      ? `${s(p.sku)} は Teams を含みます。${d(p.since, 'ja')} 以降は既に保有している顧客にのみ販売され、期間や請求頻度を変える場合は Teams なしスイートと Microsoft Teams に移行する必要があります。`
      : `${s(p.sku)} は提供終了となり購入できません${p.target ? `。${s(p.target)} を提案します` : ''}。`) + 'パートナーのオファー一覧があれば確定できます。',
  TEAMS_PAIR: (p) => `${s(p.sku)} は購入できません。${s(p.target)} の組み合わせですべてのサービスを維持できます。各ユーザーに両方のライセンスを割り当てます。`,
  CUSTOMER_AGREEMENT_MISSING: () =>
    `顧客による Microsoft 顧客契約への同意が記録されていません。同意がないと注文は失敗します。注文の前に同意日と確認者を記録してください。`,

};

export const messages: Record<Lang, Record<FindingCode, Render>> = { en, ja };

export function renderFinding(code: FindingCode, params: FindingParams, lang: Lang = 'en'): string {
  return messages[lang][code](params);
}
