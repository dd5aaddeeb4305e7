// The sync fault suite (issue 6): the real server as a child process (PGlite, or PostgreSQL when
// DATABASE_URL is set), clients running the app's engine on Dexie over fake-indexeddb, and faults
// injected where they happen in life: answers lost after the server committed, the server killed
// and restarted, the network cut at seeded random points, clocks set wrong. Every client must end
// with the server's state, and no change the server accepted may be missing.
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
import { SyncClient } from '../../shared/sync/client';
import { httpTransport, type FetchLike } from '../../shared/sync/httpTransport';
import { tableNames } from '../../shared/workspace/tables';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import { WorkspaceDatabase } from '../../renderer/db/database';
import { DexieClientStore } from '../../renderer/sync/dexieClientStore';

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
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
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

// Both storages when PostgreSQL is there (CI), PGlite alone otherwise. The suites share the
// module's state one after the other (vitest runs a file's describes in order).
for (const kind of ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])] as const) {
  describe(kind, () => {
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
        if (this.lossRate > 0 && this.random() < this.lossRate) throw new Error('connection reset: the answer was lost');
        return { status: res.status, ok: res.ok, text: async () => text };
      };
    }

    let clients = 0;
    async function client(email: string, clock: () => string = () => new Date().toISOString(), random?: () => number) {
      const accessToken = await token(email);
      const n = ++clients;
      const db = new WorkspaceDatabase(`faults-${n}-${randomBytes(3).toString('hex')}`);
      const net = new Network(random);
      const store = new DexieClientStore(db, () => `faults${n}x${randomBytes(4).toString('hex')}`);
      const actor: Actor = { id: email, name: email.split('@')[0]!, role: 'admin-agent' };
      const sync = new SyncClient(store, httpTransport({ baseUrl: base, fetch: net.fetch, accessToken: async () => accessToken }), { actor: () => actor, now: clock });
      const made: number[] = [];
      const mutate = async (name: string, args: unknown) => {
        const next = (await store.transaction((tx) => tx.meta())).nextMutationId;
        const outcome = await sync.mutate(name, args);
        if (outcome.ok) made.push(next);
        return outcome;
      };
      return { db, net, store, sync, mutate, made, clientId: async () => (await store.transaction((tx) => tx.meta())).clientId };
    }

    type Client = Awaited<ReturnType<typeof client>>;

    async function snapshot(c: Client, prefix: string) {
      const out: Record<string, unknown[]> = {};
      for (const t of tableNames) {
        const rows = (await c.db.table(t).toArray()) as Record<string, unknown>[];
        out[t] = rows
          .filter((r) => String(r.id).includes(prefix) || String(r.customerId ?? '').includes(prefix))
          .map(({ _v, ...row }) => row)
          .sort((a, b) => String(a.id).localeCompare(String(b.id)));
      }
      return out;
    }

    /** Every change a client made was either applied by the server (its activity entry exists) or refused with a reason. */
    async function nothingAcceptedMissing(c: Client, truth: Client) {
      const clientId = await c.clientId();
      const refused = new Set((await c.db.rejections.toArray()).map((r) => r.mutationId));
      for (const id of c.made) {
        if (refused.has(id)) continue;
        expect(await truth.db.activity.get(`act:${clientId}:${id}`), `change ${id} of ${clientId}`).toBeDefined();
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

      it('converges with two and three people editing one customer at once, the network cut at random points (property, seeded)', async () => {
        const seed = Number(process.env.FC_SEED ?? 20261124);
        let run = 0;
        const op = fc.oneof(
          fc.record({ kind: fc.constant('notes' as const), text: fc.string({ maxLength: 6 }) }),
          fc.record({ kind: fc.constant('stage' as const), stage: fc.constantFrom('invited' as const, 'accepted' as const, 'plan-ready' as const) }),
          fc.record({ kind: fc.constant('domain' as const), text: fc.constantFrom('a.example', 'b.example') }),
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
              const rng = fc.sample(fc.double({ min: 0, max: 1, noNaN: true }), { seed: netSeed, numRuns: 500 });
              let r = 0;
              const random = () => rng[r++ % rng.length]!;
              const emails = ['aiko', 'ben', 'chie'].slice(0, people).map((w) => `${w}@fabrikam.example`);
              const all: Client[] = [];
              for (const e of emails) all.push(await client(e, undefined, random));
              await all[0]!.mutate('customer.create', { id: `${prefix}c`, name: 'Contoso' });
              await settle(all);
              for (const { who, op } of steps) {
                const me = all[who % people]!;
                me.net.lossRate = 0.2;
                switch (op.kind) {
                  case 'notes': await me.mutate('customer.update', { id: `${prefix}c`, notes: op.text }); break;
                  case 'domain': await me.mutate('customer.update', { id: `${prefix}c`, domain: op.text }); break;
                  case 'stage': await me.mutate('customer.setStage', { id: `${prefix}c`, stage: op.stage }); break;
                  case 'delete': if (random() < 0.3) await me.mutate('customer.delete', { id: `${prefix}c` }); break;
                  case 'resolve': {
                    const open = (await me.db.conflicts.where('status').equals('open').toArray()).find((k) => k.recordId.startsWith(prefix));
                    if (open) await me.mutate('conflict.resolve', { id: open.id, keep: op.keep });
                    break;
                  }
                  case 'sync': await me.sync.sync().catch(() => undefined); break;
                  case 'cut': me.net.down = !me.net.down; break;
                }
              }
              await settle(all);
              const truth = await client('dan@fabrikam.example');
              await truth.sync.pull();
              const expected = await snapshot(truth, prefix);
              for (const c of all) {
                expect(await c.store.pendingCount()).toBe(0);
                expect(await snapshot(c, prefix)).toEqual(expected);
                await nothingAcceptedMissing(c, truth);
              }
            },
          ),
          { numRuns: 12, seed, verbose: 1 },
        );
      });
    });

  });
}
