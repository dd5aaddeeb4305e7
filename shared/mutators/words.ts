// What is left of the words in both languages outside the renderer's catalogs: the connectors'
// errors. Activity entries and refusals no longer carry sentences: they are codes and parameters
// (./activityCodes, ./refusalCodes), worded by the renderer's catalogs.
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
