// Reads a pull's answer. A first pull is 100,000 rows in pages of 50,000: zod's parse of such a page
// walks and copies every row's every field, which costs as much as writing the rows. The page is
// checked once here instead, in place, and handed on as JSON.parse made it; anything this check
// does not plainly accept goes to the zod schema, which stays the one judge of what is valid (and
// words the error). Accepting here implies zod accepts: every test below is as strict as zod's.
import { tableNames } from '../workspace/tables';
import { PullResponse } from './protocol';

const TABLES: ReadonlySet<string> = new Set(tableNames);
const PAGE_KEYS = 5; // cursor, lastMutationId, changes, reset, more
const CHANGE_KEYS = 4; // table, id, version, data

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The number of own keys, when they are all among `allowed` (else -1): `.strict()` refuses others. */
function knownKeys(v: Record<string, unknown>, allowed: (k: string) => boolean): number {
  let n = 0;
  for (const k in v) {
    if (!Object.hasOwn(v, k) || !allowed(k)) return -1;
    n++;
  }
  return n;
}

const pageKey = (k: string) => k === 'cursor' || k === 'lastMutationId' || k === 'changes' || k === 'reset' || k === 'more';
const changeKey = (k: string) => k === 'table' || k === 'id' || k === 'version' || k === 'data';

function isChange(c: unknown): boolean {
  if (!isPlainObject(c) || knownKeys(c, changeKey) !== CHANGE_KEYS) return false;
  if (typeof c.table !== 'string' || !TABLES.has(c.table) || typeof c.id !== 'string') return false;
  if (!isCount(c.version) || c.version === 0) return false;
  const data = c.data;
  if (data === null) return true;
  // zod copies a record key by key, so a "__proto__" key (JSON.parse makes it an own key) would come
  // out otherwise: left to zod.
  return isPlainObject(data) && !Object.hasOwn(data, '__proto__');
}

/** True when `body` is plainly a valid PullResponse as it stands. */
export function isPlainPullResponse(body: unknown): body is PullResponse {
  if (!isPlainObject(body) || knownKeys(body, pageKey) !== PAGE_KEYS) return false;
  if (!isCount(body.cursor) || !isCount(body.lastMutationId)) return false;
  if (typeof body.reset !== 'boolean' || typeof body.more !== 'boolean' || !Array.isArray(body.changes)) return false;
  for (const c of body.changes) if (!isChange(c)) return false;
  return true;
}

/** A pull's answer, as `PullResponse.parse` reads it, without copying a plainly valid page. */
export const pullPage = {
  parse(body: unknown): PullResponse {
    return isPlainPullResponse(body) ? body : PullResponse.parse(body);
  },
};
