// Partner Center's lists end to end in Chromium: an empty workspace gets its customers from a
// Customers.csv built in the documented layout (previewed, then one change); the same list again
// creates nothing (every tenant already there); a customer's subscriptions export records the lines
// the partner sells; the Graph import then fills the Details it knows (issue 13 items 4 and 7).
import { expect, test } from '@playwright/test';
import { CaseFilePage, CustomersPage, SettingsPage, chooseCustomer, pickExports, sampleTenant } from './pages';
import { expectNoSeriousAxeViolations, watchForErrors } from './support';

const CONTOSO = 'eebd1b55-5360-4438-a11d-5c06918c3014';
const FABRIKAM = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const CUSTOMERS_CSV = Buffer.from(
  '\uFEFF' +
    [
      'Microsoft ID,Company name,Primary domain name,Relationship',
      `${CONTOSO.toUpperCase()},"Contoso, Ltd.",contoso.co.jp,Reseller`,
      `${FABRIKAM},Fabrikam,fabrikam.com,None`,
      `${FABRIKAM},Fabrikam again,fabrikam.com,None`,
      'not-a-guid,Broken,broken.com,None',
    ].join('\r\n') +
    '\r\n',
);
const SUBSCRIPTIONS_CSV = Buffer.from(
  '\uFEFFSubscription ID,Subscription,Quantity,Status,Reseller\r\nf9c1ea2d-2c6e-4717-8c3b-7130812d70ba,Office 365 E3,25,Active,\r\n',
);

test('Partner Center customer list, own subscriptions, and what the tenant import fills', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchForErrors(page);
  const settings = new SettingsPage(page);
  const customers = new CustomersPage(page);
  const caseFile = new CaseFilePage(page);
  await settings.savePartnerProfile();
  await settings.importCatalog();
  await customers.open();
  // In a browser the list cannot be read from Partner Center's API: the button says why.
  await expect(customers.readFromPartnerCenter).toBeDisabled();
  await expect(customers.pcNeedsDesktop).toBeVisible();
  await customers.pcListInput.setInputFiles({ name: 'Customers.csv', mimeType: 'text/csv', buffer: CUSTOMERS_CSV });
  await expect(customers.pcCounts).toHaveText('Customers.csv: 2 new, 0 already in the workspace (same tenant id), 1 repeated in the file, 1 refused.');
  await expect(customers.pcRefused).toHaveText('Row 5, column Microsoft ID: "not-a-guid" is not a tenant id (a GUID)');
  await expectNoSeriousAxeViolations(page, 'customer list preview');
  await customers.createFromList(2).click();
  await expect(customers.pcOutcome).toHaveText('Customers created from Customers.csv: 2.');
  await expect(customers.row(/Contoso, Ltd\./)).toBeVisible();
  await expect(customers.row('Fabrikam')).toBeVisible();

  // The same list again, dropped anywhere on the page: every tenant is already in the workspace.
  const dropped = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'Customers (1).csv', { type: 'text/csv' }));
    return transfer;
  }, CUSTOMERS_CSV.toString('utf8'));
  await page.dispatchEvent('[data-testid="customers-page"]', 'drop', { dataTransfer: dropped });
  await expect(customers.pcCounts).toHaveText('Customers (1).csv: 0 new, 2 already in the workspace (same tenant id), 1 repeated in the file, 1 refused.');
  await expect(customers.createFromList(0)).toBeDisabled();

  // The Graph exports imported for Contoso (the documentation's subscription, sold by another partner).
  const { subscribedSkus, subscriptions } = sampleTenant();
  await chooseCustomer(customers.importSection, 'Customer', 'Contoso, Ltd.');
  await pickExports(customers.importSection, { subscribedSkus, subscriptions });
  await customers.importButton.click();
  await expect(customers.importOutcome).toContainText('Filled from the import: Bought through');

  await customers.link('Contoso, Ltd.').click();
  const details = caseFile.details;
  await expect(caseFile.detail('Tenant ID')).toHaveValue(CONTOSO);
  await expect(details.getByTestId('source-tenantId')).toHaveText(/^From the import of \d{4}-\d{2}-\d{2} \(Customers\.csv\)$/);
  await expect(details.getByRole('combobox', { name: /Bought through/ })).toHaveValue('other-partner');
  await expect(details.getByTestId('source-channel')).toHaveText(/^From the import of \d{4}-\d{2}-\d{2} \(subscribedSkus\.json, subscriptions\.json\)$/);

  // Partner Center says the partner sells that subscription (its commerce id): recorded, then kept by the plan.
  const own = caseFile.ownSubscriptions;
  await own.getByTestId('own-input').setInputFiles({ name: 'subscriptions.csv', mimeType: 'text/csv', buffer: SUBSCRIPTIONS_CSV });
  await expect(own.getByTestId('own-preview')).toContainText('subscriptions.csv: subscriptions 1, of them in the imported tenant 1.');
  await expectNoSeriousAxeViolations(page, 'own subscriptions preview');
  await own.getByRole('button', { name: 'Record as yours (1)' }).click();
  await expect(own.getByTestId('own-outcome')).toHaveText('Recorded as sold by you, from subscriptions.csv: 1.');
  await expect(own.getByTestId('own-recorded-table')).toContainText('Yes');
  expect(problems).toEqual([]);
});
