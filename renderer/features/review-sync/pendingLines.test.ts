// An import's chunks and commit are one line of the pending list; other changes keep one line each.
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../shared/sync/clientStore';
import { pendingLines } from './pendingLines';

let next = 1;
const entry = (name: string, args: Record<string, unknown>): OutboxEntry => ({ id: next++, name, args, baseVersions: {}, undo: [], createdAt: '2026-12-06T00:00:00.000Z' });

describe('pendingLines', () => {
  it('makes one line of an import, described by its commit, and keeps other changes apart and in order', () => {
    const stage = entry('customer.setStage', { id: 'c1', stage: 'invited' });
    const chunks = Array.from({ length: 50 }, () => entry('tenant.importChunk', { importId: 'i1', customerId: 'c1', kind: 'users', rows: [] }));
    const commit = entry('tenant.importCommit', { importId: 'i1', customerId: 'c1' });
    const catalog = entry('catalog.importChunk', { importId: 'i2', rows: [] });
    const notes = entry('customer.update', { id: 'c1', notes: 'x' });
    const lines = pendingLines([stage, ...chunks, commit, catalog, notes]);
    expect(lines.map((l) => l.lead.name)).toEqual(['customer.setStage', 'tenant.importCommit', 'catalog.importChunk', 'customer.update']);
    expect(lines[1]!.entries).toHaveLength(51);
    expect(lines[1]!.key).toBe(String(chunks[0]!.id));
    expect(lines[2]!.entries).toEqual([catalog]);
  });

  it('keeps two imports of one customer apart', () => {
    const a = [entry('tenant.importChunk', { importId: 'a' }), entry('tenant.importCommit', { importId: 'a' })];
    const b = [entry('tenant.importChunk', { importId: 'b' }), entry('tenant.importCommit', { importId: 'b' })];
    expect(pendingLines([...a, ...b]).map((l) => l.entries.length)).toEqual([2, 2]);
  });
});
