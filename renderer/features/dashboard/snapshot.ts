// The dashboard's biggest tables read as one record instead of 27,000 rows: the snapshot of them
// (customers, plans, imported subscriptions, summaries) and the log of the rows written since
// (renderer/db/dashboardChanges.ts), both read in the caller's read-only transaction, so what it
// answers is the tables as that transaction sees them. The rows the log names are read by key and
// patched in; a long log, or one that says `all`, reads the tables whole. The patched tables are
// kept in memory for the next read (the dashboard worker lives as long as the app) and written
// back as the new snapshot after a whole read or a long log, off the read's path.
import {
  SNAPSHOT_TABLES,
  type DashboardChange,
  type DashboardSnapshotRecord,
  type SnapshotTable,
} from '../../db/dashboardChanges';
import type { WorkspaceDatabase } from '../../db/database';
import type { Customer, CustomerSummary, Plan, TenantSubscriptionRow } from '../../../shared/workspace/tables';
import { compareCustomers, strip } from '../../db/queries';
import { fromColumns, toColumns, type Columns } from './columns';

/** The snapshot's shape: a new one means every stored snapshot is read whole once and replaced. */
const FORMAT = 2;
/** Past this many ids (or log records) since the stored snapshot, a new one is stored. */
const PERSIST_AFTER_IDS = 500;
const PERSIST_AFTER_CHANGES = 50;
/** Past this many ids to read by key, the tables are read whole. */
const READ_WHOLE_AFTER_IDS = 3000;

type Row = Record<string, unknown> & { id: string };

/**
 * The order rows are kept in: customers by name (every screen sorts them so, and sorting a sorted
 * list costs one comparison a row), the others by key, as a whole read gives them.
 */
function inOrder(table: SnapshotTable): (a: Row, b: Row) => number {
  if (table === 'customers') return compareCustomers as unknown as (a: Row, b: Row) => number;
  return (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What the dashboard keeps of each row: plans only for which customer's newest plan is which. */
function keep(table: SnapshotTable, row: Row & { _v?: number }): Row {
  if (table === 'plans') return { id: row.id, customerId: row.customerId };
  return strip(row);
}

interface Held {
  /** The last log record patched in (the snapshot's own seq when nothing was). */
  seq: number;
  /** The seq of the snapshot stored, or of the one being stored. */
  storedSeq: number;
  /** Ids and log records patched in since the stored snapshot. */
  idsSince: number;
  changesSince: number;
  /** Changes whenever the rows do (a whole read, a reload, a patch): what was handed out is current while it holds. */
  stamp: number;
  /** Tables a patch added rows to (or renamed a customer in): no longer in order (inOrder). */
  unordered: Set<SnapshotTable>;
  rows: Record<SnapshotTable, Map<string, Row>>;
}

/** The snapshot tables' rows as the dashboard reads them (stripped of `_v`; customers by name). */
export interface SnapshotTables {
  customers: Customer[];
  plans: Pick<Plan, 'id' | 'customerId'>[];
  tenantSubscriptions: TenantSubscriptionRow[];
  customerSummaries: CustomerSummary[];
}

/** The rows held as plain records: typed once, where they are handed out (typed). */
type HeldTables = Record<SnapshotTable, Row[]>;
const typed = (tables: HeldTables) => tables as unknown as SnapshotTables;

const held = new WeakMap<WorkspaceDatabase, Held>();
let stamps = 0;

export interface SnapshotRead {
  tables: SnapshotTables;
  /** The same stamp as the last read's: the same rows (nothing was written to them since). */
  stamp: number;
  /** Stores a new snapshot when one is worth storing: called once the dashboard is out. */
  store: (() => Promise<void>) | null;
}

/** The tables the caller's read-only transaction must include besides the snapshot tables. */
export const SNAPSHOT_STORES = ['dashboardSnapshot', 'dashboardChanges'] as const;

function fromRows(seq: number, storedSeq: number, tables: HeldTables): Held {
  const rows = {} as Record<SnapshotTable, Map<string, Row>>;
  for (const t of SNAPSHOT_TABLES) rows[t] = new Map(tables[t].map((r) => [r.id, r]));
  return { seq, storedSeq, idsSince: 0, changesSince: 0, stamp: ++stamps, unordered: new Set(), rows };
}

/** The snapshot tables read whole, each row as the snapshot keeps it (in the caller's transaction). */
export async function readTablesWhole(db: WorkspaceDatabase): Promise<SnapshotTables> {
  return typed(await readHeldWhole(db));
}

async function readHeldWhole(db: WorkspaceDatabase): Promise<HeldTables> {
  const lists = await Promise.all(SNAPSHOT_TABLES.map((t) => db.table<Row & { _v?: number }, string>(t).toArray()));
  const tables = {} as HeldTables;
  SNAPSHOT_TABLES.forEach((t, i) => {
    tables[t] = lists[i]!.map((r) => keep(t, r));
    if (t === 'customers') tables[t].sort(inOrder(t));
  });
  return tables;
}

async function readWhole(db: WorkspaceDatabase, storedSeq: number): Promise<Held> {
  const [last, tables] = await Promise.all([db.dashboardChanges.orderBy(':id').reverse().limit(1).primaryKeys(), readHeldWhole(db)]);
  // An empty log after a stored snapshot: everything up to that snapshot's seq is in these rows.
  const seq = Math.max((last as number[])[0] ?? 0, storedSeq);
  const h = fromRows(seq, storedSeq, tables);
  // Read whole: worth storing unless the snapshot of this very seq is stored.
  h.idsSince = PERSIST_AFTER_IDS;
  return h;
}

async function patch(db: WorkspaceDatabase, h: Held, changes: DashboardChange[]): Promise<boolean> {
  const ids = new Map<SnapshotTable, Set<string>>();
  let count = 0;
  for (const c of changes) {
    if (c.all) return false;
    for (const t of SNAPSHOT_TABLES) {
      const list = c.ids?.[t];
      if (!list) continue;
      let set = ids.get(t);
      if (!set) ids.set(t, (set = new Set()));
      for (const id of list) set.add(id);
      count += list.length;
    }
  }
  if (count > READ_WHOLE_AFTER_IDS) return false;
  const read = await Promise.all([...ids].map(async ([t, set]) => [t, [...set], await db.table<Row & { _v?: number }, string>(t).bulkGet([...set])] as const));
  for (const [t, list, rows] of read) {
    list.forEach((id, i) => {
      const row = rows[i];
      const map = h.rows[t];
      if (!row) map.delete(id);
      else {
        const before = map.get(id);
        if (!before || (t === 'customers' && before.name !== row.name)) h.unordered.add(t);
        map.set(id, keep(t, row));
      }
    });
  }
  if (changes.length > 0) h.stamp = ++stamps;
  h.seq = changes[changes.length - 1]?.seq ?? h.seq;
  h.idsSince += count;
  h.changesSince += changes.length;
  return true;
}

/**
 * The snapshot tables as the caller's read-only transaction sees them (it must include
 * SNAPSHOT_TABLES and SNAPSHOT_STORES), and whether a new snapshot is worth storing (`store`).
 */
export async function readSnapshotTables(db: WorkspaceDatabase): Promise<SnapshotRead> {
  let h = held.get(db);
  // Nothing held (a new page or worker): the stored snapshot is read with its head, not after it.
  const [head, early] = await Promise.all([db.dashboardSnapshot.get('head'), h ? undefined : db.dashboardSnapshot.get('rows')]);
  const stored = head?.format === FORMAT ? head.seq : -1;
  // Another copy of the app (a second window) stored a newer snapshot and dropped the log up to
  // it: what is held here may miss what that log said.
  if (h && stored > h.seq) h = undefined;
  if (!h && stored >= 0) {
    const record = (early ?? (await db.dashboardSnapshot.get('rows'))) as Extract<DashboardSnapshotRecord, { id: 'rows' }> | undefined;
    if (record?.format === FORMAT && record.seq === stored) h = fromRows(record.seq, record.seq, unpackTables(record.tables as Record<SnapshotTable, Columns>));
  }
  if (h) {
    const changes = await db.dashboardChanges.where(':id').above(h.seq).toArray();
    if (!(await patch(db, h, changes))) h = undefined;
  }
  h ??= await readWhole(db, stored);
  held.set(db, h);
  // Rows in order, as a whole read gives them: what the dashboard shows never depends on which
  // way the rows were read.
  for (const t of h.unordered) {
    const order = inOrder(t);
    h.rows[t] = new Map([...h.rows[t]].sort(([, a], [, b]) => order(a, b)));
  }
  h.unordered.clear();
  const tables = {} as HeldTables;
  for (const t of SNAPSHOT_TABLES) tables[t] = [...h.rows[t].values()];
  const worth = h.storedSeq < h.seq && (h.idsSince >= PERSIST_AFTER_IDS || h.changesSince >= PERSIST_AFTER_CHANGES);
  if (!worth) return { tables: typed(tables), stamp: h.stamp, store: null };
  const seq = h.seq;
  h.storedSeq = seq;
  h.idsSince = 0;
  h.changesSince = 0;
  return { tables: typed(tables), stamp: h.stamp, store: () => storeSnapshot(db, seq, tables) };
}

/**
 * The snapshot stored as columns (columns.ts): a few arrays per table instead of 27,000 objects
 * each repeating its keys, which IndexedDB takes in and hands back in far less time.
 */
function packTables(tables: HeldTables): Record<SnapshotTable, Columns> {
  const out = {} as Record<SnapshotTable, Columns>;
  for (const t of SNAPSHOT_TABLES) out[t] = toColumns(tables[t]);
  return out;
}

function unpackTables(packed: Record<SnapshotTable, Columns>): HeldTables {
  const out = {} as HeldTables;
  for (const t of SNAPSHOT_TABLES) out[t] = fromColumns<Row>(packed[t]);
  return out;
}

/** Stores the tables of `seq` as the snapshot and drops the log up to it, unless a newer one is stored. */
async function storeSnapshot(db: WorkspaceDatabase, seq: number, tables: HeldTables): Promise<void> {
  // Packed before the transaction opens: every write step waits on it (they all add to the log).
  const packed = packTables(tables);
  await db.transaction('rw', [db.dashboardSnapshot, db.dashboardChanges], async () => {
    const head = (await db.dashboardSnapshot.get('head')) as Extract<DashboardSnapshotRecord, { id: 'head' }> | undefined;
    if (head?.format === FORMAT && head.seq >= seq) return;
    await db.dashboardSnapshot.bulkPut([
      { id: 'rows', format: FORMAT, seq, tables: packed },
      { id: 'head', format: FORMAT, seq },
    ]);
    await db.dashboardChanges.where(':id').belowOrEqual(seq).delete();
  });
}
