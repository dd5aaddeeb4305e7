// The offline workspace in IndexedDB. The database name and the app's origin together decide where
// the data lives: neither may change (DESIGN.md, "Electron security"). Schema versions are only
// ever added; a primary key never changes.
import Dexie, { type Table } from 'dexie';
import type { OutboxEntry, Rejection, SyncMeta } from '../../shared/sync/clientStore';
import type { TableName, Tables } from '../../shared/workspace/tables';

export const DATABASE_NAME = 'csp-migration-workspace';

/** A synced row as stored: the row itself plus its server version (`_v`, 0 until first pulled). */
export type Stored<T> = T & { _v: number };

export type SyncedTables = { [K in TableName]: Table<Stored<Tables[K]>, string> };

export class WorkspaceDatabase extends Dexie {
  declare partner: SyncedTables['partner'];
  declare customers: SyncedTables['customers'];
  declare invitations: SyncedTables['invitations'];
  declare plans: SyncedTables['plans'];
  declare planLines: SyncedTables['planLines'];
  declare activity: SyncedTables['activity'];
  declare conflicts: SyncedTables['conflicts'];
  declare outbox: Table<OutboxEntry, number>;
  declare syncMeta: Table<SyncMeta & { key: 'meta' }, string>;
  declare rejections: Table<Rejection, number>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Indexes are the queries the screens and mutators make: by customer, by stage, by status.
    this.version(1).stores({
      partner: 'id',
      customers: 'id, stage, name, country',
      invitations: 'id, customerId, status',
      plans: 'id, customerId, status',
      planLines: 'id, planId, customerId',
      activity: 'id, customerId, at',
      conflicts: 'id, status, recordId',
      outbox: 'id',
      syncMeta: 'key',
      rejections: 'mutationId',
    });
  }

  synced<T extends TableName>(table: T): SyncedTables[T] {
    return this.table(table) as unknown as SyncedTables[T];
  }
}
