// The customer case file, end to end in Chromium with the real Microsoft catalog and the Graph
// documentation exports: open it from the list with the keyboard, edit the details (a bad tenant id
// is refused with the field's message), read subscriptions, plan, findings and activity, download the
// plan as CSV and XLSX and check what is inside, and print the one-page summary; axe at every step,
// in English and Japanese.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { CaseFilePage, CustomersPage, SettingsPage } from './pages';
import { docScreenshot, expectNoSeriousAxeViolations, watchForErrors } from './support';

const NAME = 'Contoso Pharma';

async function downloaded(page: Page, button: Locator): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** The shell scrolls its main area, not the page: bring a section to the top for a screenshot. */
async function scrollToTop(section: Locator): Promise<void> {
  await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** Tab from where the focus is until it reaches the link named `name` (at most `limit` presses). */
async function tabTo(page: Page, name: string, limit = 15): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLAnchorElement ? el.textContent : null;
    });
    if (focused === name) return;
  }
  throw new Error(`the link "${name}" was not reached with Tab`);
}

test('case file: open from the list by keyboard, edit, read the findings, export CSV/XLSX, print; English and Japanese', async ({ page }) => {
  // The slowest spec: two languages, prints and downloads; over 150 s when the 2-core machine is shared.
  test.setTimeout(240_000);
  const problems = watchForErrors(page);
  const settings = new SettingsPage(page);
  const customers = new CustomersPage(page);
  const caseFile = new CaseFilePage(page);
  await settings.importCatalog();
  await settings.savePartnerProfile({ country: 'JP' });
  await customers.openAndAdd(NAME);
  await customers.importTenant(NAME);
  await customers.addCustomer('Adatum Bank');

  // The list: sorted by name, sortable and filterable; the 4th cell is the licensed-user count.
  await expect(customers.listRows).toHaveCount(3);
  await expect(customers.listRows.nth(1)).toContainText('Adatum Bank');
  await expect(customers.licensedUsers('Adatum Bank')).toHaveText('Not imported');
  await customers.sortBy('Name').click();
  await expect(customers.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending');
  await expect(customers.listRows.nth(1)).toContainText(NAME);
  await customers.stageFilter.selectOption({ label: 'Done' });
  await expect(customers.noMatch).toBeVisible();
  await customers.stageFilter.selectOption({ label: 'All stages' });
  await expectNoSeriousAxeViolations(page, 'customer list');
  await docScreenshot(page, 'case-file-list-en');

  // Keyboard only: search, then Tab to the customer's link and press Enter.
  await customers.search.fill('pharma');
  await expect(customers.listRows).toHaveCount(2);
  await expect(customers.showing(1, 2)).toBeVisible();
  await tabTo(page, NAME);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/customers\/[^/]+$/);
  await expect(caseFile.title(NAME)).toBeFocused();
  await expect(caseFile.shell.heading).toHaveText('Customers');

  // Subscriptions by channel, with owner, licenses, expiry and the 30-day deadline.
  const subscriptions = caseFile.subscriptions;
  await expect(subscriptions.getByRole('heading', { name: 'Another partner (1)' })).toBeVisible();
  const mine = caseFile.subscription('MyPartNumber');
  await expect(mine).toContainText('another partner (331af819…)');
  await expect(mine).toContainText('Feb 1, 2023');
  await expect(mine).toContainText('Mar 3, 2023');
  await expect(mine).toContainText('The 30-day window has ended');
  await expect(subscriptions.getByRole('heading', { name: 'Owner not known (2)' })).toBeVisible();

  // The plan line by line with each finding's rule and message; the region rule for the whole tenant.
  const plan = caseFile.plan;
  await expect(plan).toContainText('No plan saved yet');
  await expect(plan.getByRole('listitem').filter({ hasText: "Region not checked: the customer's country is unknown" })).toContainText('Rule: REGION_MISMATCH');
  const line = caseFile.planLine('MyPartNumber');
  await expect(line.getByRole('heading')).toContainText('No target yet');
  await expect(caseFile.finding('UNKNOWN_SKU', line)).toContainText('MyPartNumber is not in the licensing catalog (a newer SKU?): choose its target offer by hand.');
  await expect(caseFile.finding('UNKNOWN_SKU', line)).toContainText('Rule: UNKNOWN_SKU');
  await expect(caseFile.finding('EXPIRY_DEADLINE', line)).toContainText('its 30-day window ended on Mar 3, 2023');
  const premium = caseFile.planLine('Office 365 E5');
  await expect(premium.getByRole('heading')).toContainText('Same offer');
  await expect(caseFile.invitations).toContainText('No reseller invitation yet');
  await expect(caseFile.prepareInvitation).toHaveAttribute('href', /#\/invite\//);
  await expect(caseFile.seeUsersInLicenseCheck).toHaveAttribute('href', /#\/license-check\//);
  const activity = caseFile.activity;
  await expect(activity).toContainText(`Created customer ${NAME}`);
  await expectNoSeriousAxeViolations(page, 'case file');
  await docScreenshot(page, 'case-file-en');
  await scrollToTop(plan);
  await docScreenshot(page, 'case-file-plan-en');

  // Details: a bad tenant id is refused with the field's message and nothing is saved.
  const details = caseFile.details;
  await details.getByLabel('Tenant ID').fill('not-a-guid');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByText('A tenant ID is a GUID such as')).toBeVisible();
  await expect(details.getByLabel('Tenant ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(activity).not.toContainText('Edited customer details');
  await expectNoSeriousAxeViolations(page, 'details with an error');
  await details.getByLabel('Tenant ID').fill('72F988BF-86F1-41AF-91AB-2D7CD011DB47');
  await details.getByLabel('Domain').fill('contoso-pharma.com');
  await details.getByLabel('Country').fill('us');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('status')).toHaveText('Details saved for your whole team.');
  await expect(activity).toContainText('Edited customer details (Domain, Tenant ID, Country)');
  await expect(details.getByLabel('Tenant ID')).toHaveValue('72f988bf-86f1-41af-91ab-2d7cd011db47');
  // The country is known now: the region rule is checked (a Japanese partner, a US customer).
  await expect(caseFile.finding('REGION_MISMATCH')).toContainText('are in different CSP regions');

  const stage = caseFile.stage;
  await stage.getByLabel('Stage', { exact: true }).selectOption({ label: 'Invited' });
  await expect(stage.getByRole('status')).toHaveText('Stage saved.');
  await stage.getByLabel('Notes').fill('IT contact: Aiko Tanaka. Renewal talks in March.');
  await stage.getByRole('button', { name: 'Save notes' }).click();
  await expect(stage.getByRole('status')).toHaveText('Notes saved.');
  await expect(activity).toContainText('Moved the customer to the stage "Invited"');
  await expectNoSeriousAxeViolations(page, 'case file after edits');
  await scrollToTop(caseFile.users);
  await docScreenshot(page, 'case-file-details-en');

  // CSV: one row per plan line, findings with their rule.
  const csv = await downloaded(page, caseFile.exportButton('Export plan (CSV)'));
  expect(csv.download.suggestedFilename()).toMatch(/^Contoso-Pharma-plan-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual([
    'Line (subscription ID)', 'Bought through', 'Status', 'Current part number', 'Current SKU ID', 'Current licenses', 'Licenses in use', 'Expires',
    'Provision before', 'Match', 'Target part number', 'Target SKU ID', 'Target licenses', 'Order date', 'Users to reassign', 'Findings (rule: message)',
    // Added with the dated rules (issue 11), after the older columns: a Teams pair, and each finding's rule, date and source.
    'Ordered as a pair (Teams)', 'Rule of each finding', 'Rule in force since', 'Rule source', 'Rule source link',
    // Added for people (issue 16): the products by their catalog names, beside the part numbers above.
    'Current product', 'Target product',
  ]);
  expect(rows).toHaveLength(4);
  const csvLine = rows.find((r) => r[3] === 'MyPartNumber')!;
  expect(csvLine.slice(1, 3)).toEqual(['Another partner', 'Enabled']);
  expect(csvLine[5]).toBe('25');
  expect(csvLine.slice(7, 10)).toEqual(['2023-02-01', '2023-03-03', 'No target yet']);
  expect(csvLine[15]).toContain('UNKNOWN_SKU: MyPartNumber is not in the licensing catalog');
  // A product the catalog does not know keeps its part number as its name; a known one reads by name.
  expect(csvLine.slice(21, 23)).toEqual(['MyPartNumber', '']);
  const e5 = rows.find((r) => r[3] === 'ENTERPRISEPREMIUM')!;
  expect(e5.slice(21, 23)).toEqual(['Office 365 E5', 'Office 365 E5']);
  await expect(caseFile.exportOutcome).toContainText('(3 plan lines)');
  await expectNoSeriousAxeViolations(page, 'after the CSV export');

  // XLSX: a real workbook (a zip) whose sheet holds the same lines.
  const xlsx = await downloaded(page, caseFile.exportButton('Export plan (Excel)'));
  expect(xlsx.download.suggestedFilename()).toMatch(/^Contoso-Pharma-plan-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const files = unzipSync(new Uint8Array(xlsx.bytes));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const strings = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : '';
  expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Plan"');
  expect(sheet.match(/<row /g)).toHaveLength(4);
  for (const value of ['MyPartNumber', 'ENTERPRISEPREMIUM', 'Office 365 E5', 'CRMSTANDARD', 'Microsoft Dynamics CRM Online', '2023-03-03', 'Another partner', 'UNKNOWN_SKU: MyPartNumber']) expect(sheet + strings).toContain(value);
  await expectNoSeriousAxeViolations(page, 'after the XLSX export');

  // Print: only the summary, on one A4 page.
  await page.emulateMedia({ media: 'print' });
  const summary = caseFile.printSummary;
  await expect(summary).toBeVisible();
  await expect(caseFile.root).toBeHidden();
  await expect(summary).toContainText(`Migration summary: ${NAME}`);
  await expect(summary).toContainText('72f988bf-86f1-41af-91ab-2d7cd011db47');
  await expect(summary).toContainText('REGION_MISMATCH');
  await expectNoSeriousAxeViolations(page, 'print view');
  await docScreenshot(page, 'case-file-print-en');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // A customer with no tenant imported: every section says what to do next; nothing to export.
  await caseFile.allCustomers.click();
  await customers.link('Adatum Bank').click();
  await expect(caseFile.title('Adatum Bank')).toBeVisible();
  await expect(caseFile.subscriptions).toContainText("No tenant data yet: import the customer's Microsoft Graph exports");
  await expect(caseFile.plan).toContainText("Nothing to plan yet: import the customer's tenant exports first.");
  await expect(caseFile.exportButton('Export plan (CSV)')).toBeDisabled();
  await expect(caseFile.users).toContainText("Once the tenant's exports are imported");
  await expect(caseFile.activity).toContainText('Created customer Adatum Bank');
  await expectNoSeriousAxeViolations(page, 'case file without a tenant');
  await docScreenshot(page, 'case-file-empty-en');
  await page.goBack();
  await page.goBack();
  await expect(caseFile.title(NAME)).toBeVisible();

  // Japanese: the same case file, findings rendered in Japanese with their rule codes.
  const url = page.url();
  await settings.open();
  const settingsJa = await settings.chooseLanguage('ja');
  await expect(settingsJa.shell.html).toHaveAttribute('lang', 'ja');
  await page.goto(url);
  await expect(caseFile.title(NAME)).toBeVisible();
  const planJa = caseFile.ja.plan;
  await expect(caseFile.finding('UNKNOWN_SKU', planJa).first()).toContainText('MyPartNumber はライセンス カタログにありません');
  await expect(caseFile.finding('UNKNOWN_SKU', planJa).first()).toContainText('ルール: UNKNOWN_SKU');
  await expect(caseFile.ja.subscriptions).toContainText('他のパートナー (1 件)');
  // The activity entries written while the UI was in English read in Japanese now (each is a code the catalogs word).
  const activityJa = caseFile.ja.activity;
  await expect(activityJa).toContainText('顧客のステージを「招待済み」に変更しました');
  await expect(activityJa).toContainText('顧客の基本情報を編集しました (ドメイン、テナント ID、国)');
  await expect(activityJa).not.toContainText('Moved the customer to the stage');
  await expectNoSeriousAxeViolations(page, 'case file (ja)');
  await docScreenshot(page, 'case-file-ja');
  await scrollToTop(planJa);
  await docScreenshot(page, 'case-file-plan-ja');
  await page.emulateMedia({ media: 'print' });
  await expect(caseFile.printSummary).toContainText(`移行概要: ${NAME}`);
  await expectNoSeriousAxeViolations(page, 'print view (ja)');
  await docScreenshot(page, 'case-file-print-ja');
  await page.emulateMedia({ media: 'screen' });

  // Dark theme: the same case file stays readable (axe checks the contrast).
  await settingsJa.open();
  await settingsJa.themeRadio('dark').check();
  await page.goto(url);
  await expect(caseFile.title(NAME)).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'case file (ja, dark)');
  await scrollToTop(planJa);
  await docScreenshot(page, 'case-file-plan-ja-dark');

  expect(problems).toEqual([]);
});
