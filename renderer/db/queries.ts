// Reads for the screens (run inside live queries) and for the engine. Imported rows are read only
// through these helpers: a customer's inventory is the rows of its current import
// (customer.tenantImportId), the catalog is the rows of catalogState.importId; rows of an import
// that has not committed are never shown (shared/mutators/imports.ts, "Visibility").
import { withOwnSubscriptions, type OwnPlacement } from '../../shared/domain/ownSubscriptions';
import { prepareCatalog, type Catalog, type CatalogSku, type TenantInventory } from '../../shared/domain/engine';
import type {
  CatalogMark,
  CatalogSkuRow,
  CatalogState,
  Customer,
  ImportRecord,
  TenantSkuRow,
  TenantSubscriptionRow,
  TenantUserRow,
} from '../../shared/workspace/tables';
import type { WorkspaceDatabase } from './database';

/** A stored row without its server version (`_v`): the table's own shape. */
export function strip<T>(row: T & { _v?: number }): T {
  const { _v: _ignored, ...rest } = row;
  return rest as T;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The order people read customers in: by name as a collator sorts it ("Contoso 2" before "Contoso 10"), then by id. */
export function compareCustomers(a: Pick<Customer, 'name' | 'id'>, b: Pick<Customer, 'name' | 'id'>): number {
  return byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Every customer by name (the customers list, the pickers). The whole table read and sorted here:
 * the store keeps no name index (a first pull would pay it on each of its puts), and reading in an
 * index's order cost about twice the plain read.
 */
export async function customersByName(db: WorkspaceDatabase): Promise<Customer[]> {
  return (await db.customers.toArray()).map((c) => strip<Customer>(c)).sort(compareCustomers);
}

export interface TenantView {
  customer: Customer;
  /** The committed import the rows come from (null: never imported). */
  import: ImportRecord | null;
  skus: TenantSkuRow[];
  subscriptions: TenantSubscriptionRow[];
  users: TenantUserRow[];
}

/** An import's users as rows: its chunks (schema v2 on) and the per-user rows of older imports. */
async function usersOfImport(db: WorkspaceDatabase, importId: string): Promise<TenantUserRow[]> {
  const [legacy, chunks] = await Promise.all([
    db.tenantUsers.where('importId').equals(importId).toArray(),
    db.tenantUserChunks.where('importId').equals(importId).toArray(),
  ]);
  const users = legacy.map((r) => strip<TenantUserRow>(r));
  chunks.sort((a, b) => a.offset - b.offset);
  for (const chunk of chunks) {
    const prefix = `${chunk.customerId}:${chunk.importId}:`;
    for (const u of chunk.users) {
      users.push({ id: prefix + u.id, customerId: chunk.customerId, importId: chunk.importId, userId: u.id, userPrincipalName: u.userPrincipalName, licenses: u.licenses });
    }
  }
  return users;
}

/** One customer's current inventory: the rows of its committed import only. */
export async function currentTenant(db: WorkspaceDatabase, customerId: string): Promise<TenantView | null> {
  const customer = await db.customers.get(customerId);
  if (!customer) return null;
  return { customer: strip(customer), ...(await importedRows(db, customer.tenantImportId ?? null)) };
}

/**
 * The rows of one committed import (null: never imported), without the customer row: a live query
 * over them alone is not read again when the customer's details are saved.
 */
export async function importedRows(db: WorkspaceDatabase, importId: string | null): Promise<Omit<TenantView, 'customer'>> {
  if (!importId) return { import: null, skus: [], subscriptions: [], users: [] };
  const [record, skus, subscriptions, users] = await Promise.all([
    db.imports.get(importId),
    db.tenantSkus.where('importId').equals(importId).toArray(),
    db.tenantSubscriptions.where('importId').equals(importId).toArray(),
    usersOfImport(db, importId),
  ]);
  return {
    import: record ? strip(record) : null,
    skus: skus.map(strip),
    subscriptions: subscriptions.map(strip),
    users,
  };
}

/** Every customer's licensed-user count (null: never imported), from the committed imports' counts: two reads for any number of customers. */
export async function currentUserCounts(db: WorkspaceDatabase): Promise<Map<string, number | null>> {
  const [customers, imports] = await Promise.all([db.customers.toArray(), db.imports.toArray()]);
  const byId = new Map(imports.map((r) => [r.id, r]));
  return new Map(customers.map((c) => [c.id, c.tenantImportId ? (byId.get(c.tenantImportId)?.counts.users ?? 0) : null]));
}

export interface CatalogView {
  state: CatalogState | null;
  skus: CatalogSkuRow[];
  /** SKU id -> marked discontinued by hand. */
  discontinued: Set<string>;
  marks: CatalogMark[];
}

export async function currentCatalog(db: WorkspaceDatabase): Promise<CatalogView> {
  const [state, marks] = await Promise.all([db.catalogState.get('catalog'), db.catalogMarks.toArray()]);
  const skus = state?.importId ? await db.catalogSkus.where('importId').equals(state.importId).toArray() : [];
  return {
    state: state ? strip(state) : null,
    skus: skus.map(strip),
    marks: marks.map(strip),
    discontinued: new Set(marks.filter((m) => m.discontinued).map((m) => m.id)),
  };
}

/** A customer's imports, newest first (committed and staged). */
export async function importsOf(db: WorkspaceDatabase, customerId: string): Promise<ImportRecord[]> {
  return (await db.imports.where('customerId').equals(customerId).reverse().sortBy('at')).map(strip);
}

export async function activityOf(db: WorkspaceDatabase, customerId: string) {
  return (await db.activity.where('customerId').equals(customerId).reverse().sortBy('at')).map(strip);
}

/** The engine's view of a tenant (shared/domain/tenant.ts) from the stored rows. */
export function toInventory(view: TenantView): TenantInventory {
  return {
    countryLetterCode: view.customer.country || null,
    skus: view.skus.map(({ id: _id, customerId: _c, importId: _i, ...sku }) => sku),
    subscriptions: view.import ? view.subscriptions.map(({ id: _id, customerId: _c, importId: _i, subscriptionId, ...s }) => ({ ...s, id: subscriptionId })) : null,
    users: view.users.map(({ userId, userPrincipalName, licenses }) => ({ id: userId, userPrincipalName, licenses })),
  };
}

/** The prepared engine catalog from the stored rows: purchasability and hand marks applied. */
export function toCatalog(view: CatalogView): Catalog {
  const skus: CatalogSku[] = view.skus.map((r) => ({ id: r.skuId, partNumber: r.partNumber, name: r.name, servicePlans: r.servicePlans }));
  return prepareCatalog(
    { skus },
    {
      ...(view.state?.hasOffers ? { offers: view.skus.map((r) => ({ productId: r.skuId, isAvailableForPurchase: r.purchasable })) } : {}),
      discontinued: view.discontinued,
    },
  );
}

/** What the plan screens hand to the engine for one customer (planTenant and friends). */
export async function engineInput(
  db: WorkspaceDatabase,
  customerId: string,
): Promise<{ customer: Customer; inventory: TenantInventory; catalog: Catalog; ownPlacement: OwnPlacement } | null> {
  const [tenant, catalog] = await Promise.all([currentTenant(db, customerId), currentCatalog(db)]);
  if (!tenant) return null;
  const { inventory, placement } = inventoryOf(tenant, catalogNames(catalog));
  return { customer: tenant.customer, inventory, catalog: toCatalog(catalog), ownPlacement: placement };
}

/** The engine's inventory of a tenant: its import's rows and the partner's own subscriptions from Partner Center (kept by the plan, not moved). */
export function inventoryOf(tenant: TenantView, names: ReturnType<typeof catalogNames>): { inventory: TenantInventory; placement: OwnPlacement } {
  return withOwnSubscriptions(toInventory(tenant), tenant.customer.ownSubscriptions?.items ?? [], names);
}

/** The catalog's products by name, for placing Partner Center subscriptions (named by product). */
export function catalogNames(view: CatalogView): { id: string; name: string; partNumber: string }[] {
  return view.skus.map((r) => ({ id: r.skuId, name: r.name, partNumber: r.partNumber }));
}
