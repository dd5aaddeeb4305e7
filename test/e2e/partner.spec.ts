// The partner profile in Settings: validated field by field, saved through the partner.update
// mutator into the workspace (so it syncs), and still there after a reload.
import { expect, test } from '@playwright/test';

const PARTNER_LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

test('the partner profile is checked, saved for the team and kept across a reload', async ({ page }) => {
  await page.goto('./#/settings');
  const section = page.getByRole('region', { name: 'Partner profile' });
  await section.getByLabel('Partner name').fill('Fabrikam CSP');
  await section.getByLabel('Partner tenant id').fill('not-a-guid');
  await section.getByLabel('Country').fill('J1');
  await section.getByRole('button', { name: 'Save profile' }).click();
  await expect(section).toContainText('Enter the tenant id as a GUID');
  await expect(section).toContainText('Enter a two-letter country code');

  // The tenant id can come from the pasted Partner Center link.
  await section.getByLabel('Partner tenant id').fill('');
  await section.getByLabel('Country').fill('jp');
  await section.getByLabel('Reseller relationship link').fill(PARTNER_LINK);
  await section.getByRole('button', { name: 'Save profile' }).click();
  await expect(section).toContainText('Saved for your whole team.');
  await expect(section.getByLabel('Partner tenant id')).toHaveValue('3b33e682-00c3-41ee-9dd2-a548adf56438');

  await page.reload();
  const again = page.getByRole('region', { name: 'Partner profile' });
  await expect(again.getByLabel('Partner name')).toHaveValue('Fabrikam CSP');
  await expect(again.getByLabel('Country')).toHaveValue('JP');
  await page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(page.getByTestId('outbox')).toContainText('Edited the partner profile');
});
