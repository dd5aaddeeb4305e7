// Two people, two real browser contexts (each its own IndexedDB), one real sync server (a child
// process on PGlite): a customer added while one of them is offline reaches the other after it
// reconnects, through push, poke and pull.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serverForThisFile } from './syncServer';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = serverForThisFile([
    { email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent' },
    { email: 'ben@fabrikam.example', name: 'Ben', role: 'sales-agent' },
  ]);

const person = server.person;

test('a change made offline in one browser appears in the other after it reconnects', async ({ browser }) => {
  const aiko = await person(browser, 'aiko@fabrikam.example');
  const ben = await person(browser, 'ben@fabrikam.example');
  await expect(aiko.reviewSync.signedInAs).toHaveText('Signed in as Aiko (Admin agent)');

  await aiko.setOffline(true);
  await aiko.shell.navigate('Customers');
  await aiko.customers.addCustomer('Offline Contoso');
  await aiko.shell.navigate('Review & sync');
  await expect(aiko.reviewSync.outbox).toContainText('Created customer Offline Contoso');
  await aiko.page.screenshot({ path: path.join(root, 'test-results/screenshots/review-sync-offline.png'), fullPage: true });

  // Ben sees nothing while Aiko is offline.
  await ben.shell.navigate('Customers');
  await expect(ben.customers.empty).toBeVisible();

  await aiko.setOffline(false);
  await aiko.reviewSync.syncNow.click();
  await expect(ben.customers.row('Offline Contoso')).toBeVisible({ timeout: 20_000 });
  await expect(aiko.reviewSync.nothingWaiting).toBeVisible({ timeout: 20_000 });
  await aiko.page.screenshot({ path: path.join(root, 'test-results/screenshots/review-sync.png'), fullPage: true });
});

test('two people change the same stage from the same base: the conflict is shown in words and resolved for both', async ({ browser }) => {
  const aiko = await person(browser, 'aiko@fabrikam.example');
  const ben = await person(browser, 'ben@fabrikam.example');
  await aiko.shell.navigate('Customers');
  await aiko.customers.newName.fill('Conflicted Contoso');
  await aiko.customers.add.click();
  await ben.shell.navigate('Customers');
  await expect(ben.customers.link('Conflicted Contoso')).toBeVisible({ timeout: 20_000 });

  // Aiko, offline, moves the customer to "Accepted"; Ben, online, to "Invited" first.
  await aiko.setOffline(true);
  await aiko.customers.link('Conflicted Contoso').click();
  await aiko.caseFile.stageSelect.selectOption({ label: 'Accepted' });
  await expect(aiko.caseFile.stageSaved).toBeVisible();
  await ben.customers.link('Conflicted Contoso').click();
  await ben.caseFile.stageSelect.selectOption({ label: 'Invited' });
  await ben.shell.navigate('Review & sync');
  await expect(ben.reviewSync.nothingWaiting).toBeVisible({ timeout: 20_000 });

  // Aiko reconnects: her change arrived on a stale base, so it becomes a conflict, not an overwrite.
  await aiko.setOffline(false);
  await aiko.shell.navigate('Review & sync');
  await aiko.reviewSync.syncNow.click();
  const conflict = aiko.reviewSync.conflict;
  await expect(conflict).toContainText('Two people changed "Stage" of Conflicted Contoso at the same time', { timeout: 20_000 });
  await expect(conflict).toContainText('Now: Invited (by Ben). Also proposed: Accepted (by Aiko).');
  await aiko.page.screenshot({ path: path.join(root, 'docs/screenshots/review-sync-conflict.png'), fullPage: true });
  await aiko.reviewSync.take('Accepted').click();
  await expect(conflict).toHaveCount(0);

  // Both end with the proposed value.
  await ben.shell.navigate('Customers');
  await ben.customers.link('Conflicted Contoso').click();
  await expect(ben.caseFile.stageSelect).toHaveValue('accepted', { timeout: 20_000 });
  await ben.shell.navigate('Review & sync');
  await expect(ben.reviewSync.conflict).toHaveCount(0);
});
