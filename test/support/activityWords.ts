// An activity entry as a reader sees it, in English or Japanese: the renderer's catalogs and its
// wording (renderer/words/activityText), so the mutators' tests read the words people read.
import { activityText, type ActivityLike } from '../../renderer/words/activityText';
import { translate } from './translate';

/** `entry`: an activity row (stores' rows are typed loosely, so any object is taken). */
export function words(entry: object | undefined, lang: 'en' | 'ja'): string {
  if (!entry) return '';
  return activityText(translate(lang), lang, entry as ActivityLike);
}

/** An entry as `{summary, summaryJa}` in words, for tests written against the texts. */
export function inWords(entry: object | undefined): { summary: string; summaryJa: string } {
  return { summary: words(entry, 'en'), summaryJa: words(entry, 'ja') };
}
