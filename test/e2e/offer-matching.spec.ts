// The offer-matching wizard with the real fixtures: a customer whose Graph exports were imported
// before the Microsoft catalog (the wizard says the catalog is missing), a broken export refused
// with its file, record and field, a refresh, every line reviewed with its services side by side,
// a target overridden through the catalog search, a quantity cut below the seats in use (the seat
// math shows the shortfall), an order date validated, the plan saved, and the same plan after a
// reload, saved again without duplicating a line. axe at every step.
import { expect, test } from '@playwright/test';
import { json } from './files';
import { CustomersPage, OfferMatchingWizard, ReviewSyncPage, SettingsPage, pickExports, sampleTenant } from './pages';
import { docScreenshot, expectNoSeriousAxeViolations, graph, watchForErrors } from './support';

const CUSTOMER = 'Contoso Pharmaceuticals';

function localDate(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('matches every line, overrides a target, does the seat math and saves the plan for good', async ({ page, context }) => {
  test.setTimeout(120_000);
  const problems = watchForErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const settings = new SettingsPage(page);
  const customers = new CustomersPage(page);
  const wizard = new OfferMatchingWizard(page);
  await settings.savePartnerProfile();
  await customers.openAndAdd(CUSTOMER);
  await customers.importTenant(CUSTOMER);

  // Step 1: the customer, picked from the list; its id goes into the address.
  await wizard.open();
  await expect(wizard.shell.heading).toHaveText('Offer matching');
  await expect(wizard.step).toHaveAccessibleName('Step 1: Customer');
  await expectNoSeriousAxeViolations(page, 'step 1');
  await wizard.chooseCustomer(CUSTOMER, `${CUSTOMER} (Not started)`);
  await expect(page).toHaveURL(/#\/offer-matching\/[^/]+$/);
  const wizardUrl = page.url();

  // Step 2: what is imported, and the missing catalog said plainly.
  const step = wizard.step;
  await expect(step).toHaveAccessibleName('Step 2: Tenant exports');
  await expect(step.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(wizard.customer).toHaveText(`Customer: ${CUSTOMER}, stage: Not started`);
  await expect(step).toContainText('The Microsoft catalog is missing');
  await expect(step).toContainText('Import it in Settings > Microsoft catalog.');
  const current = wizard.currentImport;
  await expect(current).toContainText('subscribedSkus.json, subscriptions.json, users.json');
  await expect(current).toContainText('2 products, 1 subscription, 1 user');
  await expect(wizard.nextReview).toBeDisabled();
  await expectNoSeriousAxeViolations(page, 'step 2, no catalog');
  await docScreenshot(page, 'offer-exports-no-catalog');

  // A broken export: refused with its file, record and field, nothing replaced.
  const broken = JSON.parse(graph('directory.subscriptions.list.response.json').toString('utf8')) as { value: Record<string, unknown>[] };
  broken.value[0]!.totalLicenses = 'twenty-five';
  await pickExports(step, { subscriptions: json('subscriptions-broken.json', Buffer.from(JSON.stringify(broken))) });
  await wizard.importAndReplace.click();
  await expect(wizard.importOutcome).toContainText('A file could not be read, so nothing was stored');
  const where = wizard.importErrorDetails;
  await expect(where).toContainText('subscriptions-broken.json');
  await expect(where).toContainText('Record');
  await expect(where).toContainText('totalLicenses');
  await expect(current).toContainText('subscribedSkus.json, subscriptions.json, users.json');
  await expectNoSeriousAxeViolations(page, 'step 2, import error');
  await docScreenshot(page, 'offer-import-error');

  // The refresh with the real exports.
  await pickExports(step, sampleTenant());
  await wizard.importAndReplace.click();
  await expect(wizard.importOutcome).toContainText('Imported.');
  await expect(wizard.importErrorDetails).toHaveCount(0);

  await settings.importCatalog();
  await page.goto(wizardUrl);
  await expect(wizard.step).not.toContainText('The Microsoft catalog is missing');

  // Step 3: one row per line, with its match.
  await wizard.nextReview.click();
  await expect(step).toHaveAccessibleName('Step 3: Review and choose');
  await expect(wizard.lines).toHaveCount(3);
  await expect(wizard.line('ENTERPRISEPREMIUM')).toContainText('Same offer');
  await expect(wizard.line('ENTERPRISEPREMIUM')).toContainText('25 (14 in use)');
  await expect(wizard.line('MyPartNumber')).toContainText('No match');
  await expect(wizard.line('MyPartNumber')).toContainText('Another partner');
  await expect(wizard.tenantFindings).toContainText('REGION_MISMATCH');
  await expectNoSeriousAxeViolations(page, 'step 3, lines');
  await docScreenshot(page, 'offer-review');

  // The E5 line: the same offer proposed; overridden with Microsoft 365 E5 through the search.
  await wizard.reviewLine('Office 365 E5', 'Unknown');
  await expect(wizard.lineTitle).toBeFocused();
  await expect(wizard.lineTitle).toHaveText('Office 365 E5 (ENTERPRISEPREMIUM)');
  await expect(wizard.lineFindings).toContainText('END_OF_TERM_EST');
  await expect(wizard.lineFindings).not.toContainText('let it expire');
  await expect(step).toContainText('The same product: all');
  await expect(wizard.target(/^Proposed: Office 365 E5 \(ENTERPRISEPREMIUM\), Same offer$/)).toBeChecked();
  await wizard.chooseFromCatalog('SPE_E5', 'Microsoft 365 E5 (SPE_E5)');
  await expect(wizard.services).toContainText('Now (Office 365 E5)');
  await expect(wizard.services).toContainText('After (Microsoft 365 E5)');
  await expect(wizard.servicesSummary).toContainText(/\d+ kept, \d+ changed tier, \d+ lost, [1-9]\d* gained\./);

  // Fewer licenses than are in use: the seat math shows the shortfall.
  await wizard.licensesToBuy.fill('10');
  const seats = wizard.seatMath;
  await expect(seats).toContainText('In use now14');
  await expect(seats).toContainText('To buy10');
  await expect(seats).toContainText('Short4');
  await expect(step).toContainText('4 licenses short: 14 are in use but only 10 would be bought');
  await expect(wizard.dates).toContainText('Not known: the subscriptions export gives no end date for this line.');
  await expectNoSeriousAxeViolations(page, 'step 3, line edited');
  await wizard.useChoices.click();
  await expect(wizard.lineApplied).toContainText('Kept for this line.');
  await expect(wizard.lineFindings).toContainText('SEAT_SHORTFALL');
  await expect(wizard.matchKind).toHaveText('Different');
  await docScreenshot(page, 'offer-line');

  // The subscription without a catalog match: a target chosen, and its order date checked.
  await wizard.allLines.click();
  await wizard.reviewLine('MyPartNumber', 'Another partner');
  const findings = wizard.lineFindings;
  await expect(findings).toContainText('UNKNOWN_SKU');
  await expect(findings).toContainText('EXPIRY_DEADLINE');
  await expect(wizard.dates).toContainText('2023-02-01');
  await expect(wizard.dates).toContainText('2023-03-03');
  await expect(wizard.target(/^No target yet/)).toBeChecked();
  await wizard.chooseFromCatalog('office 365 e3', 'Office 365 E3 (ENTERPRISEPACK)');
  await expect(step).toContainText('MyPartNumber is not in the Microsoft catalog, so its services are unknown');
  const orderDate = wizard.orderDate;
  await expect(orderDate).toHaveValue(localDate(0));
  await orderDate.fill(localDate(-1));
  await wizard.useChoices.click();
  await expect(step).toContainText('The order date cannot be before the plan date');
  await expectNoSeriousAxeViolations(page, 'step 3, date refused');
  const ordered = localDate(7);
  await orderDate.fill(ordered);
  await wizard.useChoices.click();
  await expect(wizard.lineApplied).toContainText('Kept for this line.');
  await expect(wizard.unsaved(2)).toBeVisible();

  // Step 4: saved as the plan; the customer moves on to "Plan ready".
  await wizard.nextSave.click();
  await expect(step).toHaveAccessibleName('Step 4: Save the plan');
  await expect(wizard.planSummary).toContainText('Not saved yet');
  await expect(wizard.planSummary).toContainText('3 in all: 3 with a target, 0 without');
  await expectNoSeriousAxeViolations(page, 'step 4');
  await wizard.saveAsPlan.click();
  await expect(wizard.saveOutcome).toContainText('Plan saved: 3 added, 0 updated, 0 removed.');
  await expect(wizard.planSummary).toContainText(/Ready, dates as of \d{4}-\d{2}-\d{2}/);
  await expect(wizard.customer).toHaveText(`Customer: ${CUSTOMER}, stage: Plan ready`);
  await expectNoSeriousAxeViolations(page, 'step 4, saved');
  await docScreenshot(page, 'offer-save');

  // After a reload: the saved choices are the wizard's starting point.
  await page.reload();
  await expect(wizard.step).toHaveAccessibleName('Step 2: Tenant exports');
  await wizard.stepButton(4).click();
  await expect(wizard.planSummary).toContainText('Ready');
  await expect(wizard.line('ENTERPRISEPREMIUM')).toContainText('Different');
  await expect(wizard.line('ENTERPRISEPREMIUM')).toContainText('Microsoft 365 E5 × 10');
  await expect(wizard.line('ENTERPRISEPREMIUM')).toContainText('4 short');
  await expect(wizard.line('MyPartNumber')).toContainText('Office 365 E3 × 25');
  await expect(wizard.line('MyPartNumber')).toContainText(new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${ordered}T00:00:00Z`)));
  await expect(wizard.line('CRMSTANDARD')).toContainText('Same offer');
  await wizard.saveChanges.click();
  await expect(wizard.saveOutcome).toContainText('Plan saved: 0 added, 0 updated, 0 removed.');
  await expect(wizard.lines).toHaveCount(3);

  // The line opens from the plan with the saved choice.
  await wizard.reviewLine('Office 365 E5', 'Unknown');
  await expect(wizard.licensesToBuy).toHaveValue('10');
  // Microsoft 365 E5 is also one of the ranked equivalents, so the saved choice shows as that option.
  await expect(wizard.target(/^Microsoft 365 E5 \(SPE_E5\): keeps \d+ services/)).toBeChecked();
  await expect(wizard.services).toContainText('After (Microsoft 365 E5)');
  const review = new ReviewSyncPage(page);
  await review.openFromNav();
  await expect(review.outbox).toContainText('Saved the plan: 3 lines added, 0 changed, 0 removed');

  // In Japanese and the dark theme: the saved plan and a line, still without serious axe findings.
  await page.emulateMedia({ colorScheme: 'dark' });
  await settings.open();
  await settings.chooseLanguage('ja');
  const wizardJa = new OfferMatchingWizard(page, 'ja');
  await expect(wizardJa.shell.html).toHaveAttribute('lang', 'ja');
  await page.goto(wizardUrl);
  await wizardJa.stepButton(4).click();
  await expect(wizardJa.planSummary).toContainText('準備完了');
  await expect(wizardJa.line('ENTERPRISEPREMIUM')).toContainText('別の製品');
  await expectNoSeriousAxeViolations(page, 'step 4, Japanese, dark');
  await wizardJa.reviewLine('Office 365 E5', '不明');
  await expect(wizardJa.seatMath).toContainText('不足数4');
  await expectNoSeriousAxeViolations(page, 'step 3, line, Japanese, dark');
  await docScreenshot(page, 'offer-line-ja-dark');
  expect(problems).toEqual([]);
});
