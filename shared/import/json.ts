// JSON at the edge: parse a file's text, validate a Graph or Partner Center collection record by
// record with zod, and turn the first problem into an ImportError naming file, record and field.
import type { z } from 'zod';
import { withoutBom } from './decode';
import { ImportError } from './errors';
import { isIsoDateTime } from '../domain/dates';

/** The JSON parser's sentences (V8: Node and Chromium) in Japanese; another sentence is quoted as it is. */
const JSON_SENTENCES_JA: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Unexpected end of JSON input/, () => 'JSON が途中で終わっています (ファイルが最後まで保存されていない?)'],
  [/^Expected ',' or '\}' after property value/, () => 'プロパティの値の後に「,」か「}」が必要です'],
  [/^Expected ',' or '\]' after array element/, () => '配列の要素の後に「,」か「]」が必要です'],
  [/^Expected ':' after property name/, () => 'プロパティ名の後に「:」が必要です'],
  [/^Expected double-quoted property name/, () => 'プロパティ名は二重引用符で囲む必要があります (末尾に余分な「,」がありませんか?)'],
  [/^Expected property name or '\}'/, () => 'プロパティ名か「}」が必要です'],
  [/^Unterminated string/, () => '文字列が閉じていません'],
  [/^Bad control character in string literal/, () => '文字列の中に使えない制御文字 (改行やタブ) があります'],
  [/^Bad escaped character/, () => '文字列の中に正しくないエスケープ (\\ の後の文字) があります'],
  [/^Bad Unicode escape/, () => '文字列の中に正しくない \\u エスケープがあります'],
  [/^No number after minus sign/, () => 'マイナス記号の後に数字がありません'],
  [/^Exponent part is missing a number/, () => '指数部に数字がありません'],
  [/^Unterminated fractional number/, () => '小数点の後に数字がありません'],
  [/^Unexpected non-whitespace character after JSON/, () => 'JSON の終わりの後に余分な文字があります'],
  [/^Unexpected token '(.+?)'/, (m) => `予期しない文字「${m[1]}」があります`],
];

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
    const known = JSON_SENTENCES_JA.map(([re, ja]) => [re.exec(sentence), ja] as const).find(([m]) => m);
    const sentenceJa = known ? known[1](known[0]!) : 'JSON の書き方に誤りがあります';
    throw new ImportError({
      code: 'INVALID_JSON',
      file,
      ...(place ?? {}),
      problem: `not valid JSON: ${sentence}`,
      problemJa: `JSON として読めません: ${sentenceJa} (パーサーの説明: ${sentence})`,
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
      problem: `expected an object with "${key}": [...], got ${describe(body)}`,
      problemJa: `"${key}": [...] を持つオブジェクトのはずが、${describeJa(body)} です`,
    });
  }
  const list = body[key];
  if (!Array.isArray(list)) {
    throw new ImportError({ code: 'INVALID_SHAPE', file, field: key, problem: `expected an array, got ${describe(list)}`, problemJa: `配列のはずが、${describeJa(list)} です` });
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

export function describeJa(v: unknown): string {
  if (v === undefined) return 'ありません';
  if (v === null) return 'null';
  if (Array.isArray(v)) return '配列';
  if (typeof v === 'string') return `「${v.length > 60 ? `${v.slice(0, 60)}...` : v}」`;
  if (typeof v === 'object') return 'オブジェクト';
  const kinds: Record<string, string> = { number: '数値', boolean: '真偽値', bigint: '数値' };
  return `${kinds[typeof v] ?? typeof v} ${String(v)}`;
}

/** The schemas' own sentences (graph.ts, offers.ts, partnerCenter.ts) and zod's, in Japanese. */
const ISSUE_JA: Record<string, string> = {
  'must not be empty': '空であってはなりません',
  'is not a GUID': 'GUID ではありません',
  'must be a whole number': '整数でなければなりません',
  'must not be negative': '負の数であってはなりません',
};
const TYPE_JA: Record<string, string> = { string: '文字列', number: '数値', boolean: '真偽値 (true/false)', array: '配列', object: 'オブジェクト' };

function issueJa(issue: { code: string; message: string; expected?: unknown } | undefined): string {
  if (!issue) return '正しくありません';
  if (ISSUE_JA[issue.message]) return ISSUE_JA[issue.message]!;
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') return `${TYPE_JA[issue.expected] ?? issue.expected}でなければなりません`;
  return `正しくありません (${issue.message})`;
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
  const problemJa = isDate
    ? `${describeJa(value)} は ISO 8601 の日時ではありません`
    : value === undefined
      ? 'ありません'
      : `${describeJa(value)}: ${issueJa(issue as { code: string; message: string; expected?: unknown } | undefined)}`;
  throw new ImportError({
    code: isDate ? 'INVALID_DATE' : 'INVALID_SHAPE',
    file,
    record: index + 1,
    ...(id !== undefined ? { recordId: id } : {}),
    field: pathText(path),
    problem,
    problemJa,
  });
}

/** A zod refinement message the record parser recognises as a bad date-time. */
export const DATE_TIME_MESSAGE = 'date-time';
export const isoDateTimeCheck = (s: string): boolean => isIsoDateTime(s);
