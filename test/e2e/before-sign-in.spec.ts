// Work done on this computer before anyone signed in, then a sign-in by a person whose role may
// not make some of it: what they may make reaches the team; the rest waits, unsent, with the
// reason in words and what to do, grouped under the change it builds on, and nothing vanishes
// from the screens until the person discards it.
import { expect, test } from '@playwright/test';
import { CustomersPage, ReviewSyncPage, SettingsPage } from './pages';
import { docScreenshot } from './support';
import { serverForThisFile, signIn, useServer } from './syncServer';

const server = serverForThisFile([{ email: 'ben@fabrikam.example', name: 'Ben', role: 'sales-agent' }]);

test('changes made before sign-in that the role may not make wait with the reason; the others are sent; discarding takes them back', async ({ page }) => {
  test.setTimeout(120_000);
  const settings = new SettingsPage(page);
  const review = new ReviewSyncPage(page);
  await useServer(page, server.url());
  // Before any sign-in: a customer, then the partner profile (which only an Admin agent may edit).
  await new CustomersPage(page).openAndAdd('Early Contoso');
  await settings.savePartnerProfile({ name: 'Fabrikam before sign-in' });
  await review.openFromNav();
  await expect(review.waitingForSignIn).toContainText('Waiting for sign-in: changes kept on this computer, sent to your team when you sign in: 2.');

  // Ben, a Sales agent, signs in: the customer goes to the team, the profile edit waits, in words.
  await signIn(page, 'ben@fabrikam.example');
  const held = review.heldChange;
  await expect(held).toHaveCount(1);
  await expect(held).toContainText('Edited the partner profile');
  await expect(held).toContainText('Only an Admin agent can');
  await expect(held).toContainText('Made on this computer before you signed in, so it was not sent');
  await expect(review.outbox).toContainText('waiting: your role may not make it');
  await expect(review.pending).toHaveCount(1);
  await docScreenshot(page, 'review-sync-held');

  // Nothing vanished: the profile still shows what was typed until it is discarded.
  await settings.open();
  await expect(settings.partnerName).toHaveValue('Fabrikam before sign-in');
  await review.openFromNav();
  await review.discard.click();
  await expect(review.nothingWaiting).toBeVisible({ timeout: 20_000 });
  await settings.open();
  await expect(settings.partnerName).toHaveValue('');
});
