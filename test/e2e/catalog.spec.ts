// Settings > Microsoft catalog: the real licensing CSV and Partner Center offer list imported in the
// worker; the summary counts the products; a bad file names the file, row and field and keeps nothing.
import { expect, test } from '@playwright/test';
import { SettingsPage } from './pages';
import { watchForErrors } from './support';

test('imports the real licensing catalog with the offer list, and refuses a broken CSV with where it broke', async ({ page }) => {
  const problems = watchForErrors(page);
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.catalogSummary).toHaveText('No catalog imported yet: offer matching needs one.');

  await settings.importCatalog({ offers: true });
  await expect(settings.catalogSummary).toContainText(/^\d{1,3}(,\d{3})* products, imported .+, with a Partner Center offer list\.$/);
  const before = await settings.catalogSummary.textContent();

  await settings.licensingCsv.setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\nOffice 365 E3,ENTERPRISEPACK,not-a-guid,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,Exchange\n'),
  });
  await settings.importCatalogButton.click();
  const outcome = settings.catalogOutcome;
  await expect(outcome).toContainText('A file could not be read, so nothing was stored');
  await expect(outcome).toContainText('broken.csv');
  await expect(settings.catalogSummary).toHaveText(before ?? '');
  expect(problems).toEqual([]);
});
