// The dashboard's biggest tables (10,000 customers, their plans, imported subscriptions and
// summaries: some 27,000 rows) cost IndexedDB per row to read, however small each row is. So the
// dashboard keeps a snapshot of them in one record (renderer/features/dashboard/snapshot.ts), and
// every write step records, in the same transaction, which of their rows it wrote: the dashboard
// reads the snapshot and the few rows written since, never a stale row. Every write of these
// tables goes through the sync client's store (renderer/sync/dexieClientStore.ts) or a restore
// (renderer/db/backup.ts): both record here. Local only: never synced, never backed up.
import type { Transaction } from 'dexie';
import type { TableName } from '../../shared/workspace/tables';

export const SNAPSHOT_TABLES = ['customers', 'plans', 'tenantSubscriptions', 'customerSummaries'] as const;
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

const watched = new Set<TableName>(SNAPSHOT_TABLES);

/** What one write step changed: the ids it wrote (put or deleted), or `all` after a large step. */
export interface DashboardChange {
  /** The log's own key, in commit order (IndexedDB's key generator never reuses one). */
  seq?: number;
  all?: true;
  ids?: Partial<Record<SnapshotTable, string[]>>;
}

/** The snapshot (`rows`: its tables as columns, snapshot.ts) and its head (`head`: the same seq and format, read on every change). */
export type DashboardSnapshotRecord =
  | { id: 'head'; format: number; seq: number }
  | { id: 'rows'; format: number; seq: number; tables: Record<SnapshotTable, unknown> };

/**
 * A step that writes more rows than this (a first pull's page, a large import of customers)
 * records `all`: its record stays small, and the dashboard reads the tables whole once.
 */
export const MAX_RECORDED_IDS = 1000;

/** Collects the snapshot tables' ids one write step writes; `change()` is what it records. */
export class ChangeRecorder {
  private readonly ids = new Map<SnapshotTable, Set<string>>();
  private count = 0;
  private all = false;

  wrote(table: TableName, id: string): void {
    if (this.all || !watched.has(table)) return;
    let set = this.ids.get(table as SnapshotTable);
    if (!set) this.ids.set(table as SnapshotTable, (set = new Set()));
    if (set.has(id)) return;
    set.add(id);
    if (++this.count > MAX_RECORDED_IDS) this.everything();
  }

  everything(): void {
    this.all = true;
    this.ids.clear();
  }

  /** The record for this step, or null when it wrote none of the snapshot tables. */
  change(): DashboardChange | null {
    if (this.all) return { all: true };
    if (this.count === 0) return null;
    return { ids: Object.fromEntries([...this.ids].map(([t, set]) => [t, [...set]])) };
  }
}

/** Records that every row may have changed (a restore), in the caller's transaction. */
export function recordEverything(trans: Transaction): Promise<unknown> {
  return trans.table<DashboardChange, number>('dashboardChanges').add({ all: true });
}
