// Backup and restore on real Dexie (fake-indexeddb), with a workspace built by the real mutators.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncClient } from '../../shared/sync/client';
import { populate } from '../../test/db/workspaceFixture';
import { DexieClientStore } from '../sync/dexieClientStore';
import { checkBackup, exportCustomer, exportWorkspace, restoreCustomer, restoreWorkspace } from './backup';
import { WorkspaceDatabase } from './database';
import { currentTenant } from './queries';

const opened: WorkspaceDatabase[] = [];
let n = 0;
function fresh() {
  const db = new WorkspaceDatabase(`backup-${++n}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
const offline = { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) };
function localClient(db: WorkspaceDatabase) {
  return new SyncClient(new DexieClientStore(db, () => 'restoring-client-01'), offline, {
    actor: () => ({ id: 'u', name: 'Aiko', role: 'admin-agent' }),
    now: () => '2027-01-01T00:00:00.000Z',
  });
}

describe('backup (fake-indexeddb)', () => {
  it('round-trips the whole workspace; the restored database is a new sync client with the pending changes renumbered', async () => {
    const source = fresh();
    await populate(source);
    const text = JSON.stringify(await exportWorkspace(source, new Date('2026-12-01T00:00:00Z')));
    const check = checkBackup(text);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const target = fresh();
    const outcome = await restoreWorkspace(target, check.backup, { newClientId: () => 'new-client-0001' });
    expect(outcome).toMatchObject({ ok: true, restored: { customers: 2, tenantUserChunks: 1, outbox: 1 } });
    for (const t of ['customers', 'tenantUserChunks', 'catalogSkus', 'imports', 'activity', 'conflicts'] as const) {
      expect(await target.table(t).toArray(), t).toEqual(await source.table(t).toArray());
    }
    const sourceOutbox = await source.outbox.toArray();
    expect((await target.outbox.toArray()).map((e) => ({ ...e, id: 0 }))).toEqual(sourceOutbox.map((e) => ({ ...e, id: 0 })));
    expect((await target.outbox.toArray()).map((e) => e.id)).toEqual([1]);
    expect(await target.syncMeta.get('meta')).toEqual({ key: 'meta', clientId: 'new-client-0001', cursor: 0, nextMutationId: 2, lastAcknowledged: 0 });
    expect((await currentTenant(target, 'c-1'))?.users).toHaveLength(2);
  });

  it('validate the whole file first: a bad row is named by table, row and field, and nothing is written', async () => {
    const source = fresh();
    await populate(source);
    const file = await exportWorkspace(source);
    const bad = structuredClone(file) as unknown as { tables: { tenantUserChunks: { users: Record<string, unknown>[] }[] } };
    bad.tables.tenantUserChunks[0]!.users[1]!.licenses = 'all of them';
    const check = checkBackup(JSON.stringify(bad));
    expect(check).toMatchObject({ ok: false, message: expect.stringMatching(/^table tenantUserChunks, row 1, field users\.1\.licenses: /) as unknown });
    expect(checkBackup('{"format":"something-else"}')).toMatchObject({ ok: false, message: expect.stringContaining('format') as unknown });
    expect(checkBackup('not json')).toMatchObject({ ok: false, message: expect.stringContaining('not a JSON file') as unknown });
    const newer = { ...file, schemaVersion: 99 };
    expect(checkBackup(JSON.stringify(newer))).toMatchObject({ ok: false, message: expect.stringContaining('newer version of the app') as unknown });
  });

  it('refuse to replace a workspace whose changes are not sent yet, unless told to drop them', async () => {
    const source = fresh();
    await populate(source);
    const check = checkBackup(JSON.stringify(await exportWorkspace(source)));
    if (!check.ok) throw new Error(check.message);
    const target = fresh();
    await localClient(target).mutate('customer.create', { id: 'c-local', name: 'Local only' });
    expect(await restoreWorkspace(target, check.backup, { newClientId: () => 'x-client-0001' })).toEqual({ ok: false, reason: 'pending-changes', pending: 1 });
    expect((await target.customers.toArray()).map((c) => c.id)).toEqual(['c-local']);
    expect(await restoreWorkspace(target, check.backup, { newClientId: () => 'x-client-0001', dropPendingChanges: true })).toMatchObject({ ok: true });
    expect((await target.customers.toArray()).map((c) => c.id).sort()).toEqual(['c-1', 'c-2']);
  });

  it('restore one customer through mutations, so it syncs like any change', async () => {
    const source = fresh();
    await populate(source);
    const own = { id: '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04', name: 'Office 365 E3', offerId: null, quantity: 5, status: 'Active', commitmentEndDate: null, reseller: '' };
    expect(await localClient(source).mutate('customer.setOwnSubscriptions', { id: 'c-1', file: 'subs.csv', subscriptions: [own] })).toEqual({ ok: true });
    const check = checkBackup(JSON.stringify(await exportCustomer(source, 'c-1')));
    if (!check.ok) throw new Error(check.message);
    const target = fresh();
    const outcome = await restoreCustomer(localClient(target), target, check.backup, 'restored-import-1');
    expect(outcome).toEqual({
      ok: true,
      restored: { customers: 1, tenantSkus: 1, tenantSubscriptions: 1, tenantUsers: 2 },
      notRestored: { plans: 1, planLines: 2, invitations: 2, transfers: 1, findingAcks: 1 },
    });
    const tenant = await currentTenant(target, 'c-1');
    const before = await currentTenant(source, 'c-1');
    expect(tenant?.customer).toMatchObject({ name: 'Contoso', domain: 'contoso.com', country: 'JP', tenantImportId: 'restored-import-1', billingAccount: 'mca', agreement: { acceptedOn: '2026-11-20', attestedBy: 'Aiko' } });
    expect(tenant?.users.map(({ userId, licenses }) => ({ userId, licenses }))).toEqual(before?.users.map(({ userId, licenses }) => ({ userId, licenses })));
    expect(tenant?.customer.ownSubscriptions).toMatchObject({ file: 'subs.csv', items: [own] });
    expect((await target.outbox.toArray()).map((e) => e.name)).toEqual([
      'customer.create',
      'customer.setBillingAccount',
      'customer.recordAgreement',
      'customer.setOwnSubscriptions',
      'tenant.importChunk',
      'tenant.importChunk',
      'tenant.importChunk',
      'tenant.importCommit',
    ]);
  });
});
