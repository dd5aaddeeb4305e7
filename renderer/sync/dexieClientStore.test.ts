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
      if (!outcome.ok) throw new SyncHttpError(outcome.status, outcome.code, outcome.message, outcome);
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

/** How many rows each of `tables` holds. */
async function counts(db: WorkspaceDatabase, ...tables: ('customers' | 'activity' | 'outbox' | 'rejections' | 'tenantUsers')[]) {
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await db[table].count();
  return out;
}

/** Aiko and Ben on one server, both synced after Aiko created Contoso (c-1). */
async function twoWithContoso() {
  const server = new MemorySyncServer();
  const a = client(server, 'Aiko');
  const b = client(server, 'Ben');
  await a.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso' });
  await a.sync.sync();
  await b.sync.sync();
  return { server, a, b };
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

describe('sync client on Dexie (fake-indexeddb)', () => {
  it('writes a change, its activity entry and its outbox row together; a refused change writes none', async () => {
    const server = new MemorySyncServer();
    const a = client(server, 'Aiko');
    expect(await a.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso' })).toEqual({ ok: true });
    expect(await counts(a.db, 'customers', 'activity', 'outbox')).toEqual({ customers: 1, activity: 1, outbox: 1 });
    const refused = await a.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso again' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await counts(a.db, 'customers', 'activity', 'outbox')).toEqual({ customers: 1, activity: 1, outbox: 1 });
  });

  it('renumbers its outbox in one transaction after a gap (409) and under a new client id, and delivers every change once (fake-indexeddb)', async () => {
    const server = new MemorySyncServer();
    const a = client(server, 'Aiko');
    await a.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso' });
    await a.sync.sync();
    // The ids the server expects next are gone (a server restored from an older backup would do it).
    await a.store.transaction((tx) => tx.setMeta({ nextMutationId: 7 }));
    await a.sync.mutate('customer.update', { id: 'c-1', notes: 'seven' });
    await a.sync.mutate('customer.update', { id: 'c-1', domain: 'eight.example' });
    await a.sync.sync();
    expect(await counts(a.db, 'outbox', 'rejections')).toEqual({ outbox: 0, rejections: 0 });
    expect(server.rows('customers')[0]).toMatchObject({ notes: 'seven', domain: 'eight.example' });
    expect((await a.store.transaction((tx) => tx.meta())).nextMutationId).toBe(4);

    // Another person signs in on this computer: a new client id, the pending change renumbered from 1.
    await a.sync.claimFor('aiko', () => 'unused');
    await a.sync.mutate('customer.update', { id: 'c-1', notes: 'by the next person' });
    await a.sync.claimFor('dora', () => 'client-dora-0001');
    expect((await a.db.outbox.toArray()).map((m) => m.id)).toEqual([1]);
    expect(await a.store.transaction((tx) => tx.meta())).toMatchObject({ clientId: 'client-dora-0001', userId: 'dora', nextMutationId: 2 });
    expect((await a.db.customers.get('c-1'))?.notes).toBe('by the next person');
    await a.sync.sync();
    expect(await a.db.outbox.count()).toBe(0);
    expect(server.rows('customers')[0]?.notes).toBe('by the next person');
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
    const { a, b } = await twoWithContoso();
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

  it("answers a fresh key prefix's rows from what the transaction wrote, and reads rows that were there", async () => {
    const server = new MemorySyncServer();
    const a = client(server, 'Aiko');
    const user = (id: string, upn: string) => ({ id, customerId: 'c-1', importId: 'i-1', userId: id.split(':')[2]!, userPrincipalName: upn, licenses: [] });
    await a.db.tenantUsers.put({ ...user('c-1:i-0:u-0', 'old@contoso.com'), importId: 'i-0', _v: 7 });
    const seen = await a.store.transaction(async (tx) => {
      const first = await tx.getMany!('tenantUsers', ['c-1:i-1:u-1', 'c-1:i-1:u-2']);
      await tx.bulkWrite!('tenantUsers', [user('c-1:i-1:u-1', 'one@contoso.com')], [0]);
      await tx.put('tenantUsers', user('c-1:i-1:u-3', 'three@contoso.com'));
      const second = await tx.getMany!('tenantUsers', ['c-1:i-1:u-1', 'c-1:i-1:u-2', 'c-1:i-1:u-3']);
      await tx.delete('tenantUsers', 'c-1:i-1:u-1');
      const third = await tx.getMany!('tenantUsers', ['c-1:i-1:u-1', 'c-1:i-1:u-4']);
      // A prefix with a row from before the transaction is read from storage, versions included.
      const older = await tx.getMany!('tenantUsers', ['c-1:i-0:u-0', 'c-1:i-0:u-9']);
      const stored = await tx.get('tenantUsers', 'c-1:i-1:u-3');
      return { first, second, third, older, stored };
    });
    expect(seen.first).toEqual([
      { row: undefined, version: 0 },
      { row: undefined, version: 0 },
    ]);
    expect(seen.second.map((r) => [r.row?.userPrincipalName, r.version])).toEqual([
      ['one@contoso.com', 0],
      [undefined, 0],
      ['three@contoso.com', 0],
    ]);
    expect(seen.second[0]?.row).not.toHaveProperty('_v');
    expect(seen.third).toEqual([
      { row: undefined, version: 0 },
      { row: undefined, version: 0 },
    ]);
    expect(seen.older.map((r) => [r.row?.userPrincipalName, r.version])).toEqual([
      ['old@contoso.com', 7],
      [undefined, 0],
    ]);
    expect(seen.stored?.userPrincipalName).toBe('three@contoso.com');
    expect((await a.db.tenantUsers.toArray()).map((r) => r.id).sort()).toEqual(['c-1:i-0:u-0', 'c-1:i-1:u-3']);
  });

  it("writes an import's user chunks without reading each back: the import's scope is read once", async () => {
    const server = new MemorySyncServer();
    const a = client(server, 'Aiko');
    await a.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso' });
    const users = Array.from({ length: 12 }, (_, i) => ({ id: `0000000${i.toString(16)}-0000-4000-8000-000000000000`, userPrincipalName: `u${i}@contoso.com`, licenses: [] }));
    const chunks = [0, 2, 4, 6, 8, 10].map((from) => ({ name: 'tenant.importChunk', args: { importId: 'i-1', customerId: 'c-1', kind: 'users', rows: users.slice(from, from + 2) } }));
    const commit = { name: 'tenant.importCommit', args: { importId: 'i-1', customerId: 'c-1', files: ['users.json'], counts: { skus: 0, subscriptions: 0, users: 12 } } };
    // Every read IndexedDB is asked for, by store: a read waits for the writes queued before it.
    const reads: string[] = [];
    const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const methods = ['get', 'getKey', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'].filter((m) => typeof proto[m] === 'function');
    const originals = methods.map((m) => proto[m]!);
    methods.forEach((m, i) => {
      proto[m] = function (this: IDBObjectStore, ...args: unknown[]) {
        reads.push(this.name);
        return originals[i]!.apply(this, args);
      };
    });
    try {
      expect(await a.sync.mutateMany([...chunks, commit])).toEqual({ ok: true });
    } finally {
      methods.forEach((m, i) => (proto[m] = originals[i]!));
    }
    expect(reads.filter((store) => store === 'tenantUserChunks').length).toBeLessThanOrEqual(1);
    const stored = (await a.db.tenantUserChunks.toArray()).sort((x, y) => x.offset - y.offset);
    expect(stored.map((c) => [c.id, c.offset, c.users.length, c._v])).toEqual([0, 2, 4, 6, 8, 10].map((o) => [`c-1:i-1:users:${o}`, o, 2, 0]));
    // Each chunk's outbox row records it as new (undo: nothing before it; base version 0), as a put would.
    const chunkEntries = (await a.db.outbox.orderBy('id').toArray()).filter((m) => m.name === 'tenant.importChunk');
    expect(chunkEntries.map((m) => m.undo.filter((u) => u.table === 'tenantUserChunks'))).toEqual(
      [0, 2, 4, 6, 8, 10].map((o) => [{ table: 'tenantUserChunks', id: `c-1:i-1:users:${o}`, before: null, version: 0 }]),
    );
    expect(chunkEntries.map((m) => Object.entries(m.baseVersions).filter(([k]) => k.startsWith('tenantUserChunks/')))).toEqual(
      [0, 2, 4, 6, 8, 10].map((o) => [[`tenantUserChunks/c-1:i-1:users:${o}`, 0]]),
    );
  });

  it('a write that fails after being issued without waiting fails the whole transaction', async () => {
    const server = new MemorySyncServer();
    const a = client(server, 'Aiko');
    await expect(
      a.store.transaction(async (tx) => {
        await tx.put('customers', { id: 'c-1', name: 'Contoso' } as never);
        await tx.bulkWrite!('tenantUsers', [{ id: 'c-1:i-1:u-1', broken: () => 1 }], [0]);
        await tx.addOutbox({ id: 1, name: 'x', args: {}, baseVersions: {}, undo: [], createdAt: '2026-11-24T09:00:00.000Z' });
        return 'done';
      }),
    ).rejects.toThrow();
    expect(await counts(a.db, 'customers', 'tenantUsers', 'outbox')).toEqual({ customers: 0, tenantUsers: 0, outbox: 0 });
  });

  it('rebases a pending import on a pull and takes it back exactly when the server refuses it', async () => {
    const { server, a, b } = await twoWithContoso();
    const users = Array.from({ length: 5 }, (_, i) => ({ id: `0000000${i}-0000-4000-8000-000000000000`, userPrincipalName: `u${i}@contoso.com`, licenses: [] }));
    const importOf = (importId: string) => [
      { name: 'tenant.importChunk', args: { importId, customerId: 'c-1', kind: 'users', rows: users.slice(0, 3) } },
      { name: 'tenant.importChunk', args: { importId, customerId: 'c-1', kind: 'users', rows: users.slice(3) } },
      { name: 'tenant.importCommit', args: { importId, customerId: 'c-1', files: ['users.json'], counts: { skus: 0, subscriptions: 0, users: 5 } } },
    ];
    expect(await a.sync.mutateMany(importOf('i-1'))).toEqual({ ok: true });
    const pending = await a.db.outbox.orderBy('id').toArray();
    expect(pending[0]?.undo.filter((u) => u.table === 'tenantUserChunks')).toEqual([{ table: 'tenantUserChunks', id: 'c-1:i-1:users:0', before: null, version: 0 }]);
    // B edits the customer meanwhile; A's pull rebases the whole pending import on top.
    await b.sync.mutate('customer.update', { id: 'c-1', notes: 'from B' });
    await b.sync.sync();
    await a.sync.pull();
    const usersOf = async (db: typeof a.db) => (await db.tenantUserChunks.toArray()).flatMap((c) => c.users.map((u) => `${c.importId}:${u.id}`)).sort();
    expect(await usersOf(a.db)).toHaveLength(5);
    expect(await a.db.customers.get('c-1')).toMatchObject({ tenantImportId: 'i-1', notes: 'from B' });
    await a.sync.sync();
    await b.sync.sync();
    expect(server.rows('tenantUserChunks').flatMap((c) => c.users as unknown[])).toHaveLength(5);
    expect(await usersOf(b.db)).toEqual(await usersOf(a.db));
    // An import the server refuses (B deleted the customer first) leaves nothing behind on A.
    await b.sync.mutate('customer.delete', { id: 'c-1' });
    await b.sync.sync();
    expect(await a.sync.mutateMany(importOf('i-2'))).toEqual({ ok: true });
    await a.sync.sync();
    expect(await a.db.tenantUserChunks.where('importId').equals('i-2').count()).toBe(0);
    expect(await a.db.imports.get('i-2')).toBeUndefined();
  });

  it('pushes an outbox an app of schema 4 left in Dexie under the old mutator names: the server applies them under the new ones (fake-indexeddb)', async () => {
    const server = new MemorySyncServer();
    const a = client(server, 'Aiko');
    const pushed: string[] = [];
    const wire = transport(server, { id: 'Aiko', name: 'Aiko', role: 'admin-agent' });
    const sync = new SyncClient(a.store, { ...wire, push: (r) => (pushed.push(...r.mutations.map((m) => m.name)), wire.push(r)) }, {
      actor: () => ({ id: 'Aiko', name: 'Aiko', role: 'admin-agent' }),
      now: () => '2026-11-24T09:00:00.000Z',
    });
    expect(await sync.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' })).toEqual({ ok: true });
    expect(await sync.mutate('customer.create', { id: 'c-1', name: 'Contoso', country: 'JP' })).toEqual({ ok: true });
    expect(await sync.mutate('plan.create', { id: 'p-1', customerId: 'c-1', asOf: '2026-12-01' })).toEqual({ ok: true });
    expect(await sync.mutate('planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: 'x', targetSkuId: null, quantity: 10 })).toEqual({ ok: true });
    expect(await sync.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: 'sku-E3', quantity: 12 })).toEqual({ ok: true });
    expect(await sync.mutate('invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'en' })).toEqual({ ok: true });
    // What the previous app wrote: the same rows, named as schema 4 named them.
    const rows = await a.db.outbox.orderBy('id').toArray();
    await a.db.outbox.update(rows[4]!.id, { name: 'plan.setTarget' });
    await a.db.outbox.update(rows[5]!.id, { name: 'invite.create' });
    // A pull before the push replays them on the server's state: the old names still run.
    await sync.pull();
    expect(await a.db.planLines.get('l-1')).toMatchObject({ targetSkuId: 'sku-E3', quantity: 12 });
    expect(await a.db.invitations.get('i-1')).toMatchObject({ customerId: 'c-1' });
    await sync.sync();
    expect(pushed).toEqual(['partner.update', 'customer.create', 'plan.create', 'planLine.add', 'planLine.setTarget', 'invitation.create']);
    expect(await counts(a.db, 'outbox', 'rejections')).toEqual({ outbox: 0, rejections: 0 });
    expect(server.rows('planLines')[0]).toMatchObject({ id: 'l-1', targetSkuId: 'sku-E3', quantity: 12 });
    expect(server.rows('invitations')[0]).toMatchObject({ id: 'i-1', customerId: 'c-1' });
    expect(server.rows('activity').map((e) => e.mutation)).toEqual(expect.arrayContaining(['planLine.setTarget', 'invitation.create']));
  });

  it('reads the sync state once a transaction, sees its own writes of it, and stores them', async () => {
    const db = new WorkspaceDatabase(`ws-${++n}`);
    opened.push(db);
    let made = 0;
    const store = new DexieClientStore(db, () => `client-${++made}`);
    const seen = await store.transaction(async (tx) => {
      const [x, y] = await Promise.all([tx.meta(), tx.meta()]); // a fresh database: one client id, not two
      x.cursor = 99; // a caller's copy, not the state
      await tx.setMeta({ cursor: 5, lastAcknowledged: 2 });
      return { x, y, after: await tx.meta() };
    });
    expect(made).toBe(1);
    expect(seen.y).toEqual({ clientId: 'client-1', cursor: 0, nextMutationId: 1, lastAcknowledged: 0 });
    expect(seen.after).toEqual({ clientId: 'client-1', cursor: 5, nextMutationId: 1, lastAcknowledged: 2 });
    expect(await db.syncMeta.get('meta')).toEqual({ key: 'meta', clientId: 'client-1', cursor: 5, nextMutationId: 1, lastAcknowledged: 2 });
    await store.transaction((tx) => tx.setMeta({ nextMutationId: 4 }));
    expect(await store.transaction((tx) => tx.meta())).toEqual({ clientId: 'client-1', cursor: 5, nextMutationId: 4, lastAcknowledged: 2 });
  });

  it('a failed transaction leaves the sync state as it was, and the next one reads it afresh', async () => {
    const { db, store } = client(new MemorySyncServer(), 'Aiko');
    await store.transaction((tx) => tx.setMeta({ cursor: 3 }));
    await expect(
      store.transaction(async (tx) => {
        await tx.setMeta({ cursor: 8 });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await store.transaction((tx) => tx.meta())).toMatchObject({ cursor: 3 });
    expect(await db.syncMeta.get('meta')).toMatchObject({ cursor: 3 });
  });

  it("a push reads the sync state and the outbox in one read-only step; a database with no sync state yet is given one by the push's write step", async () => {
    const server = new MemorySyncServer();
    const { db, store, sync } = client(server, 'Aiko');
    expect(await store.peekOutbox()).toBeNull();
    expect(await sync.push()).toBe(0);
    expect(await db.syncMeta.get('meta')).toMatchObject({ clientId: `client-${db.name}`, nextMutationId: 1 });
    await sync.mutate('customer.create', { id: 'c-1', name: 'Contoso' });
    await sync.mutate('customer.update', { id: 'c-1', notes: 'first call on Monday' });
    const peeked = await store.peekOutbox();
    expect(peeked?.meta).toMatchObject({ clientId: `client-${db.name}`, nextMutationId: 3 });
    expect(peeked?.outbox.map((m) => [m.id, m.name])).toEqual([
      [1, 'customer.create'],
      [2, 'customer.update'],
    ]);
    expect(await sync.push()).toBe(2);
    expect(server.rows('customers')).toMatchObject([{ id: 'c-1', notes: 'first call on Monday' }]);
    // Sent entries stay until acknowledged; the next push reads only those above what it sent.
    await sync.mutate('customer.update', { id: 'c-1', notes: 'second call on Friday' });
    expect((await store.peekOutbox(2))?.outbox.map((m) => m.id)).toEqual([3]);
    expect((await store.peekOutbox())?.outbox.map((m) => m.id)).toEqual([1, 2, 3]);
    const peeks: (number | undefined)[] = [];
    const peek = store.peekOutbox.bind(store);
    store.peekOutbox = (after?: number) => (peeks.push(after), peek(after));
    expect(await sync.push()).toBe(1);
    expect(peeks).toEqual([2]);
    expect(server.rows('customers')).toMatchObject([{ id: 'c-1', notes: 'second call on Friday' }]);
  });
});
