// SKU, plan and tenant ids are GUIDs that arrive in mixed case (the licensing CSV, Partner Center's
// upper-case offer ids): compare them lower-cased and trimmed, always.

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function normalizeId(id: string): string {
  return id.trim().toLowerCase();
}

export function isGuid(id: string): boolean {
  return GUID_RE.test(normalizeId(id));
}
