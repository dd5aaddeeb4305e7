// The dashboard's reads, in bulk: a few whole-table reads for the whole workspace (run inside one
// live query), never one query per customer. Imported rows are kept only for each customer's
// current import (shared/mutators/imports.ts, "Visibility"), as renderer/db/queries.ts does.
import type { WorkspaceDatabase } from '../../db/database';
import { currentCatalog, customersByStage, toCatalog } from '../../db/queries';
import type { TenantSkuRow } from '../../../shared/workspace/tables';
import type { DashboardInput } from './input';
import { savedLinesByCustomer } from './attention';

function strip<T>(row: T & { _v?: number }): T {
  const { _v: _ignored, ...rest } = row;
  return rest as T;
}

export async function loadDashboardInput(db: WorkspaceDatabase): Promise<DashboardInput> {
  const [customers, partner, plans, planLines, invitations, conflicts, subscriptionRows] = await Promise.all([
    customersByStage(db),
    db.partner.get('partner'),
    db.plans.toArray(),
    db.planLines.toArray(),
    db.invitations.toArray(),
    db.conflicts.where('status').equals('open').toArray(),
    db.tenantSubscriptions.toArray(),
  ]);
  const current = new Set<string>();
  for (const c of customers) if (c.tenantImportId) current.add(c.tenantImportId);
  const subscriptions = subscriptionRows.filter((s) => current.has(s.importId)).map(strip);

  // The seat math and the service comparison only for customers with saved plan lines: their
  // subscribedSkus rows (service plans included, the heaviest rows) and the catalog.
  const withLines = savedLinesByCustomer(plans, planLines);
  const importIds: string[] = [];
  for (const c of customers) if (c.tenantImportId && withLines.has(c.id)) importIds.push(c.tenantImportId);
  const [skus, catalogView] =
    importIds.length > 0 ? await Promise.all([db.tenantSkus.where('importId').anyOf(importIds).toArray(), currentCatalog(db)]) : [[], null];
  return {
    customers,
    partner: partner ? strip(partner) : null,
    plans: plans.map(strip),
    planLines: planLines.map(strip),
    invitations: invitations.map(strip),
    conflicts: conflicts.map(strip),
    subscriptions,
    skus: skus.map((r) => strip<TenantSkuRow>(r)),
    catalog: catalogView && catalogView.skus.length > 0 ? toCatalog(catalogView) : null,
  };
}
