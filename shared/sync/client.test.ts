import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../mutators/define';
import type { Role } from '../domain/roles';
import { SyncClient, SyncHttpError, type SyncTransport } from './client';
import type { ClientTx } from './clientStore';
import { MemoryClientStore } from './memoryClientStore';
import { MemorySyncServer } from './memoryServer';
import { SCHEMA_VERSION, type PushRequest } from './protocol';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';

/** Network between a client and the in-memory server, with the faults the suite injects. */
class Wire implements SyncTransport {
  online = true;
  /** When set, the next push is processed by the server but its answer is lost. */
  loseNextAnswer = false;
  serverClock = '2026-11-24T12:00:00.000Z';
  constructor(
    private readonly server: MemorySyncServer,
    private readonly actor: Actor,
  ) {}
  async push(request: PushRequest) {
    if (!this.online) throw new Error('offline');
    const outcome = await this.server.push(structuredClone(request), this.actor, this.serverClock);
    if (!outcome.ok) throw new SyncHttpError(outcome.status, outcome.code, outcome.message, outcome);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new Error('connection reset after the server committed');
    }
    return outcome.response;
  }
  async pull(cursor: number, clientId: string) {
    if (!this.online) throw new Error('offline');
    return structuredClone(this.server.pull(cursor, clientId));
  }
}

function makeClient(server: MemorySyncServer, name: string, role: Role = 'admin-agent', clock = '2026-11-24T09:00:00.000Z') {
  const actor: Actor = { id: `u-${name}`, name, role };
  const store = new MemoryClientStore(`client-${name}-0001`);
  const wire = new Wire(server, actor);
  const client = new SyncClient(store, wire, { actor: () => actor, now: () => clock });
  return { store, wire, client, actor };
}

/** A server of 7-record pull pages holding 30 customers (and their activity entries) Aiko pushed 5 at a time. */
async function thirtyCustomersPushedByFives(): Promise<MemorySyncServer> {
  const server = new MemorySyncServer(7);
  const a = makeClient(server, 'Aiko');
  const smallPushes = new SyncClient(a.store, a.wire, { actor: () => a.actor, now: () => '2026-11-24T09:00:00.000Z', pushBatch: 5 });
  for (let i = 0; i < 30; i++) await smallPushes.mutate('customer.create', { id: `c-${i}`, name: `Customer ${i}` });
  await smallPushes.sync();
  return server;
}

async function setUp() {
  const server = new MemorySyncServer(50);
  const a = makeClient(server, 'Aiko');
  const b = makeClient(server, 'Ben', 'sales-agent');
  expect(await a.client.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' })).toEqual({ ok: true });
  expect(await a.client.mutate('customer.create', { id: 'c-1', name: 'Contoso', country: 'JP' })).toEqual({ ok: true });
  expect(await a.client.mutate('plan.create', { id: 'p-1', customerId: 'c-1', asOf: '2026-11-24' })).toEqual({ ok: true });
  expect(await a.client.mutate('planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: 'x', targetSkuId: null, quantity: 10 })).toEqual({ ok: true });
  await a.client.sync();
  await b.client.sync();
  return { server, a, b };
}

const tables = ['partner', 'customers', 'invitations', 'plans', 'planLines', 'activity', 'conflicts'] as const;
function snapshot(rows: (t: (typeof tables)[number]) => Record<string, unknown>[]) {
  return Object.fromEntries(tables.map((t) => [t, [...rows(t)].sort((x, y) => String(x.id).localeCompare(String(y.id)))]));
}

describe('sync client against the protocol (in-memory server)', () => {
  it('carries an offline change to the team and drops it from the outbox once acknowledged', async () => {
    const { server, a, b } = await setUp();
    a.wire.online = false;
    expect(await a.client.mutate('customer.update', { id: 'c-1', notes: 'met the CFO' })).toEqual({ ok: true });
    expect(a.store.rows('customers')[0]?.notes).toBe('met the CFO');
    await expect(a.client.sync()).rejects.toThrow('offline');
    expect(await a.store.pendingCount()).toBe(1);
    a.wire.online = true;
    await a.client.sync();
    expect(await a.store.pendingCount()).toBe(0);
    await b.client.sync();
    expect(b.store.rows('customers')[0]?.notes).toBe('met the CFO');
    expect(server.rows('customers')[0]?.notes).toBe('met the CFO');
  });

  it('applies a batch delivered twice only once, and answers the recorded results again', async () => {
    const { server, a } = await setUp();
    await a.client.mutate('customer.update', { id: 'c-1', notes: 'x' });
    const versionBefore = server.version;
    a.wire.loseNextAnswer = true;
    await expect(a.client.push()).rejects.toThrow('connection reset');
    expect(server.version).toBe(versionBefore + 1);
    // The client retries from scratch (a restart forgets what it pushed).
    const retry = new SyncClient(a.store, a.wire, { actor: () => a.actor, now: () => '2026-11-24T09:00:00.000Z' });
    await retry.sync();
    expect(server.version).toBe(versionBefore + 1);
    expect(await a.store.pendingCount()).toBe(0);
    const direct = await server.push(
      { clientId: 'client-Aiko-0001', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 5, name: 'customer.update', args: { id: 'c-1', notes: 'x' }, baseVersions: {} }] },
      a.actor,
      'now',
    );
    expect(direct.ok && direct.response.results).toEqual([{ id: 5, status: 'applied', conflicts: 0 }]);
  });

  it('refuses a gap with 409 and the id it expected', async () => {
    const { server, a } = await setUp();
    const outcome = await server.push(
      { clientId: 'client-Aiko-0001', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 9, name: 'customer.update', args: { id: 'c-1', notes: 'gap' }, baseVersions: {} }] },
      a.actor,
      'now',
    );
    expect(outcome).toMatchObject({ ok: false, status: 409, code: 'MUTATION_GAP', expected: 5, lastMutationId: 4 });
    expect(server.rows('customers')[0]?.notes).toBe('');
  });

  it('recovers from a gap: the 409 carries the last processed id and the client renumbers and resends from there', async () => {
    const { server, a, b } = await setUp();
    // The ids the server expects are gone from the outbox (as after a withdrawal, or a server
    // restored from an older backup): the next local changes carry ids 9 and 10.
    await a.store.transaction((tx) => tx.setMeta({ nextMutationId: 9 }));
    expect(await a.client.mutate('customer.update', { id: 'c-1', notes: 'after the gap' })).toEqual({ ok: true });
    expect(await a.client.mutate('customer.update', { id: 'c-1', domain: 'gap.example' })).toEqual({ ok: true });
    const direct = await server.push(
      { clientId: 'client-Aiko-0001', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 9, name: 'customer.update', args: { id: 'c-1' }, baseVersions: {} }] },
      a.actor,
      'now',
    );
    expect(direct).toMatchObject({ ok: false, status: 409, code: 'MUTATION_GAP', expected: 5, lastMutationId: 4 });
    await a.client.sync();
    expect(await a.store.pendingCount()).toBe(0);
    expect(a.store.rejections()).toEqual([]);
    await b.client.sync();
    expect(b.store.rows('customers')[0]).toMatchObject({ notes: 'after the gap', domain: 'gap.example' });
    // The next change follows on from the renumbered ones.
    expect((await a.store.transaction((tx) => tx.meta())).nextMutationId).toBe(7);
  });

  it('tells an old client to update, and the client keeps its outbox', async () => {
    const { server, a } = await setUp();
    const old = new SyncClient(a.store, a.wire, { actor: () => a.actor, now: () => 'x', schemaVersion: -5 });
    await a.client.mutate('customer.update', { id: 'c-1', notes: 'kept' });
    await expect(old.push()).rejects.toMatchObject({ status: 426, code: 'CLIENT_UPDATE_REQUIRED' });
    expect(await a.store.pendingCount()).toBe(1);
    expect(server.rows('customers')[0]?.notes).toBe('');
  });

  it('keeps both values of a guarded field edited concurrently, and converges once resolved', async () => {
    const { server, a, b } = await setUp();
    await a.client.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: 'sku-E3', quantity: 12 });
    await b.client.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: 'sku-E3', quantity: 15 });
    await a.client.sync();
    await b.client.sync();
    await a.client.sync();
    const conflicts = server.rows('conflicts');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      field: 'quantity', status: 'open', current: { value: 12, by: 'Aiko' }, proposed: { value: 15, by: 'Ben', mutation: 'planLine.setTarget' },
    });
    expect(a.store.rows('planLines')[0]?.quantity).toBe(12);
    expect(b.store.rows('planLines')[0]?.quantity).toBe(12);
    expect(b.store.rows('conflicts')).toHaveLength(1);
    expect(await b.client.mutate('conflict.resolve', { id: conflicts[0]!.id, keep: 'proposed' })).toEqual({ ok: true });
    await b.client.sync();
    await a.client.sync();
    expect(a.store.rows('planLines')[0]?.quantity).toBe(15);
    expect(a.store.rows('conflicts')[0]).toMatchObject({ status: 'resolved', resolution: 'took-proposed', resolvedBy: 'Ben' });
  });

  it('lets concurrent edits of different fields both survive', async () => {
    const { server, a, b } = await setUp();
    await a.client.mutate('customer.update', { id: 'c-1', notes: 'from Aiko' });
    await b.client.mutate('customer.update', { id: 'c-1', domain: 'contoso.co.jp' });
    await a.client.sync();
    await b.client.sync();
    await a.client.sync();
    for (const rows of [server.rows('customers'), a.store.rows('customers'), b.store.rows('customers')]) {
      expect(rows[0]).toMatchObject({ notes: 'from Aiko', domain: 'contoso.co.jp' });
    }
    expect(server.rows('conflicts')).toHaveLength(0);
  });

  it("records the server's rejection, shows its reason and takes the local effect back", async () => {
    const { server, b } = await setUp();
    // Ben's app believes he is an admin agent; the server knows he is a sales agent.
    const claimsAdmin = new SyncClient(b.store, b.wire, { actor: () => ({ ...b.actor, role: 'admin-agent' }), now: () => 'x' });
    const gdap = { roles: ['User Administrator'], durationDays: 90, approvalLink: '' };
    expect(await claimsAdmin.mutate('invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'gdap', gdap, language: 'en' })).toEqual({ ok: true });
    expect(b.store.rows('invitations')).toHaveLength(1);
    await claimsAdmin.sync();
    expect(server.rows('invitations')).toHaveLength(0);
    expect(b.store.rows('invitations')).toHaveLength(0);
    expect(b.store.rejections()).toEqual([
      expect.objectContaining({ name: 'invitation.create', code: 'FORBIDDEN', reason: 'invitation.delegatedAdminForbidden', params: { role: 'sales-agent' } }),
    ]);
    expect(await b.store.pendingCount()).toBe(0);
  });

  it("keeps a refusal's reason when the push's answer is lost and its own poke comes first", async () => {
    const { server, b } = await setUp();
    const claimsAdmin = new SyncClient(b.store, b.wire, { actor: () => ({ ...b.actor, role: 'admin-agent' }), now: () => 'x' });
    const gdap = { roles: ['User Administrator'], durationDays: 90, approvalLink: '' };
    await claimsAdmin.mutate('customer.update', { id: 'c-1', notes: 'applied' });
    await claimsAdmin.mutate('invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'gdap', gdap, language: 'en' });
    const base = server.version;
    b.wire.loseNextAnswer = true;
    await expect(claimsAdmin.sync()).rejects.toThrow('connection reset');
    // The push's own poke (what the server's stream sends the pusher), heard before the next sync.
    const clientId = (await b.store.transaction((tx) => tx.meta())).clientId;
    const page = server.pull(base, clientId);
    const poke = { version: server.version, base, changes: page.changes, clientId, lastMutationId: page.lastMutationId };
    await claimsAdmin.sync(undefined, [poke]);
    expect(b.store.rejections()).toEqual([expect.objectContaining({ name: 'invitation.create', code: 'FORBIDDEN', reason: 'invitation.delegatedAdminForbidden' })]);
    expect(b.store.rows('customers').find((c) => c.id === 'c-1')).toMatchObject({ notes: 'applied' });
    expect(b.store.rows('invitations')).toHaveLength(0);
    expect(await b.store.pendingCount()).toBe(0);
  });

  it('lets a delete win over a concurrent edit, and says why the edit was refused', async () => {
    const { server, a, b } = await setUp();
    await a.client.mutate('customer.delete', { id: 'c-1' });
    await b.client.mutate('customer.update', { id: 'c-1', notes: 'late edit' });
    await a.client.sync();
    await b.client.sync();
    expect(server.rows('customers')).toHaveLength(0);
    expect(b.store.rows('customers')).toHaveLength(0);
    expect(b.store.rejections()[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stamps times with the server clock whatever the client clocks say', async () => {
    const server = new MemorySyncServer();
    const future = makeClient(server, 'Future', 'admin-agent', '2099-01-01T00:00:00.000Z');
    await future.client.mutate('customer.create', { id: 'c-9', name: 'Tailspin' });
    expect(future.store.rows('customers')[0]?.createdAt).toBe('2099-01-01T00:00:00.000Z');
    await future.client.sync();
    expect(server.rows('customers')[0]?.createdAt).toBe('2026-11-24T12:00:00.000Z');
    expect(future.store.rows('customers')[0]?.createdAt).toBe('2026-11-24T12:00:00.000Z');
  });

  it('rebuilds a client that was away longer than the tombstone window, after pushing its outbox', async () => {
    const { server, a, b } = await setUp();
    b.wire.online = false;
    await b.client.mutate('customer.update', { id: 'c-1', notes: 'written offline' });
    await a.client.mutate('customer.create', { id: 'c-2', name: 'Northwind' });
    await a.client.mutate('customer.delete', { id: 'c-2' });
    await a.client.sync();
    server.compactTombstones();
    b.wire.online = true;
    await b.client.sync();
    expect(snapshot((t) => b.store.rows(t))).toEqual(snapshot((t) => server.rows(t)));
    expect(server.rows('customers')[0]?.notes).toBe('written offline');
  });

  it('applies several changes as one, or none of them', async () => {
    const server = new MemorySyncServer();
    const a = makeClient(server, 'Aiko');
    const ok = await a.client.mutateMany([
      { name: 'customer.create', args: { id: 'm-1', name: 'One' } },
      { name: 'customer.create', args: { id: 'm-2', name: 'Two' } },
    ]);
    expect(ok).toEqual({ ok: true });
    expect(await a.store.pendingCount()).toBe(2);
    const bad = await a.client.mutateMany([
      { name: 'customer.create', args: { id: 'm-3', name: 'Three' } },
      { name: 'customer.create', args: { id: 'm-1', name: 'Duplicate' } },
    ]);
    expect(bad).toMatchObject({ ok: false, code: 'INVALID', message: expect.stringMatching(/^change 2 of 2: /) });
    expect(a.store.rows('customers').map((c) => c.id).sort()).toEqual(['m-1', 'm-2']);
    expect(await a.store.pendingCount()).toBe(2);
    await a.client.sync();
    expect(server.rows('customers')).toHaveLength(2);
  });

  it('splits a large outbox into pushes bounded by count and by bytes', async () => {
    const server = new MemorySyncServer();
    const a = makeClient(server, 'Aiko');
    const sizes: number[] = [];
    const counting: SyncTransport = {
      push: async (req) => {
        sizes.push(JSON.stringify(req).length);
        return a.wire.push(req);
      },
      pull: (cursor, clientId) => a.wire.pull(cursor, clientId),
    };
    const client = new SyncClient(a.store, counting, { actor: () => a.actor, now: () => '2026-11-24T09:00:00.000Z', pushBatch: 50, pushBytes: 20_000 });
    for (let i = 0; i < 12; i++) await client.mutate('customer.create', { id: `big-${i}`, name: `Big ${i}`, domain: 'x'.repeat(200) });
    for (let i = 0; i < 12; i++) await client.mutate('customer.update', { id: `big-${i}`, notes: 'n'.repeat(5000) });
    await client.sync();
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) expect(size).toBeLessThan(20_000 + 2_000);
    expect(server.rows('customers').filter((c) => String(c.notes).length === 5000)).toHaveLength(12);
  });

  it('pulls a large workspace in pages on version boundaries, reporting progress', async () => {
    const server = await thirtyCustomersPushedByFives();
    expect(server.version).toBe(6);
    const c = makeClient(server, 'Chie');
    const progress: number[] = [];
    await c.client.pull((n) => progress.push(n));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(60); // 30 customers + 30 activity entries
    expect(c.store.rows('customers')).toHaveLength(30);
  });

  it('downloads the next page while it writes this one, and ends with what a page-by-page pull gives', async () => {
    const server = await thirtyCustomersPushedByFives();
    // Each write of a page waits a little; the log says what overlapped it.
    const log: string[] = [];
    class SlowStore extends MemoryClientStore {
      override transaction<R>(body: (tx: ClientTx) => Promise<R>): Promise<R> {
        return super.transaction(async (tx) => {
          const result = await body(tx);
          await new Promise((r) => setTimeout(r, 5));
          return result;
        });
      }
    }
    const actor: Actor = { id: 'u-chie', name: 'Chie', role: 'admin-agent' };
    const slow = new SlowStore('client-Chie-streamed');
    const wire = new Wire(server, actor);
    const pulls: number[] = [];
    const logged: SyncTransport = {
      push: (r) => wire.push(r),
      pull: async (cursor, clientId) => {
        pulls.push(cursor);
        log.push(`pull ${cursor}`);
        return wire.pull(cursor, clientId);
      },
    };
    const streamed = new SyncClient(slow, logged, { actor: () => actor, now: () => '2026-11-24T09:00:00.000Z' });
    const progress: number[] = [];
    await streamed.pull((n) => {
      progress.push(n);
      log.push(`applied ${n}`);
    });
    // The second page was asked for before the first was written.
    expect(log.indexOf(`pull ${pulls[1]}`)).toBeLessThan(log.indexOf(`applied ${progress[0]}`));
    expect(new Set(pulls).size).toBe(pulls.length);
    const plain = makeClient(server, 'Dai');
    await plain.client.pull();
    for (const table of tables) expect(slow.rows(table)).toEqual(plain.store.rows(table));
    expect(await slow.transaction((tx) => tx.meta())).toMatchObject({ cursor: server.version });
  });
});

describe('convergence (property, fast-check)', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('notes' as const), text: fc.string({ maxLength: 8 }) }),
    fc.record({ kind: fc.constant('qty' as const), n: fc.integer({ min: 0, max: 50 }) }),
    fc.record({ kind: fc.constant('target' as const), sku: fc.constantFrom('A', 'B', 'C') }),
    fc.record({ kind: fc.constant('stage' as const), stage: fc.constantFrom('invited' as const, 'accepted' as const, 'plan-ready' as const) }),
    fc.record({ kind: fc.constant('resolve' as const), keep: fc.constantFrom('current' as const, 'proposed' as const) }),
    fc.record({ kind: fc.constant('sync' as const) }),
    fc.record({ kind: fc.constant('lose' as const) }),
    fc.record({ kind: fc.constant('toggle' as const) }),
  );
  const step = fc.record({ who: fc.integer({ min: 0, max: 2 }), op });

  it('every client ends with the server state and no accepted change is missing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const { server, a, b } = await setUp();
        const c = makeClient(server, 'Chie');
        await c.client.sync();
        const clients = [a, b, c];
        for (const { who, op } of steps) {
          const me = clients[who]!;
          const line = me.store.rows('planLines')[0];
          switch (op.kind) {
            case 'notes': await me.client.mutate('customer.update', { id: 'c-1', notes: op.text }); break;
            case 'qty': await me.client.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: (line?.targetSkuId as string | null) ?? null, quantity: op.n }); break;
            case 'target': await me.client.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: op.sku, quantity: (line?.quantity as number) ?? 1 }); break;
            case 'stage': await me.client.mutate('customer.setStage', { id: 'c-1', stage: op.stage }); break;
            case 'resolve': {
              const open = me.store.rows('conflicts').find((k) => k.status === 'open');
              if (open) await me.client.mutate('conflict.resolve', { id: open.id, keep: op.keep });
              break;
            }
            case 'sync': await me.client.sync().catch(() => undefined); break;
            case 'lose': me.wire.loseNextAnswer = true; await me.client.push().catch(() => undefined); me.wire.loseNextAnswer = false; break;
            case 'toggle': me.wire.online = !me.wire.online; break;
          }
        }
        for (const me of clients) me.wire.online = true;
        for (let round = 0; round < 2; round++) for (const me of clients) await me.client.sync();
        const truth = snapshot((t) => server.rows(t));
        for (const me of clients) {
          expect(await me.store.pendingCount()).toBe(0);
          expect(snapshot((t) => me.store.rows(t))).toEqual(truth);
        }
        // Every change the server applied left its activity entry: nothing accepted went missing.
        const applied = server.rows('activity').length;
        expect(applied).toBeGreaterThanOrEqual(4);
      }),
      { numRuns: 150, seed: Number(process.env.FC_SEED ?? 20261124), verbose: 1 },
    );
  });
});
