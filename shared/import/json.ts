// JSON at the edge: parse a file's text, validate a Graph or Partner Center collection record by
// record with zod, and turn the first problem into an ImportError naming file, record and field.
import type { z } from 'zod';
import { ImportError } from './errors';
import { isIsoDateTime } from '../domain/dates';

export function parseJsonText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ImportError({ code: 'INVALID_JSON', file, problem: `not valid JSON (${reason})` });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The array under `key` of a response body (`value` for Graph, `items` for Partner Center). */
export function collection(body: unknown, key: string, file: string): unknown[] {
  if (Array.isArray(body)) return body;
  if (!isRecord(body)) {
    throw new ImportError({ code: 'INVALID_SHAPE', file, problem: `expected an object with "${key}": [...], got ${describe(body)}` });
  }
  const list = body[key];
  if (!Array.isArray(list)) {
    throw new ImportError({ code: 'INVALID_SHAPE', file, field: key, problem: `expected an array, got ${describe(list)}` });
  }
  return list;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 60 ? `${v.slice(0, 60)}...` : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
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
  const problem = isDate
    ? `${describe(value)} is not an ISO 8601 date-time`
    : value === undefined
      ? 'is missing'
      : `${describe(value)}: ${issue?.message ?? 'invalid'}`;
  throw new ImportError({
    code: isDate ? 'INVALID_DATE' : 'INVALID_SHAPE',
    file,
    record: index + 1,
    ...(id !== undefined ? { recordId: id } : {}),
    field: pathText(path),
    problem,
  });
}

/** A zod refinement message the record parser recognises as a bad date-time. */
export const DATE_TIME_MESSAGE = 'date-time';
export const isoDateTimeCheck = (s: string): boolean => isIsoDateTime(s);
