// Drafts carry their base, proven with two people in two real browser profiles and a real sync
// server: Ben's offer-matching draft, made before Aiko saved another target, never overwrites
// it. A draft that changed only the quantity keeps Aiko's target; a draft that changed the target
// too becomes a conflict both of them see, in words (products by name), not an overwrite.
import { expect, test } from '@playwright/test';
import { type OfferMatchingWizard } from './pages';
import { docScreenshot } from './support';
import { serverForThisFile } from './syncServer';

const CUSTOMER = 'Stale Contoso';
const server = serverForThisFile([
    { email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent' },
    { email: 'ben@fabrikam.example', name: 'Ben', role: 'admin-agent' },
  ]);

const person = server.person;
type Person = Awaited<ReturnType<typeof person>>;

async function waitUntilSent(who: Person) {
  await who.shell.navigate('Review & sync');
  await who.reviewSync.syncNow.click();
  await expect(who.reviewSync.nothingWaiting).toBeVisible({ timeout: 30_000 });
}

/** Opens the customer's plan in the offer-matching wizard, at step 3. */
async function openPlan(wizard: OfferMatchingWizard) {
  await wizard.open();
  await wizard.chooseCustomer(CUSTOMER, new RegExp(`^${CUSTOMER} \\(`));
  await wizard.nextReview.click();
}

test('a stale draft never overwrites a teammate: the untouched field shows through, the same field becomes a conflict in words', async ({ browser }) => {
  test.setTimeout(240_000);
  const aiko = await person(browser, 'aiko@fabrikam.example');
  const ben = await person(browser, 'ben@fabrikam.example');

  // Aiko sets up the customer and saves the engine's plan as it is.
  await aiko.settings.savePartnerProfile();
  await aiko.customers.openAndAdd(CUSTOMER);
  await aiko.customers.importTenant(CUSTOMER);
  await aiko.settings.importCatalog();
  await openPlan(aiko.offerMatching);
  await aiko.offerMatching.nextSave.click();
  await aiko.offerMatching.saveAsPlan.click();
  await expect(aiko.offerMatching.saveOutcome).toContainText('Plan saved: 3 added');
  await waitUntilSent(aiko);

  // Ben opens the plan and changes only the quantity of the E5 line: a draft, not saved yet.
  await ben.reviewSync.syncNow.click();
  await expect(ben.reviewSync.phase).toHaveText('Up to date', { timeout: 30_000 });
  await openPlan(ben.offerMatching);
  await ben.offerMatching.reviewLine('Office 365 E5', 'Unknown');
  await ben.offerMatching.licensesToBuy.fill('20');
  await ben.offerMatching.useChoices.click();
  await expect(ben.offerMatching.lineApplied).toContainText('Kept for this line.');

  // Meanwhile Aiko chooses Microsoft 365 E5 for that line and saves.
  await openPlan(aiko.offerMatching);
  await aiko.offerMatching.reviewLine('Office 365 E5', 'Unknown');
  await aiko.offerMatching.chooseFromCatalog('SPE_E5', 'Microsoft 365 E5 (SPE_E5)');
  await aiko.offerMatching.useChoices.click();
  await aiko.offerMatching.nextSave.click();
  await aiko.offerMatching.saveChanges.click();
  await expect(aiko.offerMatching.saveOutcome).toContainText('Plan saved: 0 added, 1 updated, 0 removed.');
  await waitUntilSent(aiko);

  // Ben's open draft shows Aiko's target (he did not touch it); saving sends only his quantity.
  await ben.shell.navigate('Review & sync');
  await ben.reviewSync.syncNow.click();
  await expect(ben.reviewSync.nothingWaiting).toBeVisible({ timeout: 30_000 });
  await ben.page.goBack();
  await ben.offerMatching.stepButton(4).click();
  await expect(ben.offerMatching.line('ENTERPRISEPREMIUM')).toContainText('Microsoft 365 E5 × 20', { timeout: 15_000 });
  await ben.offerMatching.saveChanges.click();
  await expect(ben.offerMatching.saveOutcome).toContainText('Plan saved: 0 added, 1 updated, 0 removed.');
  await waitUntilSent(ben);
  await openPlan(aiko.offerMatching);
  await aiko.offerMatching.nextSave.click();
  await expect(aiko.offerMatching.line('ENTERPRISEPREMIUM')).toContainText('Microsoft 365 E5 × 20', { timeout: 30_000 });

  // Now both change the TARGET of that line from the same base: Ben offline, Aiko first.
  await ben.setOffline(true);
  await openPlan(ben.offerMatching);
  await ben.offerMatching.reviewLine('Office 365 E5', 'Unknown');
  await ben.offerMatching.chooseFromCatalog('office 365 e3', 'Office 365 E3 (ENTERPRISEPACK)');
  await ben.offerMatching.useChoices.click();
  await ben.offerMatching.nextSave.click();
  await ben.offerMatching.saveChanges.click();
  await expect(ben.offerMatching.saveOutcome).toContainText('1 updated');

  await openPlan(aiko.offerMatching);
  await aiko.offerMatching.reviewLine('Office 365 E5', 'Unknown');
  await aiko.offerMatching.chooseFromCatalog('SPE_E3', 'Microsoft 365 E3 (SPE_E3)');
  await aiko.offerMatching.useChoices.click();
  await aiko.offerMatching.nextSave.click();
  await aiko.offerMatching.saveChanges.click();
  await waitUntilSent(aiko);

  // Ben reconnects: his change reached the server on a stale base, so it is a conflict, in words.
  await ben.setOffline(false);
  await waitUntilSent(ben);
  for (const who of [ben, aiko]) {
    await who.shell.navigate('Review & sync');
    await who.reviewSync.syncNow.click();
    const conflict = who.reviewSync.conflict;
    await expect(conflict).toContainText(`Two people changed "Target offer" of the Office 365 E5 (ENTERPRISEPREMIUM) line of ${CUSTOMER} at the same time`, { timeout: 30_000 });
    await expect(conflict).toContainText('Now: Microsoft 365 E3 (SPE_E3) (by Aiko). Also proposed: Office 365 E3 (ENTERPRISEPACK) (by Ben).');
    await expect(conflict).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  }
  await docScreenshot(aiko.page, 'review-sync-plan-conflict');
  // Aiko's target stands until someone decides.
  await openPlan(ben.offerMatching);
  await ben.offerMatching.nextSave.click();
  await expect(ben.offerMatching.line('ENTERPRISEPREMIUM')).toContainText('Microsoft 365 E3 × 20');
});
