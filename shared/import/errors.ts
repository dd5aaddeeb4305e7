// The one error every importer throws on bad input: it names the file, the record (JSON) or row
// (CSV) and the field, so a partner can find the problem in the file they were given. The problem
// is a reason code with its params, worded from shared/words (importError.*) by formatImportError
// in either language; `message` stays the English sentence (logs, tests).
import { wordsIn, type WordsLang } from '../words';
import { problemIn, type ImportParams, type ImportReason } from './problemWords';

export type { ImportParams, ImportReason } from './problemWords';

export type ImportErrorCode =
  | 'INVALID_JSON' // the file is not JSON at all
  | 'INVALID_SHAPE' // JSON, but not the documented response body (a missing or wrongly typed field)
  | 'INVALID_DATE' // a date-time that is not strict ISO 8601
  | 'INVALID_CSV' // the CSV cannot be read (no header, missing column, malformed quoting)
  | 'INVALID_VALUE' // a value of the right type but not allowed (an empty id, a bad GUID)
  | 'INVALID_ENCODING' // the bytes are not text in an encoding the app reads (UTF-8, UTF-16, Shift_JIS)
  | 'TOO_LARGE' // larger than the largest file of its kind the app accepts (refused before reading it)
  | 'OTHER_TENANT'; // another tenant's export than the customer's (tenant id or users' domains)

export interface ImportErrorDetails {
  code: ImportErrorCode;
  /** The file name as the user knows it (for example `subscriptions.json`). */
  file: string;
  /** JSON: 1-based position of the record in the collection (`value` or `items`). */
  record?: number;
  /** JSON: the record's own id when it has one, to find it in the file. */
  recordId?: string;
  /** CSV: 1-based row number as a spreadsheet shows it, counting the header as row 1. */
  row?: number;
  /** The field (JSON path inside the record) or CSV column. */
  field?: string;
  /** JSON text that cannot be parsed: 1-based line and column of the parser's stop. */
  line?: number;
  column?: number;
  /** Why, as a code whose words are in shared/words (importError.<reason>). */
  reason?: ImportReason;
  /** The reason's values (a value, a limit, a kind, the parser's own English sentence). */
  params?: ImportParams;
  /** What is wrong, in English, without the location prefix (from the reason when there is one). */
  problem: string;
}

/** What an importer throws with: a reason and its params (a bare English problem only in tests). */
export type ImportErrorInit = Omit<ImportErrorDetails, 'problem'> & { problem?: string };

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly record: number | undefined;
  readonly recordId: string | undefined;
  readonly row: number | undefined;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly reason: ImportReason | undefined;
  readonly params: ImportParams | undefined;
  readonly problem: string;

  constructor(details: ImportErrorInit) {
    super(formatImportError(details));
    this.name = 'ImportError';
    this.code = details.code;
    this.file = details.file;
    this.record = details.record;
    this.recordId = details.recordId;
    this.row = details.row;
    this.field = details.field;
    this.line = details.line;
    this.column = details.column;
    this.reason = details.reason;
    this.params = details.params;
    this.problem = details.reason !== undefined ? problemIn('en', details.reason, details.params) : (details.problem ?? '');
  }

  /** Where the problem is, as plain data (what crosses from the import worker to the page). */
  get details(): ImportErrorDetails {
    const d: ImportErrorDetails = { code: this.code, file: this.file, problem: this.problem };
    if (this.record !== undefined) d.record = this.record;
    if (this.recordId !== undefined) d.recordId = this.recordId;
    if (this.row !== undefined) d.row = this.row;
    if (this.field !== undefined) d.field = this.field;
    if (this.line !== undefined) d.line = this.line;
    if (this.column !== undefined) d.column = this.column;
    if (this.reason !== undefined) d.reason = this.reason;
    if (this.params !== undefined) d.params = this.params;
    return d;
  }

  /** The message in Japanese: the same places, the problem in Japanese. */
  get messageJa(): string {
    return formatImportError(this.details, 'ja');
  }
}

/** What formatImportError words: where, and a reason with its params or the sentences. */
export type ImportErrorWords = Omit<ImportErrorDetails, 'code' | 'problem'> & { problem?: string | undefined };

/**
 * `subscriptions.json: record 2 (id 4c9...): field nextLifecycleDateTime: "..." is not an ISO 8601 date-time`,
 * `ファイル users.json: 2 件目のレコード (id 4c9...): フィールド「skuId」: ...`: the place and the problem in
 * a language (the CLI and the renderer both word an import error through here).
 */
export function formatImportError(d: ImportErrorWords, lang: WordsLang = 'en'): string {
  const t = wordsIn(lang);
  const parts = [t('importError.place.file', { file: d.file })];
  if (d.row !== undefined) parts.push(t('importError.place.row', { row: String(d.row) }));
  if (d.record !== undefined) parts.push(d.recordId ? t('importError.place.recordWithId', { record: String(d.record), id: d.recordId }) : t('importError.place.record', { record: String(d.record) }));
  if (d.line !== undefined) parts.push(d.column !== undefined ? t('importError.place.lineColumn', { line: String(d.line), column: String(d.column) }) : t('importError.place.line', { line: String(d.line) }));
  if (d.field !== undefined && d.field !== '') parts.push(d.row !== undefined ? t('importError.place.column', { field: d.field }) : t('importError.place.field', { field: d.field }));
  parts.push(importProblemIn(d, lang));
  return parts.join(': ');
}

/** The problem alone in a language (an error without a reason has only its English problem). */
export function importProblemIn(d: Pick<ImportErrorWords, 'reason' | 'params' | 'problem'>, lang: WordsLang): string {
  if (d.reason !== undefined) return problemIn(lang, d.reason, d.params);
  return d.problem ?? '';
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
