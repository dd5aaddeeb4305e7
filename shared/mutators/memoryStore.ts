// A workspace held in memory, with all-or-nothing transactions. It is a real storage for the
// mutators (used by tests and by tools that plan without a database), not a stand-in: writes go to
// a journal that becomes visible only when the transaction's body completes.
import type { TableName, Tables } from '../workspace/tables';
import { runMutator, type MutationOutcome, type Mutator, type MutatorContext, type WriteTx } from './define';

type Row = Record<string, unknown> & { id: string };
type Journal = Map<string, Row | null>; // `${table}\u0000${id}` -> row, or null when deleted

const key = (table: string, id: string) => `${table}\u0000${id}`;

export class MemoryStore {
  private readonly data = new Map<TableName, Map<string, Row>>();

  rows<T extends TableName>(table: T): Tables[T][] {
    return [...(this.data.get(table)?.values() ?? [])].map((r) => structuredClone(r)) as Tables[T][];
  }

  /** Runs `body` against a transaction; its writes are kept only if it resolves. */
  async transaction<R>(body: (tx: WriteTx) => Promise<R>): Promise<R> {
    const journal: Journal = new Map();
    const read = (table: TableName, id: string): Row | undefined => {
      const k = key(table, id);
      if (journal.has(k)) return journal.get(k) ?? undefined;
      return this.data.get(table)?.get(id);
    };
    const tx: WriteTx = {
      get: async (table, id) => {
        const row = read(table, id);
        return row ? (structuredClone(row) as never) : undefined;
      },
      query: async (table, field, value) => {
        const seen = new Set<string>();
        const out: Row[] = [];
        for (const [k, row] of journal) {
          const [t, id] = k.split('\u0000') as [string, string];
          if (t !== table) continue;
          seen.add(id);
          if (row && row[field] === value) out.push(row);
        }
        for (const [id, row] of this.data.get(table) ?? []) {
          if (!seen.has(id) && row[field] === value) out.push(row);
        }
        return structuredClone(out) as never;
      },
      put: async (table, row) => {
        journal.set(key(table, row.id), structuredClone(row) as Row);
      },
      update: async (table, id, patch) => {
        const current = read(table, id);
        if (!current) throw new Error(`update of a missing ${table} record ${id}`);
        const next: Row = { ...current };
        for (const [f, v] of Object.entries(patch)) if (v !== undefined) next[f] = structuredClone(v);
        journal.set(key(table, id), next);
      },
      delete: async (table, id) => {
        journal.set(key(table, id), null);
      },
    };
    const result = await body(tx);
    for (const [k, row] of journal) {
      const [table, id] = k.split('\u0000') as [TableName, string];
      let rows = this.data.get(table);
      if (!rows) this.data.set(table, (rows = new Map()));
      if (row) rows.set(id, row);
      else rows.delete(id);
    }
    return result;
  }
}

/** Rolls a transaction back while carrying the reason out of it. */
class Rejected extends Error {
  constructor(readonly outcome: MutationOutcome) {
    super(outcome.ok ? 'ok' : outcome.message);
  }
}

/** Runs one mutator in one transaction: its effects and activity entry, or nothing at all. */
export async function applyMutation(
  store: MemoryStore,
  mutator: Mutator,
  args: unknown,
  ctx: MutatorContext,
): Promise<MutationOutcome> {
  try {
    return await store.transaction(async (tx) => {
      const outcome = await runMutator(mutator, args, tx, ctx);
      if (!outcome.ok) throw new Rejected(outcome);
      return outcome;
    });
  } catch (e) {
    if (e instanceof Rejected) return e.outcome;
    throw e;
  }
}
