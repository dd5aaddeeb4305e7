// The Microsoft 365 admin center's users export as a customer's admin saves it (the real fixture,
// renamed by a person), imported in real Chromium through the import worker: the catalog maps its
// license names, an ambiguous name is asked first, and the outcome says what the file cannot say.
import { expect, test } from '@playwright/test';
import { fixture } from './files';
import { CustomersPage, SettingsPage, pickExports } from './pages';
import { watchForErrors } from './support';

test('imports an admin-center users export picked under any name, asking which Business Basic the tenant has', async ({ page }) => {
  // The real licensing catalog goes through the worker first: slower than one screen's default.
  test.setTimeout(120_000);
  const problems = watchForErrors(page);
  await new SettingsPage(page).importCatalog();
  const customers = new CustomersPage(page);
  await customers.openAndAdd('Contoso Japan');
  const row = customers.row('Contoso Japan');
  await expect(row).toContainText('Not imported');

  const section = customers.importSection;
  // The guide is there, folded.
  await customers.guide.click();
  await expect(section.getByText('Users > Active users > Export users')).toBeVisible();

  await pickExports(section, { adminCenterUsers: { name: 'export (3).csv', mimeType: 'text/csv', buffer: fixture('m365-admin-center/users_12_1_2026 9_30_12 AM.csv') } });
  const choice = section.getByLabel(/"Microsoft 365 Business Basic" \(5 users\) is the name of several products/);
  await expect(choice).toBeVisible();
  await choice.selectOption({ label: 'O365_BUSINESS_ESSENTIALS' });
  await customers.importButton.click();

  const outcome = customers.importOutcome;
  await expect(outcome).toContainText('Imported.', { timeout: 20_000 });
  await expect(outcome).toContainText('Admin center users export: 40 users, 29-column layout.');
  await expect(outcome).toContainText('no expiry dates and no channel');
  await expect(outcome).toContainText('Free and trial products left aside:');
  await expect(outcome).toContainText('No usage location for 10 users');
  await expect(outcome).not.toContainText('stands for several products');
  await expect(customers.licensedUsers('Contoso Japan')).toHaveText('40');
  expect(problems).toEqual([]);
});
