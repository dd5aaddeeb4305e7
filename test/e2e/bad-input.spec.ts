// Bad input in real Chromium, as a person meets it on the Customers page: another tenant's users
// export refused in words naming the domains (nothing stored), the error shown in the user's
// language, and the customer's own export saved again by Excel on Japanese Windows (Shift_JIS)
// imported with a note saying how it was read.
import { expect, test } from '@playwright/test';
import { fixture } from './files';
import { CaseFilePage, CustomersPage, SettingsPage, chooseCustomer, pickExports } from './pages';
import { watchForErrors } from './support';

/** Shift_JIS bytes from the browser's own decoder read backwards (no encoder package is needed). */
function shiftJisOf(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      try {
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(c)) table.set(c, [lead, trail]);
      } catch {
        // no character
      }
    }
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

test("another tenant's users export is refused in words, in English and Japanese; a Shift_JIS export is read and said so", async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchForErrors(page);
  const settings = new SettingsPage(page);
  const customers = new CustomersPage(page);
  const caseFile = new CaseFilePage(page);
  await settings.importCatalog();
  await customers.openAndAdd('Fabrikam Japan');
  const row = customers.row('Fabrikam Japan');
  await expect(row).toContainText('Not imported');

  // The customer's domain, recorded in its details.
  await row.getByRole('link', { name: 'Fabrikam Japan' }).click();
  await expect(caseFile.title('Fabrikam Japan')).toBeVisible();
  const domain = caseFile.detail('Domain');
  await expect(domain).toHaveValue('');
  await domain.fill('fabrikam.example');
  await expect(domain).toHaveValue('fabrikam.example');
  await caseFile.saveDetails.click();
  await expect(caseFile.detailsStatus).toHaveText('Details saved for your whole team.');

  await customers.open();
  const csv = fixture('m365-admin-center/users_12_1_2026 9_30_12 AM.csv');
  await pickExports(customers.importSection, { adminCenterUsers: { name: 'export.csv', mimeType: 'text/csv', buffer: csv } });
  await customers.ambiguous('Microsoft 365 Business Basic').selectOption({ label: 'O365_BUSINESS_ESSENTIALS' });
  await customers.importButton.click();
  const outcome = customers.importOutcome;
  await expect(outcome).toContainText('A file could not be read, so nothing was stored: export.csv: row 2: column User principal name: no user signs in with a domain of Fabrikam Japan (fabrikam.example)', { timeout: 20_000 });
  await expect(outcome).toContainText("the file's users are at contoso.example: 40 users");
  await expect(customers.licensedUsers('Fabrikam Japan')).toHaveText('Not imported');

  // The same refusal in Japanese.
  await settings.open();
  const settingsJa = await settings.chooseLanguage('ja');
  await expect(settingsJa.shell.html).toHaveAttribute('lang', 'ja');
  const customersJa = new CustomersPage(page, 'ja');
  await customersJa.open();
  await customersJa.csvInput.setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: csv });
  await customersJa.importButton.click();
  await expect(customers.importOutcome).toContainText('Fabrikam Japan のドメイン (fabrikam.example) でサインインするユーザーがいません', { timeout: 20_000 });
  await settingsJa.open();
  await settingsJa.chooseLanguage('en');

  // The customer's own export, opened and saved again by Excel on Japanese Windows: Shift_JIS, CRLF.
  await customers.openAndAdd('Contoso Japan');
  await chooseCustomer(customers.importSection, 'Customer', 'Contoso Japan');
  const lines = csv.toString('utf8').slice(1).split('\n').filter((l) => l !== '');
  lines[1] = lines[1]!.replace('Kaito Kobayashi,False', '小林 海斗,False');
  await pickExports(customers.importSection, { adminCenterUsers: { name: 'export (2).csv', mimeType: 'text/csv', buffer: shiftJisOf(lines.join('\r\n') + '\r\n') } });
  await customers.ambiguous('Microsoft 365 Business Basic').selectOption({ label: 'O365_BUSINESS_ESSENTIALS' });
  await customers.importButton.click();
  await expect(outcome).toContainText('Imported.', { timeout: 20_000 });
  await expect(customers.importDecoded).toHaveText('export (2).csv was read as Shift_JIS (Japanese Windows) text (saved so by Excel or PowerShell), not UTF-8.');
  await expect(customers.licensedUsers('Contoso Japan')).toHaveText('40');
  expect(problems).toEqual([]);
});
