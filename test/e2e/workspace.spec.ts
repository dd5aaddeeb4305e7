// The offline workspace in real Chromium: a tenant import in the worker (real Graph samples), its
// progress and cancel, persistence across a reload, and backup/restore. Each test has a fresh
// browser context, so a fresh IndexedDB.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { graph, json } from './files';
import { CustomersPage, ReviewSyncPage, SettingsPage, Shell, pickExports, sampleTenant } from './pages';

function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/** A users export of `n` licensed users, in Graph's shape. */
function syntheticUsers(n: number): Buffer {
  const value = Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    userPrincipalName: `user${i}@contoso.com`,
    assignedLicenses: [{ skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', disabledPlans: [] }],
  }));
  return Buffer.from(JSON.stringify({ value }));
}

test('imports a tenant in the worker, keeps it across a reload, and cancels a large import leaving nothing', async ({ page }) => {
  const problems = watchForErrors(page);
  const customers = new CustomersPage(page);
  await customers.openAndAdd('Contoso');
  const contoso = customers.row('Contoso');
  await expect(contoso).toContainText('Not imported');

  await pickExports(customers.importSection, sampleTenant());
  await customers.importButton.click();
  const outcome = customers.importOutcome;
  await expect(outcome).toContainText('Imported. Imported tenant exports (subscribedSkus.json, subscriptions.json, users.json)');
  await expect(outcome).toContainText('1 user (1 added, 0 updated, 0 removed)');
  await expect(customers.licensedUsers('Contoso')).toHaveText('1');

  // The data lives in IndexedDB: a reload shows it again.
  await page.reload();
  await expect(customers.licensedUsers('Contoso')).toHaveText('1');

  // Review & sync lists the import as one change, however many parts it travels as.
  const review = new ReviewSyncPage(page);
  await review.openFromNav();
  const pending = review.pending;
  await expect(pending).toHaveCount(2);
  await expect(pending.nth(0)).toContainText('Created customer Contoso');
  await expect(pending.nth(1)).toContainText('Imported tenant exports (subscribedSkus.json, subscriptions.json, users.json) (sent as 4 parts)');
  await customers.shell.navigate('Customers');

  // A 40,000-user export: progress shows, and a cancel while storing keeps nothing of it.
  await pickExports(customers.importSection, { users: json('users-large.json', syntheticUsers(40_000)) });
  await customers.importButton.click();
  await expect(customers.storing).toBeVisible({ timeout: 15_000 });
  await expect(customers.storingBar).toBeVisible();
  await customers.cancelImport.click();
  await expect(outcome).toContainText('The import was cancelled. Nothing was stored.', { timeout: 15_000 });
  await expect(customers.licensedUsers('Contoso')).toHaveText('1');
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('csp-migration-workspace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => resolve(r.result);
      });
    // Users are stored a chunk per record (tenantUserChunks): count the users inside.
    const chunkUsers = new Promise<number>((resolve) => {
      const r = db.transaction('tenantUserChunks').objectStore('tenantUserChunks').getAll();
      r.onsuccess = () => resolve((r.result as { users: unknown[] }[]).reduce((n, c) => n + c.users.length, 0));
    });
    const result = { users: (await count('tenantUsers')) + (await chunkUsers), imports: await count('imports'), outbox: await count('outbox') };
    db.close();
    return result;
  });
  // One user from the committed import; one import record; customer.create + 5 changes of the import.
  expect(stored.users).toBe(1);
  expect(stored.imports).toBe(1);
  expect(stored.outbox).toBe(5);
  expect(problems).toEqual([]);
});

test('reports a bad export by file, record and field and stores nothing', async ({ page }) => {
  const customers = new CustomersPage(page);
  await customers.openAndAdd('Northwind');
  const bad = JSON.parse(graph('directory.subscriptions.list.response.json').toString('utf8')) as { value: Record<string, unknown>[] };
  bad.value[0]!.nextLifecycleDateTime = 'next spring';
  await pickExports(customers.importSection, { subscriptions: json('subscriptions.json', Buffer.from(JSON.stringify(bad))) });
  await customers.importButton.click();
  await expect(customers.importOutcome).toContainText('A file could not be read, so nothing was stored: subscriptions.json: record 1');
  await expect(customers.importOutcome).toContainText('nextLifecycleDateTime');
  await expect(customers.row('Northwind')).toContainText('Not imported');
});

test('backs up the workspace to a file and restores it into an empty one; a bad file changes nothing', async ({ page, browser }) => {
  await new CustomersPage(page).openAndAdd('Fabrikam Foods');
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.storageUsage).toContainText(/Using [\d.]+ MB of [\d.]+ MB/);
  const downloading = page.waitForEvent('download');
  await settings.backUp.click();
  const download = await downloading;
  const text = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'csp-migration-workspace-backup', version: 1, scope: { kind: 'workspace' } });

  // Another profile: an empty workspace.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const settings2 = new SettingsPage(page2);
  const customers2 = new CustomersPage(page2);
  await settings2.open();
  const bad = JSON.parse(text) as { tables: { customers: Record<string, unknown>[] } };
  bad.tables.customers[0]!.stage = 'finished';
  await settings2.restore.setInputFiles(json('bad.json', Buffer.from(JSON.stringify(bad))));
  await expect(settings2.backupOutcome).toContainText('This file cannot be restored, and nothing was changed: table customers, row 1, field stage');
  await settings2.restore.setInputFiles(json('backup.json', Buffer.from(text)));
  await expect(settings2.backupOutcome).toContainText(/Restored \d+ records from the backup/);
  await customers2.open();
  await expect(customers2.row('Fabrikam Foods')).toBeVisible();
  await page2.reload();
  await expect(customers2.row('Fabrikam Foods')).toBeVisible();
  await other.close();
});

test('says so on every page when a newer copy of the app upgrades the workspace in another window', async ({ page, context }) => {
  const customers = new CustomersPage(page);
  const shell = new Shell(page);
  await customers.openAndAdd('Contoso');
  // Another window opens the database with a newer schema (IndexedDB version 999 > ours).
  const other = await context.newPage();
  await other.goto('./bench/import.html');
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('csp-migration-workspace', 999);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
  );
  const alert = shell.storageAlert;
  await expect(alert).toContainText('A newer version of the app opened the workspace in another window. Reload this window to continue.');
  await shell.navigate('Settings');
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Reload' }).click();
  // After the reload this copy opens the upgraded database (Dexie 4 opens a newer version whose
  // tables it knows) and nothing was lost.
  await shell.navigate('Customers');
  await expect(customers.row('Contoso')).toBeVisible();
  await expect(shell.storageAlert).toHaveCount(0);
});
