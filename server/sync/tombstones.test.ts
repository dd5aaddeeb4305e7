// The tombstone purge against a push group (PostgreSQL only: PGlite has one connection, so nothing
// runs alongside): a group holds its workspace's lock while it writes records; the purge must take
// the workspace locks before any record lock, or the two wait on each other and PostgreSQL aborts one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { seedOrg, seedUser } from '../testing';
import { PushGroups } from './groupCommit';
import { purgeTombstones } from './tombstones';

const NOW = '2026-12-07T09:00:00.000Z';
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
});

afterAll(async () => {
  await t?.drop();
});

describe('purging tombstones', () => {
  it.skipIf(!process.env.DATABASE_URL)('waits for a push group holding the workspace instead of deadlocking with it (PostgreSQL)', async () => {
    const org = await seedOrg(t.db, 'Purge');
    const u = await seedUser(t.db, org.id, { email: 'alice@purge.example', name: 'alice', role: 'admin-agent', password: 'correct horse battery staple' });
    const actor = { id: u.id, name: u.name, role: u.role };
    const groups = new PushGroups(t.db, { inFlight: 1, gatherMs: 0 });
    const mutations = [
      { id: 1, name: 'customer.create', args: { id: 'gone', name: 'Gone soon' }, baseVersions: {} },
      { id: 2, name: 'customer.delete', args: { id: 'gone' }, baseVersions: {} },
    ];
    const pushed = await groups.push(org.id, u.id, actor, { clientId: 'p-0', schemaVersion: SCHEMA_VERSION, mutations }, NOW);
    expect(pushed.ok).toBe(true);
    await t.db.query("UPDATE records SET updated_at = now() - interval '400 days' WHERE org_id = $1 AND deleted", [org.id]);

    // Another connection does what a group does: the workspace's lock first, then a record write.
    const other = await t.another();
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const group = other.transaction(async (tx) => {
      await tx.query('SELECT version FROM workspaces WHERE org_id = $1 FOR UPDATE', [org.id]);
      locked();
      await held;
      await tx.query('UPDATE records SET version = version WHERE org_id = $1 AND deleted', [org.id]);
    });
    await isLocked;
    const purge = purgeTombstones(t.db, 90);
    // Long enough for the purge to reach its first lock wait; then the group writes the record.
    await new Promise((r) => setTimeout(r, 300));
    release();
    const [groupOutcome, purgeOutcome] = await Promise.allSettled([group, purge]);
    expect(groupOutcome.status).toBe('fulfilled');
    expect(purgeOutcome).toEqual({ status: 'fulfilled', value: 1 });
    const left = await t.db.query('SELECT count(*)::int AS n FROM records WHERE org_id = $1 AND deleted', [org.id]);
    expect(left.rows[0]).toEqual({ n: 0 });
  });
});
