// Which language the UI shows. The catalogs themselves are the app's (app/i18n): every screen reads
// the choice, only the shell loads the words.
import type { Language } from '../../shared/ipc/contract';

export type UiLanguage = 'en' | 'ja';

/** Words of one language, fixed (i18n.getFixedT): texts built for someone who reads another language than the UI's. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The language the UI shows: the setting, or for 'system' the computer's language when we have it. */
export function resolveLanguage(setting: Language, systemLanguages: readonly string[]): UiLanguage {
  if (setting !== 'system') return setting;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

/** The computer's preferred languages, most preferred first. */
export function systemLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
