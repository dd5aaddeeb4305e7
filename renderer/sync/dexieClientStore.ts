// The sync client's storage bound to Dexie: every step (a local change, a pulled page with its
// rebase) is one IndexedDB transaction over the workspace, the outbox and the sync state.
import type { ClientStore, ClientTx, SyncMeta } from '../../shared/sync/clientStore';
import { tableNames, type TableName } from '../../shared/workspace/tables';
import type { Transaction } from 'dexie';
import type { OutboxEntry, Rejection } from '../../shared/sync/clientStore';
import type { WorkspaceDatabase } from '../db/database';

type Row = Record<string, unknown> & { id: string };

function strip<T>(stored: (T & { _v?: number }) | undefined): T | undefined {
  if (!stored) return undefined;
  const { _v: _ignored, ...row } = stored;
  return row as T;
}

export class DexieClientStore implements ClientStore {
  constructor(
    private readonly db: WorkspaceDatabase,
    private readonly newClientId: () => string,
  ) {}

  async pendingCount(): Promise<number> {
    return this.db.outbox.count();
  }

  transaction<R>(body: (tx: ClientTx) => Promise<R>): Promise<R> {
    const db = this.db;
    const stores = [...tableNames.map((t) => db.table(t)), db.outbox, db.syncMeta, db.rejections];
    // Every operation goes through `trans.table()`, bound to this transaction: Dexie's implicit
    // transaction zone does not survive long chains of native awaits (the shared code is plain
    // async/await), and a lost zone would silently run writes outside the transaction.
    return db.transaction('rw', stores, (trans) => body(this.tx(trans)));
  }

  private async readMeta(trans: Transaction): Promise<SyncMeta> {
    const metaTable = trans.table<SyncMeta & { key: 'meta' }, string>('syncMeta');
    const stored = await metaTable.get('meta');
    if (stored) {
      const { key: _key, ...meta } = stored;
      return meta;
    }
    const meta: SyncMeta = { clientId: this.newClientId(), cursor: 0, nextMutationId: 1, lastAcknowledged: 0 };
    await metaTable.put({ key: 'meta', ...meta });
    return meta;
  }

  private tx(trans: Transaction): ClientTx {
    const t = (name: TableName) => trans.table<Row & { _v: number }, string>(name);
    const outbox = trans.table<OutboxEntry, number>('outbox');
    const rejections = trans.table<Rejection, number>('rejections');
    return {
      get: async (table, id) => strip(await t(table).get(id)) as never,
      query: async (table, field, value) => (await t(table).where(field).equals(value).toArray()).map((r) => strip(r)) as never,
      put: async (table, row) => {
        const prev = await t(table).get(row.id);
        await t(table).put({ ...(row as Row), _v: prev?._v ?? 0 });
      },
      update: async (table, id, patch) => {
        const prev = await t(table).get(id);
        if (!prev) throw new Error(`update of a missing ${table} record ${id}`);
        const next: Row & { _v: number } = { ...prev };
        for (const [f, v] of Object.entries(patch)) if (v !== undefined) next[f] = v;
        await t(table).put(next);
      },
      delete: async (table, id) => {
        await t(table).delete(id);
      },
      versionOf: async (table, id) => (await t(table).get(id))?._v ?? 0,
      getMany: async (table, ids) => (await t(table).bulkGet(ids)).map((r) => ({ row: strip(r), version: r?._v ?? 0 })),
      bulkWrite: async (table, rows, versions) => {
        await t(table).bulkPut(rows.map((row, i) => ({ ...(row as Row), _v: versions[i] ?? 0 })));
      },
      restore: async (table, id, row, version) => {
        if (row) await t(table).put({ ...(row as Row), _v: version });
        else await t(table).delete(id);
      },
      applyChanges: async (changes) => {
        const puts = new Map<TableName, (Row & { _v: number })[]>();
        const deletes = new Map<TableName, string[]>();
        for (const c of changes) {
          if (c.data) {
            let list = puts.get(c.table);
            if (!list) puts.set(c.table, (list = []));
            list.push({ ...(c.data as Row), id: c.id, _v: c.version });
          } else {
            let list = deletes.get(c.table);
            if (!list) deletes.set(c.table, (list = []));
            list.push(c.id);
          }
        }
        for (const [table, rows] of puts) await t(table).bulkPut(rows);
        for (const [table, ids] of deletes) await t(table).bulkDelete(ids);
      },
      clearWorkspace: async () => {
        for (const table of tableNames) await t(table).clear();
      },
      meta: () => this.readMeta(trans),
      setMeta: async (patch) => {
        const meta = await this.readMeta(trans);
        await trans.table('syncMeta').put({ key: 'meta', ...meta, ...patch });
      },
      outbox: () => outbox.orderBy('id').toArray(),
      addOutbox: async (entry) => {
        await outbox.add(entry);
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
