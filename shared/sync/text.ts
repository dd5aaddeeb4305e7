// Text the server never stores: NUL (PostgreSQL text and jsonb cannot hold it) and lone UTF-16
// surrogates (not Unicode: they cannot be encoded as UTF-8, so they would come back as something
// else). Both sides check with this one rule: the app before a change enters the outbox, the
// server at its edge, before anything reaches a mutator or the database.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
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

/**
 * The first string (value or object key) in `value` that is not storable text, or null. Walks
 * iteratively: a hostile, deeply nested body must not exhaust the stack.
 */
export function findBadText(value: unknown, root = ''): BadText | null {
  const stack: { v: unknown; keys: (string | number)[] }[] = [{ v: value, keys: [] }];
  const at = (keys: (string | number)[]) => ({ path: root + keys.map(segment).join('').replace(/^\./, root ? '.' : ''), keys });
  while (stack.length > 0) {
    const { v, keys } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return at(keys);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], keys: [...keys, i] });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        if (!isStorableText(k)) return at([...keys, k]);
        stack.push({ v: child, keys: [...keys, k] });
      }
    }
  }
  return null;
}
