// Every schema version ever released left a fixture (renderer/db/fixtures/v{N}.json, made by
// `npm run db:fixtures` and then frozen). Each is loaded into IndexedDB with THAT version's schema
// (kept in schemaHistory), then opened by the current WorkspaceDatabase: nothing may be lost, and
// the current code must still read and change it.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { words } from '../../test/support/activityWords';
import { dbFixtures as fixtures } from '../../test/support/dbFixtures';
import { tenantImportChanges } from '../../shared/mutators/imports';
import { SyncClient } from '../../shared/sync/client';
import { withDefaults } from '../../shared/workspace/tables';
import { DexieClientStore } from '../sync/dexieClientStore';
import { SCHEMA_VERSION, WorkspaceDatabase, declareSchema, schemaHistory } from './database';
import { currentCatalog, currentTenant, engineInput } from './queries';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('schema versions (fake-indexeddb)', () => {
  it('have a fixture for every version, the current one included, and history never rewritten (fake-indexeddb)', () => {
    expect(fixtures.map((f) => f.schemaVersion)).toEqual(schemaHistory.map((v) => v.version));
    expect(fixtures.at(-1)?.schemaVersion).toBe(SCHEMA_VERSION);
    // The stores a fixture was made with are the ones still declared for that version.
    for (const f of fixtures) expect(schemaHistory.find((v) => v.version === f.schemaVersion)?.stores).toEqual(f.stores);
  });

  for (const fixture of fixtures) {
    it(`open a database made by schema v${fixture.schemaVersion} with the current code and lose nothing (fake-indexeddb)`, async () => {
      const name = `migrate-v${fixture.schemaVersion}`;
      const old = new Dexie(name);
      declareSchema(old, fixture.schemaVersion);
      opened.push(old);
      await old.open();
      await old.transaction('rw', Object.keys(fixture.tables), async () => {
        for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
      });
      old.close();

      const db = new WorkspaceDatabase(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      let total = 0;
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const pk = db.table(table).schema.primKey.keyPath as string;
        const sortByPk = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a[pk]).localeCompare(String(b[pk])));
        expect(sortByPk(await db.table(table).toArray()), table).toEqual(sortByPk(rows));
        total += rows.length;
      }
      expect(total).toBeGreaterThan(20);

      // The current code reads it (imported rows through their import) and changes it.
      const tenant = await currentTenant(db, 'c-1');
      expect(tenant?.users.length).toBeGreaterThan(0);
      expect((await currentCatalog(db)).skus.length).toBeGreaterThan(0);
      const input = await engineInput(db, 'c-1');
      expect(input?.inventory.users.length).toBe(tenant?.users.length);
      expect(input?.inventory.subscriptions?.length).toBe(tenant?.subscriptions.length);
      expect([...(input?.catalog.skus.values() ?? [])].filter((s) => s.discontinued).length).toBe((await currentCatalog(db)).discontinued.size);
      const pendingBefore = await db.outbox.count();
      const client = new SyncClient(new DexieClientStore(db, () => 'unused-client-id'), { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) }, {
        actor: () => ({ id: 'u', name: 'Aiko', role: 'admin-agent' }),
        now: () => '2027-01-01T00:00:00.000Z',
      });
      expect(await client.mutate('customer.setStage', { id: 'c-1', stage: 'accepted' })).toEqual({ ok: true });
      expect(await db.outbox.count()).toBe(pendingBefore + 1);

      // Rows written before schema 3 read with its fields as they mean them; rows of schema 3 keep theirs.
      const customer = withDefaults('customers', (await db.customers.get('c-1'))!);
      const line = withDefaults('planLines', (await db.planLines.get('l-1'))!);
      if (fixture.schemaVersion < 3) {
        expect(customer).toMatchObject({ billingAccount: 'unknown', agreement: null });
        expect(line).toMatchObject({ extraTargetSkuIds: [], term: 'P1Y', billingFrequency: 'annual', cancelAtTermEndScheduledOn: null });
        expect(await db.transfers.count()).toBe(0);
      } else {
        expect(customer).toMatchObject({ billingAccount: 'mca', agreement: { acceptedOn: '2026-11-20', attestedBy: 'Aiko' } });
        expect(line).toMatchObject({ term: 'P1Y', billingFrequency: 'monthly', cancelAtTermEndScheduledOn: '2026-11-23' });
        expect(withDefaults('planLines', (await db.planLines.get('l-2'))!).extraTargetSkuIds).toHaveLength(1);
        expect(await db.findingAcks.where('customerId').equals('c-1').count()).toBe(1);
      }
      // Schema 4: who set the importable details, and the partner's own subscriptions (kept by the plan).
      const stored = (await db.customers.get('c-1'))!;
      if (fixture.schemaVersion < 4) {
        expect(stored.fieldSources).toBeUndefined();
        expect(stored.ownSubscriptions).toBeUndefined();
      } else {
        expect(stored).toMatchObject({ tenantId: 'eebd1b55-5360-4438-a11d-5c06918c3014', domain: 'contoso.com', fieldSources: { tenantId: { by: 'import' }, domain: { by: 'person' } } });
        expect(stored.ownSubscriptions?.items).toHaveLength(1);
        expect(input?.ownPlacement.inTenant).toEqual(['00000000-0000-4000-8000-000000000384']);
        expect((await db.customers.get('c-2'))?.fieldSources?.tenantId?.by).toBe('person');
      }
      // An import on the upgraded database fills an empty detail and keeps a person's.
      expect(await client.mutate('customer.update', { id: 'c-2', country: 'US' })).toEqual({ ok: true });
      expect((await db.customers.get('c-2'))?.fieldSources?.country?.by).toBe('person');

      // The 2026 mutators run on the upgraded database: new tables and fields, through their indexes.
      expect(await client.mutate('planLine.setTerm', { lineId: 'l-1', term: 'P3Y', billingFrequency: 'annual' })).toMatchObject({ ok: false, reason: 'planLine.threeYearMinimum', params: { minimum: 100 } });
      expect(await client.mutate('planLine.setTerm', { lineId: 'l-1', term: 'P1M', billingFrequency: 'monthly' })).toEqual({ ok: true });
      expect(await client.mutate('customer.setBillingAccount', { id: 'c-1', billingAccount: 'mosa' })).toEqual({ ok: true });
      expect(await client.mutate('transfer.request', { id: 't-upgrade', customerId: 'c-1', sourceKeys: ['sub-upgrade'] })).toEqual({ ok: true });
      expect(await client.mutate('finding.acknowledge', { customerId: 'c-1', lineKey: 'l-1', code: 'upgrade', reason: 'checked' })).toEqual({ ok: true });
      expect(await db.transfers.where('customerId').equals('c-1').filter((t) => t.id === 't-upgrade').count()).toBe(1);
      expect((await db.planLines.get('l-1'))?.term).toBe('P1M');

      // A re-import after the upgrade replaces the old import's users wherever that version kept
      // them (per-user rows in v1, chunks since v2) and compares against them.
      const oldImportId = tenant!.customer.tenantImportId!;
      const inventory = input!.inventory;
      const extra = { id: '00000000-0000-4000-8000-00000000beef', userPrincipalName: 'new@contoso.com', licenses: [] };
      const reimport = tenantImportChanges({ ...inventory, users: [...inventory.users, extra] }, { importId: 'reimport-1', customerId: 'c-1', files: ['reimport-users.json'] });
      expect(await client.mutateMany(reimport)).toEqual({ ok: true });
      const after = await currentTenant(db, 'c-1');
      expect(after?.users.map((u) => u.userId).sort()).toEqual([...inventory.users.map((u) => u.id), extra.id].sort());
      expect(await db.tenantUsers.where('importId').equals(oldImportId).count()).toBe(0);
      expect(await db.tenantUserChunks.where('importId').equals(oldImportId).count()).toBe(0);
      const entry = (await db.activity.toArray()).find((a) => a.mutation === 'tenant.importCommit' && words(a, 'en').includes('reimport-users.json'));
      expect(words(entry, 'en')).toContain(`${(inventory.users.length + 1).toLocaleString('en')} users (1 added, 0 updated, 0 removed)`);
      // The same Dexie schema version stores the code and parameters beside the old rows (neither is indexed).
      expect(words(entry, 'ja')).toContain(`ユーザー ${(inventory.users.length + 1).toLocaleString('ja')} 人 (追加 1、更新 0、削除 0)`);

      // The client id and the mutation sequence continue where the old database left them.
      const meta = await db.syncMeta.get('meta');
      expect(meta?.clientId).toBe((fixture.tables.syncMeta?.[0] as { clientId: string }).clientId);
    });
  }
});
