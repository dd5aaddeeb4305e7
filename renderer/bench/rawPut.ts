// The benchmarks' floor: rows put with raw IndexedDB, one transaction, in a fresh database.
import { openDatabase, type RowSet } from './storeSnapshot';

/** Deletes a benchmark's database (a floor's, or a run's own), so the next run starts on the same disk. */
export const deleteDatabase = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });

/**
 * Puts `set` into a fresh database whose stores have the same key paths and indexes (an index is
 * paid on every put, so a floor without the app's indexes would be a floor the app cannot reach),
 * all in one readwrite transaction. Only the transaction is timed, not creating the database.
 * Returns the time and the database's name, left open for reading back (then deleted by the caller).
 */
export async function rawPutRows(set: RowSet): Promise<{ ms: number; dbName: string }> {
  const dbName = `bench-raw-${Math.random()}`;
  const db = await openDatabase(dbName, 1, (created) => {
    for (const shape of set.shapes) {
      const store = created.createObjectStore(shape.name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
      for (const index of shape.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  });
  const names = set.shapes.map((s) => s.name);
  const inline = new Map(set.shapes.map((s) => [s.name, s.keyPath !== null]));
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) {
      const store = tx.objectStore(name);
      const keyed = inline.get(name);
      for (const row of set.rows[name] ?? []) {
        if (keyed) store.put(row.value);
        else store.put(row.value, row.key);
      }
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  return { ms, dbName };
}
