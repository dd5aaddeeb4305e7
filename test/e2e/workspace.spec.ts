// The offline workspace in real Chromium: a tenant import in the worker (real Graph samples), its
// progress and cancel, persistence across a reload, and backup/restore. Each test has a fresh
// browser context, so a fresh IndexedDB.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const graph = (name: string) => readFileSync(new URL(`../../../shared/fixtures/graph/${name}`, import.meta.url));

function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

async function addCustomer(page: Page, name: string) {
  await page.getByLabel("New customer's name").fill(name);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
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
  await page.goto('./#/customers');
  await addCustomer(page, 'Contoso');
  const contoso = page.getByRole('row', { name: /Contoso/ });
  await expect(contoso).toContainText('Not imported');

  const section = page.getByRole('region', { name: 'Import tenant exports' });
  await section.getByLabel('subscribedSkus (licenses bought)').setInputFiles({ name: 'subscribedSkus.json', mimeType: 'application/json', buffer: graph('subscribedSkus.list.response.json') });
  await section.getByLabel('directory/subscriptions (owners and dates)').setInputFiles({ name: 'subscriptions.json', mimeType: 'application/json', buffer: graph('directory.subscriptions.list.response.json') });
  await section.getByLabel('users with licenses').setInputFiles({ name: 'users.json', mimeType: 'application/json', buffer: graph('user.licenseAssignmentStates.example.json') });
  await section.getByRole('button', { name: 'Import' }).click();
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toContainText('Imported. Imported tenant exports (subscribedSkus.json, subscriptions.json, users.json)');
  await expect(outcome).toContainText('1 user (1 added, 0 updated, 0 removed)');
  await expect(contoso.getByRole('cell').nth(3)).toHaveText('1');

  // The data lives in IndexedDB: a reload shows it again.
  await page.reload();
  await expect(page.getByRole('row', { name: /Contoso/ }).getByRole('cell').nth(3)).toHaveText('1');

  // Review & sync lists the import as one change, however many parts it travels as.
  await page.getByRole('link', { name: 'Review & sync' }).click();
  const pending = page.getByTestId('outbox').locator('li');
  await expect(pending).toHaveCount(2);
  await expect(pending.nth(0)).toContainText('Created customer Contoso');
  await expect(pending.nth(1)).toContainText('Imported tenant exports (subscribedSkus.json, subscriptions.json, users.json) (sent as 4 parts)');
  await page.getByRole('link', { name: 'Customers' }).click();

  // A 40,000-user export: progress shows, and a cancel while storing keeps nothing of it.
  await section.getByLabel('users with licenses').setInputFiles({ name: 'users-large.json', mimeType: 'application/json', buffer: syntheticUsers(40_000) });
  await section.getByRole('button', { name: 'Import' }).click();
  await expect(section.getByText(/Storing: \d+ of \d+ parts/)).toBeVisible({ timeout: 15_000 });
  await expect(section.getByRole('progressbar', { name: /Storing: \d+ of \d+ parts/ })).toBeVisible();
  await section.getByRole('button', { name: 'Cancel import' }).click();
  await expect(outcome).toContainText('The import was cancelled. Nothing was stored.', { timeout: 15_000 });
  await expect(page.getByRole('row', { name: /Contoso/ }).getByRole('cell').nth(3)).toHaveText('1');
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
  await page.goto('./#/customers');
  await addCustomer(page, 'Northwind');
  const section = page.getByRole('region', { name: 'Import tenant exports' });
  const bad = JSON.parse(graph('directory.subscriptions.list.response.json').toString('utf8')) as { value: Record<string, unknown>[] };
  bad.value[0]!.nextLifecycleDateTime = 'next spring';
  await section.getByLabel('directory/subscriptions (owners and dates)').setInputFiles({ name: 'subscriptions.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await section.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('A file could not be read, so nothing was stored: subscriptions.json: record 1');
  await expect(page.getByTestId('import-outcome')).toContainText('nextLifecycleDateTime');
  await expect(page.getByRole('row', { name: /Northwind/ })).toContainText('Not imported');
});

test('backs up the workspace to a file and restores it into an empty one; a bad file changes nothing', async ({ page, browser }) => {
  await page.goto('./#/customers');
  await addCustomer(page, 'Fabrikam Foods');
  await page.goto('./#/settings');
  const section = page.getByRole('region', { name: 'Workspace data: back up and restore' });
  await expect(section.getByTestId('storage-usage')).toContainText(/Using [\d.]+ MB of [\d.]+ MB/);
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Back up the workspace' }).click();
  const download = await downloading;
  const text = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'csp-migration-workspace-backup', version: 1, scope: { kind: 'workspace' } });

  // Another profile: an empty workspace.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto('./#/settings');
  const section2 = page2.getByRole('region', { name: 'Workspace data: back up and restore' });
  const bad = JSON.parse(text) as { tables: { customers: Record<string, unknown>[] } };
  bad.tables.customers[0]!.stage = 'finished';
  await section2.getByLabel('Restore a workspace backup').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page2.getByTestId('backup-outcome')).toContainText('This file cannot be restored, and nothing was changed: table customers, row 1, field stage');
  await section2.getByLabel('Restore a workspace backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page2.getByTestId('backup-outcome')).toContainText(/Restored \d+ records from the backup/);
  await page2.goto('./#/customers');
  await expect(page2.getByRole('row', { name: /Fabrikam Foods/ })).toBeVisible();
  await page2.reload();
  await expect(page2.getByRole('row', { name: /Fabrikam Foods/ })).toBeVisible();
  await other.close();
});

test('says so on every page when a newer copy of the app upgrades the workspace in another window', async ({ page, context }) => {
  await page.goto('./#/customers');
  await addCustomer(page, 'Contoso');
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
  const alert = page.getByTestId('storage-alert');
  await expect(alert).toContainText('A newer version of the app opened the workspace in another window. Reload this window to continue.');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Reload' }).click();
  // After the reload this copy opens the upgraded database (Dexie 4 opens a newer version whose
  // tables it knows) and nothing was lost.
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('row', { name: /Contoso/ })).toBeVisible();
  await expect(page.getByTestId('storage-alert')).toHaveCount(0);
});
