import { describe, expect, it } from 'vitest';
import { mergeFields, type FieldStamps } from './merge';

const line = { id: 'l-1', targetSkuId: 'A', quantity: 10, decisionNote: 'old note', orderDate: null };
const stamps: FieldStamps = {
  quantity: { v: 7, c: 'client-B', u: 'Ben' },
  decisionNote: { v: 7, c: 'client-B', u: 'Ben' },
};

describe('field-level merge', () => {
  it('writes a guarded field when nobody changed it since the base', () => {
    const d = mergeFields({ table: 'planLines', current: line, stamps, patch: { quantity: 12 }, baseVersion: 7, clientId: 'client-A' });
    expect(d).toEqual({ write: { quantity: 12 }, conflicts: [] });
  });

  it('turns a stale edit of a guarded field into a conflict that keeps both values', () => {
    const d = mergeFields({ table: 'planLines', current: line, stamps, patch: { quantity: 12 }, baseVersion: 5, clientId: 'client-A' });
    expect(d.write).toEqual({});
    expect(d.conflicts).toEqual([{ field: 'quantity', current: 10, proposed: 12, stamp: stamps.quantity }]);
  });

  it('lets different fields edited concurrently both survive, and unguarded fields go last-writer-wins', () => {
    const d = mergeFields({
      table: 'planLines', current: line, stamps, patch: { targetSkuId: 'B', decisionNote: 'new note' }, baseVersion: 5, clientId: 'client-A',
    });
    expect(d).toEqual({ write: { targetSkuId: 'B', decisionNote: 'new note' }, conflicts: [] });
  });

  it("never conflicts with the same client's own earlier change", () => {
    const d = mergeFields({ table: 'planLines', current: line, stamps, patch: { quantity: 14 }, baseVersion: 5, clientId: 'client-B' });
    expect(d).toEqual({ write: { quantity: 14 }, conflicts: [] });
  });

  it('sees no conflict when both sides chose the same value', () => {
    const d = mergeFields({ table: 'planLines', current: line, stamps, patch: { quantity: 10 }, baseVersion: 1, clientId: 'client-A' });
    expect(d).toEqual({ write: {}, conflicts: [] });
  });

  it('writes every field of a new record', () => {
    const d = mergeFields({ table: 'planLines', current: undefined, stamps: {}, patch: line, baseVersion: 0, clientId: 'client-A' });
    expect(d.write).toEqual(line);
  });
});
