// Drafts carry their base, proven with two people in two real browser profiles and a real sync
// server: Ben's offer-matching draft, made before Aiko saved another target, never overwrites
// it. A draft that changed only the quantity keeps Aiko's target; a draft that changed the target
// too becomes a conflict both of them see, in words (products by name), not an overwrite.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { chooseCustomer, addCustomerWithTenant, docScreenshot, importCatalog, savePartnerProfile } from './support';
import { person as signedInPerson, startSyncServer, type SyncServer } from './syncServer';

const CUSTOMER = 'Stale Contoso';
let server: SyncServer;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  server = await startSyncServer(new URL(baseURL!).origin, 'Fabrikam', [
    { email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent' },
    { email: 'ben@fabrikam.example', name: 'Ben', role: 'admin-agent' },
  ]);
});

test.afterAll(async () => {
  await server?.stop();
});

const person = (browser: Browser, email: string) => signedInPerson(browser, server.url, email);
const lineRow = (page: Page, sku: string) => page.getByTestId('plan-line').filter({ has: page.getByText(sku, { exact: true }) });

async function waitUntilSent(page: Page) {
  await page.getByRole('link', { name: 'Review & sync' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('Nothing waiting', { exact: false })).toBeVisible({ timeout: 30_000 });
}

/** Opens the customer's plan in the offer-matching wizard, at step 3. */
async function openPlan(page: Page) {
  await page.goto('./#/offer-matching');
  await chooseCustomer(page, 'Customer to plan', CUSTOMER, new RegExp(`^${CUSTOMER} \\(`));
  await page.getByRole('button', { name: 'Open this customer' }).click();
  await page.getByRole('button', { name: 'Next: Review and choose' }).click();
}

async function chooseTarget(page: Page, search: string, option: string) {
  await page.getByRole('radio', { name: 'Another product from the catalog' }).check();
  await page.getByRole('combobox', { name: 'Search the catalog' }).fill(search);
  await page.getByRole('option', { name: option }).click();
}

test('a stale draft never overwrites a teammate: the untouched field shows through, the same field becomes a conflict in words', async ({ browser }) => {
  test.setTimeout(240_000);
  const aiko = await person(browser, 'aiko@fabrikam.example');
  const ben = await person(browser, 'ben@fabrikam.example');

  // Aiko sets up the customer and saves the engine's plan as it is.
  await savePartnerProfile(aiko.page);
  await addCustomerWithTenant(aiko.page, CUSTOMER);
  await importCatalog(aiko.page);
  await openPlan(aiko.page);
  await aiko.page.getByRole('button', { name: 'Next: Save the plan' }).click();
  await aiko.page.getByRole('button', { name: 'Save as the plan' }).click();
  await expect(aiko.page.getByTestId('save-outcome')).toContainText('Plan saved: 3 added');
  await waitUntilSent(aiko.page);

  // Ben opens the plan and changes only the quantity of the E5 line: a draft, not saved yet.
  await ben.page.getByRole('button', { name: 'Sync now' }).click();
  await expect(ben.page.getByTestId('sync-phase')).toHaveText('Up to date', { timeout: 30_000 });
  await openPlan(ben.page);
  await ben.page.getByRole('button', { name: 'Review Office 365 E5 (Unknown)' }).click();
  await ben.page.getByLabel('Licenses to buy').fill('20');
  await ben.page.getByRole('button', { name: 'Use these choices for this line' }).click();
  await expect(ben.page.getByTestId('line-applied')).toContainText('Kept for this line.');

  // Meanwhile Aiko chooses Microsoft 365 E5 for that line and saves.
  await openPlan(aiko.page);
  await aiko.page.getByRole('button', { name: 'Review Office 365 E5 (Unknown)' }).click();
  await chooseTarget(aiko.page, 'SPE_E5', 'Microsoft 365 E5 (SPE_E5)');
  await aiko.page.getByRole('button', { name: 'Use these choices for this line' }).click();
  await aiko.page.getByRole('button', { name: 'Next: Save the plan' }).click();
  await aiko.page.getByRole('button', { name: 'Save changes to the plan' }).click();
  await expect(aiko.page.getByTestId('save-outcome')).toContainText('Plan saved: 0 added, 1 updated, 0 removed.');
  await waitUntilSent(aiko.page);

  // Ben's open draft shows Aiko's target (he did not touch it); saving sends only his quantity.
  await ben.page.getByRole('link', { name: 'Review & sync' }).click();
  await ben.page.getByRole('button', { name: 'Sync now' }).click();
  await expect(ben.page.getByText('Nothing waiting', { exact: false })).toBeVisible({ timeout: 30_000 });
  await ben.page.goBack();
  await ben.page.getByRole('button', { name: '4. Save the plan' }).click();
  await expect(lineRow(ben.page, 'ENTERPRISEPREMIUM')).toContainText('Microsoft 365 E5 × 20', { timeout: 15_000 });
  await ben.page.getByRole('button', { name: 'Save changes to the plan' }).click();
  await expect(ben.page.getByTestId('save-outcome')).toContainText('Plan saved: 0 added, 1 updated, 0 removed.');
  await waitUntilSent(ben.page);
  await openPlan(aiko.page);
  await aiko.page.getByRole('button', { name: 'Next: Save the plan' }).click();
  await expect(lineRow(aiko.page, 'ENTERPRISEPREMIUM')).toContainText('Microsoft 365 E5 × 20', { timeout: 30_000 });

  // Now both change the TARGET of that line from the same base: Ben offline, Aiko first.
  await ben.setOffline(true);
  await openPlan(ben.page);
  await ben.page.getByRole('button', { name: 'Review Office 365 E5 (Unknown)' }).click();
  await chooseTarget(ben.page, 'office 365 e3', 'Office 365 E3 (ENTERPRISEPACK)');
  await ben.page.getByRole('button', { name: 'Use these choices for this line' }).click();
  await ben.page.getByRole('button', { name: 'Next: Save the plan' }).click();
  await ben.page.getByRole('button', { name: 'Save changes to the plan' }).click();
  await expect(ben.page.getByTestId('save-outcome')).toContainText('1 updated');

  await openPlan(aiko.page);
  await aiko.page.getByRole('button', { name: 'Review Office 365 E5 (Unknown)' }).click();
  await chooseTarget(aiko.page, 'SPE_E3', 'Microsoft 365 E3 (SPE_E3)');
  await aiko.page.getByRole('button', { name: 'Use these choices for this line' }).click();
  await aiko.page.getByRole('button', { name: 'Next: Save the plan' }).click();
  await aiko.page.getByRole('button', { name: 'Save changes to the plan' }).click();
  await waitUntilSent(aiko.page);

  // Ben reconnects: his change reached the server on a stale base, so it is a conflict, in words.
  await ben.setOffline(false);
  await waitUntilSent(ben.page);
  for (const page of [ben.page, aiko.page]) {
    await page.getByRole('link', { name: 'Review & sync' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const conflict = page.getByTestId('conflict');
    await expect(conflict).toContainText(`Two people changed "Target offer" of the Office 365 E5 (ENTERPRISEPREMIUM) line of ${CUSTOMER} at the same time`, { timeout: 30_000 });
    await expect(conflict).toContainText('Now: Microsoft 365 E3 (SPE_E3) (by Aiko). Also proposed: Office 365 E3 (ENTERPRISEPACK) (by Ben).');
    await expect(conflict).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  }
  await docScreenshot(aiko.page, 'review-sync-plan-conflict');
  // Aiko's target stands until someone decides.
  await openPlan(ben.page);
  await ben.page.getByRole('button', { name: 'Next: Save the plan' }).click();
  await expect(lineRow(ben.page, 'ENTERPRISEPREMIUM')).toContainText('Microsoft 365 E3 × 20');
});
