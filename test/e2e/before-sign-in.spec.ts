// Work done on this computer before anyone signed in, then a sign-in by a person whose role may
// not make some of it: what they may make reaches the team; the rest waits, unsent, with the
// reason in words and what to do, grouped under the change it builds on, and nothing vanishes
// from the screens until the person discards it.
import { expect, test } from '@playwright/test';
import { docScreenshot, savePartnerProfile } from './support';
import { signIn, startSyncServer, useServer, type SyncServer } from './syncServer';

let server: SyncServer;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  server = await startSyncServer(new URL(baseURL!).origin, 'Fabrikam', [{ email: 'ben@fabrikam.example', name: 'Ben', role: 'sales-agent' }]);
});

test.afterAll(async () => {
  await server?.stop();
});

test('changes made before sign-in that the role may not make wait with the reason; the others are sent; discarding takes them back', async ({ page }) => {
  test.setTimeout(120_000);
  await useServer(page, server.url);
  // Before any sign-in: a customer, then the partner profile (which only an Admin agent may edit).
  await page.goto('./#/customers');
  await page.getByLabel("New customer's name").fill('Early Contoso');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('row', { name: /Early Contoso/ })).toBeVisible();
  await savePartnerProfile(page, { name: 'Fabrikam before sign-in' });
  await page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(page.getByTestId('waiting-for-sign-in')).toContainText('Waiting for sign-in: changes kept on this computer, sent to your team when you sign in: 2.');

  // Ben, a Sales agent, signs in: the customer goes to the team, the profile edit waits, in words.
  await signIn(page, 'ben@fabrikam.example');
  const held = page.getByTestId('held-change');
  await expect(held).toHaveCount(1);
  await expect(held).toContainText('Edited the partner profile');
  await expect(held).toContainText('Only an Admin agent can');
  await expect(held).toContainText('Made on this computer before you signed in, so it was not sent');
  await expect(page.getByTestId('outbox')).toContainText('waiting: your role may not make it');
  await expect(page.getByTestId('outbox').locator('li')).toHaveCount(1);
  await docScreenshot(page, 'review-sync-held');

  // Nothing vanished: the profile still shows what was typed until it is discarded.
  await page.goto('./#/settings');
  await expect(page.getByRole('region', { name: 'Partner profile' }).getByLabel('Partner name')).toHaveValue('Fabrikam before sign-in');
  await page.getByRole('link', { name: 'Review & sync' }).click();
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByText('Nothing waiting', { exact: false })).toBeVisible({ timeout: 20_000 });
  await page.goto('./#/settings');
  await expect(page.getByRole('region', { name: 'Partner profile' }).getByLabel('Partner name')).toHaveValue('');
});
