// The frozen workspace fixtures (renderer/db/fixtures/v{N}.json, one per released schema version,
// made by `npm run db:fixtures`), oldest first: what the upgrade tests, on fake-indexeddb and in
// real Chromium, open with the current code.
import { readdirSync, readFileSync } from 'node:fs';

export interface DbFixture {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const dir = new URL('../../renderer/db/fixtures/', import.meta.url);

export const dbFixtures: DbFixture[] = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as DbFixture)
  .sort((a, b) => a.schemaVersion - b.schemaVersion);
