// The partner's own subscriptions (from Partner Center) laid over the tenant's inventory: a tenant
// subscription Partner Center lists for this partner is ours whatever its owner field says (an
// export taken before a transfer, an indirect reseller's sale), so the plan keeps it instead of
// moving it. A Partner Center subscription the tenant import lacks becomes a line of its own when
// its product name names exactly one catalog SKU; otherwise it is listed as not placed.
import { isIsoDateTime } from './dates';
import { normalizeId } from './ids';
import type { TenantInventory, TenantSubscription } from './tenant';

export interface OwnSubscriptionLike {
  id: string;
  name: string;
  quantity: number;
  status: string;
  commitmentEndDate: string | null;
}

export interface OwnPlacement {
  /** Own subscriptions matched to a subscription of the tenant import (by id or commerce subscription id). */
  inTenant: string[];
  /** Added as lines of their own (SKU found by product name). */
  added: string[];
  /** Neither: the product name is not one catalog SKU, or the import has only SKUs for it. */
  notPlaced: string[];
}

const nameKey = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Partner Center's statuses in Graph's words (the engine's status checks read Graph's). */
function graphStatus(status: string): string {
  const s = status.trim().toLowerCase();
  if (s === 'active') return 'Enabled';
  if (s === 'suspended') return 'Suspended';
  if (s === 'deleted' || s === 'disabled' || s === 'expired') return s[0]!.toUpperCase() + s.slice(1);
  return status.trim();
}

export function withOwnSubscriptions(
  inventory: TenantInventory,
  own: readonly OwnSubscriptionLike[],
  catalog: Iterable<{ id: string; name: string; partNumber: string }>,
): { inventory: TenantInventory; placement: OwnPlacement } {
  const placement: OwnPlacement = { inTenant: [], added: [], notPlaced: [] };
  if (own.length === 0) return { inventory, placement };
  const ids = new Set(own.map((s) => normalizeId(s.id)));
  const tenantKeys = new Set<string>();
  for (const s of inventory.subscriptions ?? []) {
    tenantKeys.add(s.id);
    if (s.commerceSubscriptionId) tenantKeys.add(normalizeId(s.commerceSubscriptionId));
  }
  const byName = new Map<string, { id: string; partNumber: string }[]>();
  for (const sku of catalog) byName.set(nameKey(sku.name), [...(byName.get(nameKey(sku.name)) ?? []), { id: sku.id, partNumber: sku.partNumber }]);
  const skusOfImport = new Set(inventory.skus.map((s) => s.skuId));
  const added: TenantSubscription[] = [];
  for (const s of own) {
    const id = normalizeId(s.id);
    if (tenantKeys.has(id)) {
      placement.inTenant.push(id);
      continue;
    }
    const candidates = byName.get(nameKey(s.name)) ?? [];
    const sku = candidates.length === 1 ? candidates[0]! : undefined;
    // Without a subscriptions export the import has one line per SKU; a line for the same SKU would count its seats twice.
    if (!sku || (inventory.subscriptions === null && skusOfImport.has(sku.id))) {
      placement.notPlaced.push(id);
      continue;
    }
    placement.added.push(id);
    added.push({
      id,
      skuId: sku.id,
      skuPartNumber: sku.partNumber,
      status: graphStatus(s.status),
      totalLicenses: s.quantity,
      isTrial: false,
      ownerTenantId: null,
      ownerType: null,
      createdDateTime: null,
      nextLifecycleDateTime: s.commitmentEndDate && isIsoDateTime(s.commitmentEndDate) ? s.commitmentEndDate : null,
      commerceSubscriptionId: id,
    });
  }
  const subscriptions = inventory.subscriptions === null && added.length === 0 ? null : [...(inventory.subscriptions ?? []), ...added];
  return { inventory: { ...inventory, subscriptions, ownSubscriptionIds: ids }, placement };
}
