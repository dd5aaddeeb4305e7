// SKU, plan and tenant ids are GUIDs that arrive in mixed case (the licensing CSV, Partner Center's
// upper-case offer ids): compare them lower-cased and trimmed, always.

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function normalizeId(id: string): string {
  return isNormalizedId(id) ? id : id.trim().toLowerCase();
}

/**
 * Whether the id reads the same trimmed and lower-cased: printable ASCII without capitals or
 * surrounding spaces (every id the importers have normalised). Such an id is its own normal form,
 * compared without a new string per look-up (the plan of a large workspace reads hundreds of
 * thousands of them).
 */
export function isNormalizedId(id: string): boolean {
  return NORMALIZED_ID_RE.test(id);
}

// "!" to "@" and "[" to "~": printable ASCII but the capitals. Below "!" are spaces and controls,
// above "~" other scripts (their own case rules). A regular expression reads an id read from a
// larger text (a slice of it) several times faster than a loop over its characters.
const NORMALIZED_ID_RE = /^[!-@[-~]*$/;

export function isGuid(id: string): boolean {
  return GUID_RE.test(normalizeId(id));
}
