// The data layer's one small interface, implemented by embedded PGlite (default) and by a real
// PostgreSQL (`DATABASE_URL`). Everything above it (auth, sync) speaks only this.

export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated, deleted or returned by the statement. */
  rowCount: number;
}

/** Something that runs SQL: the database itself, or one transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters. int8 comes back as a JS number on both backends. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Several statements without parameters (migration scripts). */
  exec(sql: string): Promise<void>;
}

/** One transaction's connection (Database.transaction). */
export interface Transaction extends Queryable {
  /** Runs the transaction's LAST statement and has the commit sent right behind it, without
   * waiting for its answer (on PostgreSQL: one round trip for both, where each costs a wait for the
   * database process to be scheduled). Resolves with the statement's result; the commit's outcome is
   * the transaction's. Nothing may run in the transaction after it. */
  last<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export type StorageKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: StorageKind;
  /** Where the data lives, for logs and /health: a directory, 'memory://' or the URL without password. */
  readonly location: string;
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws (and rethrows).
   * Inside `fn` use only `tx`: PGlite has one connection, so a query on the database itself would
   * wait for this transaction to end (a deadlock); on PostgreSQL it would run outside the transaction. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; resolves once listening. Returns the unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** pg_notify(channel, payload). Inside a transaction, use `tx.query('SELECT pg_notify($1, $2)')`
   * instead: the notification is then delivered only if the transaction commits. */
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
