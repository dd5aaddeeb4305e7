// The sync engine on real Dexie code over fake-indexeddb (IndexedDB's reference behaviour in Node);
// the same engine runs in Chromium in the e2e and benchmark suites.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/mutators/define';
import { SyncClient, SyncHttpError, type SyncTransport } from '../../shared/sync/client';
import { MemorySyncServer } from '../../shared/sync/memoryServer';
import type { PushRequest } from '../../shared/sync/protocol';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from './dexieClientStore';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const opened: WorkspaceDatabase[] = [];
let n = 0;

function transport(server: MemorySyncServer, actor: Actor): SyncTransport {
  return {
    async push(request: PushRequest) {
      const outcome = await server.push(structuredClone(request), actor, '2026-11-24T12:00:00.000Z');
      if (!outcome.ok) throw new SyncHttpError(outcome.status, outcome.code, outcome.message);
      return outcome.response;
    },
    async pull(cursor, clientId) {
      return structuredClone(server.pull(cursor, clientId));
    },
  };
}

function client(server: MemorySyncServer, name: string, dbName = `ws-${++n}`) {
  const db = new WorkspaceDatabase(dbName);
  opened.push(db);
  const actor: Actor = { id: name, name, role: 'admin-agent' };
  const store = new DexieClientStore(db, () => `client-${dbName}`);
  return { db, store, sync: new SyncClient(store, transport(server, actor), { actor: () => actor, now: () => '2026-11-24T09:00:00.000Z' }) };
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

describe('sync client on Dexie (fake-indexeddb)', () => {
  it('writes a change, its activity entry and its outbox row together; a refused change writes none', async () => {
    const server = new MemorySyncServer();
    const a = client(server, 'Aiko');
    expect(await a.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso' })).toEqual({ ok: true });
    expect(await a.db.customers.count()).toBe(1);
    expect(await a.db.activity.count()).toBe(1);
    expect(await a.db.outbox.count()).toBe(1);
    const refused = await a.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso again' });
    expect(refused).toMatchObject({ ok: false, code: 'invalid' });
    expect(await a.db.customers.count()).toBe(1);
    expect(await a.db.activity.count()).toBe(1);
    expect(await a.db.outbox.count()).toBe(1);
  });

  it('keeps the outbox across a restart and delivers it later', async () => {
    const server = new MemorySyncServer();
    const first = client(server, 'Aiko', 'restart-db');
    await first.sync.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' });
    await first.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso' });
    first.db.close();
    const again = client(server, 'Aiko', 'restart-db');
    expect(await again.store.pendingCount()).toBe(2);
    await again.sync.sync();
    expect(await again.store.pendingCount()).toBe(0);
    expect(server.rows('customers')).toHaveLength(1);
    expect((await again.db.customers.get('c-1'))?._v).toBe(server.version);
  });

  it("brings another client's changes and rebases pending ones on top", async () => {
    const server = new MemorySyncServer();
    const a = client(server, 'Aiko');
    const b = client(server, 'Ben');
    await a.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso' });
    await a.sync.sync();
    await b.sync.sync();
    await b.sync.mutate('customer.update', { id: 'c-1', domain: 'contoso.com' });
    await a.sync.mutate('customer.update', { id: 'c-1', notes: 'from A' });
    await a.sync.sync();
    await b.sync.pull();
    // B's own pending edit survives the pull that brought A's note.
    expect(await b.db.customers.get('c-1')).toMatchObject({ domain: 'contoso.com', notes: 'from A' });
    expect(await b.store.pendingCount()).toBe(1);
    await b.sync.sync();
    await a.sync.sync();
    const fromA = await a.db.customers.get('c-1');
    const fromB = await b.db.customers.get('c-1');
    expect(fromA).toEqual(fromB);
    expect(fromA).toMatchObject({ domain: 'contoso.com', notes: 'from A' });
  });
});
