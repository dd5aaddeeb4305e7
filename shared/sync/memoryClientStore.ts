// The client store held in memory, with all-or-nothing transactions (a failed body leaves the
// state as it was). Used by the sync fault suite and tools; the app's store is Dexie.
import { tableNames, type TableName } from '../workspace/tables';
import type { ClientStore, ClientTx, OutboxEntry, Rejection, SyncMeta } from './clientStore';

type Row = Record<string, unknown> & { id: string };

interface State {
  rows: Map<TableName, Map<string, { row: Row; version: number }>>;
  meta: SyncMeta;
  outbox: Map<number, OutboxEntry>;
  rejections: Map<number, Rejection>;
}

function emptyRows(): State['rows'] {
  return new Map(tableNames.map((t) => [t, new Map()]));
}

/**
 * A row handed to `put` (or a value to `update`) belongs to the store from then on: the Dexie store
 * keeps it as it is, without a copy (an import's chunks are megabytes). Frozen here, a mutator that
 * changes a row after storing it fails the tests instead of changing what it stored.
 */
function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
}

export class MemoryClientStore implements ClientStore {
  private state: State;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(clientId: string) {
    this.state = {
      rows: emptyRows(),
      meta: { clientId, cursor: 0, nextMutationId: 1, lastAcknowledged: 0 },
      outbox: new Map(),
      rejections: new Map(),
    };
  }

  rows(table: TableName): Row[] {
    return [...(this.state.rows.get(table)?.values() ?? [])].map((r) => structuredClone(r.row));
  }

  rejections(): Rejection[] {
    return [...this.state.rejections.values()];
  }

  async pendingCount(): Promise<number> {
    return this.state.outbox.size;
  }

  /** Transactions run one at a time, like IndexedDB readwrite transactions on the same stores. */
  transaction<R>(body: (tx: ClientTx) => Promise<R>): Promise<R> {
    const run = this.queue.then(() => this.runOne(body));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runOne<R>(body: (tx: ClientTx) => Promise<R>): Promise<R> {
    const saved = structuredClone(this.state);
    try {
      return await body(this.tx());
    } catch (e) {
      this.state = saved;
      throw e;
    }
  }

  private tx(): ClientTx {
    const table = (t: TableName) => this.state.rows.get(t)!;
    return {
      get: async (t, id) => structuredClone(table(t).get(id)?.row) as never,
      query: async (t, field, value) =>
        [...table(t).values()].filter((r) => r.row[field] === value).map((r) => structuredClone(r.row)) as never,
      all: async (t) => [...table(t).values()].map((r) => structuredClone(r.row)) as never,
      put: async (t, row) => {
        freezeDeep(row);
        const prev = table(t).get(row.id);
        table(t).set(row.id, { row: structuredClone(row) as Row, version: prev?.version ?? 0 });
      },
      update: async (t, id, patch) => {
        const prev = table(t).get(id);
        if (!prev) throw new Error(`update of a missing ${t} record ${id}`);
        const row = { ...prev.row };
        for (const [f, v] of Object.entries(patch)) if (v !== undefined) row[f] = structuredClone(freezeDeep(v));
        table(t).set(id, { row, version: prev.version });
      },
      delete: async (t, id) => {
        table(t).delete(id);
      },
      versionOf: async (t, id) => table(t).get(id)?.version ?? 0,
      restore: async (t, id, row, version) => {
        if (row) table(t).set(id, { row: structuredClone(row) as Row, version });
        else table(t).delete(id);
      },
      applyChanges: async (changes) => {
        for (const c of changes) {
          if (c.data) table(c.table).set(c.id, { row: structuredClone(c.data) as Row, version: c.version });
          else table(c.table).delete(c.id);
        }
      },
      clearWorkspace: async () => {
        this.state.rows = emptyRows();
      },
      meta: async () => ({ ...this.state.meta }),
      setMeta: async (patch) => {
        this.state.meta = { ...this.state.meta, ...patch };
      },
      outbox: async () => [...this.state.outbox.values()].map((e) => structuredClone(e)),
      addOutbox: async (entry) => {
        this.state.outbox.set(entry.id, structuredClone(entry));
      },
      replaceOutbox: async (entry) => {
        this.state.outbox.set(entry.id, structuredClone(entry));
      },
      deleteOutbox: async (ids) => {
        for (const id of ids) this.state.outbox.delete(id);
      },
      addRejections: async (list) => {
        for (const r of list) this.state.rejections.set(r.mutationId, structuredClone(r));
      },
    };
  }
}
