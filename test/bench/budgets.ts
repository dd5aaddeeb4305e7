// Every benchmark figure's budget, in one place (DESIGN.md, "Budgets"; issue #15): the benchmarks
// read their limits here, and README's budgets table is checked against this table
// (budgets.test.ts), so a budget cannot say one thing in the code and another to the reader.
// `budget`: a time (ms) the figure stays below, or a throughput (ops/s) it stays above.
// `maxRatio`: the figure over the floor measured in the same run stays below it.
export interface Budget {
  budget?: number;
  maxRatio?: number;
}

type Entry = Budget & { unit: 'ms' | 'ops/s' };

export const BUDGETS = {
  'plan.10k-tenants': { unit: 'ms', budget: 300 },
  'import.50k-users': { unit: 'ms', maxRatio: 1.2 },
  'import.50k-users.main-thread-max-gap': { unit: 'ms', budget: 200 },
  // The same budgets as the Graph import (issue 13): the admin center's users export, 50,000 rows.
  'import.50k-admin-center': { unit: 'ms', maxRatio: 1.2 },
  'import.50k-admin-center.main-thread-max-gap': { unit: 'ms', budget: 200 },
  'dashboard.first-render-10k': { unit: 'ms', budget: 300 },
  // "< 300 ms including the saved plans' checks": the time until they are painted too.
  'dashboard.first-render-10k.with-plan-checks': { unit: 'ms', budget: 300 },
  'dashboard.first-render-10k.main-thread-max-gap': { unit: 'ms', budget: 50 },
  'server.pull-100k': { unit: 'ms', maxRatio: 1.5 },
  'server.push-throughput': { unit: 'ops/s', budget: 2000 },
  'server.push-throughput.one-org': { unit: 'ops/s', budget: 2000 },
  'sync.first-pull-100k': { unit: 'ms', maxRatio: 1.2 },
  'sync.a-to-b-p50': { unit: 'ms', budget: 15 },
  'sync.a-to-b-p95': { unit: 'ms', budget: 40 },
  'ui.local-write-p50': { unit: 'ms', budget: 16 },
  'ui.local-write-p95': { unit: 'ms' },
  // "< 50 ms per key": every key, so the slowest one too.
  'ui.picker-per-key.p50': { unit: 'ms', budget: 50 },
  'ui.picker-per-key.max': { unit: 'ms', budget: 50 },
} as const satisfies Record<string, Entry>;

export type BenchName = keyof typeof BUDGETS;

/** The budget fields of a figure, to spread into its BenchResult. */
export function budgetOf(name: BenchName): Budget {
  const entry: Entry = BUDGETS[name];
  return { ...(entry.budget === undefined ? {} : { budget: entry.budget }), ...(entry.maxRatio === undefined ? {} : { maxRatio: entry.maxRatio }) };
}

/** The budget in README's words: "< 300 ms", "> 2,000/s", "< 1.2x floor", "printed, no budget". */
export function budgetWords(name: BenchName): string {
  const entry: Entry = BUDGETS[name];
  if (entry.maxRatio !== undefined) return `< ${entry.maxRatio}x floor`;
  if (entry.budget === undefined) return 'printed, no budget';
  return entry.unit === 'ops/s' ? `> ${entry.budget.toLocaleString('en-US')}/s` : `< ${entry.budget.toLocaleString('en-US')} ms`;
}
