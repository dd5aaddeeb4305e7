// The workspace upgrade, in real Chromium IndexedDB (test/e2e/db-upgrade.spec.ts drives it): a
// database is filled with a frozen fixture of an earlier schema version (renderer/db/fixtures) using
// THAT version's schema, then opened by the current WorkspaceDatabase, read through the same queries
// the screens use, changed through a mutator and re-imported. The page only reports what it saw; the
// spec holds the assertions. Not linked from the app, and left out of the installers.
import Dexie from 'dexie';
import { tenantImportChanges } from '../../shared/mutators/imports';
import { SyncClient } from '../../shared/sync/client';
import { withDefaults } from '../../shared/workspace/tables';
import { SCHEMA_VERSION, WorkspaceDatabase, declareSchema } from '../db/database';
import { currentCatalog, currentTenant, engineInput } from '../db/queries';
import { DexieClientStore } from '../sync/dexieClientStore';
import { createI18n } from '../app/i18n';
import { activityText } from '../words/activityText';

interface Fixture {
  schemaVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

export interface UpgradeReport {
  verno: number;
  currentSchema: number;
  /** Every table of the fixture as the current code reads it back. */
  tables: Record<string, Record<string, unknown>[]>;
  tenantUsers: number;
  catalogSkus: number;
  engineUsers: number | null;
  engineSubscriptions: number | null;
  tenantSubscriptions: number | null;
  mutate: unknown;
  outboxBefore: number;
  outboxAfter: number;
  reimport: unknown;
  usersAfterReimport: string[];
  expectedUsersAfterReimport: string[];
  oldImportUserRowsLeft: number;
  oldImportChunksLeft: number;
  reimportSummary: string | null;
  clientId: string | null;
  /** Schema 3: the customer and its first plan line as read with withDefaults, after the upgrade. */
  customerRead: Record<string, unknown> | null;
  lineRead: Record<string, unknown> | null;
  /** The 2026 mutators on the upgraded database (new tables and fields), and what they left. */
  rules2026: unknown[];
  transfersOfCustomer: number;
  acksOfCustomer: number;
  lineTermAfter: string | null;
}

async function upgrade(fixture: Fixture, customerId: string): Promise<UpgradeReport> {
  const name = `upgrade-from-v${fixture.schemaVersion}-${Date.now()}`;
  const old = new Dexie(name);
  declareSchema(old, fixture.schemaVersion);
  await old.open();
  await old.transaction('rw', Object.keys(fixture.tables), async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();

  const db = new WorkspaceDatabase(name);
  await db.open();
  try {
    const tables: UpgradeReport['tables'] = {};
    for (const table of Object.keys(fixture.tables)) tables[table] = await db.table(table).toArray();
    const tenant = await currentTenant(db, customerId);
    const input = await engineInput(db, customerId);
    const outboxBefore = await db.outbox.count();
    const client = new SyncClient(new DexieClientStore(db, () => 'unused-client-id'), { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) }, {
      actor: () => ({ id: 'u', name: 'Aiko', role: 'admin-agent' }),
      now: () => '2027-01-01T00:00:00.000Z',
    });
    const mutate = await client.mutate('customer.setStage', { id: customerId, stage: 'accepted' });
    const outboxAfter = await db.outbox.count();
    const customerRow = await db.customers.get(customerId);
    const firstLine = (await db.planLines.where('customerId').equals(customerId).sortBy('id'))[0];
    const customerRead = customerRow ? withDefaults('customers', customerRow) : null;
    const lineRead = firstLine ? withDefaults('planLines', firstLine) : null;
    const rules2026 = [
      await client.mutate('customer.setBillingAccount', { id: customerId, billingAccount: 'mosa' }),
      firstLine ? await client.mutate('planLine.setTerm', { lineId: firstLine.id, term: 'P1M', billingFrequency: 'monthly' }) : 'no line',
      await client.mutate('transfer.request', { id: 't-upgrade', customerId, sourceKeys: ['sub-upgrade'] }),
      await client.mutate('finding.acknowledge', { customerId, lineKey: '', code: 'upgrade-check', reason: 'checked after the upgrade' }),
    ];
    const transfersOfCustomer = await db.transfers.where('customerId').equals(customerId).count();
    const acksOfCustomer = await db.findingAcks.where('customerId').equals(customerId).count();
    const lineTermAfter = firstLine ? ((await db.planLines.get(firstLine.id))?.term ?? null) : null;

    const oldImportId = tenant?.customer.tenantImportId ?? '';
    const inventory = input!.inventory;
    const extra = { id: '00000000-0000-4000-8000-00000000beef', userPrincipalName: 'new@contoso.com', licenses: [] };
    const reimport = await client.mutateMany(tenantImportChanges({ ...inventory, users: [...inventory.users, extra] }, { importId: 'reimport-1', customerId, files: ['reimport-users.json'] }));
    const after = await currentTenant(db, customerId);
    // The entry as the app words it (from its code and parameters) in English.
    const t = createI18n('en').t;
    const entry = (await db.activity.toArray())
      .filter((a) => a.mutation === 'tenant.importCommit')
      .map((a) => activityText(t, 'en', a))
      .find((text) => text.includes('reimport-users.json'));
    return {
      verno: db.verno,
      currentSchema: SCHEMA_VERSION,
      tables,
      tenantUsers: tenant?.users.length ?? 0,
      catalogSkus: (await currentCatalog(db)).skus.length,
      engineUsers: input?.inventory.users.length ?? null,
      engineSubscriptions: input?.inventory.subscriptions?.length ?? null,
      tenantSubscriptions: tenant?.subscriptions.length ?? null,
      mutate,
      outboxBefore,
      outboxAfter,
      reimport,
      usersAfterReimport: (after?.users.map((u) => u.userId) ?? []).sort(),
      expectedUsersAfterReimport: [...inventory.users.map((u) => u.id), extra.id].sort(),
      oldImportUserRowsLeft: await db.tenantUsers.where('importId').equals(oldImportId).count(),
      oldImportChunksLeft: await db.tenantUserChunks.where('importId').equals(oldImportId).count(),
      reimportSummary: entry ?? null,
      clientId: (await db.syncMeta.get('meta'))?.clientId ?? null,
      customerRead,
      lineRead,
      rules2026,
      transfersOfCustomer,
      acksOfCustomer,
      lineTermAfter,
    };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

declare global {
  interface Window {
    upgradeWorkspace: typeof upgrade;
  }
}
window.upgradeWorkspace = upgrade;
document.body.dataset.ready = 'true';
