// The import benchmark's page (test/bench/import.bench.ts drives it): the real import path (worker,
// parse, SyncClient.mutateMany into Dexie) against its floor in the same page. The floor is not a
// guess at what the import stores: after the import, every row it left (new or changed, in any
// store: user chunks, tenant SKUs and subscriptions, outbox entries, the import and activity
// records, sync metadata) is read back with raw IndexedDB, and the same rows (same stores, key
// paths, indexes, keys and values) are put into a fresh database in one readwrite transaction.
// Both row sets are read back and compared, so the ratio is of two writes of identical data.
// Not linked from the app.
import { SyncClient } from '../../shared/sync/client';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from '../sync/dexieClientStore';
import type { ImportFile, ImportRequest } from '../import/importProtocol';
import { prepareImportWorker, startImport } from '../import/startImport';
import { tenantImportRequest, type PickedTenantFiles } from '../import/TenantFilePickers';
import { deleteDatabase, rawPutRows } from './rawPut';
import { figures, rowsLeft, sameRows, snapshot, type RowSet } from './storeSnapshot';

const actor = { id: 'bench', name: 'Bench', role: 'admin-agent' as const };

/** Longest gap between main-thread timer ticks while `work` runs: does the page keep answering? */
async function watchMainThread<T>(work: () => Promise<T>): Promise<{ value: T; maxGap: number }> {
  let last = performance.now();
  let maxGap = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const value = await work();
  running = false;
  return { value, maxGap };
}

/** The floor on a few rows of each store first (JIT, store creation paths), then on all of them. */
async function floor(left: RowSet) {
  const few: RowSet = { shapes: left.shapes, rows: Object.fromEntries(Object.entries(left.rows).map(([n, rows]) => [n, rows.slice(0, 3)])) };
  await deleteDatabase((await rawPutRows(few)).dbName);
  const { ms, dbName } = await rawPutRows(left);
  const written = await snapshot(dbName);
  await deleteDatabase(dbName);
  if (!sameRows(left, written)) throw new Error('the floor database does not hold the rows the import left');
  return { ms, figures: figures(written) };
}

type TenantFiles = Extract<ImportRequest, { kind: 'tenant' }>['files'];

/**
 * The tenant import of `files` for a fresh customer, against its floor. `catalog`, when given, is
 * imported first (the admin center's export names licenses by display name: the catalog maps them):
 * it is in the database before the "before" snapshot, so only the tenant import's rows are counted.
 */
async function importTenant(files: TenantFiles, catalog?: ImportFile) {
  const dbName = `bench-ours-${Math.random()}`;
  const db = new WorkspaceDatabase(dbName);
  const client = new SyncClient(new DexieClientStore(db, () => 'benchclient0001'), { push: () => Promise.reject(new Error('no')), pull: () => Promise.reject(new Error('no')) }, { actor: () => actor, now: () => new Date().toISOString() });
  const created = await client.mutate('customer.create', { id: 'c-bench', name: 'Bench tenant' });
  if (!created.ok) throw new Error(created.message);
  db.close();
  if (catalog) {
    const imported = await startImport({ kind: 'catalog', files: { catalog } }, { actor, dbName });
    if (imported.status !== 'done') throw new Error(JSON.stringify(imported));
  }
  const before = await snapshot(dbName);
  // The files as the app has them: Files from the picker or a drop (made here, before the timing).
  const picked: PickedTenantFiles = {};
  for (const [kind, f] of Object.entries(files) as [keyof TenantFiles, ImportFile][]) picked[kind] = new File([f.text], f.file);
  // As on the screens that import (useImport): the worker is started when the screen shows, before
  // the files come; the time is from the files to the import stored, the request made as the
  // screens make it (tenantImportRequest: each file's kind from its first bytes, the File posted).
  prepareImportWorker();
  await new Promise((r) => setTimeout(r, 1000));
  const t0 = performance.now();
  const { value, maxGap } = await watchMainThread(async () => startImport(await tenantImportRequest('c-bench', picked), { actor, dbName }));
  const ms = performance.now() - t0;
  if (value.status !== 'done') throw new Error(JSON.stringify(value));
  const { left, deleted } = rowsLeft(before, await snapshot(dbName));
  const users = (left.rows.tenantUserChunks ?? []).reduce((n, r) => n + (r.value as { users: unknown[] }).users.length, 0);
  await deleteDatabase(dbName);
  const reference = await floor(left);
  return {
    ms,
    maxGap,
    users,
    deleted,
    parseMs: value.result.ms.parse,
    writeMs: value.result.ms.write,
    left: figures(left),
    floorMs: reference.ms,
    floor: reference.figures,
  };
}

Object.assign(window, { __bench: { importTenant } });
document.body.dataset.ready = 'true';
