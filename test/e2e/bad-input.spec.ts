// Bad input in real Chromium, as a person meets it on the Customers page: another tenant's users
// export refused in words naming the domains (nothing stored), the error shown in the user's
// language, and the customer's own export saved again by Excel on Japanese Windows (Shift_JIS)
// imported with a note saying how it was read.
import { expect, test } from '@playwright/test';
import { chooseCustomer, fixture, importCatalog, watchForErrors } from './support';

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
  await importCatalog(page);
  await page.goto('./#/customers');
  await page.getByLabel("New customer's name").fill('Fabrikam Japan');
  await page.getByRole('button', { name: 'Add customer' }).click();
  const row = page.getByRole('row', { name: /Fabrikam Japan/ });
  await expect(row).toContainText('Not imported');

  // The customer's domain, recorded in its details.
  await row.getByRole('link', { name: 'Fabrikam Japan' }).click();
  await expect(page.locator('.case-file-screen').getByRole('heading', { level: 2, name: 'Fabrikam Japan' })).toBeVisible();
  const details = page.getByRole('region', { name: 'Details', exact: true });
  await expect(details.getByLabel('Domain')).toHaveValue('');
  await details.getByLabel('Domain').fill('fabrikam.example');
  await expect(details.getByLabel('Domain')).toHaveValue('fabrikam.example');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('status')).toHaveText('Details saved for your whole team.');

  await page.goto('./#/customers');
  const section = page.getByRole('region', { name: 'Import tenant exports' });
  const csv = fixture('m365-admin-center/users_12_1_2026 9_30_12 AM.csv');
  await section.getByLabel('Microsoft 365 admin center users export (CSV)').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: csv });
  await section.getByLabel(/"Microsoft 365 Business Basic"/).selectOption({ label: 'O365_BUSINESS_ESSENTIALS' });
  await section.getByRole('button', { name: 'Import', exact: true }).click();
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toContainText('A file could not be read, so nothing was stored: export.csv: row 2: column User principal name: no user signs in with a domain of Fabrikam Japan (fabrikam.example)', { timeout: 20_000 });
  await expect(outcome).toContainText("the file's users are at contoso.example: 40 users");
  await expect(row.getByRole('cell').nth(3)).toHaveText('Not imported');

  // The same refusal in Japanese.
  await page.goto('./#/settings');
  await page.getByLabel('Language', { exact: true }).selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.goto('./#/customers');
  const sectionJa = page.getByRole('region', { name: 'テナントのエクスポートをインポート' });
  await sectionJa.locator('input[type="file"][accept=".csv,text/csv"]').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: csv });
  await sectionJa.getByRole('button', { name: 'インポート', exact: true }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('Fabrikam Japan のドメイン (fabrikam.example) でサインインするユーザーがいません', { timeout: 20_000 });
  await page.goto('./#/settings');
  await page.getByLabel('言語', { exact: true }).selectOption('en');

  // The customer's own export, opened and saved again by Excel on Japanese Windows: Shift_JIS, CRLF.
  await page.goto('./#/customers');
  await page.getByLabel("New customer's name").fill('Contoso Japan');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await chooseCustomer(section, 'Customer', 'Contoso Japan');
  const lines = csv.toString('utf8').slice(1).split('\n').filter((l) => l !== '');
  lines[1] = lines[1]!.replace('Kaito Kobayashi,False', '小林 海斗,False');
  await section.getByLabel('Microsoft 365 admin center users export (CSV)').setInputFiles({ name: 'export (2).csv', mimeType: 'text/csv', buffer: shiftJisOf(lines.join('\r\n') + '\r\n') });
  await section.getByLabel(/"Microsoft 365 Business Basic"/).selectOption({ label: 'O365_BUSINESS_ESSENTIALS' });
  await section.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(outcome).toContainText('Imported.', { timeout: 20_000 });
  await expect(page.getByTestId('import-decoded')).toHaveText('export (2).csv was read as Shift_JIS (Japanese Windows) text (saved so by Excel or PowerShell), not UTF-8.');
  await expect(page.getByRole('row', { name: /Contoso Japan/ }).getByRole('cell').nth(3)).toHaveText('40');
  expect(problems).toEqual([]);
});
