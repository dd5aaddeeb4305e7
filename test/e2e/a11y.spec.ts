// Accessibility: axe-core on every screen, in English and Japanese, light and dark. No serious or
// critical violation may ship. Empty screens first, then the screens as they are at work: a case file
// with findings, offer matching with a line open, license check with users listed, Review & sync
// with changes waiting.
import { expect, test } from '@playwright/test';
import { json } from './files';
import { usersExport } from './licenseUsers';
import { CaseFilePage, CustomersPage, LicenseCheckPage, OfferMatchingWizard, ReviewSyncPage, sampleTenant, SettingsPage, Shell, type Language } from './pages';
import { expectNoSeriousAxeViolations, watchForErrors } from './support';

const views = ['dashboard', 'customers', 'invite', 'offer-matching', 'license-check', 'review-sync', 'settings'];

for (const language of ['en', 'ja'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violations (${language}, ${colorScheme})`, async ({ browser }) => {
      // Seven axe runs: over the default 30 s when the machine is busy (the dark runs timed out so).
      test.setTimeout(90_000);
      const context = await browser.newContext({ locale: language === 'ja' ? 'ja-JP' : 'en-US', colorScheme });
      const page = await context.newPage();
      const shell = new Shell(page, language);
      for (const view of views) {
        await page.goto(`./#/${view}`);
        await expect(shell.heading).toBeVisible();
        await expect(shell.html).toHaveAttribute('lang', language);
        await expectNoSeriousAxeViolations(page, view);
      }
      await context.close();
    });
  }
}

const CUSTOMER = 'Contoso Pharma';
/** The E5 line's channel as the offer-matching wizard names it (the samples do not say who sells it). */
const UNKNOWN_CHANNEL: Record<Language, string> = { en: 'Unknown', ja: '不明' };

test('no serious or critical axe violations on screens with data: a case file with findings, offer matching mid-way, license check with users, Review & sync with changes waiting (en and ja, light and dark)', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchForErrors(page);

  // The real catalog and Graph samples, with three E5 users; E5 moved to E3 so that users must be reassigned.
  const settings = new SettingsPage(page);
  await settings.savePartnerProfile();
  await settings.importCatalog();
  const customers = new CustomersPage(page);
  await customers.openAndAdd(CUSTOMER);
  await customers.importTenant(CUSTOMER, { ...sampleTenant(), users: json('users.json', Buffer.from(usersExport)) });
  await customers.link(CUSTOMER).click();
  await expect(page).toHaveURL(/#\/customers\/[^/]+$/);
  const customerId = /#\/customers\/([^/]+)$/.exec(page.url())![1]!;
  await page.goto(`./#/license-check/${customerId}`);
  const licenseEn = new LicenseCheckPage(page);
  await licenseEn.applyTargetFor('Office 365 E5 (25 seats)', 'Office 365 E3 (ENTERPRISEPACK)');
  await expect(licenseEn.summary).toContainText('3 users need reassignment');

  for (const language of ['en', 'ja'] as const) {
    await settings.open();
    await settings.language.selectOption(language);
    const shell = new Shell(page, language);
    await expect(shell.html).toHaveAttribute('lang', language);

    /** The screen as it is, in both themes (the theme follows the computer's, the default). */
    const check = async (where: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expect(shell.themed()).toHaveAttribute('data-theme', colorScheme);
        await expectNoSeriousAxeViolations(page, `${where} (${language}, ${colorScheme})`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    };

    // The case file: subscriptions, the plan with its findings, users, activity.
    const caseFile = new CaseFilePage(page);
    await page.goto(`./#/customers/${customerId}`);
    await expect(caseFile.title(CUSTOMER)).toBeVisible();
    await expect(caseFile.root.locator('[data-finding="UNKNOWN_SKU"]').first()).toBeVisible();
    await check('case file with findings');

    // Offer matching mid-way: step 3, the E5 line open with its services side by side.
    const wizard = new OfferMatchingWizard(page, language);
    await wizard.open(customerId);
    await wizard.stepButton(3).click();
    await expect(wizard.lines).toHaveCount(3);
    await wizard.reviewLine('Office 365 E5', UNKNOWN_CHANNEL[language]);
    await expect(wizard.lineTitle).toBeFocused();
    await expect(wizard.services).toBeVisible();
    await check('offer matching, a line open');

    // License check, step 2: the three users to reassign.
    const license = new LicenseCheckPage(page, language);
    await page.goto(`./#/license-check/${customerId}`);
    await license.stepButton(2).click();
    await expect(license.stepHeading(2)).toBeVisible();
    await expect(license.user('alice@contoso.com')).toBeVisible();
    await expect(license.user("o'brien@contoso.com")).toBeVisible();
    await check('license check, users listed');

    // Review & sync: every change so far waits in the outbox (no server yet).
    const review = new ReviewSyncPage(page);
    await review.open();
    await expect(review.pending.first()).toBeVisible();
    await check('review & sync, changes waiting');
  }
  expect(problems).toEqual([]);
});
