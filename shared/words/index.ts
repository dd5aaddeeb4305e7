// The words both sides say: finding texts, CSP region names, rule titles and counted nouns, in
// English and Japanese (en.json, ja.json). The renderer merges these catalogs into its i18next
// resources (renderer/app/i18n); the engine, the `plan` command and `docs:rules` word them through `wordsIn`,
// one small interpolator of i18next's `{{name}}` placeholders (no nesting, no formats, no plurals:
// a count's form is a literal key chosen by the caller). Keys are literal at every call, as in the
// renderer (eslint/i18nKeys.js), so the catalogs test sees each one.
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };

export type WordsLang = 'en' | 'ja';
export type Words = { readonly [key: string]: string | Words };

/** The catalogs as they are, for the renderer to merge into its resources. */
export const WORDS: Readonly<Record<WordsLang, Words>> = { en, ja };

/** A key's words with its `{{placeholders}}` filled; the key itself for a key the catalog lacks (as i18next). */
export type Translate = (key: string, params?: Readonly<Record<string, string>>) => string;

/** A template split once at its placeholders: literal, name, literal, ..., literal. */
type Compiled = readonly string[];

function compile(words: Words, prefix: string, out: Map<string, Compiled>): Map<string, Compiled> {
  for (const [key, value] of Object.entries(words)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value.split(/\{\{(\w+)\}\}/));
    else compile(value, path, out);
  }
  return out;
}

// The engine words every finding of every plan through here: a template is split once, and a call
// joins its parts (no regular expression per call).
function translator(words: Words): Translate {
  const compiled = compile(words, '', new Map());
  return (key, params) => {
    const parts = compiled.get(key);
    if (parts === undefined) return key;
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      out += (params?.[name] ?? `{{${name}}}`) + parts[i + 1]!;
    }
    return out;
  };
}

const translators: Record<WordsLang, Translate> = { en: translator(en), ja: translator(ja) };

/** The translate function of a language. */
export function wordsIn(lang: WordsLang): Translate {
  return translators[lang];
}
