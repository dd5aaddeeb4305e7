// Whether a benchmark's figures kept their budgets, and the words `npm run bench` ends with: one
// line per missed budget or ratio, so a regression is read in a CI log without parsing the JSON.
// Kept apart from run.ts (which imports every benchmark) so the rule is unit-tested on its own.
import type { BenchResult } from './types';

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const unitOf = (r: BenchResult) => (r.unit === 'ops/s' ? '/s' : r.unit === 'ms' ? ' ms' : '');

/**
 * Why `r` misses its budget or its ratio, in words; null when it keeps both (or has neither). A
 * figure that is not a number, or a floor that is not positive, is a miss too: it proves nothing.
 */
export function missOf(r: BenchResult): string | null {
  const why: string[] = [];
  if (!Number.isFinite(r.value)) why.push(`the figure is ${String(r.value)}, not a measurement`);
  else if (r.budget !== undefined) {
    const over = r.unit === 'ops/s' ? r.value <= r.budget : r.value >= r.budget;
    if (over) why.push(`${fmt(r.value)}${unitOf(r)}, budget ${r.unit === 'ops/s' ? '>' : '<'} ${fmt(r.budget)}${unitOf(r)}`);
  }
  if (r.reference && r.maxRatio !== undefined && Number.isFinite(r.value)) {
    if (!(r.reference.value > 0)) why.push(`its floor ${r.reference.name} measured ${String(r.reference.value)}, so no ratio`);
    else {
      const ratio = r.value / r.reference.value;
      if (ratio >= r.maxRatio) {
        why.push(`${fmt(r.value)}${unitOf(r)} = ${ratio.toFixed(2)}x ${r.reference.name} (${fmt(r.reference.value)}${unitOf(r)}), budget < ${fmt(r.maxRatio)}x`);
      }
    }
  }
  return why.length > 0 ? `missed: ${r.bench}: ${why.join('; ')}` : null;
}

export function withinBudget(r: BenchResult): boolean {
  return missOf(r) === null;
}

/** A figure printed without a budget this run, with the reason the figure gives (a server on PGlite). */
export function notHeldOf(r: BenchResult): string | null {
  if (r.budget !== undefined || r.maxRatio !== undefined) return null;
  return r.storage && !r.storage.budgetCounted ? `not held to its budget: ${r.bench}: ${r.storage.why ?? 'storage not durable'}` : null;
}

/** A benchmark file that threw: its figures are missing, which counts as missing them. */
export interface Failure {
  file: string;
  error: unknown;
}

/** The lines printed after every figure, and the exit code: 1 when anything missed or failed. */
export function verdict(results: readonly BenchResult[], failures: readonly Failure[] = []): { lines: string[]; exitCode: 0 | 1 } {
  const misses = results.map(missOf).filter((l): l is string => l !== null);
  const failed = failures.map((f) => `failed: ${f.file}: ${f.error instanceof Error ? f.error.message : String(f.error)} (its figures are missing)`);
  const notHeld = results.map(notHeldOf).filter((l): l is string => l !== null);
  const bad = misses.length + failed.length;
  const total = `${results.length} figure${results.length === 1 ? '' : 's'}, ${misses.length} over budget${failed.length ? `, ${failed.length} benchmark file${failed.length === 1 ? '' : 's'} failed` : ''}`;
  return { lines: [...misses, ...failed, ...notHeld, total], exitCode: bad > 0 ? 1 : 0 };
}
