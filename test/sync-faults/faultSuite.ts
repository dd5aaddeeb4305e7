// The sync fault suite (run by faults.pglite.test.ts and faults.postgres.test.ts, one file per
// storage so that vitest's two workers run them side by side): the real server as a child process (PGlite, or PostgreSQL when
// DATABASE_URL is set), clients running the app's engine on Dexie over fake-indexeddb (a fake of
// IndexedDB: the real one is exercised by the e2e specs), and faults injected where they happen in
// life: answers lost after the server committed, the server killed (idle and with pushes in flight)
// and restarted, the network cut at seeded random points, clocks set wrong, pokes cut.
// Every client must end with the server's state in every table, and a checker (not a count) proves
// that no write the server answered "applied" is missing: see `missingAcceptedWrites`.
import 'fake-indexeddb/auto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/mutators/define';
import { listenForPokes } from '../../renderer/sync/pokeStream';
import { SyncClient } from '../../shared/sync/client';
import { httpTransport, type FetchLike } from '../../shared/sync/httpTransport';
import { tableNames, type TableName } from '../../shared/workspace/tables';
import { PushRequest, PushResponse, SCHEMA_VERSION, type Poke } from '../../shared/sync/protocol';
import { WorkspaceDatabase } from '../../renderer/db/database';
import { DexieClientStore } from '../../renderer/sync/dexieClientStore';
import { listeningUrl } from '../support/serverProcess';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const PW = 'correct horse battery staple';
const env: Record<string, string> = {};
let dataDir = '';
let schema = '';
let server: ChildProcess | null = null;
let base = '';

async function admin(...args: string[]) {
  const r = spawnSync(tsx, ['server/admin.ts', ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`server:admin ${args.join(' ')}: ${r.stderr}`);
}

/** Starts the server (again) on the same data and port. */
async function startServer(port = 0): Promise<void> {
  // Node itself with tsx as a loader (not the tsx launcher, whose child would outlive a SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'info',
      SYNC_PULL_PAGE_SIZE: '40',
      SYNC_RATE_PER_USER: '100000',
      SIGN_IN_RATE_PER_IP: '100000',
      SIGN_IN_RATE_PER_EMAIL: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  base = await listeningUrl(child);
  server = child;
}

/** SIGKILL: no graceful shutdown, as when the machine or the process dies. */
async function killServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function restartServer(): Promise<void> {
  const port = Number(new URL(base).port);
  await killServer();
  await startServer(port);
}

// ---- The checker ----------------------------------------------------------------------------------

/** A mutation the server answered "applied". */
interface Accepted {
  clientId: string;
  id: number;
  name: string;
  args: Record<string, unknown>;
}

type Snapshot = Record<TableName, Record<string, unknown>[]>;

type Effect =
  | { kind: 'write'; table: TableName; id: string; field: string; value: unknown }
  | { kind: 'delete'; table: TableName; id: string; customerId?: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an applied mutation wrote, field by field, for the mutators this suite drives. `owner` maps
 * plan and line ids to their customer (a customer's delete removes them too); `end` gives what a
 * resolved conflict was about.
 */
function effectsOf(m: Accepted, owner: Map<string, string>, end: Snapshot): Effect[] {
  const a = m.args;
  const id = String(a.id ?? '');
  const writes = (table: TableName, rowId: string, fields: Record<string, unknown>): Effect[] =>
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([field, value]) => ({ kind: 'write', table, id: rowId, field, value }));
  switch (m.name) {
    case 'customer.create': {
      const { id: _id, ...fields } = a;
      return writes('customers', id, fields);
    }
    case 'customer.update': {
      const { id: _id, ...fields } = a;
      return writes('customers', id, fields);
    }
    case 'customer.setStage':
      return writes('customers', id, { stage: a.stage });
    case 'customer.delete':
      return [{ kind: 'delete', table: 'customers', id, customerId: id }];
    case 'plan.create':
      owner.set(id, String(a.customerId));
      return writes('plans', id, { customerId: a.customerId, asOf: a.asOf });
    case 'planLine.add':
      owner.set(id, owner.get(String(a.planId)) ?? '');
      return writes('planLines', id, { planId: a.planId, sourceSkuId: a.sourceSkuId, targetSkuId: a.targetSkuId, quantity: a.quantity });
    case 'planLine.setTarget':
      return writes('planLines', String(a.lineId), { targetSkuId: a.targetSkuId, quantity: a.quantity });
    case 'planLine.setOrderDate':
      return writes('planLines', String(a.lineId), { orderDate: a.orderDate });
    case 'conflict.resolve': {
      const conflict = end.conflicts.find((c) => c.id === id) as { table: TableName; recordId: string; field: string; proposed: { value: unknown } } | undefined;
      const effects = writes('conflicts', id, { status: 'resolved' });
      if (conflict && a.keep === 'proposed') effects.push(...writes(conflict.table, conflict.recordId, { [conflict.field]: conflict.proposed.value }));
      return effects;
    }
    default:
      throw new Error(`the checker does not know ${m.name}: teach effectsOf what it writes`);
  }
}

/**
 * Each accepted write must be in the end state, or be superseded by a later accepted write to the
 * same field (or a later delete of its record or customer), or be kept as the proposed value of a
 * conflict record made by that very mutation. Returns the writes that are nowhere: must be none.
 */
function missingAcceptedWrites(end: Snapshot, accepted: readonly Accepted[]): string[] {
  const owner = new Map<string, string>();
  const effects = accepted.map((m) => effectsOf(m, owner, end));
  const row = (table: TableName, id: string) => end[table].find((r) => r.id === id);
  const customerOf = (table: TableName, id: string) => (table === 'customers' ? id : owner.get(id));
  const missing: string[] = [];
  effects.forEach((list, i) => {
    const m = accepted[i]!;
    const later = effects.slice(i + 1).flat();
    for (const e of list) {
      const deletedLater = later.some((x) => x.kind === 'delete' && ((x.table === e.table && x.id === e.id) || (x.customerId !== undefined && x.customerId === customerOf(e.table, e.id))));
      if (e.kind === 'delete') {
        const recreated = later.some((x) => x.kind === 'write' && x.table === e.table && x.id === e.id);
        if (row(e.table, e.id) && !recreated) missing.push(`${m.clientId}:${m.id} ${m.name}: ${e.table}/${e.id} still there`);
        continue;
      }
      if (same(row(e.table, e.id)?.[e.field], e.value)) continue;
      if (deletedLater || later.some((x) => x.kind === 'write' && x.table === e.table && x.id === e.id && x.field === e.field)) continue;
      const kept = end.conflicts.some(
        (c) =>
          String(c.id).startsWith(`cf:${m.clientId}:${m.id}:`) &&
          c.recordId === e.id &&
          c.field === e.field &&
          same((c.proposed as { value: unknown }).value, e.value),
      );
      if (!kept) missing.push(`${m.clientId}:${m.id} ${m.name}: ${e.table}/${e.id}.${e.field} = ${JSON.stringify(e.value)} is nowhere`);
    }
  });
  return missing;
}

/** The checker's own test: it must find a lost write, or the suite proves nothing. */
export function checkerSelfTest(): void {
  describe('the checker itself', () => {
    const empty = (): Snapshot => Object.fromEntries(tableNames.map((t) => [t, []])) as unknown as Snapshot;
    it('finds an accepted write that is missing, and accepts one superseded, deleted or kept in a conflict', () => {
      const end = empty();
      end.customers.push({ id: 'c1', name: 'Contoso', notes: 'second', stage: 'invited' });
      end.conflicts.push({ id: 'cf:b:2:0', table: 'customers', recordId: 'c1', field: 'stage', proposed: { value: 'accepted' } });
      const log: Accepted[] = [
        { clientId: 'a', id: 1, name: 'customer.create', args: { id: 'c1', name: 'Contoso' } },
        { clientId: 'a', id: 2, name: 'customer.update', args: { id: 'c1', notes: 'first' } },
        { clientId: 'b', id: 1, name: 'customer.update', args: { id: 'c1', notes: 'second' } },
        { clientId: 'a', id: 3, name: 'customer.setStage', args: { id: 'c1', stage: 'invited' } },
        { clientId: 'b', id: 2, name: 'customer.setStage', args: { id: 'c1', stage: 'accepted' } },
      ];
      expect(missingAcceptedWrites(end, log)).toEqual([]);
      const lost = [...log, { clientId: 'c', id: 1, name: 'customer.update', args: { id: 'c1', domain: 'lost.example' } }];
      expect(missingAcceptedWrites(end, lost)).toEqual(['c:1 customer.update: customers/c1.domain = "lost.example" is nowhere']);
      const withoutConflict = { ...end, conflicts: [] };
      expect(missingAcceptedWrites(withoutConflict, log)).toHaveLength(1);
      const deleted = [...lost, { clientId: 'a', id: 4, name: 'customer.delete', args: { id: 'c1' } }];
      expect(missingAcceptedWrites(end, deleted)).toEqual(['a:4 customer.delete: customers/c1 still there']);
      expect(missingAcceptedWrites({ ...end, customers: [] }, deleted)).toEqual([]);
    });
  });
}

/** The suite on one storage; the module's state (server process, data directory, schema) is the file's own. */
export function faultSuite(kind: 'pglite' | 'postgres'): void {
  describe(`${kind}, clients on fake-indexeddb`, () => {
    beforeAll(async () => {
      for (const k of Object.keys(env)) delete env[k];
      dataDir = '';
      schema = '';
      if (kind === 'postgres') {
        schema = `t_${randomBytes(6).toString('hex')}`;
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`CREATE SCHEMA ${schema}`);
        await c.end();
        const url = new URL(process.env.DATABASE_URL!);
        url.searchParams.set('options', `-c search_path=${schema}`);
        env.DATABASE_URL = url.toString();
      } else {
        dataDir = mkdtempSync(path.join(tmpdir(), 'csp-faults-'));
        env.DATA_DIR = dataDir;
        env.DATABASE_URL = '';
      }
      await admin('create-org', 'Fabrikam');
      for (const who of ['aiko', 'ben', 'chie', 'dan']) {
        await admin('add-user', '--org', 'Fabrikam', '--email', `${who}@fabrikam.example`, '--name', who, '--role', 'admin-agent', '--password', PW);
      }
      await startServer();
    }, 120_000);

    afterAll(async () => {
      await killServer();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (schema) {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      }
    });

    async function token(email: string): Promise<string> {
      const res = await fetch(`${base}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PW }) });
      return ((await res.json()) as { accessToken: string }).accessToken;
    }

    /**
     * Every mutation the server answered "applied", in the order the answers came (the suite drives
     * the clients one step at a time, so that is the server's order), answers lost on the way
     * included: the server committed them. A duplicate's answer repeats the first; it is kept once.
     */
    const ledger: Accepted[] = [];
    const inLedger = new Set<string>();
    function record(body: string, answer: string) {
      const request = PushRequest.parse(JSON.parse(body));
      const response = PushResponse.parse(JSON.parse(answer));
      for (const r of response.results) {
        const m = request.mutations.find((x) => x.id === r.id);
        const key = `${request.clientId}:${r.id}`;
        if (r.status !== 'applied' || !m || inLedger.has(key)) continue;
        inLedger.add(key);
        ledger.push({ clientId: request.clientId, id: m.id, name: m.name, args: m.args as Record<string, unknown> });
      }
    }

    /** The network between one client and the server, with the faults this suite injects. */
    class Network {
      down = false;
      /** Chance that a request reaches the server but its answer is lost (seeded). */
      lossRate = 0;
      constructor(private readonly random: () => number = Math.random) {}
      fetch: FetchLike = async (url, init) => {
        if (this.down) throw new Error('network is down');
        const res = await fetch(url.replace(/^http:\/\/127\.0\.0\.1:\d+/, base), init as RequestInit);
        const text = await res.text();
        if (res.status === 200 && url.endsWith('/sync/push')) record(String(init?.body), text);
        if (this.lossRate > 0 && this.random() < this.lossRate) throw new Error('connection reset: the answer was lost');
        return { status: res.status, ok: res.ok, text: async () => text };
      };
    }

    let clients = 0;
    /**
     * `listen`: the client hears the server's pokes (those carrying the change, as the app asks for
     * them) and its `sync` op applies them; the stream is cut with the client's network, and every
     * third poke is lost on the way, so gaps are met and must be pulled.
     */
    async function client(email: string, clock: () => string = () => new Date().toISOString(), random?: () => number, listen = false) {
      const accessToken = await token(email);
      const n = ++clients;
      const db = new WorkspaceDatabase(`faults-${n}-${randomBytes(3).toString('hex')}`);
      const net = new Network(random);
      const store = new DexieClientStore(db, () => `faults${n}x${randomBytes(4).toString('hex')}`);
      const actor: Actor = { id: email, name: email.split('@')[0]!, role: 'admin-agent' };
      const sync = new SyncClient(store, httpTransport({ baseUrl: base, fetch: net.fetch, accessToken: async () => accessToken }), { actor: () => actor, now: clock });
      const heard: (Poke | null)[] = [];
      let pokesSeen = 0;
      const stopListening = listen
        ? listenForPokes({
            url: `${base}/sync/poke?schemaVersion=${SCHEMA_VERSION}`,
            accessToken: async () => accessToken,
            onPoke: (poke) => {
              if (net.down || ++pokesSeen % 3 === 0) return;
              heard.push(poke);
            },
            onConnected: () => heard.push(null),
          })
        : () => undefined;
      const made: number[] = [];
      const mutate = async (name: string, args: unknown) => {
        const next = (await store.transaction((tx) => tx.meta())).nextMutationId;
        const outcome = await sync.mutate(name, args);
        if (outcome.ok) made.push(next);
        return outcome;
      };
      return { db, net, store, sync, mutate, made, heard, stopListening, clientId: async () => (await store.transaction((tx) => tx.meta())).clientId };
    }

    type Client = Awaited<ReturnType<typeof client>>;

    /**
     * The client's rows in EVERY synced table (conflicts and activity included), without Dexie's
     * local version field; with a prefix, only the rows of one test's records (by id, customerId or
     * the conflict's recordId).
     */
    async function snapshot(c: Client, prefix = ''): Promise<Snapshot> {
      const out = {} as Snapshot;
      for (const t of tableNames) {
        const rows = (await c.db.table(t).toArray()) as Record<string, unknown>[];
        out[t] = rows
          .filter((r) => !prefix || [r.id, r.customerId, r.recordId].some((v) => String(v ?? '').includes(prefix)))
          .map(({ _v, ...row }) => row)
          .sort((a, b) => String(a.id).localeCompare(String(b.id)));
      }
      return out;
    }

    /** Every change a client made was applied by the server (it is in the ledger) or refused with a reason. */
    async function everyChangeAnswered(c: Client) {
      const clientId = await c.clientId();
      const refused = new Set((await c.db.rejections.toArray()).map((r) => r.mutationId));
      for (const id of c.made) {
        expect(refused.has(id) || inLedger.has(`${clientId}:${id}`), `change ${id} of ${clientId} was neither applied nor refused`).toBe(true);
      }
    }

    async function settle(all: Client[]) {
      for (const c of all) {
        c.net.down = false;
        c.net.lossRate = 0;
      }
      for (let round = 0; round < 2; round++) for (const c of all) await c.sync.sync();
    }

    describe(`sync faults against a real server process (${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'})`, () => {
      it('applies a batch delivered twice once: the answer lost after the server committed, then the server killed', async () => {
        const a = await client('aiko@fabrikam.example');
        await a.mutate('customer.create', { id: 'dup-1', name: 'Contoso' });
        await a.mutate('customer.update', { id: 'dup-1', notes: 'one' });
        a.net.lossRate = 1;
        await expect(a.sync.push()).rejects.toThrow(/answer was lost/);
        await restartServer();
        a.net.lossRate = 0;
        const retry = new SyncClient(a.store, httpTransport({ baseUrl: base, fetch: a.net.fetch, accessToken: async () => token('aiko@fabrikam.example') }), {
          actor: () => ({ id: 'aiko', name: 'aiko', role: 'admin-agent' }),
          now: () => new Date().toISOString(),
        });
        await retry.sync();
        expect(await a.store.pendingCount()).toBe(0);
        const b = await client('ben@fabrikam.example');
        await b.sync.sync();
        const acts = (await b.db.activity.toArray()).filter((x) => x.customerId === 'dup-1');
        expect(acts).toHaveLength(2); // once each, not twice
        expect((await b.db.customers.get('dup-1'))?.notes).toBe('one');
      });

      it('finishes a large pull interrupted by a server restart, from where it stopped', async () => {
        const a = await client('aiko@fabrikam.example');
        for (let i = 0; i < 60; i++) await a.mutate('customer.create', { id: `big-${i}`, name: `Customer ${i}` });
        const smallPushes = new SyncClient(a.store, httpTransport({ baseUrl: base, fetch: a.net.fetch, accessToken: async () => token('aiko@fabrikam.example') }), {
          actor: () => ({ id: 'aiko', name: 'aiko', role: 'admin-agent' }),
          now: () => new Date().toISOString(),
          pushBatch: 7,
        });
        await smallPushes.sync();
        const b = await client('ben@fabrikam.example');
        let pages = 0;
        const restarted = b.sync.pull(() => {
          pages++;
          if (pages === 1) b.net.down = true; // the next page fails: the server is going away
        });
        await expect(restarted).rejects.toThrow();
        const cursorAfterFirstPage = (await b.store.transaction((tx) => tx.meta())).cursor;
        expect(cursorAfterFirstPage).toBeGreaterThan(0);
        await restartServer();
        b.net.down = false;
        await b.sync.pull();
        expect(await snapshot(b, 'big-')).toEqual(await snapshot(a, 'big-'));
        expect((await snapshot(b, 'big-')).customers).toHaveLength(60);
      });

      it('refuses a gap with 409 and keeps the outbox', async () => {
        const a = await client('aiko@fabrikam.example');
        await a.mutate('customer.create', { id: 'gap-1', name: 'Gap' });
        const clientId = await a.clientId();
        const res = await fetch(`${base}/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await token('aiko@fabrikam.example')}`, 'content-type': 'application/json' },
          body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations: [{ id: 3, name: 'customer.update', args: { id: 'gap-1', notes: 'x' }, baseVersions: {} }] }),
        });
        expect(res.status).toBe(409);
        expect(await a.store.pendingCount()).toBe(1);
        await a.sync.sync();
        expect(await a.store.pendingCount()).toBe(0);
      });

      it('stamps the server clock whatever the client clocks say (an hour off, and 2099)', async () => {
        const late = await client('chie@fabrikam.example', () => new Date(Date.now() - 3600_000).toISOString());
        const future = await client('dan@fabrikam.example', () => '2099-01-01T00:00:00.000Z');
        await late.mutate('customer.create', { id: 'clock-late', name: 'Late' });
        await future.mutate('customer.create', { id: 'clock-future', name: 'Future' });
        const before = Date.now();
        await settle([late, future]);
        for (const id of ['clock-late', 'clock-future']) {
          const createdAt = Date.parse((await future.db.customers.get(id))!.createdAt);
          expect(Math.abs(createdAt - before)).toBeLessThan(120_000);
        }
      });

      it('delete against edit: the edit made on a stale copy is refused for its author, the customer is gone for everyone', async () => {
        const a = await client('aiko@fabrikam.example');
        const b = await client('ben@fabrikam.example');
        const from = ledger.length;
        await a.mutate('customer.create', { id: 'dve-1', name: 'Northwind' });
        await settle([a, b]);
        await a.mutate('customer.delete', { id: 'dve-1' });
        await a.sync.sync();
        const edit = await b.mutate('customer.update', { id: 'dve-1', notes: 'call on Monday' });
        expect(edit.ok).toBe(true); // offline-first: B's copy still had the customer
        await settle([a, b]);
        const editId = b.made.at(-1)!;
        const refusal = (await b.db.rejections.toArray()).find((r) => r.mutationId === editId);
        expect(refusal?.code).toBe('NOT_FOUND');
        for (const c of [a, b]) expect(await c.db.customers.get('dve-1')).toBeUndefined();
        expect(await snapshot(b, 'dve-')).toEqual(await snapshot(a, 'dve-'));
        expect(missingAcceptedWrites(await snapshot(a, 'dve-'), ledger.slice(from))).toEqual([]);
      });

      it('loses nothing when a push lands during a paged pull', async () => {
        const a = await client('aiko@fabrikam.example');
        const b = await client('ben@fabrikam.example');
        const from = ledger.length;
        for (let i = 0; i < 100; i++) await a.mutate('customer.create', { id: `pdp-${i}`, name: `Customer ${i}` });
        await a.sync.sync();
        await b.mutate('customer.update', { id: 'pdp-nothing', notes: 'x' }).catch(() => undefined); // refused locally: not there yet
        await b.mutate('customer.create', { id: 'pdp-b', name: 'Made by Ben' });
        await b.sync.push();
        let pages = 0;
        await b.sync.pull(() => {
          pages++;
          if (pages === 1) {
            // While B is between pages, A and B both push: B's pull must not drop B's own acknowledged change.
            void a.mutate('customer.update', { id: 'pdp-3', notes: 'during the pull' }).then(() => a.sync.push());
          }
        });
        expect(pages).toBeGreaterThan(1);
        await settle([a, b]);
        const truth = await client('dan@fabrikam.example');
        await truth.sync.pull();
        const expected = await snapshot(truth, 'pdp-');
        expect(expected.customers).toHaveLength(101);
        for (const c of [a, b]) expect(await snapshot(c, 'pdp-')).toEqual(expected);
        expect(missingAcceptedWrites(expected, ledger.slice(from))).toEqual([]);
      });

      it('poke stream: cut by a server restart, reconnected, and pokes arrive again', async () => {
        const a = await client('aiko@fabrikam.example');
        const accessToken = await token('ben@fabrikam.example');
        let pokes = 0;
        let connections = 0;
        const stop = listenForPokes({
          url: `${base}/sync/poke`,
          accessToken: async () => accessToken,
          onPoke: () => pokes++,
          onConnected: () => connections++,
        });
        try {
          const until = async (what: () => boolean, label: string) => {
            const deadline = Date.now() + 20_000;
            while (!what()) {
              if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
              await new Promise((r) => setTimeout(r, 25));
            }
          };
          await until(() => connections === 1, 'the first connection');
          await a.mutate('customer.create', { id: 'poke-1', name: 'Poked' });
          await a.sync.push();
          await until(() => pokes >= 1, 'a poke');
          await restartServer();
          await until(() => connections === 2, 'the reconnection after the restart');
          const before = pokes;
          await a.mutate('customer.update', { id: 'poke-1', notes: 'after the restart' });
          await a.sync.push();
          await until(() => pokes > before, 'a poke after the restart');
        } finally {
          stop();
        }
      });

      it.runIf(kind === 'postgres')('SIGKILL with pushes in flight: every push answered before the kill is there after the restart, retries applied once (PostgreSQL only: PGlite does not promise that a commit survives its process being killed, electric-sql/pglite#1065)', async () => {
        const people = ['aiko', 'ben', 'chie', 'dan'];
        const all: Client[] = [];
        for (const who of people) all.push(await client(`${who}@fabrikam.example`));
        const from = ledger.length;
        for (const [n, c] of all.entries()) for (let i = 0; i < 40; i++) await c.mutate('customer.create', { id: `kill-${n}-${i}`, name: `${people[n]} ${i}` });
        const pushers = all.map((c) => new SyncClient(c.store, httpTransport({ baseUrl: base, fetch: c.net.fetch, accessToken: async () => token(`${people[all.indexOf(c)]}@fabrikam.example`) }), {
          actor: () => ({ id: 'x', name: 'x', role: 'admin-agent' }),
          now: () => new Date().toISOString(),
          pushBatch: 3,
        }));
        const inFlight = Promise.allSettled(pushers.map((p) => p.push()));
        // Kill once a few pushes are answered, with the others still on the wire.
        for (let waited = 0; ledger.length - from < 12 && waited < 30_000; waited += 2) await new Promise((r) => setTimeout(r, 2));
        const answeredBeforeKill = ledger.length - from;
        await killServer();
        await inFlight;
        const port = Number(new URL(base).port);
        await startServer(port);
        await settle(all);
        const truth = await client('dan@fabrikam.example');
        await truth.sync.pull();
        const end = await snapshot(truth, 'kill-');
        expect(answeredBeforeKill).toBeGreaterThan(0);
        expect(answeredBeforeKill).toBeLessThan(160); // the kill did land mid-way
        expect(end.customers).toHaveLength(160);
        expect(missingAcceptedWrites(end, ledger.slice(from))).toEqual([]);
        for (const c of all) {
          expect(await c.store.pendingCount()).toBe(0);
          expect(await c.db.rejections.count()).toBe(0); // a retried create applied twice would be refused "already exists"
          expect(await snapshot(c, 'kill-')).toEqual(end);
        }
      }, 120_000);

      it('converges with a team of three editing one customer and its plan line (guarded fields) under random cuts and lost answers; every accepted write is accounted for (property, seeded)', async () => {
        const seed = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);
        // 200 runs where CI's storage is (PostgreSQL when DATABASE_URL is set, PGlite otherwise); fewer on the other to keep CI short.
        const main = process.env.DATABASE_URL ? kind === 'postgres' : true;
        const numRuns = Number(process.env.FC_RUNS ?? (main ? 200 : 40));
        console.log(`fault property on ${kind}: seed ${seed}, ${numRuns} runs (FC_SEED=${seed} FC_RUNS=${numRuns} to replay)`);
        let rng: number[] = [];
        let r = 0;
        const random = () => rng[r++ % rng.length]!;
        // A long-lived team, as in life: their workspaces grow run after run, and every run ends with all in step.
        const team: Client[] = [];
        for (const who of ['aiko', 'ben', 'chie']) team.push(await client(`${who}@fabrikam.example`, undefined, random, true));
        const truth = await client('dan@fabrikam.example');
        let run = 0;
        let carried = 0;
        const op = fc.oneof(
          fc.record({ kind: fc.constant('notes' as const), text: fc.string({ maxLength: 6 }) }),
          fc.record({ kind: fc.constant('stage' as const), stage: fc.constantFrom('invited' as const, 'accepted' as const, 'plan-ready' as const) }),
          fc.record({ kind: fc.constant('domain' as const), text: fc.constantFrom('a.example', 'b.example') }),
          fc.record({ kind: fc.constant('target' as const), sku: fc.constantFrom('SPE_E3', 'SPE_E5', 'O365_BUSINESS_PREMIUM', null), quantity: fc.integer({ min: 0, max: 30 }) }),
          fc.record({ kind: fc.constant('orderDate' as const), date: fc.constantFrom('2026-12-10', '2027-01-05', null) }),
          fc.record({ kind: fc.constant('delete' as const) }),
          fc.record({ kind: fc.constant('resolve' as const), keep: fc.constantFrom('current' as const, 'proposed' as const) }),
          fc.record({ kind: fc.constant('sync' as const) }),
          fc.record({ kind: fc.constant('cut' as const) }),
        );
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 2, max: 3 }),
            fc.array(fc.record({ who: fc.integer({ min: 0, max: 2 }), op }), { minLength: 5, maxLength: 25 }),
            fc.integer(),
            async (people, steps, netSeed) => {
              const prefix = `prop${++run}x`;
              rng = fc.sample(fc.double({ min: 0, max: 1, noNaN: true }), { seed: netSeed, numRuns: 500 });
              r = 0;
              const all = team.slice(0, people);
              const from = ledger.length;
              const [c, p, l] = [`${prefix}c`, `${prefix}p`, `${prefix}l`];
              await all[0]!.mutate('customer.create', { id: c, name: 'Contoso' });
              await all[0]!.mutate('plan.create', { id: p, customerId: c, asOf: '2026-12-01' });
              await all[0]!.mutate('planLine.add', { id: l, planId: p, sourceSkuId: 'ENTERPRISEPACK', targetSkuId: 'SPE_E3', quantity: 10 });
              await settle(all);
              for (const { who, op } of steps) {
                const me = all[who % people]!;
                me.net.lossRate = 0.2;
                switch (op.kind) {
                  case 'notes': await me.mutate('customer.update', { id: c, notes: op.text }); break;
                  case 'domain': await me.mutate('customer.update', { id: c, domain: op.text }); break;
                  case 'stage': await me.mutate('customer.setStage', { id: c, stage: op.stage }); break;
                  case 'target': await me.mutate('planLine.setTarget', { lineId: l, targetSkuId: op.sku, quantity: op.quantity }); break;
                  case 'orderDate': await me.mutate('planLine.setOrderDate', { lineId: l, orderDate: op.date }); break;
                  case 'delete': if (random() < 0.3) await me.mutate('customer.delete', { id: c }); break;
                  case 'resolve': {
                    const open = (await me.db.conflicts.where('status').equals('open').toArray()).find((k) => k.recordId.startsWith(prefix));
                    if (open) await me.mutate('conflict.resolve', { id: open.id, keep: op.keep });
                    break;
                  }
                  // With the pokes heard since: their changes applied where they follow on, else a pull.
                  case 'sync': {
                    const pokes = me.heard.splice(0);
                    carried += pokes.filter((x) => x !== null).length;
                    await me.sync.sync(undefined, pokes).catch(() => undefined);
                    break;
                  }
                  case 'cut': me.net.down = !me.net.down; break;
                }
              }
              await settle(team);
              await truth.sync.pull();
              const expected = await snapshot(truth, prefix);
              for (const member of team) {
                expect(await member.store.pendingCount()).toBe(0);
                expect(await snapshot(member, prefix)).toEqual(expected);
                await everyChangeAnswered(member);
              }
              expect(missingAcceptedWrites(expected, ledger.slice(from))).toEqual([]);
            },
          ),
          { numRuns, seed, verbose: 1 },
        );
        for (const member of team) member.stopListening();
        console.log(`fault property on ${kind}: ${carried} pokes carrying changes handed to the clients' syncs`);
        expect(carried).toBeGreaterThan(0);
        // At the end, every table of every workspace, whole: the same as the server's.
        await settle(team);
        await truth.sync.pull();
        const whole = await snapshot(truth);
        for (const member of team) expect(await snapshot(member)).toEqual(whole);
      }, 900_000);
    });

  });
}
