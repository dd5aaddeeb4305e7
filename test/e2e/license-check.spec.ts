// License check: Microsoft's real licensing CSV, the real Graph subscribedSkus and subscriptions
// samples, and a users export in Graph's own shape. The Graph users sample holds none of the SKUs of
// the subscribedSkus sample, so this spec writes a small users export of its own (three users on
// Office 365 E5: one plain, one with an apostrophe and disabled plans, one licensed through a group).
// The user moves E5 to Office 365 E3 in the wizard's seat step, walks every step and saves the CSV
// and the PowerShell script.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { json } from './files';
import { ALICE, E3, E5, EXCHANGE_P2, FORMS_E3, GRACE, GROUP, OBRIEN, state, usersExport } from './licenseUsers';
import { CustomersPage, LicenseCheckPage, SettingsPage, sampleTenant } from './pages';
import { docScreenshot, expectNoSeriousAxeViolations, watchForErrors } from './support';

/** Adds a customer whose tenant is the Graph samples with this users export. */
async function addCustomer(page: Page, name: string, users: string = usersExport): Promise<void> {
  const customers = new CustomersPage(page);
  await customers.openAndAdd(name);
  await customers.importTenant(name, { ...sampleTenant(), users: json('users.json', Buffer.from(users)) }, { timeout: 120_000 });
}

async function downloaded(page: Page, button: Locator): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

test('license check: seats, another target, users to reassign, groups, CSV and PowerShell script', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchForErrors(page);
  const settings = new SettingsPage(page);
  const license = new LicenseCheckPage(page);
  await settings.savePartnerProfile();
  await settings.importCatalog();
  await addCustomer(page, 'Contoso Japan');

  // Through the navigation, then the customer picker: the address follows.
  await license.shell.navigate('License check');
  await expect(license.shell.heading).toHaveText('License check');
  await expectNoSeriousAxeViolations(page, 'no customer chosen');
  await license.chooseCustomer('Contoso Japan');
  await expect(page).toHaveURL(/#\/license-check\/[^/]+$/);

  // Step 1: seats. E5 is purchasable as it is: nobody needs reassignment yet.
  const step = license.step;
  await expect(license.stepHeading(1)).toBeVisible();
  const e5Row = license.row('ENTERPRISEPREMIUM');
  await expect(e5Row).toContainText('Same offer: no reassignment');
  await expect(e5Row.getByRole('cell').nth(0)).toHaveText('25');
  await expect(e5Row.getByRole('cell').nth(1)).toHaveText('14');
  await expect(e5Row).toContainText('Same total');
  const summary = license.summary;
  await expect(summary).toContainText('0 users need reassignment');
  await expectNoSeriousAxeViolations(page, 'seats, matched offers');

  // Try Office 365 E3 instead: saved through the plan mutators, the users follow.
  await license.applyTargetFor('Office 365 E5 (25 seats)', 'Office 365 E3 (ENTERPRISEPACK)');
  await expect(step.getByRole('status')).toHaveText('Saved: Office 365 E5 now moves to Office 365 E3.');
  await expect(e5Row).toContainText('Another offer, chosen by your team');
  await expect(e5Row).toContainText('3 users must be reassigned');
  await expect(summary).toContainText('3 users need reassignment');
  await expect(summary).toContainText('3 of them lose a service');
  await expect(summary).toContainText('1 are licensed through a group');
  await expect(license.seatFindings).toContainText('DATA_LOSS_RISK');
  await expectNoSeriousAxeViolations(page, 'seats, E3 chosen');
  await license.summary.evaluate((el) => el.scrollIntoView());
  await docScreenshot(page, 'license-seats');

  // Step 2, by keyboard: the Next button, and focus lands on the step's heading.
  await license.button('Next: Users to reassign').focus();
  await page.keyboard.press('Enter');
  const usersHeading = license.stepHeading(2);
  await expect(usersHeading).toBeFocused();
  await expect(license.usersCount).toHaveText('Showing 3 of 3 users');
  const obrien = license.user("o'brien@contoso.com");
  await expect(obrien).toContainText('Office 365 E5 → Office 365 E3');
  await expect(obrien).toContainText('Switched off and staying off: 2 services');
  await expect(obrien).toContainText('Microsoft 365 Phone System');
  // Defender for Office 365 (Plan 2) was switched off for this user: not something they lose.
  await expect(obrien).not.toContainText('Defender for Office 365 (Plan 2)');
  await expect(license.user('alice@contoso.com')).toContainText('Defender for Office 365 (Plan 2)');
  await expect(license.user('grace@contoso.com')).toContainText("Through a group: change the group's license instead");
  await expectNoSeriousAxeViolations(page, 'users');
  await usersHeading.evaluate((el) => el.scrollIntoView());
  await docScreenshot(page, 'license-users');

  await license.onlyGroup.check();
  await expect(license.usersCount).toHaveText('Showing 1 of 3 users');
  await expect(license.user('grace@contoso.com')).toBeVisible();
  await license.onlyGroup.uncheck();
  await license.onlyLosing.check();
  // Every one of them loses something E3 lacks (Phone System, at least).
  await expect(license.usersCount).toHaveText('Showing 3 of 3 users');
  await license.search.fill("O'BRIEN");
  await expect(license.usersCount).toHaveText('Showing 1 of 3 users');
  await expect(obrien).toBeVisible();
  await license.currentLicense.selectOption({ label: 'Office 365 E5 (3 users)' });
  await expect(license.usersCount).toHaveText('Showing 1 of 3 users');
  await expectNoSeriousAxeViolations(page, 'users, filtered');
  await license.search.fill('');
  await license.onlyLosing.uncheck();
  await expect(license.usersCount).toHaveText('Showing 3 of 3 users');

  // Step 3: the group whose license must change instead.
  await license.button('Next: Group-based licenses').click();
  const groupRow = license.row(new RegExp(GROUP));
  await expect(groupRow).toContainText('Office 365 E5 → Office 365 E3');
  await expect(groupRow.getByRole('cell').last()).toHaveText('1');
  await expectNoSeriousAxeViolations(page, 'groups');
  await docScreenshot(page, 'license-groups');

  // Step 4: the exports.
  await license.button('Next: Export').click();
  await expect(step).toContainText('3 users, 3 license changes.');
  await expectNoSeriousAxeViolations(page, 'export');

  const csv = await downloaded(page, license.button('Save CSV'));
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
  await expect(license.exportStatus).toHaveText(`Saved ${csv.download.suggestedFilename()}.`);

  const script = await downloaded(page, license.button('Save PowerShell script'));
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
  await expect(license.customer).toHaveValue(/.+/);
  await expect(license.summary).toContainText('3 users need reassignment');
  const address = page.url();

  // Japanese, dark: every step again, with axe.
  await settings.open();
  await settings.themeRadio('dark').check();
  const settingsJa = await settings.chooseLanguage('ja');
  await expect(settingsJa.shell.heading).toHaveText('設定');
  await page.goto(address);
  const licenseJa = new LicenseCheckPage(page, 'ja');
  await expect(licenseJa.summary).toContainText('3 人のユーザーの再割り当てが必要');
  for (const n of [1, 2, 3, 4] as const) {
    await licenseJa.stepButton(n).click();
    await expect(licenseJa.stepHeading(n)).toBeVisible();
    await expectNoSeriousAxeViolations(page, `ja dark step ${n}`);
    if (n === 2) {
      await expect(licenseJa.usersCount).toHaveText('3 人中 3 人を表示');
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
  const settings = new SettingsPage(page);
  const license = new LicenseCheckPage(page);
  await settings.savePartnerProfile();
  await settings.importCatalog();
  await addCustomer(page, 'Big Tenant', JSON.stringify({ value }));
  await license.open();
  await license.chooseCustomer('Big Tenant');
  await license.applyTargetFor('Office 365 E5 (25 seats)', 'Office 365 E3 (ENTERPRISEPACK)');
  await expect(license.summary).toContainText(`${many.toLocaleString('en')} users need reassignment`, { timeout: 30_000 });
  await license.stepButton(2).click();
  await expect(license.usersCount).toHaveText(`Showing ${many.toLocaleString('en')} of ${many.toLocaleString('en')} users`);
  const table = license.usersTable;
  await expect(table).toHaveAttribute('aria-rowcount', String(many + 1));
  const rendered = await table.locator('tbody tr[data-index]').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(60);

  // Scroll to the end: the last user is rendered, still only a window of rows.
  await license.usersScroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(license.user('user49999@contoso.com')).toBeVisible();
  expect(await table.locator('tbody tr[data-index]').count()).toBeLessThan(60);

  await license.onlyGroup.check();
  await expect(license.usersCount).toHaveText(`Showing ${(many / 10).toLocaleString('en')} of ${many.toLocaleString('en')} users`);
  await license.search.fill('user12340@');
  await expect(license.usersCount).toHaveText(`Showing 1 of ${many.toLocaleString('en')} users`);
  await expect(license.user('user12340@contoso.com')).toContainText("Through a group: change the group's license instead");
  await expectNoSeriousAxeViolations(page, '50,000 users, filtered');
  expect(problems).toEqual([]);
});
