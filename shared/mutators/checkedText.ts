// Arrays whose every string (values and keys) was already tested for the characters the sync
// client refuses (shared/sync/text.ts: NUL, surrogates), by a test at least as strict: chunkRows
// tests each string of an import's rows for JSON escapes while it measures them, so the outbox's
// check need not walk the same 50,000 rows again. Only arrays built by the marker and handed over
// unchanged are marked (an import's chunks): a marked array must never be changed afterwards.
const checked = new WeakSet<object>();

/** Records that no string in `rows` needs a JSON escape (so none holds NUL or a surrogate). */
export function markTextChecked(rows: readonly unknown[]): void {
  checked.add(rows);
}

export function isTextChecked(value: unknown): boolean {
  return typeof value === 'object' && value !== null && checked.has(value);
}
