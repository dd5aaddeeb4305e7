import { describe, expect, it } from 'vitest';
import type { BenchResult } from './types';
import { missOf, verdict, withinBudget } from './verdict';

const ms = (bench: string, value: number, budget?: number): BenchResult => ({ bench, value, unit: 'ms', ...(budget === undefined ? {} : { budget }) });

describe('benchmark verdict (npm run bench exit code and summary)', () => {
  it('holds a time below its budget, and misses at or over it', () => {
    expect(withinBudget(ms('sync.a-to-b-p50', 14.9, 15))).toBe(true);
    expect(missOf(ms('sync.a-to-b-p50', 15, 15))).toBe('missed: sync.a-to-b-p50: 15 ms, budget < 15 ms');
    expect(missOf(ms('plan.10k-tenants', 679, 300))).toBe('missed: plan.10k-tenants: 679 ms, budget < 300 ms');
  });

  it('holds a throughput above its budget, and misses at or under it', () => {
    const push = (value: number): BenchResult => ({ bench: 'server.push-throughput', value, unit: 'ops/s', budget: 2000 });
    expect(withinBudget(push(2001))).toBe(true);
    expect(missOf(push(2000))).toBe('missed: server.push-throughput: 2,000/s, budget > 2,000/s');
    expect(missOf(push(350))).toBe('missed: server.push-throughput: 350/s, budget > 2,000/s');
  });

  it('holds a ratio to the floor measured in the same run', () => {
    const imp = (value: number, floor: number): BenchResult => ({ bench: 'import.50k-users', value, unit: 'ms', reference: { name: 'raw-indexeddb-put', value: floor }, maxRatio: 1.2 });
    expect(withinBudget(imp(1190, 1000))).toBe(true);
    expect(missOf(imp(1200, 1000))).toBe('missed: import.50k-users: 1,200 ms = 1.20x raw-indexeddb-put (1,000 ms), budget < 1.2x');
    // A floor of zero proves nothing: no ratio can be held to it.
    expect(missOf(imp(10, 0))).toBe('missed: import.50k-users: its floor raw-indexeddb-put measured 0, so no ratio');
  });

  it('names both a missed budget and a missed ratio of one figure', () => {
    const r: BenchResult = { bench: 'x', value: 500, unit: 'ms', budget: 300, reference: { name: 'floor', value: 100 }, maxRatio: 2 };
    expect(missOf(r)).toBe('missed: x: 500 ms, budget < 300 ms; 500 ms = 5.00x floor (100 ms), budget < 2x');
  });

  it('counts a figure that is not a number as a miss', () => {
    expect(missOf(ms('ui.picker-per-key', Number.NaN, 50))).toBe('missed: ui.picker-per-key: the figure is NaN, not a measurement');
  });

  it('leaves a figure without a budget alone', () => {
    expect(missOf(ms('dashboard.first-render-10k.data', 900))).toBeNull();
  });

  it('prints one line per miss after the figures, says which figures are not held and why, and exits 1', () => {
    const results: BenchResult[] = [
      ms('plan.10k-tenants', 250, 300),
      ms('ui.local-write-p50', 20, 16),
      ms('sync.a-to-b-p95', 41, 40),
      {
        bench: 'server.push-throughput.one-org',
        value: 900,
        unit: 'ops/s',
        storage: { kind: 'pglite', fsync: null, synchronousCommit: null, budgetCounted: false, why: 'embedded PGlite' },
      },
    ];
    const { lines, exitCode } = verdict(results);
    expect(exitCode).toBe(1);
    expect(lines).toEqual([
      'missed: ui.local-write-p50: 20 ms, budget < 16 ms',
      'missed: sync.a-to-b-p95: 41 ms, budget < 40 ms',
      'not held to its budget: server.push-throughput.one-org: embedded PGlite',
      '4 figures, 2 over budget',
    ]);
  });

  it('exits 0 when every figure keeps its budget', () => {
    expect(verdict([ms('plan.10k-tenants', 250, 300)])).toEqual({ lines: ['1 figure, 0 over budget'], exitCode: 0 });
  });

  it('exits 1 when a benchmark failed, even if every printed figure kept its budget', () => {
    const { lines, exitCode } = verdict([ms('plan.10k-tenants', 250, 300)], [{ file: 'ui.bench.ts', error: new Error('dist/renderer/bench/ui.html is missing') }]);
    expect(exitCode).toBe(1);
    expect(lines).toEqual(['failed: ui.bench.ts: dist/renderer/bench/ui.html is missing (its figures are missing)', '1 figure, 0 over budget, 1 benchmark file failed']);
  });
});
