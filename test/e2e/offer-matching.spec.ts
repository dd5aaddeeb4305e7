// The offer-matching wizard with the real fixtures: a customer whose Graph exports were imported
// before the Microsoft catalog (the wizard says the catalog is missing), a broken export refused
// with its file, record and field, a refresh, every line reviewed with its services side by side,
// a target overridden through the catalog search, a quantity cut below the seats in use (the seat
// math shows the shortfall), an order date validated, the plan saved, and the same plan after a
// reload, saved again without duplicating a line. axe at every step.
import { expect, test, type Page } from '@playwright/test';
import { chooseCustomer, addCustomerWithTenant, docScreenshot, expectNoSeriousAxeViolations, graph, importCatalog, savePartnerProfile, watchForErrors } from './support';

const CUSTOMER = 'Contoso Pharmaceuticals';

function localDate(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function wizardStep(page: Page) {
  return page.getByRole('region', { name: /^Step \d:/ });
}

function lineRow(page: Page, sku: string) {
  return page.getByTestId('plan-line').filter({ has: page.getByText(sku, { exact: true }) });
}

test('matches every line, overrides a target, does the seat math and saves the plan for good', async ({ page, context }) => {
  test.setTimeout(120_000);
  const problems = watchForErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await savePartnerProfile(page);
  await addCustomerWithTenant(page, CUSTOMER);

  // Step 1: the customer, picked from the list; its id goes into the address.
  await page.goto('./#/offer-matching');
  await expect(page.getByRole('heading', { level: 1, name: 'Offer matching' })).toBeVisible();
  await expect(wizardStep(page)).toHaveAccessibleName('Step 1: Customer');
  await expectNoSeriousAxeViolations(page, 'step 1');
  await chooseCustomer(page, 'Customer to plan', CUSTOMER, `${CUSTOMER} (Not started)`);
  await page.getByRole('button', { name: 'Open this customer' }).click();
  await expect(page).toHaveURL(/#\/offer-matching\/[^/]+$/);
  const wizardUrl = page.url();

  // Step 2: what is imported, and the missing catalog said plainly.
  const step = wizardStep(page);
  await expect(step).toHaveAccessibleName('Step 2: Tenant exports');
  await expect(step.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page.getByTestId('wizard-customer')).toHaveText(`Customer: ${CUSTOMER}, stage: Not started`);
  await expect(step).toContainText('The Microsoft catalog is missing');
  await expect(step).toContainText('Import it in Settings > Microsoft catalog.');
  const current = step.getByTestId('current-import');
  await expect(current).toContainText('subscribedSkus.json, subscriptions.json, users.json');
  await expect(current).toContainText('2 products, 1 subscription, 1 user');
  await expect(page.getByRole('button', { name: 'Next: Review and choose' })).toBeDisabled();
  await expectNoSeriousAxeViolations(page, 'step 2, no catalog');
  await docScreenshot(page, 'offer-exports-no-catalog');

  // A broken export: refused with its file, record and field, nothing replaced.
  const broken = JSON.parse(graph('directory.subscriptions.list.response.json').toString('utf8')) as { value: Record<string, unknown>[] };
  broken.value[0]!.totalLicenses = 'twenty-five';
  await step.getByLabel('directory/subscriptions (owners and dates)').setInputFiles({ name: 'subscriptions-broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await step.getByRole('button', { name: 'Import and replace' }).click();
  await expect(step.getByTestId('offer-import-outcome')).toContainText('A file could not be read, so nothing was stored');
  const where = step.getByTestId('import-error-details');
  await expect(where).toContainText('subscriptions-broken.json');
  await expect(where).toContainText('Record');
  await expect(where).toContainText('totalLicenses');
  await expect(current).toContainText('subscribedSkus.json, subscriptions.json, users.json');
  await expectNoSeriousAxeViolations(page, 'step 2, import error');
  await docScreenshot(page, 'offer-import-error');

  // The refresh with the real exports.
  await step.getByLabel('subscribedSkus (licenses bought)').setInputFiles({ name: 'subscribedSkus.json', mimeType: 'application/json', buffer: graph('subscribedSkus.list.response.json') });
  await step.getByLabel('directory/subscriptions (owners and dates)').setInputFiles({ name: 'subscriptions.json', mimeType: 'application/json', buffer: graph('directory.subscriptions.list.response.json') });
  await step.getByLabel('users with licenses').setInputFiles({ name: 'users.json', mimeType: 'application/json', buffer: graph('user.licenseAssignmentStates.example.json') });
  await step.getByRole('button', { name: 'Import and replace' }).click();
  await expect(step.getByTestId('offer-import-outcome')).toContainText('Imported.');
  await expect(step.getByTestId('import-error-details')).toHaveCount(0);

  await importCatalog(page);
  await page.goto(wizardUrl);
  await expect(wizardStep(page)).not.toContainText('The Microsoft catalog is missing');

  // Step 3: one row per line, with its match.
  await page.getByRole('button', { name: 'Next: Review and choose' }).click();
  await expect(step).toHaveAccessibleName('Step 3: Review and choose');
  await expect(page.getByTestId('plan-line')).toHaveCount(3);
  await expect(lineRow(page, 'ENTERPRISEPREMIUM')).toContainText('Same offer');
  await expect(lineRow(page, 'ENTERPRISEPREMIUM')).toContainText('25 (14 in use)');
  await expect(lineRow(page, 'MyPartNumber')).toContainText('No match');
  await expect(lineRow(page, 'MyPartNumber')).toContainText('Another partner');
  await expect(step.getByTestId('tenant-findings')).toContainText('REGION_MISMATCH');
  await expectNoSeriousAxeViolations(page, 'step 3, lines');
  await docScreenshot(page, 'offer-review');

  // The E5 line: the same offer proposed; overridden with Microsoft 365 E5 through the search.
  await page.getByRole('button', { name: 'Review Office 365 E5 (Unknown)' }).click();
  await expect(page.getByTestId('line-title')).toBeFocused();
  await expect(page.getByTestId('line-title')).toHaveText('Office 365 E5 (ENTERPRISEPREMIUM)');
  await expect(page.getByTestId('line-findings')).toContainText('END_OF_TERM_EST');
  await expect(page.getByTestId('line-findings')).not.toContainText('let it expire');
  await expect(step).toContainText('The same product: all');
  await expect(page.getByRole('radio', { name: /^Proposed: Office 365 E5 \(ENTERPRISEPREMIUM\), Same offer$/ })).toBeChecked();
  await page.getByRole('radio', { name: 'Another product from the catalog' }).check();
  const search = page.getByRole('combobox', { name: 'Search the catalog' });
  await search.fill('SPE_E5');
  await page.getByRole('option', { name: 'Microsoft 365 E5 (SPE_E5)' }).click();
  await expect(page.getByTestId('services')).toContainText('Now (Office 365 E5)');
  await expect(page.getByTestId('services')).toContainText('After (Microsoft 365 E5)');
  await expect(page.getByTestId('services-summary')).toContainText(/\d+ kept, \d+ changed tier, \d+ lost, [1-9]\d* gained\./);

  // Fewer licenses than are in use: the seat math shows the shortfall.
  await page.getByLabel('Licenses to buy').fill('10');
  const seats = page.getByTestId('seat-math');
  await expect(seats).toContainText('In use now14');
  await expect(seats).toContainText('To buy10');
  await expect(seats).toContainText('Short4');
  await expect(step).toContainText('4 licenses short: 14 are in use but only 10 would be bought');
  await expect(page.getByTestId('dates')).toContainText('Not known: the subscriptions export gives no end date for this line.');
  await expectNoSeriousAxeViolations(page, 'step 3, line edited');
  await page.getByRole('button', { name: 'Use these choices for this line' }).click();
  await expect(page.getByTestId('line-applied')).toContainText('Kept for this line.');
  await expect(page.getByTestId('line-findings')).toContainText('SEAT_SHORTFALL');
  await expect(step.getByTestId('match-kind')).toHaveText('Different');
  await docScreenshot(page, 'offer-line');

  // The subscription without a catalog match: a target chosen, and its order date checked.
  await page.getByRole('button', { name: 'All lines' }).click();
  await page.getByRole('button', { name: 'Review MyPartNumber (Another partner)' }).click();
  const findings = page.getByTestId('line-findings');
  await expect(findings).toContainText('UNKNOWN_SKU');
  await expect(findings).toContainText('EXPIRY_DEADLINE');
  await expect(page.getByTestId('dates')).toContainText('2023-02-01');
  await expect(page.getByTestId('dates')).toContainText('2023-03-03');
  await expect(page.getByRole('radio', { name: /^No target yet/ })).toBeChecked();
  await page.getByRole('radio', { name: 'Another product from the catalog' }).check();
  await search.fill('office 365 e3');
  await page.getByRole('option', { name: 'Office 365 E3 (ENTERPRISEPACK)' }).click();
  await expect(step).toContainText('MyPartNumber is not in the Microsoft catalog, so its services are unknown');
  const orderDate = page.getByLabel('Order the CSP subscription on');
  await expect(orderDate).toHaveValue(localDate(0));
  await orderDate.fill(localDate(-1));
  await page.getByRole('button', { name: 'Use these choices for this line' }).click();
  await expect(step).toContainText('The order date cannot be before the plan date');
  await expectNoSeriousAxeViolations(page, 'step 3, date refused');
  const ordered = localDate(7);
  await orderDate.fill(ordered);
  await page.getByRole('button', { name: 'Use these choices for this line' }).click();
  await expect(page.getByTestId('line-applied')).toContainText('Kept for this line.');
  await expect(page.getByText('Lines with choices not saved yet: 2.')).toBeVisible();

  // Step 4: saved as the plan; the customer moves on to "Plan ready".
  await page.getByRole('button', { name: 'Next: Save the plan' }).click();
  await expect(step).toHaveAccessibleName('Step 4: Save the plan');
  await expect(page.getByTestId('plan-summary')).toContainText('Not saved yet');
  await expect(page.getByTestId('plan-summary')).toContainText('3 in all: 3 with a target, 0 without');
  await expectNoSeriousAxeViolations(page, 'step 4');
  await page.getByRole('button', { name: 'Save as the plan' }).click();
  await expect(page.getByTestId('save-outcome')).toContainText('Plan saved: 3 added, 0 updated, 0 removed.');
  await expect(page.getByTestId('plan-summary')).toContainText(/Ready, dates as of \d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('wizard-customer')).toHaveText(`Customer: ${CUSTOMER}, stage: Plan ready`);
  await expectNoSeriousAxeViolations(page, 'step 4, saved');
  await docScreenshot(page, 'offer-save');

  // After a reload: the saved choices are the wizard's starting point.
  await page.reload();
  await expect(wizardStep(page)).toHaveAccessibleName('Step 2: Tenant exports');
  await page.getByRole('button', { name: '4. Save the plan' }).click();
  await expect(page.getByTestId('plan-summary')).toContainText('Ready');
  await expect(lineRow(page, 'ENTERPRISEPREMIUM')).toContainText('Different');
  await expect(lineRow(page, 'ENTERPRISEPREMIUM')).toContainText('Microsoft 365 E5 × 10');
  await expect(lineRow(page, 'ENTERPRISEPREMIUM')).toContainText('4 short');
  await expect(lineRow(page, 'MyPartNumber')).toContainText('Office 365 E3 × 25');
  // The order day as English writes it (shared/domain/format.ts formatDay).
  await expect(lineRow(page, 'MyPartNumber')).toContainText(new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${ordered}T00:00:00Z`)));
  await expect(lineRow(page, 'CRMSTANDARD')).toContainText('Same offer');
  await page.getByRole('button', { name: 'Save changes to the plan' }).click();
  await expect(page.getByTestId('save-outcome')).toContainText('Plan saved: 0 added, 0 updated, 0 removed.');
  await expect(page.getByTestId('plan-line')).toHaveCount(3);

  // The line opens from the plan with the saved choice.
  await page.getByRole('button', { name: 'Review Office 365 E5 (Unknown)' }).click();
  await expect(page.getByLabel('Licenses to buy')).toHaveValue('10');
  // Microsoft 365 E5 is also one of the ranked equivalents, so the saved choice shows as that option.
  await expect(page.getByRole('radio', { name: /^Microsoft 365 E5 \(SPE_E5\): keeps \d+ services/ })).toBeChecked();
  await expect(page.getByTestId('services')).toContainText('After (Microsoft 365 E5)');
  await page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(page.getByTestId('outbox')).toContainText('Saved the plan: 3 lines added, 0 changed, 0 removed');

  // In Japanese and the dark theme: the saved plan and a line, still without serious axe findings.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/settings');
  await page.getByLabel('Language', { exact: true }).selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.goto(wizardUrl);
  await page.getByRole('button', { name: '4．計画の保存' }).click();
  await expect(page.getByTestId('plan-summary')).toContainText('準備完了');
  await expect(lineRow(page, 'ENTERPRISEPREMIUM')).toContainText('別の製品');
  await expectNoSeriousAxeViolations(page, 'step 4, Japanese, dark');
  await page.getByRole('button', { name: 'Office 365 E5 を確認 (不明)' }).click();
  await expect(page.getByTestId('seat-math')).toContainText('不足数4');
  await expectNoSeriousAxeViolations(page, 'step 3, line, Japanese, dark');
  await docScreenshot(page, 'offer-line-ja-dark');
  expect(problems).toEqual([]);
});
