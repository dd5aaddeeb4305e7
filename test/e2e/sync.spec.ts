// Two people, two real browser contexts (each its own IndexedDB), one real sync server (a child
// process on PGlite): a customer added while one of them is offline reaches the other after it
// reconnects, through push, poke and pull.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser } from '@playwright/test';
import { person as signedInPerson, startSyncServer, type SyncServer } from './syncServer';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: SyncServer;

test.beforeAll(async ({ baseURL }) => {
  // Seeding the organization and a PGlite start: slow on a busy 2-core machine.
  test.setTimeout(120_000);
  server = await startSyncServer(new URL(baseURL!).origin, 'Fabrikam', [
    { email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent' },
    { email: 'ben@fabrikam.example', name: 'Ben', role: 'sales-agent' },
  ]);
});

test.afterAll(async () => {
  await server?.stop();
});

const person = (browser: Browser, email: string) => signedInPerson(browser, server.url, email);

test('a change made offline in one browser appears in the other after it reconnects', async ({ browser }) => {
  const aiko = await person(browser, 'aiko@fabrikam.example');
  const ben = await person(browser, 'ben@fabrikam.example');
  await expect(aiko.page.getByTestId('signed-in-as')).toHaveText('Signed in as Aiko (Admin agent)');

  await aiko.setOffline(true);
  await aiko.page.getByRole('link', { name: 'Customers' }).click();
  await aiko.page.getByLabel("New customer's name").fill('Offline Contoso');
  await aiko.page.getByRole('button', { name: 'Add customer' }).click();
  await expect(aiko.page.getByRole('row', { name: /Offline Contoso/ })).toBeVisible();
  await aiko.page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(aiko.page.getByTestId('outbox')).toContainText('Created customer Offline Contoso');
  await aiko.page.screenshot({ path: path.join(root, 'test-results/screenshots/review-sync-offline.png'), fullPage: true });

  // Ben sees nothing while Aiko is offline.
  await ben.page.getByRole('link', { name: 'Customers' }).click();
  await expect(ben.page.getByText('No customers yet.', { exact: false })).toBeVisible();

  await aiko.setOffline(false);
  await aiko.page.getByRole('button', { name: 'Sync now' }).click();
  await expect(ben.page.getByRole('row', { name: /Offline Contoso/ })).toBeVisible({ timeout: 20_000 });
  await expect(aiko.page.getByText('Nothing waiting', { exact: false })).toBeVisible({ timeout: 20_000 });
  await aiko.page.screenshot({ path: path.join(root, 'test-results/screenshots/review-sync.png'), fullPage: true });
});

test('two people change the same stage from the same base: the conflict is shown in words and resolved for both', async ({ browser }) => {
  const aiko = await person(browser, 'aiko@fabrikam.example');
  const ben = await person(browser, 'ben@fabrikam.example');
  await aiko.page.getByRole('link', { name: 'Customers' }).click();
  await aiko.page.getByLabel("New customer's name").fill('Conflicted Contoso');
  await aiko.page.getByRole('button', { name: 'Add customer' }).click();
  await ben.page.getByRole('link', { name: 'Customers' }).click();
  await expect(ben.page.getByRole('link', { name: 'Conflicted Contoso' })).toBeVisible({ timeout: 20_000 });

  // Aiko, offline, moves the customer to "Accepted"; Ben, online, to "Invited" first.
  await aiko.setOffline(true);
  await aiko.page.getByRole('link', { name: 'Conflicted Contoso' }).click();
  await aiko.page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Accepted' });
  await expect(aiko.page.getByText('Stage saved.')).toBeVisible();
  await ben.page.getByRole('link', { name: 'Conflicted Contoso' }).click();
  await ben.page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Invited' });
  await ben.page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(ben.page.getByText('Nothing waiting', { exact: false })).toBeVisible({ timeout: 20_000 });

  // Aiko reconnects: her change arrived on a stale base, so it becomes a conflict, not an overwrite.
  await aiko.setOffline(false);
  await aiko.page.getByRole('link', { name: 'Review & sync' }).click();
  await aiko.page.getByRole('button', { name: 'Sync now' }).click();
  const conflict = aiko.page.getByTestId('conflict');
  await expect(conflict).toContainText('Two people changed "Stage" of Conflicted Contoso at the same time', { timeout: 20_000 });
  await expect(conflict).toContainText('Now: Invited (by Ben). Also proposed: Accepted (by Aiko).');
  await aiko.page.screenshot({ path: path.join(root, 'docs/screenshots/review-sync-conflict.png'), fullPage: true });
  await conflict.getByRole('button', { name: 'Take "Accepted"' }).click();
  await expect(conflict).toHaveCount(0);

  // Both end with the proposed value.
  await ben.page.getByRole('link', { name: 'Customers' }).click();
  await ben.page.getByRole('link', { name: 'Conflicted Contoso' }).click();
  await expect(ben.page.getByRole('combobox', { name: 'Stage' })).toHaveValue('accepted', { timeout: 20_000 });
  await ben.page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(ben.page.getByTestId('conflict')).toHaveCount(0);
});
