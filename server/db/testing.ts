// For tests: a fresh, migrated database per test file. PGlite in memory; or, when DATABASE_URL
// is set, the real PostgreSQL with a schema of its own (test files run in parallel), dropped after.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from './index';
import { MEMORY } from './pglite';
import type { Database } from './types';

export interface TestDatabase {
  db: Database;
  /** The schema on PostgreSQL, undefined on PGlite. */
  schema: string | undefined;
  /** Opens another data-layer instance on the same database (PostgreSQL only). */
  another(): Promise<Database>;
  /** Closes the database and drops the schema. */
  drop(): Promise<void>;
}

export async function openTestDatabase(opts: { max?: number } = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ DATA_DIR: MEMORY });
    return {
      db,
      schema: undefined,
      another: () => Promise.reject(new Error('PGlite lives in one process: no second instance')),
      drop: () => db.close(),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const extra: Database[] = [];
  const db = await openDatabase({ DATABASE_URL: url }, { schema, max: opts.max ?? 4 });
  return {
    db,
    schema,
    async another() {
      const d = await openDatabase({ DATABASE_URL: url }, { schema, max: 2, migrate: false });
      extra.push(d);
      return d;
    },
    async drop() {
      for (const d of extra) await d.close();
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
