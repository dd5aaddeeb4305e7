// The renderer's catalogs as a test reads them: one i18n instance per language, made once.
import { createI18n } from '../../renderer/app/i18n/index';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

const i18n = { en: createI18n('en'), ja: createI18n('ja') };

/** The catalogs' `t` in `lang`. */
export function translate(lang: 'en' | 'ja'): Translate {
  return i18n[lang].t.bind(i18n[lang]) as Translate;
}
