// Workspace upgrades in REAL IndexedDB (Debian's Chromium), not only on fake-indexeddb
// (renderer/db/database.migrations.test.ts runs the same story there): a database made by every
// earlier schema version, from its frozen fixture, is opened by the current code; nothing may be
// lost, and the current code must read it, change it and re-import into it.
import { expect, test } from '@playwright/test';
import type { UpgradeReport } from '../../renderer/testpages/dbUpgrade';
import { watchForErrors } from './support';
import { dbFixtures as fixtures } from '../support/dbFixtures';

test('there is a fixture of every schema version to upgrade from', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(2);
  expect(fixtures.map((f) => f.schemaVersion)).toEqual(fixtures.map((_, i) => i + 1));
});

for (const fixture of fixtures) {
  test(`a workspace of schema v${fixture.schemaVersion} opens with the current code in real IndexedDB and loses nothing`, async ({ page }) => {
    const problems = watchForErrors(page);
    await page.goto('./testpages/dbUpgrade.html');
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    const report: UpgradeReport = await page.evaluate((f) => window.upgradeWorkspace(f, 'c-1'), fixture);

    expect(report.verno).toBe(report.currentSchema);
    let total = 0;
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const key = table === 'syncMeta' ? 'key' : table === 'rejections' ? 'mutationId' : 'id';
      const byKey = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
      expect(byKey(report.tables[table] ?? []), table).toEqual(byKey(rows));
      total += rows.length;
    }
    expect(total).toBeGreaterThan(20);

    // Read through the screens' queries, changed through a mutator, re-imported.
    expect(report.tenantUsers).toBeGreaterThan(0);
    expect(report.catalogSkus).toBeGreaterThan(0);
    expect(report.engineUsers).toBe(report.tenantUsers);
    expect(report.engineSubscriptions).toBe(report.tenantSubscriptions);
    expect(report.mutate).toEqual({ ok: true });
    expect(report.outboxAfter).toBe(report.outboxBefore + 1);
    expect(report.reimport).toEqual({ ok: true });
    expect(report.usersAfterReimport).toEqual(report.expectedUsersAfterReimport);
    expect(report.oldImportUserRowsLeft).toBe(0);
    expect(report.oldImportChunksLeft).toBe(0);
    expect(report.reimportSummary).toContain(`${(report.tenantUsers + 1).toLocaleString('en')} users (1 added, 0 updated, 0 removed)`);
    // The client id (and with it the mutation sequence) continues where the old database left it.
    expect(report.clientId).toBe((fixture.tables.syncMeta?.[0] as { clientId: string }).clientId);
    // Rows written before schema 3 read with its fields as they mean them; the 2026 mutators work.
    if (fixture.schemaVersion < 3) {
      expect(report.customerRead).toMatchObject({ billingAccount: 'unknown', agreement: null });
      expect(report.lineRead).toMatchObject({ extraTargetSkuIds: [], term: 'P1Y', billingFrequency: 'annual', cancelAtTermEndScheduledOn: null });
    } else {
      expect(report.customerRead).toMatchObject({ billingAccount: 'mca', agreement: { acceptedOn: '2026-11-20', attestedBy: 'Aiko' } });
      expect(report.lineRead).toMatchObject({ term: 'P1Y', billingFrequency: 'monthly', cancelAtTermEndScheduledOn: '2026-11-23' });
    }
    expect(report.rules2026).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);
    expect(report.transfersOfCustomer).toBe((fixture.tables.transfers?.length ?? 0) + 1);
    expect(report.acksOfCustomer).toBe((fixture.tables.findingAcks?.length ?? 0) + 1);
    expect(report.lineTermAfter).toBe('P1M');
    expect(problems).toEqual([]);
  });
}
