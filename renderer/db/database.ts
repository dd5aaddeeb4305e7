// The offline workspace in IndexedDB. The database name and the app's origin together decide where
// the data lives: neither may change (DESIGN.md, "Electron security"). Schema versions are only
// ever added; a primary key never changes.
//
// SCHEMA HISTORY: every released version stays here as it was. A new version appends an entry
// whose stores are the previous version's plus what it adds (written as a difference, so each
// version reads as what it changed; Dexie is given the whole set),
// `npm run db:fixtures` (renderer/db/fixtures/generate.ts) adds a fixture for it, and
// database.migrations.test.ts opens every older fixture with the current code.
import Dexie, { type Table } from 'dexie';
import type { OutboxEntry, Rejection, SyncMeta } from '../../shared/sync/clientStore';
import type { TableName, Tables } from '../../shared/workspace/tables';
import type { DashboardChange, DashboardSnapshotRecord } from './dashboardChanges';

// Dexie turns on its debug mode (a console task per table call, run around every promise callback)
// by the page's address: on for http://localhost and 127.0.0.1, off for the app's own app:// pages.
// The same app must run the same way wherever it is served (the dev server, the tests and the
// benchmarks are on 127.0.0.1): off everywhere.
Dexie.debug = false;

export const DATABASE_NAME = 'csp-migration-workspace';

/** One schema version: Dexie's store definitions (primary key first, then the indexes). */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
}

// Indexes are the queries the screens and mutators make: by customer, by stage, by status, and
// imported rows by their import (a customer's current rows are those of its tenantImportId).
// Imported tables carry the one index they need: every index is paid on each of 50,000 puts.
const storesV1 = {
  partner: 'id',
  customers: 'id, stage, name, country',
  invitations: 'id, customerId, status',
  plans: 'id, customerId, status',
  planLines: 'id, planId, customerId',
  activity: 'id, customerId, at',
  conflicts: 'id, status, recordId',
  catalogSkus: 'id, importId',
  catalogState: 'id',
  catalogMarks: 'id',
  tenantSkus: 'id, importId',
  tenantSubscriptions: 'id, importId',
  tenantUsers: 'id, importId',
  imports: 'id, customerId, at',
  outbox: 'id',
  syncMeta: 'key',
  rejections: 'mutationId',
};

// Imported users are stored a chunk (~1,000 users) per record: see TenantUserChunkRow. Additive:
// tenantUsers stays, with the users of imports made before.
const storesV2 = { ...storesV1, tenantUserChunks: 'id, importId' };

// The 2026 rules: partner-to-partner transfers and acknowledged findings, each read per customer.
// Additive: the new fields of customers, invitations and plan lines are not indexed, and rows
// written before them read through withDefaults (shared/workspace/tables.ts).
const storesV3 = { ...storesV2, transfers: 'id, customerId, status', findingAcks: 'id, customerId' };

// Partner Center's lists and what an import knows: customers' fieldSources (who set tenant id,
// domain, country, channel) and ownSubscriptions. Additive and not indexed: the same stores; the
// version keeps Dexie, the sync protocol and the frozen fixtures (v4.json) in step.
const storesV4 = storesV3;

// The dashboard's customer summaries (shared/mutators/summaries.ts): derived rows the mutators keep,
// read whole by the dashboard instead of planning every customer on open. Additive.
const storesV5 = { ...storesV4, customerSummaries: 'id' };

// Customers lose the country index: no screen, mutator or worker queries by country, and a first
// pull puts every customer, each put paying every index (a third of what the indexes cost it).
const storesV6 = { ...storesV5, customers: 'id, stage, name' };

// Customers lose the name index: every screen reads the whole table and sorts it by name with a
// collator (customersByName), and a first pull puts every customer, each put paying every index.
// The stage index stays: customer.createMany reads every customer through it (shared/mutators).
const storesV7 = { ...storesV6, customers: 'id, stage' };

// Customers keep only their key: customer.createMany reads them whole (ReadTx.all) instead of once
// per stage, and no screen reads them by stage. A first pull puts every customer, each put paying
// every index (with the stage index too the pull took about 1.39x its floor, without it 1.05-1.25x).
const storesV8 = { ...storesV7, customers: 'id' };

// The dashboard's snapshot of its biggest tables and the log of the rows written since
// (renderer/db/dashboardChanges.ts): local only, never synced or backed up. Additive.
const storesV9 = { ...storesV8, dashboardSnapshot: 'id', dashboardChanges: '++seq' };

export const schemaHistory: readonly SchemaVersion[] = [
  { version: 1, stores: storesV1 },
  { version: 2, stores: storesV2 },
  { version: 3, stores: storesV3 },
  { version: 4, stores: storesV4 },
  { version: 5, stores: storesV5 },
  { version: 6, stores: storesV6 },
  { version: 7, stores: storesV7 },
  { version: 8, stores: storesV8 },
  { version: 9, stores: storesV9 },
];

export const SCHEMA_VERSION = schemaHistory[schemaHistory.length - 1]!.version;

/** A synced row as stored: the row itself plus its server version (`_v`, 0 until first pulled). */
export type Stored<T> = T & { _v: number };

export type SyncedTables = { [K in TableName]: Table<Stored<Tables[K]>, string> };

/** Declares the schema history up to `upTo` (all of it by default) on a Dexie instance. */
export function declareSchema(db: Dexie, upTo = SCHEMA_VERSION): void {
  for (const v of schemaHistory) if (v.version <= upTo) db.version(v.version).stores(v.stores);
}

export class WorkspaceDatabase extends Dexie {
  declare partner: SyncedTables['partner'];
  declare customers: SyncedTables['customers'];
  declare invitations: SyncedTables['invitations'];
  declare plans: SyncedTables['plans'];
  declare planLines: SyncedTables['planLines'];
  declare activity: SyncedTables['activity'];
  declare conflicts: SyncedTables['conflicts'];
  declare catalogSkus: SyncedTables['catalogSkus'];
  declare catalogState: SyncedTables['catalogState'];
  declare catalogMarks: SyncedTables['catalogMarks'];
  declare tenantSkus: SyncedTables['tenantSkus'];
  declare tenantSubscriptions: SyncedTables['tenantSubscriptions'];
  declare tenantUsers: SyncedTables['tenantUsers'];
  declare imports: SyncedTables['imports'];
  declare tenantUserChunks: SyncedTables['tenantUserChunks'];
  declare transfers: SyncedTables['transfers'];
  declare findingAcks: SyncedTables['findingAcks'];
  declare customerSummaries: SyncedTables['customerSummaries'];
  declare outbox: Table<OutboxEntry, number>;
  declare syncMeta: Table<SyncMeta & { key: 'meta' }, string>;
  declare rejections: Table<Rejection, number>;
  declare dashboardSnapshot: Table<DashboardSnapshotRecord, string>;
  declare dashboardChanges: Table<DashboardChange, number>;

  constructor(name = DATABASE_NAME) {
    super(name);
    declareSchema(this);
  }

  synced<T extends TableName>(table: T): SyncedTables[T] {
    return this.table(table) as unknown as SyncedTables[T];
  }
}
