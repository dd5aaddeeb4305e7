// The sync benchmarks' page (test/bench/sync.bench.ts drives it): the app's real sync client on
// Dexie over HTTP, against raw IndexedDB puts of the same rows in the same page. Not linked from the app.
import { SyncClient } from '../../shared/sync/client';
import { httpTransport } from '../../shared/sync/httpTransport';
import { SCHEMA_VERSION, type Poke } from '../../shared/sync/protocol';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from '../sync/dexieClientStore';
import { listenForPokes } from '../sync/pokeStream';
import { deleteDatabase, rawPutRows } from './rawPut';
import { shapeOf } from './storeSnapshot';

const actor = { id: 'bench', name: 'Bench', role: 'admin-agent' as const };

function client(baseUrl: string, token: string, dbName: string) {
  const db = new WorkspaceDatabase(dbName);
  const sync = new SyncClient(
    new DexieClientStore(db, () => `bench${Math.random().toString(36).slice(2, 14)}`),
    httpTransport({ baseUrl, fetch: (u, i) => fetch(u, i as RequestInit), accessToken: async () => token }),
    { actor: () => actor, now: () => new Date().toISOString() },
  );
  return { db, sync };
}

/**
 * A new client's first pull into IndexedDB; then the floor: the same rows, raw put into a fresh
 * database. Both databases are deleted after, so each run starts on the same disk.
 */
async function firstPull(baseUrl: string, token: string) {
  const dbName = `bench-pull-${Math.random()}`;
  const { db, sync } = client(baseUrl, token, dbName);
  const t0 = performance.now();
  await sync.pull();
  const ms = performance.now() - t0;
  const rows = await db.customers.toArray();
  const indexes = shapeOf(db.backendDB().transaction('customers', 'readonly').objectStore('customers')).indexes.map((i) => i.name);
  db.close();
  await deleteDatabase(dbName);
  const floor = await rawPutRows({ shapes: [{ name: 'customers', keyPath: 'id', autoIncrement: false, indexes: [] }], rows: { customers: rows.map((value) => ({ key: value.id as IDBValidKey, value })) } });
  await deleteDatabase(floor.dbName);
  return { ms, reference: floor.ms, rows: rows.length, indexes };
}

const now = () => performance.timeOrigin + performance.now();

/**
 * Client B: syncs on every poke as the app's sync worker does (the change a poke carries applied
 * without a pull when it follows on from the cursor) and notes when each mark written by A arrives.
 */
let arrivals = new Map<string, number>();
async function listen(baseUrl: string, token: string) {
  const { db, sync } = client(baseUrl, token, `bench-b-${Math.random()}`);
  await sync.pull();
  arrivals = new Map();
  let syncing = false;
  const pokes: (Poke | null)[] = [];
  const catchUp = async () => {
    if (syncing) return;
    syncing = true;
    while (pokes.length > 0) {
      await sync.sync(undefined, pokes.splice(0));
      const mark = await db.customers.get('c-mark');
      if (mark && !arrivals.has(mark.notes)) arrivals.set(mark.notes, now());
    }
    syncing = false;
  };
  await new Promise<void>((resolve) => {
    listenForPokes({
      url: `${baseUrl}/sync/poke?schemaVersion=${SCHEMA_VERSION}`,
      accessToken: async () => token,
      onPoke: (poke) => {
        pokes.push(poke);
        void catchUp();
      },
      onConnected: resolve,
    });
  });
}

function arrivedAt(mark: string): number | null {
  return arrivals.get(mark) ?? null;
}

/** Client A: one change, pushed at once; answers when it started. */
let writer: ReturnType<typeof client> | null = null;
async function write(baseUrl: string, token: string, mark: string) {
  writer ??= client(baseUrl, token, `bench-a-${Math.random()}`);
  const t0 = now();
  const outcome = await writer.sync.mutate('customer.update', { id: 'c-mark', notes: mark });
  if (!outcome.ok) throw new Error(outcome.message);
  await writer.sync.push();
  return t0;
}

async function prepareMark(baseUrl: string, token: string) {
  writer ??= client(baseUrl, token, `bench-a-${Math.random()}`);
  await writer.sync.pull();
  const outcome = await writer.sync.mutate('customer.create', { id: 'c-mark', name: 'Mark' });
  if (!outcome.ok) throw new Error(outcome.message);
  await writer.sync.sync();
}

Object.assign(window, { __bench: { firstPull, listen, arrivedAt, write, prepareMark } });
document.body.dataset.ready = 'true';
