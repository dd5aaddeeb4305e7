// UI benchmarks in real Chromium on an on-disk profile (DESIGN.md, "Budgets"; issue #15), the whole
// app (bench/ui.html mounts App with the web host) over the dashboard benchmark's workspace of
// 10,000 customers (plans, imported tenants, catalog), stored through the app's Dexie database:
//   ui.local-write-p50   a local write to the screen: the case file's "Save details" clicked with a
//                        new customer name, until the heading (the screen's live query) shows it;
//                        median of 200 after 10 warm-up saves (< 16 ms, one frame). ui.local-write-p95
//                        beside it; the times to the next animation frame, and until the mutator
//                        call (SyncController.mutate) answered, are printed on stderr.
//   ui.picker-per-key    the license check's customer picker over the 10,000 customers: 17 characters
//                        of a customer's name typed by Playwright, one key at a time, each key's time
//                        from its keydown until the listbox shows that prefix's matches; three rounds
//                        after one warm-up round (.p50 and .max, each < 50 ms: every key).
// Needs `npm run build:renderer`.
import type { Page } from 'playwright-core';
import { budgetOf } from './budgets';
import { withBenchBrowser } from './chromium';
import { workload } from './dashboard.bench';
import type { BenchResult } from './types';

// BENCH_PORT: another port when several checkouts run benchmarks on one machine.
const PORT = Number(process.env.BENCH_PORT ?? 4195);
const WRITES = 200;
const WARM_WRITES = 10;
const KEYS = 17;
const ROUNDS = 3;

type Bench = {
  seed(rows: unknown): Promise<Record<string, number>>;
  localWrite(customerId: string, runs: number, warm: number): Promise<{ dom: number[]; frame: number[]; mutated: number[]; storedName: string | null; expectedName: string }>;
  openPicker(): Promise<number>;
  armPicker(text: string): Promise<void>;
  keyDone(k: number): Promise<number>;
};
const call = <K extends keyof Bench>(page: Page, name: K, ...args: Parameters<Bench[K]>) =>
  page.evaluate(([n, a]) => (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[n as string]!(...(a as unknown[])), [name, args] as const) as Promise<
    Awaited<ReturnType<Bench[K]>>
  >;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const percentile = (xs: number[], p: number) => sorted(xs)[Math.max(0, Math.ceil(xs.length * p) - 1)]!;
const round1 = (n: number) => Math.round(n * 10) / 10;
const wants = (filter: string | undefined, name: string) => !filter || name.startsWith(filter) || filter.startsWith(name);

type Customer = { id: string; name: string; stage: string };

export async function run(filter?: string): Promise<BenchResult[]> {
  const wantWrite = wants(filter, 'ui.local-write');
  const wantPicker = wants(filter, 'ui.picker-per-key');
  if (!wantWrite && !wantPicker) return [];
  const { rows, counts } = await workload();
  console.error(`ui: workspace ${JSON.stringify(counts)}`);
  const customers = rows.customers as Customer[];
  return withBenchBrowser('bench/ui.html', PORT, async ({ context, url }) => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`ui: page error: ${e.message}`));
    const open = async () => {
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
    };
    await open();
    const stored = await call(page, 'seed', rows);
    if (stored.customers !== customers.length) throw new Error(`stored ${stored.customers} customers, expected ${customers.length}`);
    const out: BenchResult[] = [];

    if (wantWrite) {
      // A customer with a plan: its case file is the busiest (plan lines and findings, imported tenant).
      const customer = customers.find((c) => c.stage === 'plan-ready') ?? customers[0]!;
      await open();
      const r = await call(page, 'localWrite', customer.id, WRITES, WARM_WRITES);
      if (r.dom.length !== WRITES) throw new Error(`measured ${r.dom.length} saves, expected ${WRITES}`);
      if (r.storedName !== r.expectedName) throw new Error(`the workspace holds "${r.storedName}" after the saves, expected "${r.expectedName}"`);
      console.error(
        `ui.local-write: click to the heading showing the name: p50 ${round1(percentile(r.dom, 0.5))} ms, p95 ${round1(percentile(r.dom, 0.95))} ms, max ${round1(Math.max(...r.dom))} ms; to the next frame: p50 ${round1(percentile(r.frame, 0.5))} ms, p95 ${round1(percentile(r.frame, 0.95))} ms; until the mutator call answered: p50 ${round1(percentile(r.mutated, 0.5))} ms, p95 ${round1(percentile(r.mutated, 0.95))} ms`,
      );
      out.push({ bench: 'ui.local-write-p50', value: round1(percentile(r.dom, 0.5)), unit: 'ms', ...budgetOf('ui.local-write-p50') });
      out.push({ bench: 'ui.local-write-p95', value: round1(percentile(r.dom, 0.95)), unit: 'ms', ...budgetOf('ui.local-write-p95') });
    }

    if (wantPicker) {
      await open();
      const listed = await call(page, 'openPicker');
      if (listed !== customers.length) throw new Error(`the picker lists ${listed} customers, expected ${customers.length}`);
      // A person looks a customer up by the start of its name.
      const text = customers.slice(1234).find((c) => c.name.length >= KEYS)!.name.slice(0, KEYS);
      const input = page.locator('input[role="combobox"]');
      await input.click();
      const times: number[] = [];
      for (let round = 0; round <= ROUNDS; round++) {
        await call(page, 'armPicker', text);
        const perKey: number[] = [];
        for (let k = 0; k < KEYS; k++) {
          await page.keyboard.type(text[k]!);
          perKey.push(await call(page, 'keyDone', k));
        }
        console.error(`ui.picker-per-key: round ${round === 0 ? 'warm-up' : round}, "${text}": ${perKey.map((t) => Math.round(t)).join(' ')} ms`);
        if (round > 0) times.push(...perKey);
        // Escape closes the list and empties the box (no customer chosen) for the next round.
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[role="combobox"]')?.value === '');
      }
      out.push({ bench: 'ui.picker-per-key.p50', value: round1(percentile(times, 0.5)), unit: 'ms', ...budgetOf('ui.picker-per-key.p50') });
      out.push({ bench: 'ui.picker-per-key.max', value: round1(Math.max(...times)), unit: 'ms', ...budgetOf('ui.picker-per-key.max') });
    }
    return out;
  });
}
