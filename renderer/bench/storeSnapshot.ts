// What a piece of work left in an IndexedDB database, read with raw IndexedDB: every store's shape
// and rows before and after, and the rows that are new or changed. The import benchmark's floor puts
// exactly these rows, so it cannot drift from what the import writes (issue #12, item 10).

export interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

export interface StoredRow {
  key: IDBValidKey;
  value: unknown;
}

export interface Snapshot {
  shapes: StoreShape[];
  rows: Record<string, StoredRow[]>;
}

/** Rows per store, with how they measure, so a reader can see two sets are the same. */
export interface RowSet {
  shapes: StoreShape[];
  rows: Record<string, StoredRow[]>;
}

export interface RowSetFigures {
  rows: number;
  bytes: number;
  perStore: Record<string, { rows: number; bytes: number }>;
}

export function openDatabase(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const open = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    if (upgrade) open.onupgradeneeded = () => upgrade(open.result);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

export function shapeOf(store: IDBObjectStore): StoreShape {
  const indexes = Array.from(store.indexNames, (n) => {
    const index = store.index(n);
    return { name: n, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
  });
  return { name: store.name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
}

/** Every store's shape and rows (in key order), in one read-only transaction. */
export async function snapshot(dbName: string): Promise<Snapshot> {
  const db = await openDatabase(dbName);
  try {
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names, 'readonly');
    const shapes = names.map((n) => shapeOf(tx.objectStore(n)));
    const reads = names.map(
      (n) =>
        new Promise<[string, StoredRow[]]>((resolve, reject) => {
          const store = tx.objectStore(n);
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => resolve([n, keys.result.map((key, i) => ({ key, value: values.result[i] }))]);
          values.onerror = () => reject(values.error);
        }),
    );
    return { shapes, rows: Object.fromEntries(await Promise.all(reads)) };
  } finally {
    db.close();
  }
}

const serialized = (row: StoredRow) => JSON.stringify([row.key, row.value]);

/**
 * The rows `after` holds that `before` did not, or held with another value, per store that has any;
 * and how many rows were deleted (the floor has nothing to delete, so a deletion would be reported).
 */
export function rowsLeft(before: Snapshot, after: Snapshot): { left: RowSet; deleted: number } {
  const rows: Record<string, StoredRow[]> = {};
  let deleted = 0;
  for (const shape of after.shapes) {
    const was = new Map((before.rows[shape.name] ?? []).map((r) => [JSON.stringify(r.key), serialized(r)]));
    const now = after.rows[shape.name] ?? [];
    const changed = now.filter((r) => was.get(JSON.stringify(r.key)) !== serialized(r));
    const stillThere = new Set(now.map((r) => JSON.stringify(r.key)));
    deleted += [...was.keys()].filter((k) => !stillThere.has(k)).length;
    if (changed.length > 0) rows[shape.name] = changed;
  }
  return { left: { shapes: after.shapes.filter((s) => rows[s.name]), rows }, deleted };
}

/** Row counts and bytes (UTF-8 JSON of key and value) of a row set, in total and per store. */
export function figures(set: RowSet): RowSetFigures {
  const encoder = new TextEncoder();
  const perStore: RowSetFigures['perStore'] = {};
  let rows = 0;
  let bytes = 0;
  for (const [name, list] of Object.entries(set.rows)) {
    const b = list.reduce((n, r) => n + encoder.encode(serialized(r)).length, 0);
    perStore[name] = { rows: list.length, bytes: b };
    rows += list.length;
    bytes += b;
  }
  return { rows, bytes, perStore };
}

/** Whether two row sets hold the same stores, shapes, keys and values. */
export function sameRows(a: RowSet, b: RowSet): boolean {
  const text = (s: RowSet) =>
    JSON.stringify(
      [...s.shapes].sort((x, y) => x.name.localeCompare(y.name)).map((shape) => [shape, (s.rows[shape.name] ?? []).map(serialized)]),
    );
  return text(a) === text(b);
}
