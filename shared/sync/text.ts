// Text the server never stores: NUL (PostgreSQL text and jsonb cannot hold it) and lone UTF-16
// surrogates (not Unicode: they cannot be encoded as UTF-8, so they would come back as something
// else). Both sides check with this one rule: the app before a change enters the outbox, the
// server at its edge, before anything reaches a mutator or the database.

import { isTextChecked } from '../mutators/checkedText';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Any NUL or surrogate at all: almost no text has one, and one class test is cheap. */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const SUSPECT = /[\u0000\ud800-\udfff]/;

export function isStorableText(s: string): boolean {
  return !SUSPECT.test(s) || (!s.includes('\u0000') && !LONE_SURROGATE.test(s));
}

/** A JSON path segment as people read it: `.name`, or `[3]` for an array index. */
function segment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

export interface BadText {
  /** Where, from the root: `mutations[2].args.name` (object keys count too). */
  path: string;
  /** The keys down to it, for callers that map the path back to their own structure. */
  keys: (string | number)[];
}

/** Deeper than this, `mayHoldBadText` leaves the answer to the iterative walk (a hostile body's nesting). */
const SHALLOW = 64;

/**
 * False when no string of `value` (value or key) holds a NUL or any surrogate; true when one might
 * hold a bad one, or the nesting is too deep to tell by recursion. Four times faster than the walk
 * below over an import's 50,000 users: no path bookkeeping, no key arrays, and no regex per
 * repeated key (the same dozen keys, told once).
 */
function mayHoldBadText(value: unknown, depth: number, keys: Set<string>): boolean {
  if (typeof value === 'string') return SUSPECT.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (depth > SHALLOW) return true;
  if (Array.isArray(value)) {
    // An import's chunk, every string of it tested when it was measured (shared/mutators/checkedText.ts).
    if (isTextChecked(value)) return false;
    for (let i = 0; i < value.length; i++) if (mayHoldBadText(value[i], depth + 1, keys)) return true;
    return false;
  }
  for (const k of Object.keys(value)) {
    if (!keys.has(k)) {
      if (SUSPECT.test(k)) return true;
      keys.add(k);
    }
    if (mayHoldBadText((value as Record<string, unknown>)[k], depth + 1, keys)) return true;
  }
  return false;
}

/**
 * A string (value or object key) in `value` that is not storable text, or null. Walks
 * iteratively: a hostile, deeply nested body must not exhaust the stack. Each object or array
 * visited keeps its parent and key, so the path is built only for the bad string (an import's
 * 50,000 users are walked without a path per value).
 */
export function findBadText(value: unknown, root = ''): BadText | null {
  if (!mayHoldBadText(value, 0, new Set())) return null;
  const nodes: unknown[] = [value];
  const parents: number[] = [-1];
  const keysOf: (string | number)[] = [''];
  const stack: number[] = [0];
  const keysTo = (node: number, last: (string | number)[]): (string | number)[] => {
    const up: (string | number)[] = [];
    for (let n = node; n > 0; n = parents[n]!) up.push(keysOf[n]!);
    return [...up.reverse(), ...last];
  };
  const at = (keys: (string | number)[]) => ({ path: root + keys.map(segment).join('').replace(/^\./, root ? '.' : ''), keys });
  if (typeof value === 'string') return isStorableText(value) ? null : at([]);
  const visit = (node: number, key: string | number, child: unknown): BadText | null => {
    if (typeof child === 'string') return isStorableText(child) ? null : at(keysTo(node, [key]));
    if (child !== null && typeof child === 'object') {
      stack.push(nodes.length);
      nodes.push(child);
      parents.push(node);
      keysOf.push(key);
    }
    return null;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = nodes[node];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const bad = visit(node, i, v[i]);
        if (bad) return bad;
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (!isStorableText(k)) return at(keysTo(node, [k]));
        const bad = visit(node, k, (v as Record<string, unknown>)[k]);
        if (bad) return bad;
      }
    }
  }
  return null;
}
