// What is left of the words mutators wrote in both languages: the refusals' (MutationError) still
// carry an English and a Japanese sentence, as do the connectors' errors. Activity entries no
// longer do: they are codes and parameters (./activityCodes), worded by the renderer's catalogs.
import type { BillingFrequency, Term, TransferStatus } from '../domain/commerce';
import type { Lang } from '../domain/messages';

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
