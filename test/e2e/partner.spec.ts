// The partner profile in Settings: validated field by field, saved through the partner.update
// mutator into the workspace (so it syncs), and still there after a reload.
import { expect, test } from '@playwright/test';
import { PARTNER_LINK, ReviewSyncPage, SettingsPage } from './pages';

test('the partner profile is checked, saved for the team and kept across a reload', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  const section = settings.partnerProfile;
  await settings.partnerName.fill('Fabrikam CSP');
  await settings.partnerTenantId.fill('not-a-guid');
  await settings.partnerCountry.fill('J1');
  await settings.saveProfile.click();
  await expect(section).toContainText('Enter the tenant id as a GUID');
  await expect(section).toContainText('Enter a two-letter country code');

  // The tenant id can come from the pasted Partner Center link.
  await settings.partnerTenantId.fill('');
  await settings.partnerCountry.fill('jp');
  await settings.resellerLink.fill(PARTNER_LINK);
  await settings.saveProfile.click();
  await expect(section).toContainText('Saved for your whole team.');
  await expect(settings.partnerTenantId).toHaveValue('3b33e682-00c3-41ee-9dd2-a548adf56438');

  await page.reload();
  await expect(settings.partnerName).toHaveValue('Fabrikam CSP');
  await expect(settings.partnerCountry).toHaveValue('JP');
  const review = new ReviewSyncPage(page);
  await review.openFromNav();
  await expect(review.outbox).toContainText('Edited the partner profile');
});
