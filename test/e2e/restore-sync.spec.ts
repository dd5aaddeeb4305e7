// Restore, then sync, in real Chromium against a real server: a laptop's backup holding a change that
// never reached the team is restored into a new profile; the change reaches the team once, and the
// restored workspace goes on syncing as a new client (its old client id is never reused, or the
// server would skip its next changes as duplicates).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { json } from './files';
import { screens } from './pages';
import { serverForThisFile, signIn, useServer } from './syncServer';
import { watchForErrors } from './support';

const server = serverForThisFile([
    { email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent' },
    { email: 'ben@fabrikam.example', name: 'Ben', role: 'sales-agent' },
  ]);

test('a backup with a change the team never got is restored into a new profile and syncs it once', async ({ browser }) => {
  test.setTimeout(90_000);
  const aiko = await server.person(browser, 'aiko@fabrikam.example');
  const ben = await server.person(browser, 'ben@fabrikam.example');
  const aikoSees = screens(aiko.page);
  const benSees = screens(ben.page);

  // Aiko works offline, backs up, and the laptop is lost before it ever syncs again.
  await aiko.setOffline(true);
  await aikoSees.shell.navigate('Customers');
  await aikoSees.customers.addCustomer('Restored Contoso');
  await aikoSees.settings.open();
  const downloading = aiko.page.waitForEvent('download');
  await aikoSees.settings.backUp.click();
  const backup = readFileSync((await (await downloading).path())!);
  const saved = JSON.parse(backup.toString('utf8')) as { tables: { outbox: { name: string }[]; syncMeta: { clientId: string }[] } };
  expect(saved.tables.outbox.map((m) => m.name)).toEqual(['customer.create']);
  const oldClientId = saved.tables.syncMeta[0]!.clientId;
  await aiko.context.close();

  // A new profile: the backup is restored, then Aiko signs in.
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchForErrors(page);
  const sees = screens(page);
  await useServer(page, server.url());
  await sees.settings.restore.setInputFiles(json('backup.json', backup));
  await expect(sees.settings.backupOutcome).toContainText(/Restored \d+ records from the backup/);
  await signIn(page, 'aiko@fabrikam.example');
  await expect(sees.reviewSync.nothingWaiting).toBeVisible({ timeout: 20_000 });
  const newClientId = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('csp-migration-workspace');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('syncMeta').objectStore('syncMeta').get('meta');
          get.onsuccess = () => resolve((get.result as { clientId: string }).clientId);
          get.onerror = () => reject(get.error);
        };
      }),
  );
  expect(newClientId).not.toBe(oldClientId);

  // The team has the change once.
  await benSees.shell.navigate('Customers');
  await expect(benSees.customers.row('Restored Contoso')).toHaveCount(1, { timeout: 20_000 });

  // And the restored workspace goes on syncing: its next change is not taken for a duplicate.
  await sees.shell.navigate('Customers');
  await sees.customers.newName.fill('After the restore');
  await sees.customers.add.click();
  await expect(benSees.customers.row('After the restore')).toHaveCount(1, { timeout: 20_000 });
  await expect(sees.customers.row('Restored Contoso')).toHaveCount(1);
  expect(problems).toEqual([]);
  await context.close();
});
