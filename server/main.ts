// `npm run server`: starts the sync server with the configuration in the environment. Opens the
// database (PGlite in DATA_DIR, or DATABASE_URL), applies pending migrations, then listens.
// SIGINT/SIGTERM: stop accepting, finish in-flight requests, close the database, exit 0.
import { readFileSync } from 'node:fs';
import { buildApp } from './app';
import { readConfig } from './config';
import { openDatabase } from './db/index';
import { purgeTombstones } from './sync/tombstones';

const config = readConfig(process.env);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

let db;
try {
  db = await openDatabase(config);
} catch (err) {
  console.error(`cannot open the database: ${(err as Error).message}`);
  process.exit(1);
}
const app = await buildApp({ config, db, version, closeDatabase: true });
app.log.info({ storage: db.kind, location: db.location }, 'database ready');
app.log.info(
  {
    passwords: config.LOCAL_PASSWORDS,
    entraTenants: config.ENTRA_TENANT_IDS,
    ...(config.ENTRA_TENANT_IDS.length > 0 ? { entraAudiences: config.ENTRA_AUDIENCES, entraAppRoles: config.ENTRA_APP_ROLES } : {}),
  },
  config.ENTRA_TENANT_IDS.length > 0 ? 'sign-in with Microsoft Entra ID is on' : 'sign-in with Microsoft Entra ID is off',
);

// Tombstones past the retention window go once an hour (and at start); clients older than them reset.
const purge = async () => {
  try {
    const purged = await purgeTombstones(db, config.TOMBSTONE_RETENTION_DAYS);
    if (purged > 0) app.log.info({ purged }, 'purged tombstones');
  } catch (err) {
    app.log.error({ err }, 'tombstone purge failed');
  }
};
void purge();
setInterval(() => void purge(), 3600_000).unref();

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const timer = setTimeout(() => {
    app.log.error('graceful shutdown timed out');
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS);
  timer.unref();
  await app.close(); // waits for in-flight requests, then onClose closes the database
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: config.HOST, port: config.PORT });
