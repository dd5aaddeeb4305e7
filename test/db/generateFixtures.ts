// `npm run db:fixtures`: writes renderer/db/fixtures/v{N}.json for the current schema version if it
// does not exist yet. Fixtures of released versions are frozen: never regenerate them, since the
// migration test proves the current code opens a database made by that older version.
import 'fake-indexeddb/auto';
import { existsSync, writeFileSync } from 'node:fs';
import { SCHEMA_VERSION, WorkspaceDatabase, schemaHistory } from '../../renderer/db/database';
import { populate } from './workspaceFixture';

const target = new URL(`../../renderer/db/fixtures/v${SCHEMA_VERSION}.json`, import.meta.url);
if (existsSync(target) && !process.argv.includes('--force')) {
  console.log(`${target.pathname} exists: fixtures of released schema versions are frozen`);
  process.exit(0);
}
const db = new WorkspaceDatabase('fixture');
await populate(db);
const stores = schemaHistory.find((v) => v.version === SCHEMA_VERSION)!.stores;
const tables: Record<string, unknown[]> = {};
for (const name of Object.keys(stores)) tables[name] = await db.table(name).toArray();
db.close();
writeFileSync(target, `${JSON.stringify({ format: 'csp-migration-workspace-db-fixture', schemaVersion: SCHEMA_VERSION, stores, tables }, null, 1)}\n`);
console.log(`wrote ${target.pathname}: ${Object.entries(tables).map(([t, r]) => `${t} ${r.length}`).join(', ')}`);
