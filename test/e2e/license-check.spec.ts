// License check: Microsoft's real licensing CSV, the real Graph subscribedSkus and subscriptions
// samples, and a users export in Graph's own shape. The Graph users sample holds none of the SKUs of
// the subscribedSkus sample, so this spec writes a small users export of its own (three users on
// Office 365 E5: one plain, one with an apostrophe and disabled plans, one licensed through a group).
// The user moves E5 to Office 365 E3 in the wizard's seat step, walks every step and saves the CSV
// and the PowerShell script.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { chooseCustomer, docScreenshot, expectNoSeriousAxeViolations, graph, importCatalog, savePartnerProfile, watchForErrors } from './support';

const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const CRM = 'd17b27af-3f49-4822-99f9-56a661538792';
const EXCHANGE_P2 = 'efb87545-963c-4e0d-99df-69c6916d9eb0';
const FORMS_E5 = 'e212cbc7-0961-4c40-9825-01117710dcb1';
const FORMS_E3 = '2789c901-c14e-48ab-a76a-be334d9d793a';
const DEFENDER_P2 = '8e0c0a52-6a6c-4d40-8370-dd62790dcd70';
const GROUP = '0b8a2e4c-1111-4c2a-9e1e-5e0a1e2d3c4b';
const ALICE = '5e1c1c1e-0000-4000-8000-000000000001';
const OBRIEN = '5e1c1c1e-0000-4000-8000-000000000002';
const GRACE = '5e1c1c1e-0000-4000-8000-000000000003';

const state = (skuId: string, disabledPlans: string[] = [], assignedByGroup: string | null = null) => ({ skuId, disabledPlans, assignedByGroup, state: 'Active', error: 'None' });
const usersExport = JSON.stringify({
  value: [
    { id: ALICE, userPrincipalName: 'alice@contoso.com', assignedLicenses: [{ skuId: E5, disabledPlans: [] }, { skuId: CRM, disabledPlans: [] }], licenseAssignmentStates: [state(E5), state(CRM)] },
    {
      id: OBRIEN,
      userPrincipalName: "o'brien@contoso.com",
      assignedLicenses: [{ skuId: E5, disabledPlans: [EXCHANGE_P2, FORMS_E5, DEFENDER_P2] }],
      licenseAssignmentStates: [state(E5, [EXCHANGE_P2, FORMS_E5, DEFENDER_P2])],
    },
    { id: GRACE, userPrincipalName: 'grace@contoso.com', assignedLicenses: [{ skuId: E5, disabledPlans: [] }], licenseAssignmentStates: [state(E5, [], GROUP)] },
  ],
});

async function addCustomer(page: Page, name: string, users: string = usersExport): Promise<void> {
  await page.goto('./#/customers');
  await page.getByLabel("New customer's name").fill(name);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  const section = page.getByRole('region', { name: 'Import tenant exports' });
  await chooseCustomer(section, 'Customer', name);
  await section.getByLabel('subscribedSkus (licenses bought)').setInputFiles({ name: 'subscribedSkus.json', mimeType: 'application/json', buffer: graph('subscribedSkus.list.response.json') });
  await section.getByLabel('directory/subscriptions (owners and dates)').setInputFiles({ name: 'subscriptions.json', mimeType: 'application/json', buffer: graph('directory.subscriptions.list.response.json') });
  await section.getByLabel('users with licenses').setInputFiles({ name: 'users.json', mimeType: 'application/json', buffer: Buffer.from(users) });
  await section.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('Imported.', { timeout: 120_000 });
}

async function downloaded(page: Page, button: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

test('license check: seats, another target, users to reassign, groups, CSV and PowerShell script', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchForErrors(page);
  await savePartnerProfile(page);
  await importCatalog(page);
  await addCustomer(page, 'Contoso Japan');

  // Through the navigation, then the customer picker: the address follows.
  await page.getByRole('link', { name: 'License check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'License check' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'no customer chosen');
  await chooseCustomer(page, 'Customer to check', 'Contoso Japan');
  await expect(page).toHaveURL(/#\/license-check\/[^/]+$/);

  // Step 1: seats. E5 is purchasable as it is: nobody needs reassignment yet.
  const step = page.getByRole('region', { name: /^Step \d/ });
  await expect(step.getByRole('heading', { name: 'Step 1: Seat totals' })).toBeVisible();
  const e5Row = step.getByRole('row', { name: /ENTERPRISEPREMIUM/ });
  await expect(e5Row).toContainText('Same offer: no reassignment');
  await expect(e5Row.getByRole('cell').nth(0)).toHaveText('25');
  await expect(e5Row.getByRole('cell').nth(1)).toHaveText('14');
  await expect(e5Row).toContainText('Same total');
  const summary = page.getByTestId('license-summary');
  await expect(summary).toContainText('0 users need reassignment');
  await expectNoSeriousAxeViolations(page, 'seats, matched offers');

  // Try Office 365 E3 instead: saved through the plan mutators, the users follow.
  await step.getByLabel('Subscription').selectOption({ label: 'Office 365 E5 (25 seats)' });
  await step.getByLabel('New target offer').selectOption({ label: 'Office 365 E3 (ENTERPRISEPACK)' });
  await step.getByRole('button', { name: 'Apply target' }).click();
  await expect(step.getByRole('status')).toHaveText('Saved: Office 365 E5 now moves to Office 365 E3.');
  await expect(e5Row).toContainText('Another offer, chosen by your team');
  await expect(e5Row).toContainText('3 users must be reassigned');
  await expect(summary).toContainText('3 users need reassignment');
  await expect(summary).toContainText('3 of them lose a service');
  await expect(summary).toContainText('1 are licensed through a group');
  await expect(step.getByRole('list', { name: 'Findings about seats and licenses' })).toContainText('DATA_LOSS_RISK');
  await expectNoSeriousAxeViolations(page, 'seats, E3 chosen');
  await page.getByTestId('license-summary').evaluate((el) => el.scrollIntoView());
  await docScreenshot(page, 'license-seats');

  // Step 2, by keyboard: the Next button, and focus lands on the step's heading.
  await page.getByRole('button', { name: 'Next: Users to reassign' }).focus();
  await page.keyboard.press('Enter');
  const usersHeading = step.getByRole('heading', { name: 'Step 2: Users to reassign' });
  await expect(usersHeading).toBeFocused();
  await expect(page.getByTestId('users-count')).toHaveText('Showing 3 of 3 users');
  const table = step.getByRole('table', { name: 'Users to reassign' });
  const obrien = table.getByRole('row', { name: /o'brien@contoso\.com/ });
  await expect(obrien).toContainText('Office 365 E5 → Office 365 E3');
  await expect(obrien).toContainText('Switched off and staying off: 2 services');
  await expect(obrien).toContainText('Microsoft 365 Phone System');
  // Defender for Office 365 (Plan 2) was switched off for this user: not something they lose.
  await expect(obrien).not.toContainText('Defender for Office 365 (Plan 2)');
  await expect(table.getByRole('row', { name: /alice@contoso\.com/ })).toContainText('Defender for Office 365 (Plan 2)');
  await expect(table.getByRole('row', { name: /grace@contoso\.com/ })).toContainText("Through a group: change the group's license instead");
  await expectNoSeriousAxeViolations(page, 'users');
  await usersHeading.evaluate((el) => el.scrollIntoView());
  await docScreenshot(page, 'license-users');

  await step.getByLabel('Only users licensed through a group').check();
  await expect(page.getByTestId('users-count')).toHaveText('Showing 1 of 3 users');
  await expect(table.getByRole('row', { name: /grace@contoso\.com/ })).toBeVisible();
  await step.getByLabel('Only users licensed through a group').uncheck();
  await step.getByLabel('Only users who lose a service').check();
  // Every one of them loses something E3 lacks (Phone System, at least).
  await expect(page.getByTestId('users-count')).toHaveText('Showing 3 of 3 users');
  await step.getByLabel('Search').fill("O'BRIEN");
  await expect(page.getByTestId('users-count')).toHaveText('Showing 1 of 3 users');
  await expect(obrien).toBeVisible();
  await step.getByLabel('Current license').selectOption({ label: 'Office 365 E5 (3 users)' });
  await expect(page.getByTestId('users-count')).toHaveText('Showing 1 of 3 users');
  await expectNoSeriousAxeViolations(page, 'users, filtered');
  await step.getByLabel('Search').fill('');
  await step.getByLabel('Only users who lose a service').uncheck();
  await expect(page.getByTestId('users-count')).toHaveText('Showing 3 of 3 users');

  // Step 3: the group whose license must change instead.
  await page.getByRole('button', { name: 'Next: Group-based licenses' }).click();
  const groupRow = step.getByRole('row', { name: new RegExp(GROUP) });
  await expect(groupRow).toContainText('Office 365 E5 → Office 365 E3');
  await expect(groupRow.getByRole('cell').last()).toHaveText('1');
  await expectNoSeriousAxeViolations(page, 'groups');
  await docScreenshot(page, 'license-groups');

  // Step 4: the exports.
  await page.getByRole('button', { name: 'Next: Export' }).click();
  await expect(step).toContainText('3 users, 3 license changes.');
  await expectNoSeriousAxeViolations(page, 'export');

  const csv = await downloaded(page, 'Save CSV');
  expect(csv.download.suggestedFilename()).toMatch(/^license-changes-Contoso-Japan-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.text.split('\r\n')[0]).toBe('\uFEFFuserPrincipalName,userId,fromSkuId,fromSkuPartNumber,toSkuId,toSkuPartNumber,disabledPlansCarriedOver,servicesLost,groupBased,groups,pair,fromProduct,toProduct');
  const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), { header: true, skipEmptyLines: true });
  expect(rows.errors).toEqual([]);
  expect(rows.data.map((r) => r.userPrincipalName)).toEqual(['alice@contoso.com', "o'brien@contoso.com", 'grace@contoso.com']);
  const [, obrienRow, graceRow] = rows.data;
  expect(obrienRow).toMatchObject({ userId: OBRIEN, fromSkuId: E5, fromSkuPartNumber: 'ENTERPRISEPREMIUM', toSkuId: E3, toSkuPartNumber: 'ENTERPRISEPACK', disabledPlansCarriedOver: `${EXCHANGE_P2}; ${FORMS_E3}`, groupBased: 'no', groups: '' });
  expect(obrienRow).toMatchObject({ fromProduct: 'Office 365 E5', toProduct: 'Office 365 E3' });
  expect(obrienRow!.servicesLost!.split('; ')).toContain('Microsoft 365 Phone System');
  expect(obrienRow!.servicesLost).not.toContain('Defender for Office 365 (Plan 2)');
  expect(graceRow).toMatchObject({ userId: GRACE, toSkuId: E3, groupBased: 'yes', groups: GROUP });
  await expect(page.getByTestId('export-status')).toHaveText(`Saved ${csv.download.suggestedFilename()}.`);

  const script = await downloaded(page, 'Save PowerShell script');
  expect(script.download.suggestedFilename()).toMatch(/^reassign-licenses-Contoso-Japan-\d{4}-\d{2}-\d{2}\.ps1$/);
  const ps = script.text;
  expect(ps).toContain('# Customer: Contoso Japan');
  expect(ps).toMatch(/# Plan: plan \S+ \(ready, as of \d{4}-\d{2}-\d{2}\)/);
  expect(ps).toMatch(/# Generated: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z by CSP Migration Workspace/);
  expect(ps).toContain('[switch]$DryRun');
  expect(ps).toContain('Connect-MgGraph -Scopes User.ReadWrite.All');
  expect(ps).toContain(`Set-MgUserLicense -UserId '${ALICE}' -AddLicenses @(@{SkuId = '${E3}'; DisabledPlans = @()}) -RemoveLicenses @('${E5}')`);
  expect(ps).toContain(`Set-MgUserLicense -UserId '${OBRIEN}' -AddLicenses @(@{SkuId = '${E3}'; DisabledPlans = @('${EXCHANGE_P2}', '${FORMS_E3}')}) -RemoveLicenses @('${E5}')`);
  expect(ps).toContain("-UserPrincipalName 'o''brien@contoso.com'");
  expect(ps).not.toContain(`-UserId '${GRACE}'`);
  expect(ps).toContain(`# Office 365 E5 (ENTERPRISEPREMIUM): licensed through group ${GROUP}; change the group's license instead.`);
  expect(ps).toContain(`#   ${E3}  Office 365 E3 (ENTERPRISEPACK)`);
  expect(ps).toContain("-Description 'Office 365 E5 (ENTERPRISEPREMIUM) -> Office 365 E3 (ENTERPRISEPACK)'");
  expect(ps).toContain('catch {');
  await docScreenshot(page, 'license-export');

  // The address opens the same customer's check after a reload.
  await page.reload();
  await expect(page.getByLabel('Customer to check')).toHaveValue(/.+/);
  await expect(page.getByTestId('license-summary')).toContainText('3 users need reassignment');
  const address = page.url();

  // Japanese, dark: every step again, with axe.
  await page.goto('./#/settings');
  await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  await page.getByLabel('Language', { exact: true }).selectOption({ label: '日本語' });
  await expect(page.getByRole('heading', { level: 1, name: '設定' })).toBeVisible();
  await page.goto(address);
  await expect(page.getByTestId('license-summary')).toContainText('3 人のユーザーの再割り当てが必要');
  for (const [n, title] of [[1, 'シート数の合計'], [2, '再割り当てが必要なユーザー'], [3, 'グループ ベースのライセンス'], [4, 'エクスポート']] as const) {
    await page.getByRole('button', { name: `ステップ ${n}: ${title}` }).click();
    await expect(page.getByRole('heading', { level: 2, name: `ステップ ${n}: ${title}` })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `ja dark step ${n}`);
    if (n === 2) {
      await expect(page.getByTestId('users-count')).toHaveText('3 人中 3 人を表示');
      await docScreenshot(page, 'license-users-ja-dark');
    }
  }
  expect(problems).toEqual([]);
});

test('50,000 users: the table renders only the rows in view, and filters and scrolling still work', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchForErrors(page);
  const many = 50_000;
  const value = Array.from({ length: many }, (_, i) => {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const viaGroup = i % 10 === 0;
    return {
      id,
      userPrincipalName: `user${String(i).padStart(5, '0')}@contoso.com`,
      assignedLicenses: [{ skuId: E5, disabledPlans: [] }],
      licenseAssignmentStates: [state(E5, [], viaGroup ? GROUP : null)],
    };
  });
  await savePartnerProfile(page);
  await importCatalog(page);
  await addCustomer(page, 'Big Tenant', JSON.stringify({ value }));
  await page.goto('./#/license-check');
  await chooseCustomer(page, 'Customer to check', 'Big Tenant');
  const step = page.getByRole('region', { name: /^Step \d/ });
  await step.getByLabel('Subscription').selectOption({ label: 'Office 365 E5 (25 seats)' });
  await step.getByLabel('New target offer').selectOption({ label: 'Office 365 E3 (ENTERPRISEPACK)' });
  await step.getByRole('button', { name: 'Apply target' }).click();
  await expect(page.getByTestId('license-summary')).toContainText(`${many.toLocaleString('en')} users need reassignment`, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Step 2: Users to reassign' }).click();
  await expect(page.getByTestId('users-count')).toHaveText(`Showing ${many.toLocaleString('en')} of ${many.toLocaleString('en')} users`);
  const table = step.getByRole('table', { name: 'Users to reassign' });
  await expect(table).toHaveAttribute('aria-rowcount', String(many + 1));
  const rendered = await table.locator('tbody tr[data-index]').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(60);

  // Scroll to the end: the last user is rendered, still only a window of rows.
  await step.getByRole('region', { name: 'Users to reassign' }).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.getByRole('row', { name: /user49999@contoso\.com/ })).toBeVisible();
  expect(await table.locator('tbody tr[data-index]').count()).toBeLessThan(60);

  await step.getByLabel('Only users licensed through a group').check();
  await expect(page.getByTestId('users-count')).toHaveText(`Showing ${(many / 10).toLocaleString('en')} of ${many.toLocaleString('en')} users`);
  await step.getByLabel('Search').fill('user12340@');
  await expect(page.getByTestId('users-count')).toHaveText(`Showing 1 of ${many.toLocaleString('en')} users`);
  await expect(table.getByRole('row', { name: /user12340@contoso\.com/ })).toContainText("Through a group: change the group's license instead");
  await expectNoSeriousAxeViolations(page, '50,000 users, filtered');
  expect(problems).toEqual([]);
});
