// English and Japanese, bundled (no network), so the first render is already in the right language.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resolveLanguage, systemLanguages, type UiLanguage } from '../../ui/language';
import { WORDS } from '../../../shared/words';
import en from './en.json';
import ja from './ja.json';

export type Messages = { [key: string]: string | Messages };

// Each feature keeps its own words beside its code (features/<name>/i18n/{en,ja}.json, one top-level
// key per file, named for the feature), so features change without touching each other's catalogs.
const featureMessages = import.meta.glob<Messages>('../../features/*/i18n/*.json', { eager: true, import: 'default' });

// The words the engine and the `plan` command say too (finding texts, region names, rule titles)
// are shared/words/{en,ja}.json, merged the same way.
function withFeatures(base: Messages, language: 'en' | 'ja'): Messages {
  const merged: Messages = { ...base };
  const add = (path: string, messages: Messages) => {
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`${path}: the top-level key "${key}" is already defined`);
      merged[key] = value;
    }
  };
  for (const [path, messages] of Object.entries(featureMessages)) if (path.endsWith(`/${language}.json`)) add(path, messages);
  add(`shared/words/${language}.json`, WORDS[language] as Messages);
  return merged;
}

export const resources: Record<UiLanguage, { translation: Messages }> = {
  en: { translation: withFeatures(en as Messages, 'en') },
  ja: { translation: withFeatures(ja as Messages, 'ja') },
};
export type { UiLanguage };
export { resolveLanguage, systemLanguages };

export function createI18n(language: UiLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ja'],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
