// Products by their names in activity entries: a person cannot read a SKU GUID. The catalog the
// team imported names them; a product it does not know is said to be unknown, never shown as an id.
import type { ReadTx } from './define';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The catalog name of a SKU id, or null when the workspace's catalog does not know it. */
export async function productName(tx: ReadTx, skuId: string | null): Promise<string | null> {
  if (!skuId) return null;
  // A part number (SPE_E3) is already what the screens show; only GUIDs need the catalog.
  if (!GUID.test(skuId.trim())) return skuId.trim();
  const state = await tx.get('catalogState', 'catalog');
  if (!state?.importId) return null;
  const row = await tx.get('catalogSkus', `${state.importId}:${skuId.trim().toLowerCase()}`);
  return row?.name ?? null;
}

/**
 * The products' names (a Teams pair has two), for an activity entry's parameters: '' for a product
 * the catalog does not know, which the renderer words as such in the reader's language.
 */
export async function productNames(tx: ReadTx, skuIds: readonly string[]): Promise<string[]> {
  return (await Promise.all(skuIds.map((id) => productName(tx, id)))).map((n) => n ?? '');
}
