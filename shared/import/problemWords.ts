// The words of an import refusal: each reason a literal key of shared/words (importError.*), its
// params filled in (eslint/i18nKeys.js: keys are literal, so the catalogs test sees each one). The
// place ("row 3" / "3 行目") is worded in errors.ts's formatImportError.
import { wordsIn, type Translate, type WordsLang } from '../words';

export type ImportParams = Readonly<Record<string, string>>;

const PROBLEMS = {
  EMPTY_VALUE: (t: Translate) => t('importError.EMPTY_VALUE'),
  EMPTY_FILE: (t: Translate) => t('importError.EMPTY_FILE'),
  NOT_A_GUID: (t: Translate, p: ImportParams) => t('importError.NOT_A_GUID', p),
  NOT_A_COUNTRY_CODE: (t: Translate, p: ImportParams) => t('importError.NOT_A_COUNTRY_CODE', p),
  COLUMN_MISSING: (t: Translate) => t('importError.COLUMN_MISSING'),
  CATALOG_COLUMN_MISSING: (t: Translate) => t('importError.CATALOG_COLUMN_MISSING'),
  CSV_UNREADABLE: (t: Translate, p: ImportParams) => t('importError.CSV_UNREADABLE', p),
  NO_ORGANIZATION: (t: Translate) => t('importError.NO_ORGANIZATION'),
  NO_USER_NAMED: (t: Translate) => t('importError.NO_USER_NAMED'),
} satisfies Record<string, (t: Translate, p: ImportParams) => string>;

/** Why an import was refused: a code whose words are in shared/words. */
export type ImportReason = keyof typeof PROBLEMS;

/** The reason's sentence in a language (the params are values: numbers, names, the parser's own words). */
export function problemIn(lang: WordsLang, reason: ImportReason, params: ImportParams = {}): string {
  return PROBLEMS[reason](wordsIn(lang), params);
}
