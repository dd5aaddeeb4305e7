// Embedded PostgreSQL (PGlite, WASM) in this process: `npm run server` works with no setup.
// One process owns a data directory: a lock file refuses a second one (e.g. the admin CLI while
// the server runs), because two PGlite instances on one directory would corrupt it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Database, QueryResult, Queryable } from './types';

export const MEMORY = 'memory://';
const LOCK_FILE = 'csp-server.lock';

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(`data directory ${dir} is in use by process ${pid}: stop that process first (or use DATABASE_URL for several processes)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock file, or throws DataDirInUseError when a live process holds it. */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new DataDirInUseError(dir, pid);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock data directory ${dir}`);
}

// int8 as number, the same as the pg backend (versions and counters stay far below 2^53).
const parsers = { [types.INT8]: (v: string) => Number(v) };

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const r = await q.query<R>(sql, params as unknown[] | undefined, { parsers });
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  const unlock = dataDir === MEMORY ? () => {} : lockDataDir(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir === MEMORY ? MEMORY : dataDir);
  } catch (e) {
    unlock();
    throw e;
  }
  const base = wrap(pg);
  let closed = false;
  return {
    kind: 'pglite',
    location: dataDir,
    query: base.query,
    exec: base.exec,
    transaction: (fn) =>
      pg.transaction((tx) => {
        // In process: no round trip to save, the commit follows the last statement as usual.
        const q = wrap(tx);
        return fn({ ...q, last: q.query });
      }),
    async listen(channel, onNotify) {
      const unlisten = await pg.listen(channel, onNotify);
      return () => unlisten();
    },
    async notify(channel, payload) {
      await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}
