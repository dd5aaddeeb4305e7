// One workspace's server state in memory, speaking the protocol through processPush and the same
// pull rules as the PostgreSQL server. It lets the client engine be tested for convergence over
// thousands of generated histories in seconds; the fault suite runs the real server as well.
import type { Actor } from '../mutators/define';
import type { TableName } from '../workspace/tables';
import { processPush, type AuthorityTx, type PushOutcome, type StoredRecord } from './authority';
import { SCHEMA_VERSION, knowsTable, type Change, type MutationResult, type PullResponse, type PushRequest } from './protocol';

interface State {
  version: number;
  records: Map<string, StoredRecord & { table: TableName; id: string }>;
  clients: Map<string, { last: number; ownerId: string }>;
  results: Map<string, MutationResult>;
}

const key = (table: string, id: string) => `${table}\u0000${id}`;

export class MemorySyncServer {
  private state: State = { version: 0, records: new Map(), clients: new Map(), results: new Map() };
  /** Tombstones older than this version are gone: a client behind it must reset. */
  private horizon = 0;

  constructor(private readonly pageSize = 1000) {}

  get version(): number {
    return this.state.version;
  }

  async push(request: PushRequest, actor: Actor, now: string): Promise<PushOutcome> {
    const draft: State = structuredClone(this.state);
    const tx: AuthorityTx = {
      takeVersion: async () => ++draft.version,
      record: async (table, id) => structuredClone(draft.records.get(key(table, id))),
      records: async (keys) =>
        keys.flatMap(({ table, id }) => {
          const r = draft.records.get(key(table, id));
          return r ? [structuredClone(r)] : [];
        }),
      queryRecords: async (table, field, value) =>
        [...draft.records.values()]
          .filter((r) => r.table === table && r.data && r.data[field] === value)
          .map((r) => ({ id: r.id, data: structuredClone(r.data!) })),
      allRecords: async (table) =>
        [...draft.records.values()].filter((r) => r.table === table && r.data).map((r) => ({ id: r.id, data: structuredClone(r.data!) })),
      claimClient: async (clientId, userId) => {
        const c = draft.clients.get(clientId) ?? { last: 0, ownerId: userId };
        draft.clients.set(clientId, c);
        return { lastMutationId: c.last, ownerId: c.ownerId };
      },
      commit: async (clientId, writes, lastMutationId, results) => {
        for (const w of writes) draft.records.set(key(w.table, w.id), structuredClone(w));
        draft.clients.set(clientId, { last: lastMutationId, ownerId: draft.clients.get(clientId)?.ownerId ?? actor.id });
        for (const r of results) draft.results.set(`${clientId}:${r.id}`, r);
      },
      results: async (clientId, ids) =>
        ids.map((id) => draft.results.get(`${clientId}:${id}`)).filter((r): r is MutationResult => r !== undefined),
    };
    const outcome = await processPush(tx, request, actor, now);
    if (outcome.ok) this.state = draft; // commit
    return outcome;
  }

  pull(cursor: number, clientId: string, schemaVersion = SCHEMA_VERSION): PullResponse {
    const reset = cursor < this.horizon;
    const from = reset ? 0 : cursor;
    const all = [...this.state.records.values()]
      .filter((r) => r.version > from && (!reset || r.data !== null) && knowsTable(schemaVersion, r.table))
      .sort((a, b) => a.version - b.version);
    // A page ends on a version boundary, so a client never sees half of one push.
    let end = Math.min(all.length, this.pageSize);
    while (end < all.length && end > 0 && all[end]!.version === all[end - 1]!.version) end++;
    const page = all.slice(0, end);
    const more = end < all.length;
    const changes: Change[] = page.map((r) => ({ table: r.table, id: r.id, version: r.version, data: r.data }));
    return {
      cursor: more ? page[page.length - 1]!.version : this.state.version,
      lastMutationId: this.state.clients.get(clientId)?.last ?? 0,
      changes,
      reset,
      more,
    };
  }

  /** Forgets tombstones up to the current version (the retention window passing). */
  compactTombstones(): void {
    for (const [k, r] of this.state.records) if (r.data === null) this.state.records.delete(k);
    this.horizon = this.state.version;
  }

  /** The live rows of a table, for convergence checks. */
  rows(table: TableName): Record<string, unknown>[] {
    return [...this.state.records.values()].filter((r) => r.table === table && r.data).map((r) => structuredClone(r.data!));
  }
}
