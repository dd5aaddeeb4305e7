// The one error every importer throws on bad input: it names the file, the record (JSON) or row
// (CSV) and the field, so a partner can find the problem in the file they were given.

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
  /** What is wrong, without the location prefix. */
  problem: string;
  /** The same in Japanese (the app shows the user's language). */
  problemJa?: string;
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly record: number | undefined;
  readonly recordId: string | undefined;
  readonly row: number | undefined;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problem: string;
  readonly problemJa: string | undefined;

  constructor(details: ImportErrorDetails) {
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
    this.problem = details.problem;
    this.problemJa = details.problemJa;
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
    if (this.problemJa !== undefined) d.problemJa = this.problemJa;
    return d;
  }

  /** The message in Japanese: the same places, the problem in Japanese (in English when no Japanese was given). */
  get messageJa(): string {
    return formatImportErrorJa(this.details);
  }
}

/** `subscriptions.json: record 2 (id 4c9...): field nextLifecycleDateTime: "..." is not an ISO 8601 date-time` */
export function formatImportError(d: ImportErrorDetails): string {
  const parts = [d.file];
  if (d.row !== undefined) parts.push(`row ${d.row}`);
  if (d.record !== undefined) parts.push(d.recordId ? `record ${d.record} (id ${d.recordId})` : `record ${d.record}`);
  if (d.line !== undefined) parts.push(d.column !== undefined ? `line ${d.line}, column ${d.column}` : `line ${d.line}`);
  if (d.field !== undefined && d.field !== '') parts.push(`${d.row !== undefined ? 'column' : 'field'} ${d.field}`);
  parts.push(d.problem);
  return parts.join(': ');
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}

/** `ファイル users.json: 2 件目のレコード (id 4c9...): フィールド「skuId」: ...` */
export function formatImportErrorJa(d: Omit<ImportErrorDetails, 'code' | 'problem'> & { problem?: string; problemJa?: string | undefined }): string {
  const parts = [`ファイル ${d.file}`];
  if (d.row !== undefined) parts.push(`${d.row} 行目`);
  if (d.record !== undefined) parts.push(d.recordId ? `${d.record} 件目のレコード (id ${d.recordId})` : `${d.record} 件目のレコード`);
  if (d.line !== undefined) parts.push(d.column !== undefined ? `${d.line} 行 ${d.column} 文字目` : `${d.line} 行目`);
  if (d.field !== undefined && d.field !== '') parts.push(d.row !== undefined ? `列「${d.field}」` : `フィールド「${d.field}」`);
  parts.push(d.problemJa ?? d.problem ?? '');
  return parts.join(': ');
}
