// The one error every importer throws on bad input: it names the file, the record (JSON) or row
// (CSV) and the field, so a partner can find the problem in the file they were given.

export type ImportErrorCode =
  | 'INVALID_JSON' // the file is not JSON at all
  | 'INVALID_SHAPE' // JSON, but not the documented response body (a missing or wrongly typed field)
  | 'INVALID_DATE' // a date-time that is not strict ISO 8601
  | 'INVALID_CSV' // the CSV cannot be read (no header, missing column, malformed quoting)
  | 'INVALID_VALUE'; // a value of the right type but not allowed (an empty id, a bad GUID)

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
  /** What is wrong, without the location prefix. */
  problem: string;
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly record: number | undefined;
  readonly recordId: string | undefined;
  readonly row: number | undefined;
  readonly field: string | undefined;
  readonly problem: string;

  constructor(details: ImportErrorDetails) {
    super(formatImportError(details));
    this.name = 'ImportError';
    this.code = details.code;
    this.file = details.file;
    this.record = details.record;
    this.recordId = details.recordId;
    this.row = details.row;
    this.field = details.field;
    this.problem = details.problem;
  }
}

/** `subscriptions.json: record 2 (id 4c9...): field nextLifecycleDateTime: "..." is not an ISO 8601 date-time` */
export function formatImportError(d: ImportErrorDetails): string {
  const parts = [d.file];
  if (d.row !== undefined) parts.push(`row ${d.row}`);
  if (d.record !== undefined) parts.push(d.recordId ? `record ${d.record} (id ${d.recordId})` : `record ${d.record}`);
  if (d.field !== undefined && d.field !== '') parts.push(`${d.row !== undefined ? 'column' : 'field'} ${d.field}`);
  parts.push(d.problem);
  return parts.join(': ');
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
