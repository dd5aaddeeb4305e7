// Sync benchmarks in real Chromium (DESIGN.md, "Budgets"), against this repo's server on a real port:
//   sync.first-pull-100k  a new client pulls 100,000 records into IndexedDB; reference: raw
//                         IndexedDB put of the same rows in the same page (< 2x)
//   sync.a-to-b-p50       a change on client A visible in client B's IndexedDB, median of 200,
//                         with pokes (< 50 ms)
// Server on PostgreSQL when DATABASE_URL is set, else PGlite. Needs `npm run build:renderer`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/password';
import { createUser, operatorCreateOrganization } from '../../server/auth/store';
import { openTestDatabase } from '../../server/db/testing';
import { testApp } from '../../server/testing';
import { seedRecords } from './server.bench';
import type { BenchResult } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const PORT = 4192;
const PW = 'benchmark password 1';
const RECORDS = 100_000;
const CHANGES = 200;

type Bench = {
  firstPull(baseUrl: string, token: string): Promise<{ ms: number; reference: number; rows: number }>;
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
  if (!existsSync(path.join(root, 'dist/renderer/bench/sync.html'))) throw new Error('dist/renderer/bench/sync.html is missing: run `npm run build:renderer` first');

  const t = await openTestDatabase({ max: 10 });
  const app = await testApp(t.db, { SYNC_RATE_PER_USER: '100000', CORS_ORIGINS: `http://127.0.0.1:${PORT}` });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const preview = spawn('npx', ['vite', 'preview', '--config', 'renderer/vite.config.ts', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'bench-sync-'));
  const out: BenchResult[] = [];
  try {
    const url = `http://127.0.0.1:${PORT}/bench/sync.html`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 100) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    // An on-disk profile: Playwright's default context keeps IndexedDB in memory (DESIGN.md).
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
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
        const r = await page.call('firstPull', base, token);
        if (r.rows !== RECORDS) throw new Error(`pulled ${r.rows} records, expected ${RECORDS}`);
        out.push({ bench: 'sync.first-pull-100k', value: Math.round(r.ms), unit: 'ms', reference: { name: 'raw-indexeddb-put', value: Math.round(r.reference) }, maxRatio: 2 });
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
        out.push({ bench: 'sync.a-to-b-p50', value: Math.round(p50 * 10) / 10, unit: 'ms', budget: 50 });
      }
    } finally {
      await context.close();
    }
  } finally {
    try {
      if (preview.pid) process.kill(-preview.pid);
    } catch {
      // already gone
    }
    rmSync(profile, { recursive: true, force: true });
    await app.close();
    await t.drop();
  }
  return out;
}
