// Texts that come in both languages rather than as codes: activity rows and refusals stored before
// codes existed (schema 6 and older), and the importers' sentences about a file (shared/import).
import type { Lang } from '../../shared/domain/lang';

/**
 * The text to show in a UI language: the Japanese one when the UI is Japanese and there is one
 * (activity rows written before `summaryJa` existed have none), else the English one.
 */
export function inLanguage(text: { en: string; ja?: string | undefined }, language: Lang | string): string {
  return language === 'ja' && text.ja ? text.ja : text.en;
}
