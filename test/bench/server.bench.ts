// Server benchmarks (DESIGN.md, "Budgets"):
//   server.pull-100k         a first pull of 100,000 records by a plain HTTP client, against a bare
//                            node:http handler reading the same rows and sending them as JSON (< 1.5x)
//   server.push-throughput   pushes of 10 mutations each, accepted per second (> 2,000/s), held to
//                            its budget only on PostgreSQL with fsync on (the line says so)
// On PostgreSQL when DATABASE_URL is set (as CI does), else on embedded PGlite; the line says which.
import { createServer } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { hashPassword } from '../../server/auth/password';
import { createUser, operatorCreateOrganization } from '../../server/auth/store';
import { openTestDatabase } from '../../server/db/testing';
import type { Database } from '../../server/db/types';
import { testApp } from '../../server/testing';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import { mulberry32 } from './prng';
import { budgetOf } from './budgets';
import type { BenchResult, StorageFacts } from './types';

const PW = 'benchmark password 1';
const RECORDS = 100_000;

export async function seedRecords(db: Database, orgId: string, n: number): Promise<void> {
  const rand = mulberry32(20261124);
  const batch = 10_000;
  for (let start = 0; start < n; start += batch) {
    const ids: string[] = [];
    const data: string[] = [];
    const versions: number[] = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const id = `c-${i.toString().padStart(6, '0')}`;
      ids.push(id);
      versions.push(1 + Math.floor(i / 100));
      data.push(
        JSON.stringify({
          id,
          name: `Customer ${i} K.K.`,
          domain: `customer${i}.onmicrosoft.com`,
          tenantId: `${Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
          country: ['JP', 'US', 'DE', 'FR'][i % 4],
          channel: ['direct', 'other-partner', 'own', 'unknown'][i % 4],
          stage: 'not-started',
          notes: 'Renewal in spring; talk to IT first.',
          createdAt: '2026-11-24T09:00:00.000Z',
        }),
      );
    }
    await db.query(
      `INSERT INTO records (org_id, tbl, id, version, data, field_versions, deleted)
       SELECT $1, 'customers', u.id, u.v, u.d::jsonb, '{}'::jsonb, false
       FROM unnest($2::text[], $3::bigint[], $4::text[]) AS u(id, v, d)`,
      [orgId, ids, versions, data],
    );
  }
  await db.query('UPDATE workspaces SET version = $2 WHERE org_id = $1', [orgId, 1 + Math.floor((n - 1) / 100)]);
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PW }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Median of `runs` timings of `fn` in ms. */
async function median(runs: number, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

async function pullBench(db: Database, storage: string): Promise<BenchResult> {
  const org = await operatorCreateOrganization(db, 'Pull Bench');
  await createUser(db, org.id, { email: 'pull@bench.example', name: 'Pull', role: 'sales-agent', passwordHash: await hashPassword(PW) });
  await seedRecords(db, org.id, RECORDS);

  const app = await testApp(db, { SYNC_RATE_PER_USER: '100000' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = await signIn(base, 'pull@bench.example');

  // The floor: the same rows read and sent as JSON by a handler that does nothing else.
  const bare = createServer((_req, res) => {
    void db
      .query('SELECT tbl, id, version, data FROM records WHERE org_id = $1 ORDER BY version', [org.id])
      .then((r) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(r.rows));
      });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  let pulled = 0;
  const firstPull = async () => {
    let cursor = 0;
    pulled = 0;
    for (;;) {
      const res = await fetch(`${base}/sync/pull?cursor=${cursor}&clientId=bench-client-0001&schemaVersion=${SCHEMA_VERSION}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { cursor: number; more: boolean; changes: unknown[] };
      pulled += body.changes.length;
      cursor = body.cursor;
      if (!body.more) break;
    }
  };
  const barePull = async () => {
    const rows = (await (await fetch(bareUrl)).json()) as unknown[];
    if (rows.length !== RECORDS) throw new Error(`bare handler sent ${rows.length} rows`);
  };
  await firstPull(); // warm both paths once
  await barePull();
  const reference = await median(3, barePull);
  const value = await median(3, firstPull);
  if (pulled !== RECORDS) throw new Error(`pulled ${pulled} records, expected ${RECORDS}`);
  await app.close();
  await new Promise<void>((resolve) => bare.close(() => resolve()));
  return { bench: 'server.pull-100k', value, unit: 'ms', reference: { name: `bare-handler-json (${storage})`, value: reference }, ...budgetOf('server.pull-100k') };
}

/**
 * What the push figures were measured on. Throughput with commits that never reach the disk (PGlite
 * in memory, or PostgreSQL with fsync or synchronous_commit off) says nothing of the budget's
 * promise, so only PostgreSQL with both on counts.
 */
export async function storageFacts(db: Database): Promise<StorageFacts> {
  if (db.kind === 'pglite') {
    return { kind: 'pglite', fsync: null, synchronousCommit: null, budgetCounted: false, why: 'embedded PGlite: set DATABASE_URL to a PostgreSQL to hold this figure to its budget' };
  }
  const setting = async (name: string) => (await db.query<{ setting: string }>('SELECT setting FROM pg_settings WHERE name = $1', [name])).rows[0]?.setting ?? null;
  const fsync = (await setting('fsync')) === 'on';
  const synchronousCommit = await setting('synchronous_commit');
  const durable = fsync && synchronousCommit !== 'off';
  return {
    kind: 'postgres',
    fsync,
    synchronousCommit,
    budgetCounted: durable,
    ...(durable ? {} : { why: `PostgreSQL with ${fsync ? '' : 'fsync off'}${!fsync && synchronousCommit === 'off' ? ' and ' : ''}${synchronousCommit === 'off' ? 'synchronous_commit off' : ''}: commits are not durable` }),
  };
}

async function pushBench(db: Database, storage: string, orgCount: number, bench: 'server.push-throughput' | 'server.push-throughput.one-org'): Promise<BenchResult> {
  // A server hosts many partner organizations: 8 people in `orgCount` organizations. Pushes of one
  // organization take turns on its version counter; several organizations proceed together.
  const clients = 8;
  const pushesPerClient = 100;
  const orgs = [];
  for (let o = 0; o < orgCount; o++) orgs.push(await operatorCreateOrganization(db, `${bench} ${o}`));
  for (let c = 0; c < clients; c++) {
    await createUser(db, orgs[c % orgCount]!.id, { email: `push${c}.${orgCount}@bench.example`, name: `Pusher ${c}`, role: 'admin-agent', passwordHash: await hashPassword(PW) });
  }
  const app = await testApp(db, { SYNC_RATE_PER_USER: '100000' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const tokens = await Promise.all(Array.from({ length: clients }, (_, c) => signIn(base, `push${c}.${orgCount}@bench.example`)));

  // The load comes from another thread, as from another machine: the server's event loop serves
  // only the server.
  const load = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { base, tokens, pushes, schemaVersion } = workerData;
    async function push(token, clientId, first, customer) {
      const mutations = Array.from({ length: 10 }, (_, i) => {
        const id = first + i;
        // Base versions as the client engine records them: the customer read and written, the activity entry added.
        const baseVersions = { ['customers/' + customer]: 0, ['activity/act:' + clientId + ':' + id]: 0 };
        return id === 1
          ? { id, name: 'customer.create', args: { id: customer, name: 'Customer ' + customer }, baseVersions }
          : { id, name: 'customer.update', args: { id: customer, notes: 'note ' + id }, baseVersions };
      });
      const res = await fetch(base + '/sync/push', {
        method: 'POST',
        headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, schemaVersion, mutations }),
      });
      const body = await res.json();
      if (res.status !== 200 || body.results.some((r) => r.status !== 'applied')) throw new Error('push failed: ' + JSON.stringify(body));
    }
    (async () => {
      // Warm-up (JIT, connection pools), then the timed pushes.
      const warm = 20;
      await Promise.all(tokens.map(async (token, c) => {
        for (let p = 0; p < warm; p++) await push(token, 'bench-pusher-' + c + '-0001', p * 10 + 1, 'push-' + c);
      }));
      const t0 = performance.now();
      await Promise.all(tokens.map(async (token, c) => {
        for (let p = warm; p < warm + pushes; p++) await push(token, 'bench-pusher-' + c + '-0001', p * 10 + 1, 'push-' + c);
      }));
      parentPort.postMessage(performance.now() - t0);
    })().catch((e) => parentPort.postMessage(String(e)));
  `;
  const worker = new Worker(load, { eval: true, workerData: { base, tokens, pushes: pushesPerClient, schemaVersion: SCHEMA_VERSION } });
  const elapsed = await new Promise<number>((resolve, reject) =>
    worker.once('message', (m: number | string) => (typeof m === 'number' ? resolve(m) : reject(new Error(m)))),
  );
  await worker.terminate();
  const seconds = elapsed / 1000;
  await app.close();
  const facts = await storageFacts(db);
  return {
    bench,
    value: Math.round((clients * pushesPerClient) / seconds),
    unit: 'ops/s',
    ...(facts.budgetCounted ? budgetOf(bench) : {}),
    reference: { name: `pushes of 10 mutations by ${clients} clients in ${orgCount} organizations (${storage})`, value: clients * pushesPerClient },
    storage: facts,
  };
}

export async function run(filter?: string): Promise<BenchResult[]> {
  // The server's own pool size (10), not the small one test files use.
  const t = await openTestDatabase({ max: 10 });
  const storage = t.db.kind;
  try {
    const out: BenchResult[] = [];
    if (!filter || 'server.pull-100k'.startsWith(filter) || filter.startsWith('server.pull')) out.push(await pullBench(t.db, storage));
    if (!filter || 'server.push-throughput'.startsWith(filter) || filter.startsWith('server.push')) {
      out.push(await pushBench(t.db, storage, 4, 'server.push-throughput'));
      // One organization alone, whose pushes take turns on its version counter: the same budget.
      out.push(await pushBench(t.db, storage, 1, 'server.push-throughput.one-org'));
    }
    return out;
  } finally {
    await t.drop();
  }
}
