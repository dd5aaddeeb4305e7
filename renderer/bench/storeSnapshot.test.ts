import { describe, expect, it } from 'vitest';
import { figures, rowsLeft, sameRows, type Snapshot } from './storeSnapshot';

const shapes: Snapshot['shapes'] = [
  { name: 'customers', keyPath: 'id', autoIncrement: false, indexes: [{ name: 'stage', keyPath: 'stage', unique: false, multiEntry: false }] },
  { name: 'outbox', keyPath: 'id', autoIncrement: false, indexes: [] },
  { name: 'syncMeta', keyPath: 'key', autoIncrement: false, indexes: [] },
];

const before: Snapshot = {
  shapes,
  rows: {
    customers: [{ key: 'c1', value: { id: 'c1', stage: 'new' } }, { key: 'c2', value: { id: 'c2', stage: 'new' } }],
    outbox: [{ key: 'm1', value: { id: 'm1' } }],
    syncMeta: [{ key: 'cursor', value: { key: 'cursor', value: 1 } }],
  },
};

const after: Snapshot = {
  shapes,
  rows: {
    customers: [{ key: 'c1', value: { id: 'c1', stage: 'imported' } }],
    outbox: [{ key: 'm1', value: { id: 'm1' } }, { key: 'm2', value: { id: 'm2', ü: 'é' } }],
    syncMeta: [{ key: 'cursor', value: { key: 'cursor', value: 1 } }],
  },
};

describe('rows a piece of work left', () => {
  it('keeps new and changed rows with their store shapes, drops untouched stores, counts deletions', () => {
    const { left, deleted } = rowsLeft(before, after);
    expect(left.shapes.map((s) => s.name)).toEqual(['customers', 'outbox']);
    expect(left.rows).toEqual({
      customers: [{ key: 'c1', value: { id: 'c1', stage: 'imported' } }],
      outbox: [{ key: 'm2', value: { id: 'm2', ü: 'é' } }],
    });
    expect(deleted).toBe(1);
  });

  it('measures rows and UTF-8 bytes of key and value, per store and in total', () => {
    const { left } = rowsLeft(before, after);
    const f = figures(left);
    const customers = new TextEncoder().encode(JSON.stringify(['c1', { id: 'c1', stage: 'imported' }])).length;
    const outbox = new TextEncoder().encode(JSON.stringify(['m2', { id: 'm2', ü: 'é' }])).length;
    expect(outbox).toBe(JSON.stringify(['m2', { id: 'm2', ü: 'é' }]).length + 2);
    expect(f).toEqual({ rows: 2, bytes: customers + outbox, perStore: { customers: { rows: 1, bytes: customers }, outbox: { rows: 1, bytes: outbox } } });
  });

  it('tells identical row sets from ones that differ in a value, a key or an index', () => {
    const { left } = rowsLeft(before, after);
    const copy = structuredClone(left);
    expect(sameRows(left, { shapes: [...copy.shapes].reverse(), rows: copy.rows })).toBe(true);
    expect(sameRows(left, { ...copy, rows: { ...copy.rows, outbox: [{ key: 'm2', value: { id: 'm2' } }] } })).toBe(false);
    expect(sameRows(left, { ...copy, rows: { ...copy.rows, outbox: [{ key: 'm3', value: { id: 'm2', ü: 'é' } }] } })).toBe(false);
    expect(sameRows(left, { ...copy, shapes: copy.shapes.map((s) => ({ ...s, indexes: [] })) })).toBe(false);
  });
});
