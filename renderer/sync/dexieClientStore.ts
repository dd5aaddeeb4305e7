// The sync client's storage bound to Dexie: every step (a local change, a pulled page with its
// rebase) is one IndexedDB transaction over the workspace, the outbox and the sync state, and the
// dashboard's change log (renderer/db/dashboardChanges.ts) that says which of its rows it wrote.
import type { ClientStore, ClientTx, SyncMeta } from '../../shared/sync/clientStore';
import { tableNames, type TableName } from '../../shared/workspace/tables';
import type { Transaction } from 'dexie';
import type { OutboxEntry, Rejection } from '../../shared/sync/clientStore';
import type { WorkspaceDatabase } from '../db/database';
import { ChangeRecorder, type DashboardChange } from '../db/dashboardChanges';
import { strip } from '../db/queries';

type Row = Record<string, unknown> & { id: string };

/**
 * Large writes issued without waiting for them (an import's chunks and outbox rows): IndexedDB runs
 * a transaction's requests in order, so later reads see them, and the storage works on them while
 * the next chunk is prepared. Their outcome is awaited before the transaction may commit.
 */
class WriteBehind {
  private readonly pending: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;

  add(write: Promise<unknown>): void {
    this.pending.push(
      write.then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      ),
    );
  }

  async settle(): Promise<void> {
    await Promise.all(this.pending.splice(0));
    if (this.failure) throw this.failure.error;
  }
}

/**
 * Key prefixes of a table known to hold no row from before this transaction, and what this
 * transaction wrote under them since (null: deleted). It answers `getMany` for the rows of a fresh
 * import (ids `${customerId}:${importId}:...`) without reading each of them back.
 */
class FreshRanges {
  private readonly prefixes: string[] = [];
  private readonly written = new Map<string, (Row & { _v: number }) | null>();

  covers(prefix: string): boolean {
    return this.prefixes.some((p) => prefix.startsWith(p));
  }

  add(prefix: string): void {
    this.prefixes.push(prefix);
  }

  /** Every write to the table passes here while any prefix is known. */
  wrote(id: string, stored: (Row & { _v: number }) | null): void {
    if (this.covers(id)) this.written.set(id, stored);
  }

  clear(): void {
    this.written.clear();
  }

  lookup(id: string): { row: Record<string, unknown> | undefined; version: number } {
    const stored = this.written.get(id);
    return stored ? { row: strip(stored), version: stored._v } : { row: undefined, version: 0 };
  }
}

/**
 * What the ids share, up to and including its last ':' (`${customerId}:${importId}:users:` for a
 * chunk of users): one id alone (an import's chunk record, one per mutation) names the scope that
 * its later chunks share, so the scope is read once, not once per chunk. Any prefix of the ids is a
 * sound answer: a shorter one only asks more of the check that no stored key starts with it.
 */
function commonPrefix(ids: string[]): string {
  let prefix = ids[0] ?? '';
  for (const id of ids) {
    let i = 0;
    while (i < prefix.length && i < id.length && prefix.charCodeAt(i) === id.charCodeAt(i)) i++;
    if (i < prefix.length) prefix = prefix.slice(0, i);
    if (prefix === '') break;
  }
  return prefix.slice(0, prefix.lastIndexOf(':') + 1);
}

/** The sync state as stored, without its row key; undefined before the first step wrote it. */
async function storedMeta(trans: Transaction): Promise<SyncMeta | undefined> {
  const stored = await trans.table<SyncMeta & { key: 'meta' }, string>('syncMeta').get('meta');
  if (!stored) return undefined;
  const { key: _key, ...meta } = stored;
  return meta;
}

export class DexieClientStore implements ClientStore {
  constructor(
    private readonly db: WorkspaceDatabase,
    private readonly newClientId: () => string,
  ) {}

  async pendingCount(): Promise<number> {
    return this.db.outbox.count();
  }

  peekOutbox(after?: number): Promise<{ meta: SyncMeta; outbox: OutboxEntry[] } | null> {
    const db = this.db;
    return db.transaction('r', [db.syncMeta, db.outbox], async (trans) => {
      const table = trans.table<OutboxEntry, number>('outbox');
      const entries = after === undefined ? table.orderBy('id') : table.where('id').above(after);
      const [meta, outbox] = await Promise.all([storedMeta(trans), entries.toArray()]);
      return meta ? { meta, outbox } : null;
    });
  }

  transaction<R>(body: (tx: ClientTx) => Promise<R>): Promise<R> {
    const db = this.db;
    const stores = [...tableNames.map((t) => db.table(t)), db.outbox, db.syncMeta, db.rejections, db.dashboardChanges];
    // Every operation goes through `trans.table()`, bound to this transaction: Dexie's implicit
    // transaction zone does not survive long chains of native awaits (the shared code is plain
    // async/await), and a lost zone would silently run writes outside the transaction.
    return db.transaction('rw', stores, async (trans) => {
      const writes = new WriteBehind();
      const changes = new ChangeRecorder();
      const result = await body(this.tx(trans, writes, changes));
      // Which of the dashboard's snapshot rows this step wrote, committed with them (dashboardChanges.ts).
      const change = changes.change();
      if (change) writes.add(trans.table<DashboardChange, number>('dashboardChanges').add(change));
      // The transaction commits only once every write issued without waiting has succeeded; a
      // failed one fails the body, and Dexie aborts the whole transaction.
      await writes.settle();
      return result;
    });
  }

  private async readMeta(trans: Transaction): Promise<SyncMeta> {
    const stored = await storedMeta(trans);
    if (stored) return stored;
    const meta: SyncMeta = { clientId: this.newClientId(), cursor: 0, nextMutationId: 1, lastAcknowledged: 0 };
    await trans.table<SyncMeta & { key: 'meta' }, string>('syncMeta').put({ key: 'meta', ...meta });
    return meta;
  }

  private tx(trans: Transaction, writes: WriteBehind, changes: ChangeRecorder): ClientTx {
    const tableOf = (name: TableName) => trans.table<Row & { _v: number }, string>(name);
    const outbox = trans.table<OutboxEntry, number>('outbox');
    const rejections = trans.table<Rejection, number>('rejections');
    const fresh = new Map<TableName, FreshRanges>();
    const wrote = (table: TableName, id: string, stored: (Row & { _v: number }) | null) => {
      changes.wrote(table, id);
      fresh.get(table)?.wrote(id, stored);
    };
    // Single rows read or written in this transaction (null: none). Nothing else writes these
    // stores while it runs, and all of its own writes pass here, so a row read once is not read
    // again: no wait for the storage to finish the writes queued before it (an import's chunks).
    const cache = new Map<string, (Row & { _v: number }) | null>();
    let metaHeld: Promise<SyncMeta> | null = null;
    const key = (table: TableName, id: string) => `${table}/${id}`;
    const read = async (table: TableName, id: string) => {
      const k = key(table, id);
      let stored = cache.get(k);
      if (stored === undefined) {
        stored = (await tableOf(table).get(id)) ?? null;
        cache.set(k, stored);
      }
      return stored;
    };
    // A row handed to put belongs to the store (memoryClientStore freezes it in the tests): kept
    // without a copy, since reads hand out copies and an import's chunks are megabytes.
    const putStored = (table: TableName, stored: Row & { _v: number }) => {
      wrote(table, stored.id, stored);
      cache.set(key(table, stored.id), stored);
      writes.add(tableOf(table).put(stored));
    };
    const remove = (table: TableName, id: string) => {
      wrote(table, id, null);
      cache.set(key(table, id), null);
      writes.add(tableOf(table).delete(id));
    };
    return {
      get: async (table, id) => {
        const stored = await read(table, id);
        return (stored ? structuredClone(strip(stored)) : undefined) as never;
      },
      query: async (table, field, value) => (await tableOf(table).where(field).equals(value).toArray()).map((r) => strip(r)) as never,
      all: async (table) => (await tableOf(table).toArray()).map((r) => strip(r)) as never,
      put: async (table, row) => {
        const prev = await read(table, row.id);
        putStored(table, { ...(row as Row), _v: prev?._v ?? 0 });
      },
      update: async (table, id, patch) => {
        const prev = await read(table, id);
        if (!prev) throw new Error(`update of a missing ${table} record ${id}`);
        const next: Row & { _v: number } = { ...prev };
        for (const [f, v] of Object.entries(patch)) if (v !== undefined) next[f] = v;
        putStored(table, next);
      },
      delete: async (table, id) => remove(table, id),
      versionOf: async (table, id) => (await read(table, id))?._v ?? 0,
      getMany: async (table, ids) => {
        // The rows of one fresh key prefix (a new import's): one key-only read tells that none was
        // there before this transaction; what it wrote since is known without reading it back.
        const prefix = commonPrefix(ids);
        let known = fresh.get(table);
        if (!known?.covers(prefix)) {
          const [first] = await tableOf(table).where(':id').aboveOrEqual(prefix).limit(1).primaryKeys();
          if (first !== undefined && first.startsWith(prefix)) {
            return (await tableOf(table).bulkGet(ids)).map((r) => ({ row: r ? strip(r) : undefined, version: r?._v ?? 0 }));
          }
          if (!known) fresh.set(table, (known = new FreshRanges()));
          known.add(prefix);
        }
        return ids.map((id) => known.lookup(id));
      },
      bulkWrite: (table, rows, versions) => {
        const stored = rows.map((row, i) => ({ ...(row as Row), _v: versions[i] ?? 0 }));
        for (const r of stored) {
          wrote(table, r.id, r);
          cache.delete(key(table, r.id));
        }
        writes.add(tableOf(table).bulkPut(stored));
        return Promise.resolve();
      },
      restore: async (table, id, row, version) => {
        if (row) putStored(table, { ...(row as Row), _v: version });
        else remove(table, id);
      },
      applyChanges: async (changes) => {
        const puts = new Map<TableName, (Row & { _v: number })[]>();
        const deletes = new Map<TableName, string[]>();
        for (const c of changes) {
          if (c.data) {
            let list = puts.get(c.table);
            if (!list) puts.set(c.table, (list = []));
            const stored = { ...(c.data as Row), id: c.id, _v: c.version };
            list.push(stored);
            wrote(c.table, c.id, stored);
            cache.delete(key(c.table, c.id));
          } else {
            let list = deletes.get(c.table);
            if (!list) deletes.set(c.table, (list = []));
            list.push(c.id);
            wrote(c.table, c.id, null);
            cache.delete(key(c.table, c.id));
          }
        }
        // Written behind, as an import's chunks are: later reads in this transaction queue behind
        // them (IndexedDB keeps a transaction's requests in order), and the commit waits for them.
        for (const [table, rows] of puts) writes.add(tableOf(table).bulkPut(rows));
        for (const [table, ids] of deletes) writes.add(tableOf(table).bulkDelete(ids));
      },
      clearWorkspace: async () => {
        for (const known of fresh.values()) known.clear();
        cache.clear();
        changes.everything();
        for (const table of tableNames) await tableOf(table).clear();
      },
      // A step reads the sync state and writes it back once or twice (a rebase: three reads, one
      // write): read once per transaction, then kept here, since only this transaction writes it.
      meta: async () => ({ ...(await (metaHeld ??= this.readMeta(trans))) }),
      setMeta: async (patch) => {
        const next = { ...(await (metaHeld ??= this.readMeta(trans))), ...patch };
        metaHeld = Promise.resolve(next);
        // Written behind: this transaction reads the state from metaHeld, never back from the
        // store, and commits only once the put succeeded (writes.settle).
        writes.add(trans.table('syncMeta').put({ key: 'meta', ...next }));
      },
      outbox: () => outbox.orderBy('id').toArray(),
      addOutbox: (entry) => {
        // An import's outbox rows carry its chunks: written behind, like the chunks' rows.
        writes.add(outbox.add(entry));
        return Promise.resolve();
      },
      replaceOutbox: async (entry) => {
        await outbox.put(entry);
      },
      deleteOutbox: async (ids) => {
        await outbox.bulkDelete(ids);
      },
      addRejections: async (list) => {
        await rejections.bulkPut(list);
      },
    };
  }
}
