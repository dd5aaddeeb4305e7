// The dashboard view as it crosses from the worker to the page (dashboardWorker.ts): the page
// receives it on its own thread, and structured clone pays for every object and every property name
// it carries. The thousands of rows of the stage lists, the timeline and "needs attention" are sent
// as columns (one array per field) instead of one object per row: a few dozen arrays of plain
// values, not tens of thousands of objects each repeating its keys. A column of few distinct values
// (a customer's name on each of its entries, a state, a country) goes as those values once and a
// typed array of indexes, which clones as one copy of its bytes. The page rebuilds the same view.
import type { CustomerStage } from '../../../shared/workspace/tables';
import type { AttentionEntry } from './attention';
import type { DashboardView } from './liveDashboard';
import type { TimelineEntry } from './timeline';

/** A column: its values, or its distinct values and each row's index into them. */
export type Column = unknown[] | { values: unknown[]; indexes: Uint32Array };

/** Rows as columns: row i's field `keys[k]` is the i-th value of `columns[k]`. */
export interface Columns {
  keys: string[];
  length: number;
  columns: Column[];
}

export interface PackedView {
  total: number;
  /** Each stage's customers: ids, names and countries in list order (the stage is the group's). */
  stages: { stage: CustomerStage; ids: string[]; names: string[]; countries: Column }[];
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
  const columns = keys.map((key) => encodeColumn(rows.map((row) => (key in row ? (row as Record<string, unknown>)[key] : ABSENT))));
  return { keys, length: rows.length, columns };
}

/** Plain values repeated a lot as their distinct values and indexes; any other column as it is. */
export function encodeColumn(values: unknown[]): Column {
  const index = new Map<unknown, number>();
  const distinct: unknown[] = [];
  const indexes = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Objects keep their own identity and shape: sent as they are.
    if (typeof v === 'object' && v !== null) return values;
    let at = index.get(v);
    if (at === undefined) {
      at = distinct.length;
      index.set(v, at);
      distinct.push(v);
      if (distinct.length * 2 > values.length) return values;
    }
    indexes[i] = at;
  }
  return { values: distinct, indexes };
}

export function decodeColumn(column: Column): unknown[] {
  if (Array.isArray(column)) return column;
  const { values, indexes } = column;
  const out = new Array<unknown>(indexes.length);
  for (let i = 0; i < indexes.length; i++) out[i] = values[indexes[i]!];
  return out;
}

export function fromColumns<T>({ keys, length, columns: packed }: Columns): T[] {
  const columns = packed.map(decodeColumn);
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
      countries: encodeColumn(g.customers.map((c) => c.country)),
    })),
    timeline: toColumns(view.timeline),
    attention: { entries: toColumns(view.attention.entries), regionUnchecked: view.attention.regionUnchecked },
    planChecked: view.planChecked,
  };
}

export function unpackView(packed: PackedView): DashboardView {
  return {
    total: packed.total,
    stages: packed.stages.map(({ stage, ids, names, countries: packedCountries }) => {
      const countries = decodeColumn(packedCountries) as string[];
      return { stage, customers: ids.map((id, i) => ({ id, name: names[i]!, country: countries[i]!, stage })) };
    }),
    timeline: fromColumns<TimelineEntry>(packed.timeline),
    attention: { entries: fromColumns<AttentionEntry>(packed.attention.entries), regionUnchecked: packed.attention.regionUnchecked },
    planChecked: packed.planChecked,
  };
}
