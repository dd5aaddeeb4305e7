import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetOf, budgetWords, type BenchName } from './budgets';
import { missOf } from './verdict';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** README's budgets table: figure name -> budget cell. */
function readmeBudgets(): Map<string, string> {
  const section = readme.slice(readme.indexOf('### Budgets'));
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^\| `([^`]+)` \|[^|]*\| ([^|]+) \|/.exec(line);
    if (m) rows.set(m[1]!, m[2]!.trim());
  }
  return rows;
}

describe('benchmark budgets (issue 15)', () => {
  it("README's budgets table lists every figure with the budget the benchmarks hold it to", () => {
    const rows = readmeBudgets();
    expect([...rows.keys()].sort()).toEqual(Object.keys(BUDGETS).sort());
    for (const name of Object.keys(BUDGETS) as BenchName[]) expect(rows.get(name), name).toBe(budgetWords(name));
  });

  it("holds the issue's numbers", () => {
    expect(budgetWords('server.push-throughput.one-org')).toBe('> 2,000/s');
    expect(budgetWords('sync.a-to-b-p50')).toBe('< 15 ms');
    expect(budgetWords('sync.a-to-b-p95')).toBe('< 40 ms');
    expect(budgetWords('sync.first-pull-100k')).toBe('< 1.2x floor');
    expect(budgetWords('dashboard.first-render-10k.with-plan-checks')).toBe('< 300 ms');
    expect(budgetWords('dashboard.first-render-10k.main-thread-max-gap')).toBe('< 50 ms');
    expect(budgetWords('plan.10k-tenants')).toBe('< 300 ms');
    expect(budgetWords('import.50k-users')).toBe('< 1.2x floor');
    expect(budgetWords('ui.local-write-p50')).toBe('< 16 ms');
    expect(budgetWords('ui.picker-per-key.max')).toBe('< 50 ms');
  });

  it('spreads into a figure so the runner holds it', () => {
    expect(missOf({ bench: 'ui.local-write-p50', value: 17, unit: 'ms', ...budgetOf('ui.local-write-p50') })).toBe('missed: ui.local-write-p50: 17 ms, budget < 16 ms');
    expect(missOf({ bench: 'server.push-throughput', value: 2100, unit: 'ops/s', ...budgetOf('server.push-throughput') })).toBeNull();
    expect(budgetOf('ui.local-write-p95')).toEqual({});
  });
});
