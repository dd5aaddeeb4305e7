// Invite: the wizard end to end in real Chromium on the real workspace (Dexie, the mutators), with
// the partner profile and a customer tenant from the real fixtures. A customer of another CSP region
// is stopped with the reason; GDAP asks for roles, a duration and the customer's approval link; the
// email is copied (read back from the clipboard), opened as mailto:, marked sent, then tracked:
// reminded and accepted. A second run, opened from #/invite/<customerId>, writes the email in Japanese.
import { expect, test, type Page } from '@playwright/test';
import { CustomersPage, InviteWizard, PARTNER_TENANT_ID, SettingsPage } from './pages';
import { docScreenshot, expectNoSeriousAxeViolations, watchForErrors } from './support';

// Microsoft's sample relationship id (fixtures/graph/delegatedAdminRelationship.create.response.json)
// in the approval link template of Graph's GDAP overview.
const APPROVAL_LINK =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';
const RESELLER_LINK = `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${PARTNER_TENANT_ID}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;

/** The id the app gave a customer, read from the workspace database itself. */
async function customerIdOf(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (wanted) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('csp-migration-workspace');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('customers').objectStore('customers').getAll();
          all.onsuccess = () => {
            const found = (all.result as { id: string; name: string }[]).find((c) => c.name === wanted);
            open.result.close();
            if (found) resolve(found.id);
            else reject(new Error(`no customer ${wanted}`));
          };
        };
      }),
    name,
  );
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('invites customers: region stop, GDAP, copy, mailto, mark sent, remind, accepted, and a Japanese email', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  // The web host opens mailto: links with window.open, which would hand them to a mail client this
  // machine does not have: record the address instead, everything before it runs as shipped.
  await context.addInitScript(() => {
    const opened: string[] = [];
    (window as unknown as { openedUrls: string[] }).openedUrls = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  const page = await context.newPage();
  const problems = watchForErrors(page);

  const customers = new CustomersPage(page);
  const invite = new InviteWizard(page);
  const wizard = invite.wizard;
  await new SettingsPage(page).savePartnerProfile({ name: 'Fabrikam CSP', country: 'JP' });
  await customers.openAndAdd('Contoso');
  await customers.importTenant('Contoso');
  await customers.openAndAdd('Northwind Traders');

  // 1. Customers: searchable, several at once.
  await invite.shell.navigate('Invite');
  await expect(invite.stepHeading('Step 1 of 5: Customers')).toBeVisible();
  await invite.next.click();
  await expect(invite.alert).toHaveText('Pick at least one customer.');
  await invite.searchCustomers.fill('north');
  await expect(invite.customerCheckboxes).toHaveCount(1);
  await invite.customerCheckbox('Northwind Traders').check();
  await invite.searchCustomers.fill('');
  await invite.customerCheckbox('Contoso').check();
  await expect(invite.selectedCount).toHaveText('Selected: 2');
  await expectNoSeriousAxeViolations(page, 'invite: customers');
  await docScreenshot(page, 'invite-1-customers');
  await invite.next.click();

  // 2. Region: no country on record yet, entered right here; the US customer is stopped.
  await expect(invite.stepHeading('Step 2 of 5: Region check')).toBeFocused();
  await expect(wizard).toContainText('Your partner profile is in Japan (JP) (region: Japan).');
  await expect(invite.next).toBeDisabled();
  const contosoRegion = invite.region('Contoso');
  const northwindRegion = invite.region('Northwind Traders');
  await invite.saveCountry('Contoso', 'J1');
  await expect(contosoRegion).toContainText('Enter a two-letter country code, for example JP or US.');
  await invite.saveCountry('Contoso', 'jp');
  await expect(contosoRegion).toContainText('Same CSP region (Japan): can be invited.');
  await invite.saveCountry('Northwind Traders', 'US');
  await expect(northwindRegion).toContainText('REGION_MISMATCH');
  await expect(northwindRegion).toContainText(
    'Stopped: Northwind Traders is in United States (US) (region: United States), your partner profile is in Japan (JP) (region: Japan).',
  );
  await expect(wizard).toContainText('Can be invited: 1 of 2.');
  await expectNoSeriousAxeViolations(page, 'invite: region');
  await docScreenshot(page, 'invite-2-region');
  await invite.next.click();

  // 3. Delegated admin: GDAP, validated.
  await expect(invite.stepHeading('Step 3 of 5: Delegated admin')).toBeFocused();
  await invite.gdap.check();
  await invite.duration.fill('900');
  await invite.approvalLink('Contoso').fill(RESELLER_LINK);
  await invite.next.click();
  await expect(wizard).toContainText('Pick at least one role.');
  await expect(wizard).toContainText('Enter a whole number of days from 1 to 730.');
  await expect(wizard).toContainText('This is not a GDAP approval link');
  // Northwind was stopped: no approval link is asked for it.
  await expect(invite.approvalLink('Northwind Traders')).toHaveCount(0);
  await invite.role('License Administrator').check();
  await invite.role('Exchange Administrator').check();
  await invite.duration.fill('730');
  await invite.approvalLink('Contoso').fill(APPROVAL_LINK);
  await expectNoSeriousAxeViolations(page, 'invite: delegated admin');
  await docScreenshot(page, 'invite-3-delegated-admin');
  await invite.next.click();

  // 4. Email: English, one recipient; creating stores the draft.
  await expect(invite.stepHeading('Step 4 of 5: Email')).toBeFocused();
  await invite.emailLanguage('English').check();
  await invite.recipients.fill('admin@contoso, ok');
  await invite.createInvitations.click();
  await expect(wizard).toContainText('"admin@contoso" is not an email address.');
  await invite.recipients.fill('admin@contoso.com');
  await expectNoSeriousAxeViolations(page, 'invite: email');
  await invite.createInvitations.click();

  // 5. Send: the email built from the stored invitation.
  await expect(invite.stepHeading('Step 5 of 5: Send')).toBeFocused();
  const card = invite.card('Contoso');
  await expect(card.getByText('Draft', { exact: true })).toBeVisible();
  await expect(card.getByLabel('Subject')).toHaveValue('Fabrikam CSP: Microsoft reseller relationship request for Contoso');
  const body = await card.getByLabel('Message').inputValue();
  expect(body).toContain(RESELLER_LINK);
  expect(body).toContain('for 730 days:\n- License Administrator\n- Exchange Administrator');
  expect(body).toContain(APPROVAL_LINK);
  await card.getByRole('button', { name: 'Copy email' }).click();
  await expect(card).toContainText('The email is on the clipboard.');
  expect(await clipboard(page)).toBe(`Subject: Fabrikam CSP: Microsoft reseller relationship request for Contoso\n\n${body}`);
  await card.getByRole('button', { name: 'Open in mail client' }).click();
  const opened = await page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls);
  expect(opened).toHaveLength(1);
  const mailto = new URL(opened[0]!);
  expect(mailto.protocol).toBe('mailto:');
  expect(decodeURIComponent(mailto.pathname)).toBe('admin@contoso.com');
  expect(mailto.searchParams.get('body')).toBe(body.replace(/\n/g, '\r\n'));
  await card.getByRole('button', { name: 'Mark sent' }).click();
  await expect(card.getByText('Sent', { exact: true })).toBeVisible();
  await expect(card).toContainText(/Sent on .+\./);
  await expectNoSeriousAxeViolations(page, 'invite: send');
  await docScreenshot(page, 'invite-4-send');

  // Tracking: remind, then accepted.
  const row = invite.tracked('Contoso');
  await expect(row).toContainText('Sent');
  await expect(row).toContainText('GDAP, 730 days');
  await row.getByRole('button', { name: 'Remind' }).click();
  await expect(invite.trackingNote).toHaveText('Contoso: reminder recorded, and the reminder email is on the clipboard.');
  expect(await clipboard(page)).toMatch(/^Subject: Reminder: Fabrikam CSP: Microsoft reseller relationship request for Contoso\n\nDear Contoso team,\n\nWe are writing again/);
  await expect(row).toContainText(/Reminders: 1, last on /);
  await row.getByRole('button', { name: 'Mark accepted' }).click();
  await expect(invite.trackingNote).toHaveText('Contoso: status changed to Accepted.');
  await expect(invite.tracked('Contoso')).toHaveCount(0);
  await invite.trackingShow.selectOption({ label: 'All, with accepted and cancelled' });
  await expect(invite.tracked('Contoso')).toContainText(/Accepted on /);
  await expectNoSeriousAxeViolations(page, 'invite: tracking');
  await docScreenshot(page, 'invite-5-tracking');

  // The customer moved on in its case: accepted.
  await customers.open();
  await expect(customers.row('Contoso')).toContainText('Accepted');

  // A second invitation, opened for one customer by its address: no legacy DAP any more; Japanese email.
  const contosoId = await customerIdOf(page, 'Contoso');
  await invite.open(contosoId);
  await expect(invite.selectedCount).toHaveText('Selected: 1');
  await expect(invite.customerCheckbox('Contoso')).toBeChecked();
  await invite.next.click();
  await expect(invite.regionOutcomes).toContainText('Same CSP region (Japan)');
  await invite.next.click();
  // Legacy DAP can no longer be requested: no such choice, and the step says why.
  await expect(invite.legacyDap).toHaveCount(0);
  await expect(wizard).toContainText('Legacy delegated admin (DAP) can no longer be requested: Microsoft grants admin rights to partners through GDAP only.');
  await expectNoSeriousAxeViolations(page, 'invite: GDAP only');
  await invite.resellerOnly.check();
  await invite.next.click();
  await invite.emailLanguage('日本語').check();
  await invite.createInvitations.click();
  const jaCard = invite.card('Contoso');
  await expect(jaCard.getByLabel('Subject')).toHaveValue('【Fabrikam CSP】Microsoft リセラー関係のご承認のお願い (Contoso 様)');
  const jaBody = await jaCard.getByLabel('Message').inputValue();
  expect(jaBody).toMatch(/^Contoso ご担当者様\n\nいつもお世話になっております。Fabrikam CSP でございます。/);
  expect(jaBody).toContain(RESELLER_LINK);
  expect(jaBody).not.toContain('GDAP');
  await jaCard.getByRole('button', { name: 'Copy email' }).click();
  expect(await clipboard(page)).toBe(`件名: 【Fabrikam CSP】Microsoft リセラー関係のご承認のお願い (Contoso 様)\n\n${jaBody}`);
  await expectNoSeriousAxeViolations(page, 'invite: Japanese email');
  await docScreenshot(page, 'invite-6-japanese-email');
  await expect(invite.tracked('Contoso').first()).toBeVisible();

  expect(problems).toEqual([]);
  await context.close();
});
