// A refusal as a person reads it, in English or Japanese: the renderer's catalogs and its wording
// (renderer/words/refusalText), so the mutators' and the server's tests read the words people read.
import { refusalText, type RefusalLike } from '../../renderer/words/refusalText';
import { translate } from './translate';

/** `refusal`: an outcome, a result or a stored rejection (typed loosely, so any object is taken). */
export function refusalWords(refusal: object | undefined, lang: 'en' | 'ja'): string {
  if (!refusal) return '';
  return refusalText(translate(lang), lang, refusal as RefusalLike);
}

/** A refusal in both languages, for tests written against the texts. */
export function inBothLanguages(refusal: object | undefined): { en: string; ja: string } {
  return { en: refusalWords(refusal, 'en'), ja: refusalWords(refusal, 'ja') };
}

/** An outcome as a person reads it: applied, or refused with its category and its words in both languages. */
export function said(outcome: { ok: boolean; code?: string }): { ok: true } | { ok: false; code: string | undefined; en: string; ja: string } {
  return outcome.ok ? { ok: true } : { ok: false, code: outcome.code, ...inBothLanguages(outcome) };
}
