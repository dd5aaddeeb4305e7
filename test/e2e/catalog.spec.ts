// Settings > Microsoft catalog: the real licensing CSV and Partner Center offer list imported in the
// worker; the summary counts the products; a bad file names the file, row and field and keeps nothing.
import { expect, test } from '@playwright/test';
import { importCatalog, watchForErrors } from './support';

test('imports the real licensing catalog with the offer list, and refuses a broken CSV with where it broke', async ({ page }) => {
  const problems = watchForErrors(page);
  await page.goto('./#/settings');
  const section = page.getByRole('region', { name: 'Microsoft catalog' });
  await expect(section.getByTestId('catalog-summary')).toHaveText('No catalog imported yet: offer matching needs one.');

  await importCatalog(page, { offers: true });
  await expect(section.getByTestId('catalog-summary')).toContainText(/^\d{1,3}(,\d{3})* products, imported .+, with a Partner Center offer list\.$/);
  const before = await section.getByTestId('catalog-summary').textContent();

  await section.getByLabel('Licensing CSV (product names and service plans)').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\nOffice 365 E3,ENTERPRISEPACK,not-a-guid,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,Exchange\n'),
  });
  await section.getByRole('button', { name: 'Import catalog' }).click();
  const outcome = section.getByTestId('catalog-import-outcome');
  await expect(outcome).toContainText('A file could not be read, so nothing was stored');
  await expect(outcome).toContainText('broken.csv');
  await expect(section.getByTestId('catalog-summary')).toHaveText(before ?? '');
  expect(problems).toEqual([]);
});
