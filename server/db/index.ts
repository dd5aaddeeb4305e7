// Opens the server's database: PostgreSQL when DATABASE_URL is set, else embedded PGlite in
// DATA_DIR (default: the user's data folder), and applies pending migrations.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres, type PostgresOptions } from './postgres';
import type { Database } from './types';

export type { Database, Queryable, QueryResult, StorageKind } from './types';
export { MEMORY } from './pglite';

export const DATA_FOLDER_NAME = 'csp-migration-workspace-server';

/** The per-user data folder of each platform, as Electron's app.getPath('userData') would pick it. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), DATA_FOLDER_NAME);
}

export interface StorageConfig {
  DATABASE_URL?: string | undefined;
  DATA_DIR?: string | undefined;
}

export async function openDatabase(
  config: StorageConfig,
  opts: PostgresOptions & { migrate?: boolean } = {},
): Promise<Database> {
  const db = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, opts)
    : await openPglite(config.DATA_DIR || defaultDataDir());
  if (opts.migrate !== false) {
    try {
      await migrate(db);
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}
