// Rows as columns: one array per field instead of one object per row. Structured clone (a worker's
// message, an IndexedDB record) pays for every object and every property name it carries: a few
// arrays of plain values cost far less than thousands of objects each repeating its keys. A column
// of few distinct values (a name on each of its entries, a state, a country) is those values once
// and a typed array of indexes, which clones as one copy of its bytes. Used by the dashboard's view
// (packedView.ts) and its stored snapshot (snapshot.ts).
/** A column: its values, or its distinct values and each row's index into them. */
export type Column = unknown[] | { values: unknown[]; indexes: Uint32Array };

/** Rows as columns: row i's field `keys[k]` is the i-th value of `columns[k]`. */
export interface Columns {
  keys: string[];
  length: number;
  columns: Column[];
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
