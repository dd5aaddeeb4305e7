// Field-level merge (DESIGN.md, "Merge"): concurrent edits of different fields both survive; a
// guarded field changed on a stale base becomes a conflict that keeps both values, never a silent
// overwrite. The server calls this for every field a mutation writes.
import { guardedFields, type TableName } from '../workspace/tables';

/** Who last wrote a field, and at which workspace version. */
export interface FieldStamp {
  v: number;
  /** The client that wrote it: a client never conflicts with its own earlier changes. */
  c: string;
  /** The person, for the conflict record. */
  u: string;
}
export type FieldStamps = Record<string, FieldStamp>;

export interface FieldConflict {
  field: string;
  current: unknown;
  proposed: unknown;
  stamp: FieldStamp;
}

export interface MergeDecision {
  /** The fields to write, with their values. */
  write: Record<string, unknown>;
  conflicts: FieldConflict[];
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function isGuarded(table: TableName, field: string): boolean {
  return guardedFields[table]?.includes(field) ?? false;
}

/**
 * Decides which fields of `patch` to write onto `current`.
 * `baseVersion` is the record's version as the writing client last pulled it (0: never).
 */
export function mergeFields(input: {
  table: TableName;
  current: Record<string, unknown> | undefined;
  stamps: FieldStamps;
  patch: Record<string, unknown>;
  baseVersion: number;
  clientId: string;
}): MergeDecision {
  const write: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, proposed] of Object.entries(input.patch)) {
    if (proposed === undefined) continue;
    const current = input.current?.[field];
    if (input.current && same(current, proposed)) continue;
    const stamp = input.stamps[field];
    const changedSinceBase = stamp !== undefined && stamp.v > input.baseVersion && stamp.c !== input.clientId;
    if (input.current && changedSinceBase && isGuarded(input.table, field)) {
      conflicts.push({ field, current, proposed, stamp });
      continue;
    }
    write[field] = proposed;
  }
  return { write, conflicts };
}
