// The words both sides say: finding texts, CSP region names and rule titles, in English and
// Japanese (en.json, ja.json). The renderer merges these catalogs into its i18next resources
// (renderer/app/i18n); the engine, the `plan` command and `docs:rules` word them through `wordsIn`,
// one small interpolator of i18next's `{{name}}` placeholders (no nesting, no formats, no plurals:
// a count's form is a literal key chosen by the caller). Keys are literal at every call, as in the
// renderer (eslint/i18nKeys.js), so the catalogs test sees each one.
import en from './en.json';
import ja from './ja.json';

export type WordsLang = 'en' | 'ja';
export type Words = { readonly [key: string]: string | Words };

/** The catalogs as they are, for the renderer to merge into its resources. */
export const WORDS: Readonly<Record<WordsLang, Words>> = { en, ja };

/** A key's words with its `{{placeholders}}` filled; the key itself for a key the catalog lacks (as i18next). */
export type Translate = (key: string, params?: Readonly<Record<string, string>>) => string;

function flatten(words: Words, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [key, value] of Object.entries(words)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function translator(words: Words): Translate {
  const flat = flatten(words, '', new Map());
  return (key, params) => {
    const template = flat.get(key);
    if (template === undefined) return key;
    if (!params || !template.includes('{{')) return template;
    return template.replace(PLACEHOLDER, (whole, name: string) => params[name] ?? whole);
  };
}

const translators: Record<WordsLang, Translate> = { en: translator(en), ja: translator(ja) };

/** The translate function of a language. */
export function wordsIn(lang: WordsLang): Translate {
  return translators[lang];
}
