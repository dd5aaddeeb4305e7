// JSON at the edge: parse a file's text, validate a Graph or Partner Center collection record by
// record with zod, and turn the first problem into an ImportError naming file, record and field.
import type { z } from 'zod';
import { withoutBom } from './decode';
import { ImportError } from './errors';
import { isIsoDateTime } from '../domain/dates';

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

export function parseJsonText(text: string, file: string): unknown {
  const body = withoutBom(text);
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    // V8 quotes the start of the text in some sentences ('..., "{"value": [..." is not valid JSON'): the place says more.
    const sentence = raw.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    const position = /at position (\d+)/.exec(raw)?.[1];
    const offset = position !== undefined ? Number(position) : /end of JSON input/.test(raw) ? body.length : undefined;
    const place = offset !== undefined ? lineColumn(body, offset) : undefined;
    throw new ImportError({
      code: 'INVALID_JSON',
      file,
      ...(place ?? {}),
      reason: 'NOT_JSON',
      params: { parserMessage: sentence },
    });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The array under `key` of a response body (`value` for Graph, `items` for Partner Center). */
export function collection(body: unknown, key: string, file: string): unknown[] {
  if (Array.isArray(body)) return body;
  if (!isRecord(body)) {
    throw new ImportError({
      code: 'INVALID_SHAPE',
      file,
      reason: 'NOT_A_COLLECTION',
      params: { key, ...valueParams(body) },
    });
  }
  const list = body[key];
  if (!Array.isArray(list)) {
    throw new ImportError({ code: 'INVALID_SHAPE', file, field: key, reason: 'NOT_AN_ARRAY', params: valueParams(list) });
  }
  return list;
}

/** A value of the file as params (its words: problemWords.ts's valueIn): its type, and its text (a long string cut at 60). */
export function valueParams(v: unknown): { valueType: string; value: string } {
  if (v === null) return { valueType: 'null', value: 'null' };
  if (Array.isArray(v)) return { valueType: 'array', value: '' };
  if (typeof v === 'string') return { valueType: 'string', value: v.length > 60 ? `${v.slice(0, 60)}...` : v };
  if (typeof v === 'object') return { valueType: 'object', value: '' };
  return { valueType: typeof v, value: String(v) };
}

function valueAt(v: unknown, path: readonly PropertyKey[]): unknown {
  let cur = v;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  return out;
}

/** Validates one record; the error names the record (1-based) and its id when it has one. */
export function parseRecord<S extends z.ZodType>(schema: S, raw: unknown, index: number, file: string, idField = 'id'): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path ?? [];
  const id = isRecord(raw) && typeof raw[idField] === 'string' ? (raw[idField] as string) : undefined;
  const value = valueAt(raw, path);
  const isDate = issue?.code === 'custom' && issue.message === 'date-time';
  const expected = (issue as { expected?: unknown } | undefined)?.expected;
  const why = isDate
    ? ({ reason: 'NOT_A_DATE_TIME', params: valueParams(value) } as const)
    : value === undefined
      ? ({ reason: 'MISSING' } as const)
      : ({
          reason: 'INVALID_FIELD',
          params: {
            ...valueParams(value),
            ...(issue ? { issueMessage: issue.message, issueCode: issue.code } : {}),
            ...(typeof expected === 'string' ? { expected } : {}),
          },
        } as const);
  throw new ImportError({
    code: isDate ? 'INVALID_DATE' : 'INVALID_SHAPE',
    file,
    record: index + 1,
    ...(id !== undefined ? { recordId: id } : {}),
    field: pathText(path),
    ...why,
  });
}

/** A zod refinement message the record parser recognises as a bad date-time. */
export const DATE_TIME_MESSAGE = 'date-time';
export const isoDateTimeCheck = (s: string): boolean => isIsoDateTime(s);
