// The words a change is described with, in both languages. The activity log is shared by a team
// whose members may read different languages, so each entry is written once in both; shared code
// cannot import the renderer's catalogs, so the few names the Japanese texts need are copied here
// (keep them equal to renderer/app/i18n/ja.json and the features' ja.json).
import type { BillingAccount, BillingFrequency, Term, TransferStatus } from '../domain/commerce';
import type { Lang } from '../domain/messages';
import type { CustomerStage, ImportKind, PlanStatus } from '../workspace/tables';

/** One text in each language of the UI. */
export interface Bilingual {
  en: string;
  ja: string;
}

/**
 * The text to show in a UI language: the Japanese one when the UI is Japanese and there is one
 * (activity rows written before `summaryJa` existed have none), else the English one.
 */
export function inLanguage(text: { en: string; ja?: string | undefined }, language: Lang | string): string {
  return language === 'ja' && text.ja ? text.ja : text.en;
}

/** renderer/app/i18n/ja.json `customers.stage.*` */
export const stageJa: Record<CustomerStage, string> = {
  'not-started': '未着手',
  invited: '招待済み',
  accepted: '承諾済み',
  'plan-ready': '計画完了',
  ordered: '発注済み',
  'old-ended': '旧サブスクリプション終了',
  done: '完了',
};

/** renderer/features/offer-matching/i18n/ja.json `status.*`: where a plan's status is set. */
export const planStatusJa: Record<PlanStatus, string> = {
  draft: '下書き',
  ready: '準備完了',
  approved: '承認済み',
  ordered: '発注済み',
  done: '完了',
};

/** The customer details form's labels (renderer/features/customers/i18n/ja.json `details.*`). */
export const customerFieldJa: Record<'name' | 'domain' | 'tenantId' | 'country' | 'channel' | 'notes', string> = {
  name: '顧客名',
  domain: 'ドメイン',
  tenantId: 'テナント ID',
  country: '国',
  channel: '現在の購入経路',
  notes: 'メモ',
};

/** The partner profile form's labels (renderer/app/i18n/ja.json `partner.*`). */
export const partnerFieldJa: Record<'name' | 'partnerTenantId' | 'country' | 'relationshipLink', string> = {
  name: 'パートナー名',
  partnerTenantId: 'パートナー テナント ID',
  country: '国',
  relationshipLink: 'リセラー関係のリンク',
};

/** What an import holds, with the counter word Japanese puts after the number. */
export const importKindJa: Record<ImportKind, { noun: string; counter: string }> = {
  skus: { noun: 'SKU', counter: '件' },
  subscriptions: { noun: 'サブスクリプション', counter: '件' },
  users: { noun: 'ユーザー', counter: '人' },
  catalog: { noun: '製品', counter: '件' },
};

/** Field keys as their Japanese labels, in the order given; unknown keys stay as they are. */
export function fieldsJa(keys: readonly string[], labels: Readonly<Record<string, string>>): string {
  return keys.map((k) => labels[k] ?? k).join('、');
}

/** A billing account type as a person names it. */
export const billingAccountWords: Record<BillingAccount, Bilingual> = {
  unknown: { en: 'unknown', ja: '不明' },
  mca: { en: 'Microsoft Customer Agreement (MCA)', ja: 'Microsoft 顧客契約 (MCA)' },
  mosa: { en: 'Microsoft Online Subscription Agreement (MOSA)', ja: 'Microsoft オンライン サブスクリプション契約 (MOSA)' },
  ea: { en: 'Enterprise Agreement (EA)', ja: 'エンタープライズ契約 (EA)' },
};

export const termWords: Record<Term, Bilingual> = {
  P1M: { en: 'monthly term', ja: '月間契約' },
  P1Y: { en: 'annual term', ja: '年間契約' },
  P3Y: { en: '3-year term', ja: '3 年契約' },
};

export const billingFrequencyWords: Record<BillingFrequency, Bilingual> = {
  monthly: { en: 'billed monthly', ja: '毎月請求' },
  annual: { en: 'billed annually', ja: '毎年請求' },
  triennial: { en: 'billed once for 3 years', ja: '3 年分を一括請求' },
};

export const transferStatusWords: Record<TransferStatus, Bilingual> = {
  requested: { en: 'requested', ja: '依頼済み' },
  approved: { en: 'approved by the current partner', ja: '現在のパートナーが承認済み' },
  completed: { en: 'completed', ja: '完了' },
  rejected: { en: 'rejected', ja: '却下' },
};
