// Sync benchmarks in real Chromium (DESIGN.md, "Budgets"), against this repo's server on a real port:
//   sync.first-pull-100k  a new client pulls 100,000 records into IndexedDB; reference: raw
//                         IndexedDB put of the same rows in the same page (< 1.2x)
//   sync.a-to-b-p50       a change on client A visible in client B's IndexedDB, median of 200,
//                         with pokes (< 15 ms); sync.a-to-b-p95 the 95th percentile (< 40 ms)
// Server on PostgreSQL when DATABASE_URL is set, else PGlite. Needs `npm run build:renderer`.
import type { Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/password';
import { createUser, operatorCreateOrganization } from '../../server/auth/store';
import { openTestDatabase } from '../../server/db/testing';
import { testApp } from '../../server/testing';
import { withBenchBrowser } from './chromium';
import { seedRecords } from './server.bench';
import { budgetOf } from './budgets';
import type { BenchResult } from './types';

// BENCH_PORT: another port when several checkouts run benchmarks on one machine.
const PORT = Number(process.env.BENCH_PORT ?? 4192);
const PW = 'benchmark password 1';
const RECORDS = 100_000;
const CHANGES = 200;
const PULL_RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

type Bench = {
  firstPull(baseUrl: string, token: string): Promise<{ ms: number; reference: number; rows: number; indexes: string[] }>;
  listen(baseUrl: string, token: string): Promise<void>;
  arrivedAt(mark: string): number | null;
  write(baseUrl: string, token: string, mark: string): Promise<number>;
  prepareMark(baseUrl: string, token: string): Promise<void>;
};
const bench = (page: Page) => ({
  call: <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
    page.evaluate(([n, a]) => ((window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[n as string]!(...(a as unknown[]))), [name, args] as const) as Promise<Awaited<ReturnType<Bench[K]>>>,
});

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PW }) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function run(filter?: string): Promise<BenchResult[]> {
  const wantPull = !filter || 'sync.first-pull-100k'.startsWith(filter) || filter.startsWith('sync.first-pull');
  const wantAtoB = !filter || 'sync.a-to-b-p50'.startsWith(filter) || filter.startsWith('sync.a-to-b');
  if (!wantPull && !wantAtoB) return [];
  const t = await openTestDatabase({ max: 10 });
  const app = await testApp(t.db, { SYNC_RATE_PER_USER: '100000', CORS_ORIGINS: `http://127.0.0.1:${PORT}` });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const out: BenchResult[] = [];
  try {
    await withBenchBrowser('bench/sync.html', PORT, async ({ context, url }) => {
      const open = async () => {
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForSelector('body[data-ready="true"]');
        return bench(page);
      };

      if (wantPull) {
        const org = await operatorCreateOrganization(t.db, 'Pull');
        await createUser(t.db, org.id, { email: 'pull@bench.example', name: 'Pull', role: 'sales-agent', passwordHash: await hashPassword(PW) });
        await seedRecords(t.db, org.id, RECORDS);
        const token = await signIn(base, 'pull@bench.example');
        const page = await open();
        // Three runs, each pull followed by its floor (one of each swung by a quarter from run to
        // run on the same machine): the median pull over the median floor.
        const runs = [];
        for (let i = 0; i < PULL_RUNS; i++) {
          const r = await page.call('firstPull', base, token);
          if (r.rows !== RECORDS) throw new Error(`pulled ${r.rows} records, expected ${RECORDS}`);
          console.error(`sync.first-pull-100k run ${i + 1}: ${Math.round(r.ms)} ms; floor ${Math.round(r.reference)} ms; ratio ${(r.ms / r.reference).toFixed(2)} (the customers store's indexes: ${r.indexes.join(', ') || 'none'})`);
          runs.push(r);
        }
        const ms = median(runs.map((r) => r.ms));
        const reference = median(runs.map((r) => r.reference));
        out.push({ bench: 'sync.first-pull-100k', value: Math.round(ms), unit: 'ms', reference: { name: 'raw-indexeddb-put', value: Math.round(reference) }, ...budgetOf('sync.first-pull-100k') });
      }

      if (wantAtoB) {
        const org = await operatorCreateOrganization(t.db, 'A to B');
        await createUser(t.db, org.id, { email: 'a@bench.example', name: 'A', role: 'admin-agent', passwordHash: await hashPassword(PW) });
        await createUser(t.db, org.id, { email: 'b@bench.example', name: 'B', role: 'admin-agent', passwordHash: await hashPassword(PW) });
        const [tokenA, tokenB] = [await signIn(base, 'a@bench.example'), await signIn(base, 'b@bench.example')];
        const a = await open();
        const b = await open();
        await a.call('prepareMark', base, tokenA);
        await b.call('listen', base, tokenB);
        const latencies: number[] = [];
        for (let i = 0; i < CHANGES + 10; i++) {
          const mark = `mark-${i}`;
          const started = await a.call('write', base, tokenA, mark);
          let arrived: number | null = null;
          for (let w = 0; w < 500 && arrived === null; w++) {
            arrived = await b.call('arrivedAt', mark);
            if (arrived === null) await new Promise((r) => setTimeout(r, 2));
          }
          if (arrived === null) throw new Error(`${mark} never reached client B`);
          if (i >= 10) latencies.push(arrived - started); // the first ten warm up
        }
        latencies.sort((x, y) => x - y);
        const p50 = latencies[Math.floor(latencies.length / 2)]!;
        const p95 = latencies[Math.ceil(latencies.length * 0.95) - 1]!;
        out.push({ bench: 'sync.a-to-b-p50', value: Math.round(p50 * 10) / 10, unit: 'ms', ...budgetOf('sync.a-to-b-p50') });
        out.push({ bench: 'sync.a-to-b-p95', value: Math.round(p95 * 10) / 10, unit: 'ms', ...budgetOf('sync.a-to-b-p95') });
      }
    });
  } finally {
    await app.close();
    await t.drop();
  }
  return out;
}
