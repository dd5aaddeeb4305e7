// A real PostgreSQL through `pg`: a pool for queries and transactions, and one dedicated client
// for LISTEN (a pooled connection would drop its subscriptions when returned to the pool).
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, QueryResult, Queryable } from './types';

export interface PostgresOptions {
  /** Runs every connection with this search_path (tests: one schema per test file). */
  schema?: string;
  max?: number;
  /** Told when the LISTEN connection fails and is being re-established. */
  onListenError?: (err: Error) => void;
}

const INT8 = 20;
const INT8_ARRAY = 1016;
const builtinParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => (v: string) => unknown;
// int8 as number, the same as PGlite (versions and counters stay far below 2^53).
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === INT8_ARRAY) {
      const parseArray = builtinParser(INT8_ARRAY, 'text') as (v: string) => (string | null)[];
      return (v: string) => parseArray(v).map((x) => (x === null ? null : Number(x)));
    }
    return builtinParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** The URL without its password, for logs and /health. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

// Parameterized statements are prepared once per connection under a name derived from their text:
// PostgreSQL then parses and plans each of our few statements once, not on every request.
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `s${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const r = params
        ? await c.query({ name: statementName(sql), text: sql, values: params as unknown[] })
        : await c.query(sql);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await c.query(sql); // no parameters: the simple protocol, several statements allowed
    },
  };
}

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Database> {
  const clientConfig: pg.ClientConfig = {
    connectionString: url,
    types: typeParsers,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  };
  // Pipeline mode: a statement is sent without waiting for the answers to the ones before it, so a
  // transaction's BEGIN and COMMIT travel with its first and last statements (see transaction).
  // Each statement still has its own Sync: one's failure is its own (or, in a transaction, aborts it).
  const pool = new pg.Pool({ ...clientConfig, pipeline: true, max: opts.max ?? 10 } as pg.PoolConfig);
  pool.on('error', () => {}); // an idle client lost its connection: the pool replaces it
  await pool.query('SELECT 1'); // fail at start, not at the first request
  const base = wrap(pool);

  const channels = new Map<string, Set<(payload: string) => void>>();
  let listener: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;

  const connectListener = (): Promise<pg.Client> => {
    if (listener) return Promise.resolve(listener);
    connecting ??= (async () => {
      const client = new pg.Client(clientConfig);
      client.on('notification', (msg) => {
        for (const cb of channels.get(msg.channel) ?? []) cb(msg.payload ?? '');
      });
      client.on('error', (err) => {
        opts.onListenError?.(err);
        if (listener === client) listener = null;
        client.end().catch(() => {});
        if (!closed && channels.size > 0) setTimeout(() => void resubscribe(), 1000).unref();
      });
      await client.connect();
      listener = client;
      return client;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  const resubscribe = async () => {
    if (closed) return;
    try {
      const client = await connectListener();
      for (const ch of channels.keys()) await client.query(`LISTEN ${client.escapeIdentifier(ch)}`);
    } catch (err) {
      opts.onListenError?.(err as Error);
      if (!closed) setTimeout(() => void resubscribe(), 1000).unref();
    }
  };

  return {
    kind: 'postgres',
    location: redactUrl(url) + (opts.schema ? ` (schema ${opts.schema})` : ''),
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        // Pipelined (see the pool): BEGIN goes out with the first statement, COMMIT with the last
        // (Transaction.last). A failed statement aborts the transaction, so whatever was sent
        // behind it fails or, for a COMMIT, rolls back: nothing half-done commits.
        const begun = client.query('BEGIN');
        begun.catch(() => {}); // awaited below; a failure also fails the statement sent behind it
        let committed: Promise<unknown> | null = null;
        const q = wrap(client);
        const result = await fn({
          ...q,
          async last<R>(sql: string, params?: readonly unknown[]) {
            const answer = q.query<R>(sql, params);
            committed = client.query('COMMIT');
            committed.catch(() => {});
            return answer;
          },
        });
        await begun;
        await (committed ?? client.query('COMMIT'));
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      let set = channels.get(channel);
      const first = !set;
      if (!set) channels.set(channel, (set = new Set()));
      set.add(onNotify);
      if (first) {
        const client = await connectListener();
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      }
      return async () => {
        const s = channels.get(channel);
        if (!s?.delete(onNotify) || s.size > 0) return;
        channels.delete(channel);
        if (listener) await listener.query(`UNLISTEN ${listener.escapeIdentifier(channel)}`).catch(() => {});
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (closed) return;
      closed = true;
      channels.clear();
      const l = listener ?? (connecting ? await connecting.catch(() => null) : null);
      listener = null;
      await l?.end().catch(() => {});
      await pool.end();
    },
  };
}
