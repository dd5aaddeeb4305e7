// Finding texts in English and Japanese. Each takes the finding's params; nothing else.
import type { FindingCode, FindingParams } from './findings';
import { regionName } from './regionNames';

export type Lang = 'en' | 'ja';

type Render = (p: FindingParams) => string;

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '?' : String(v));
/** A region id as its name in the language. */
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
    `Moving ${s(p.sku)} to ${s(p.target)} loses ${s(p.count)} service(s): ${s(p.services)}${Number(p.more) > 0 ? ` and ${s(p.more)} more` : ''}. Data in them may be lost.`,
  LICENSE_REASSIGNMENT_REQUIRED: (p) => `${s(p.users)} user(s) must be reassigned from ${s(p.sku)} to ${s(p.target)}.`,
  SEAT_SHORTFALL: (p) => `${s(p.sku)}: ${s(p.targetQuantity)} seat(s) planned but ${s(p.consumed)} in use: ${s(p.shortfall)} user(s) would lose their license.`,
  SEAT_COUNT_CHANGED: (p) => `${s(p.sku)}: the number of licenses changes from ${s(p.quantity)} to ${s(p.targetQuantity)}.`,
  TENANT_SUBSCRIPTION_LIMIT: (p) =>
    `${s(p.active)} active subscription(s) plus ${s(p.toBuy)} to buy exceed the tenant limit of ${s(p.limit)}: let the old subscriptions expire first (the 30-day window keeps access), then buy.`,
  EXPIRY_DEADLINE: (p) =>
    p.state === 'past-deadline'
      ? `${s(p.sku)} expired on ${s(p.expires)} and its 30-day window ended on ${s(p.deadline)}: its data may already be lost.`
      : p.state === 'in-expired-window'
        ? `${s(p.sku)} expired on ${s(p.expires)}: provision the CSP subscription before ${s(p.deadline)} (${s(p.daysToDeadline)} day(s) left) or data is lost.`
        : `${s(p.sku)} expires on ${s(p.expires)} (in ${s(p.daysToExpiry)} day(s)): provision the CSP subscription before ${s(p.deadline)}, the end of the 30-day window.`,
  CANCEL_NO_REFUND: (p) =>
    `Do not cancel ${s(p.sku)}: cancelled subscriptions get no refund. Turn auto-renew off and let it expire${p.expires ? ` on ${s(p.expires)}` : ''}.`,
  DIRECT_PURCHASE_CREDIT: (p) =>
    `${s(p.sku)} was bought directly from Microsoft: the customer may get a credit from Microsoft 365 billing support (with delegated admin the partner can contact support for the customer; otherwise the customer must).`,
  TRIAL_SUBSCRIPTION: (p) =>
    `${s(p.sku)} is a trial: it is not moved. Buy the paid offer${p.expires ? ` before the trial ends on ${s(p.expires)}` : ''} if the customer keeps using it.`,
  ALREADY_OWN_CSP: (p) => `${s(p.sku)} is already sold by your CSP tenant: nothing to move.`,
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
    `${s(p.sku)} から ${s(p.target)} への移行で ${s(p.count)} 個のサービスが失われます: ${s(p.services)}${Number(p.more) > 0 ? ` ほか ${s(p.more)} 個` : ''}。データが失われる可能性があります。`,
  LICENSE_REASSIGNMENT_REQUIRED: (p) => `${s(p.users)} 人のユーザーのライセンスを ${s(p.sku)} から ${s(p.target)} に割り当て直す必要があります。`,
  SEAT_SHORTFALL: (p) => `${s(p.sku)}: 計画は ${s(p.targetQuantity)} ライセンスですが ${s(p.consumed)} ライセンスが使用中です。${s(p.shortfall)} 人のユーザーがライセンスを失います。`,
  SEAT_COUNT_CHANGED: (p) => `${s(p.sku)}: ライセンス数が ${s(p.quantity)} から ${s(p.targetQuantity)} に変わります。`,
  TENANT_SUBSCRIPTION_LIMIT: (p) =>
    `有効なサブスクリプション ${s(p.active)} 件と購入予定 ${s(p.toBuy)} 件の合計がテナントの上限 ${s(p.limit)} 件を超えます。先に旧サブスクリプションを期限切れにしてから (30 日間はアクセスが維持されます) 購入してください。`,
  EXPIRY_DEADLINE: (p) =>
    p.state === 'past-deadline'
      ? `${s(p.sku)} は ${s(p.expires)} に期限切れとなり、30 日間の猶予期間も ${s(p.deadline)} に終了しました。データが既に失われている可能性があります。`
      : p.state === 'in-expired-window'
        ? `${s(p.sku)} は ${s(p.expires)} に期限切れになりました。${s(p.deadline)} までに (残り ${s(p.daysToDeadline)} 日) CSP サブスクリプションをプロビジョニングしないとデータが失われます。`
        : `${s(p.sku)} は ${s(p.expires)} に期限切れになります (あと ${s(p.daysToExpiry)} 日)。30 日間の猶予期間が終わる ${s(p.deadline)} までに CSP サブスクリプションをプロビジョニングしてください。`,
  CANCEL_NO_REFUND: (p) =>
    `${s(p.sku)} を取り消さないでください。取り消したサブスクリプションは返金されません。自動更新をオフにして${p.expires ? ` ${s(p.expires)} の` : ''}期限切れを待ってください。`,
  DIRECT_PURCHASE_CREDIT: (p) =>
    `${s(p.sku)} は Microsoft から直接購入されています。Microsoft 365 の課金サポートからクレジットを受けられる場合があります (代理管理者権限があればパートナーが顧客に代わって問い合わせできます。ない場合は顧客が問い合わせます)。`,
  TRIAL_SUBSCRIPTION: (p) =>
    `${s(p.sku)} は試用版のため移行されません。引き続き使う場合は${p.expires ? ` 試用期間が終わる ${s(p.expires)} までに` : ''}有料オファーを購入してください。`,
  ALREADY_OWN_CSP: (p) => `${s(p.sku)} は既に自社の CSP テナントから提供されています。移行は不要です。`,
};

export const messages: Record<Lang, Record<FindingCode, Render>> = { en, ja };

export function renderFinding(code: FindingCode, params: FindingParams, lang: Lang = 'en'): string {
  return messages[lang][code](params);
}
