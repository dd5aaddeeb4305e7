// The import benchmark's page (test/bench/import.bench.ts drives it): the real import path (worker,
// parse, SyncClient.mutateMany into Dexie) against the floor, raw IndexedDB puts of the same rows
// in one transaction, in the same page. Not linked from the app.
import { SyncClient } from '../../shared/sync/client';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from '../sync/dexieClientStore';
import type { ImportFile } from '../workspace/importProtocol';
import { startImport } from '../workspace/startImport';
import { rawPut as rawPutInto } from './rawPut';

const rawPut = (rows: Record<string, unknown>[]) => rawPutInto('tenantUsers', rows);

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

async function importTenant(files: { subscribedSkus: ImportFile; subscriptions: ImportFile; users: ImportFile }) {
  const dbName = `bench-ours-${Math.random()}`;
  const db = new WorkspaceDatabase(dbName);
  const client = new SyncClient(new DexieClientStore(db, () => 'benchclient0001'), { push: () => Promise.reject(new Error('no')), pull: () => Promise.reject(new Error('no')) }, { actor: () => actor, now: () => new Date().toISOString() });
  const created = await client.mutate('customer.create', { id: 'c-bench', name: 'Bench tenant' });
  if (!created.ok) throw new Error(created.message);
  db.close();
  const t0 = performance.now();
  const { value, maxGap } = await watchMainThread(() => startImport({ kind: 'tenant', customerId: 'c-bench', files }, { actor, dbName }));
  const ms = performance.now() - t0;
  if (value.status !== 'done') throw new Error(JSON.stringify(value));
  const check = new WorkspaceDatabase(dbName);
  const users = (await check.tenantUserChunks.toArray()).reduce((n, c) => n + c.users.length, 0);
  const outbox = await check.outbox.count();
  check.close();
  return { ms, maxGap, users, outbox, parseMs: value.result.ms.parse, writeMs: value.result.ms.write };
}

Object.assign(window, { __bench: { rawPut, importTenant } });
document.body.dataset.ready = 'true';
