// The dashboard view as it crosses from the worker to the page (dashboardWorker.ts): the page
// receives it on its own thread, and structured clone pays for every object and every property name
// it carries. The thousands of rows of the stage lists, the timeline and "needs attention" are sent
// as columns (one array per field) instead of one object per row: a few dozen arrays of plain
// values, not tens of thousands of objects each repeating its keys. The page rebuilds the same view.
import type { CustomerStage } from '../../../shared/workspace/tables';
import type { AttentionEntry } from './attention';
import type { DashboardView } from './liveDashboard';
import type { TimelineEntry } from './timeline';

/** Rows of one shape as columns: `columns[k][i]` is row i's field `keys[k]`. */
export interface Columns {
  keys: string[];
  length: number;
  columns: unknown[][];
}

export interface PackedView {
  total: number;
  /** Each stage's customers: ids, names and countries in list order (the stage is the group's). */
  stages: { stage: CustomerStage; ids: string[]; names: string[]; countries: string[] }[];
  timeline: Columns;
  attention: { entries: Columns; regionUnchecked: boolean };
  planChecked: boolean;
}

/** A field a row does not have (an optional one): it comes back left out, not set to undefined. */
const ABSENT = '\u0000absent';

/** Columns of the rows' fields: every key any row has, in the order first seen. */
export function toColumns(rows: readonly object[]): Columns {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
    }
  }
  const columns = keys.map((key) => rows.map((row) => (key in row ? (row as Record<string, unknown>)[key] : ABSENT)));
  return { keys, length: rows.length, columns };
}

export function fromColumns<T>({ keys, length, columns }: Columns): T[] {
  const out = new Array<T>(length);
  for (let i = 0; i < length; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const value = columns[k]![i];
      if (value !== ABSENT) row[keys[k]!] = value;
    }
    out[i] = row as T;
  }
  return out;
}

export function packView(view: DashboardView): PackedView {
  return {
    total: view.total,
    stages: view.stages.map((g) => ({
      stage: g.stage,
      ids: g.customers.map((c) => c.id),
      names: g.customers.map((c) => c.name),
      countries: g.customers.map((c) => c.country),
    })),
    timeline: toColumns(view.timeline),
    attention: { entries: toColumns(view.attention.entries), regionUnchecked: view.attention.regionUnchecked },
    planChecked: view.planChecked,
  };
}

export function unpackView(packed: PackedView): DashboardView {
  return {
    total: packed.total,
    stages: packed.stages.map(({ stage, ids, names, countries }) => ({
      stage,
      customers: ids.map((id, i) => ({ id, name: names[i]!, country: countries[i]!, stage })),
    })),
    timeline: fromColumns<TimelineEntry>(packed.timeline),
    attention: { entries: fromColumns<AttentionEntry>(packed.attention.entries), regionUnchecked: packed.attention.regionUnchecked },
    planChecked: packed.planChecked,
  };
}
