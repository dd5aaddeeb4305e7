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
  /**
   * Where a server figure was measured. A throughput budget counts only on PostgreSQL with fsync
   * on: PGlite, or PostgreSQL without durable commits, measures something the budget is not about.
   */
  storage?: StorageFacts;
}

export interface StorageFacts {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL's `fsync` and `synchronous_commit` settings (null on PGlite). */
  fsync: boolean | null;
  synchronousCommit: string | null;
  /** Whether this run's figure is held to its budget, and if not, why. */
  budgetCounted: boolean;
  why?: string;
}
