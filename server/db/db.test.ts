// The data layer on PGlite, and on the real PostgreSQL when DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir, openDatabase } from './index';
import { loadMigrations, migrate } from './migrate';
import { openPglite } from './pglite';
import { openTestDatabase, type TestDatabase } from './testing';

const onPostgres = !!process.env.DATABASE_URL;
const root = resolve(import.meta.dirname, '../..');
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe(`data layer (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('applies every migration once, records it, and a second run is a no-op', async () => {
    expect(t.db.kind).toBe(onPostgres ? 'postgres' : 'pglite');
    const { rows } = await t.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(rows[0]).toMatchObject({ version: 1, name: 'init' });
    const again = await migrate(t.db);
    expect(again.applied).toEqual([]);
    const tables = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['organizations', 'users', 'sessions', 'workspaces', 'records', 'sync_clients', 'sync_mutation_results', 'schema_migrations']),
    );
  });

  it('refuses to start when an applied migration file was changed', async () => {
    const changed = loadMigrations().map((m) => (m.version === 1 ? { ...m, checksum: 'x'.repeat(64) } : m));
    await expect(migrate(t.db, changed)).rejects.toThrow(/changed after it was applied/);
  });

  it('returns int8 as numbers and jsonb as objects', async () => {
    const { rows } = await t.db.query<{ v: number; arr: number[]; j: { a: number } }>(
      `SELECT 9007199254740991::bigint AS v, ARRAY[1,2]::bigint[] AS arr, '{"a":1}'::jsonb AS j`,
    );
    expect(rows[0]).toEqual({ v: 9007199254740991, arr: [1, 2], j: { a: 1 } });
  });

  it('commits a transaction, and rolls one back entirely when it throws', async () => {
    const org = await t.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Tx Commit') RETURNING id`);
      await tx.query('INSERT INTO workspaces (org_id) VALUES ($1)', [rows[0]!.id]);
      return rows[0]!.id;
    });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO organizations (name) VALUES ('Tx Rollback')`);
        await tx.query('UPDATE workspaces SET version = version + 1 WHERE org_id = $1', [org]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const names = await t.db.query<{ name: string }>(`SELECT name FROM organizations WHERE name LIKE 'Tx %'`);
    expect(names.rows.map((r) => r.name)).toEqual(['Tx Commit']);
    const ws = await t.db.query<{ version: number }>('SELECT version FROM workspaces WHERE org_id = $1', [org]);
    expect(ws.rows[0]!.version).toBe(0);
  });

  it('commits right behind a last statement, and commits nothing when that statement fails', async () => {
    const got = await t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO organizations (name) VALUES ('Last Commit')`);
      return (await tx.last<{ n: number }>(`SELECT count(*)::int AS n FROM organizations WHERE name = $1`, ['Last Commit'])).rows[0]!.n;
    });
    expect(got).toBe(1);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO organizations (name) VALUES ('Last Rollback')`);
        await tx.last('SELECT 1 / $1::int AS boom', [0]);
      }),
    ).rejects.toThrow(/division by zero/);
    // The connection is clean afterwards: the next transaction commits on it as usual.
    await t.db.transaction(async (tx) => {
      await tx.last(`INSERT INTO organizations (name) VALUES ('Last After')`);
    });
    const names = await t.db.query<{ name: string }>(`SELECT name FROM organizations WHERE name LIKE 'Last %' ORDER BY name`);
    expect(names.rows.map((r) => r.name)).toEqual(['Last After', 'Last Commit']);
  });

  it('takes workspace versions in order inside transactions (UPDATE ... RETURNING)', async () => {
    const { rows } = await t.db.query<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Versions') RETURNING id`);
    const org = rows[0]!.id;
    await t.db.query('INSERT INTO workspaces (org_id) VALUES ($1)', [org]);
    const taken = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.db.transaction(async (tx) => {
          const r = await tx.query<{ version: number }>('UPDATE workspaces SET version = version + 1 WHERE org_id = $1 RETURNING version', [org]);
          return r.rows[0]!.version;
        }),
      ),
    );
    expect([...taken].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('delivers NOTIFY to a listener, only after commit, and stops after unsubscribe', async () => {
    const got: string[] = [];
    const unlisten = await t.db.listen('poke_test', (p) => got.push(p));
    await t.db.notify('poke_test', 'one');
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('SELECT pg_notify($1, $2)', ['poke_test', 'rolled-back']);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await t.db.transaction(async (tx) => {
      await tx.query('SELECT pg_notify($1, $2)', ['poke_test', 'committed']);
    });
    await waitFor(() => got.length >= 2);
    await unlisten();
    await t.db.notify('poke_test', 'after');
    await new Promise((r) => setTimeout(r, 150));
    expect(got).toEqual(['one', 'committed']);
  });

  it.skipIf(!onPostgres)('LISTEN/NOTIFY crosses two data-layer instances (skipped without DATABASE_URL: PGlite is one process)', async () => {
    const other = await t.another();
    const got: string[] = [];
    const unlisten = await other.listen('poke_cross', (p) => got.push(p));
    await t.db.notify('poke_cross', JSON.stringify({ org: 'a', version: 3 }));
    await waitFor(() => got.length === 1);
    expect(JSON.parse(got[0]!)).toEqual({ org: 'a', version: 3 });
    await unlisten();
  });

  it.skipIf(!onPostgres)('two instances migrating a fresh schema at once both succeed (skipped without DATABASE_URL: needs PostgreSQL)', async () => {
    const fresh = await openTestDatabase(); // migrated: drop its tables and migrate again from two pools
    try {
      await fresh.db.exec(`DROP TABLE sync_mutation_results, sync_clients, records, workspaces, sessions, users, organizations, schema_migrations`);
      const a = await fresh.another();
      const b = await fresh.another();
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra.applied, ...rb.applied].sort()).toEqual(loadMigrations().map((m) => m.version));
      const { rows } = await fresh.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]!.n).toBe(loadMigrations().length);
    } finally {
      await fresh.drop();
    }
  });
});

describe('migrations from two processes', () => {
  it.skipIf(!onPostgres)('two server:admin migrate processes started together both succeed (skipped without DATABASE_URL: needs PostgreSQL)', async () => {
    const url = process.env.DATABASE_URL!;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const run = () =>
        new Promise<{ code: number | null; out: string }>((res) => {
          const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['server/admin.ts', 'migrate', '--json'], {
            cwd: root,
            env: { ...process.env, DATABASE_URL: u.toString() },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (out += d.toString()));
          child.on('exit', (code) => res({ code, out }));
        });
      const [a, b] = await Promise.all([run(), run()]);
      expect(a).toMatchObject({ code: 0 });
      expect(b).toMatchObject({ code: 0 });
      const { rows } = await admin.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
      expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }, 60_000);
});

describe('PGlite on disk', () => {
  it('keeps data across restarts and refuses a second process on the same directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspw-db-'));
    try {
      const db = await openDatabase({ DATA_DIR: dir });
      await db.query(`INSERT INTO organizations (name) VALUES ('Persisted')`);
      // Another live process holds the lock: pretend with our parent's pid.
      const { writeFileSync, readFileSync } = await import('node:fs');
      const lock = join(dir, 'csp-server.lock');
      const mine = readFileSync(lock, 'utf8');
      writeFileSync(lock, String(process.ppid));
      await expect(openPglite(dir)).rejects.toThrow(/in use by process/);
      writeFileSync(lock, mine);
      await db.close();
      const again = await openDatabase({ DATA_DIR: dir });
      const { rows } = await again.query<{ name: string }>('SELECT name FROM organizations');
      expect(rows.map((r) => r.name)).toEqual(['Persisted']);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('defaults to the per-user data folder of each platform', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/x/data' }, '/home/u')).toBe('/x/data/csp-migration-workspace-server');
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.local/share/csp-migration-workspace-server');
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/csp-migration-workspace-server');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toMatch(/Roaming.csp-migration-workspace-server$/);
  });
});

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
