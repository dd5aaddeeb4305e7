/** One figure of a benchmark, printed as one JSON line (DESIGN.md, "Budgets"). */
export interface BenchResult {
  bench: string;
  value: number;
  unit: 'ms' | 'ops/s' | 'ratio';
  /** An absolute limit: `ms` must stay below it, `ops/s` above it. */
  budget?: number;
  /** A floor measured in the same run; `maxRatio` is the allowed value / reference.value. */
  reference?: { name: string; value: number };
  maxRatio?: number;
}

export function withinBudget(r: BenchResult): boolean {
  if (r.budget !== undefined) {
    if (r.unit === 'ops/s' ? r.value <= r.budget : r.value >= r.budget) return false;
  }
  if (r.reference && r.maxRatio !== undefined && r.value / r.reference.value >= r.maxRatio) return false;
  return true;
}
