// Invite: the wizard end to end in real Chromium on the real workspace (Dexie, the mutators), with
// the partner profile and a customer tenant from the real fixtures. A customer of another CSP region
// is stopped with the reason; GDAP asks for roles, a duration and the customer's approval link; the
// email is copied (read back from the clipboard), opened as mailto:, marked sent, then tracked:
// reminded and accepted. A second run, opened from #/invite/<customerId>, writes the email in Japanese.
import { expect, test, type Page } from '@playwright/test';
import { PARTNER_TENANT_ID, addCustomerWithTenant, docScreenshot, expectNoSeriousAxeViolations, savePartnerProfile, watchForErrors } from './support';

// Microsoft's sample relationship id (fixtures/graph/delegatedAdminRelationship.create.response.json)
// in the approval link template of Graph's GDAP overview.
const APPROVAL_LINK =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';
const RESELLER_LINK = `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${PARTNER_TENANT_ID}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;

async function addCustomer(page: Page, name: string): Promise<void> {
  await page.goto('./#/customers');
  await page.getByLabel("New customer's name").fill(name);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

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

  await savePartnerProfile(page, { name: 'Fabrikam CSP', country: 'JP' });
  await addCustomerWithTenant(page, 'Contoso');
  await addCustomer(page, 'Northwind Traders');

  // 1. Customers: searchable, several at once.
  await page.getByRole('link', { name: 'Invite' }).click();
  const wizard = page.getByRole('region', { name: 'New invitation' });
  await expect(wizard.getByRole('heading', { name: 'Step 1 of 5: Customers' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('alert')).toHaveText('Pick at least one customer.');
  await wizard.getByLabel('Search customers by name or domain').fill('north');
  await expect(wizard.getByRole('checkbox')).toHaveCount(1);
  await wizard.getByRole('checkbox', { name: 'Northwind Traders' }).check();
  await wizard.getByLabel('Search customers by name or domain').fill('');
  await wizard.getByRole('checkbox', { name: 'Contoso' }).check();
  await expect(wizard.getByTestId('invite-selected-count')).toHaveText('Selected: 2');
  await expectNoSeriousAxeViolations(page, 'invite: customers');
  await docScreenshot(page, 'invite-1-customers');
  await wizard.getByRole('button', { name: 'Next' }).click();

  // 2. Region: no country on record yet, entered right here; the US customer is stopped.
  await expect(wizard.getByRole('heading', { name: 'Step 2 of 5: Region check' })).toBeFocused();
  await expect(wizard).toContainText('Your partner profile is in Japan (JP) (region: Japan).');
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled();
  const contosoRegion = wizard.getByTestId('region-outcome').filter({ hasText: 'Contoso' });
  const northwindRegion = wizard.getByTestId('region-outcome').filter({ hasText: 'Northwind Traders' });
  await contosoRegion.getByLabel('Country of Contoso (two-letter code, for example JP)').fill('J1');
  await contosoRegion.getByRole('button', { name: 'Save country' }).click();
  await expect(contosoRegion).toContainText('Enter a two-letter country code, for example JP or US.');
  await contosoRegion.getByLabel('Country of Contoso (two-letter code, for example JP)').fill('jp');
  await contosoRegion.getByRole('button', { name: 'Save country' }).click();
  await expect(contosoRegion).toContainText('Same CSP region (Japan): can be invited.');
  await northwindRegion.getByLabel('Country of Northwind Traders (two-letter code, for example JP)').fill('US');
  await northwindRegion.getByRole('button', { name: 'Save country' }).click();
  await expect(northwindRegion).toContainText('REGION_MISMATCH');
  await expect(northwindRegion).toContainText(
    'Stopped: Northwind Traders is in United States (US) (region: United States), your partner profile is in Japan (JP) (region: Japan).',
  );
  await expect(wizard).toContainText('Can be invited: 1 of 2.');
  await expectNoSeriousAxeViolations(page, 'invite: region');
  await docScreenshot(page, 'invite-2-region');
  await wizard.getByRole('button', { name: 'Next' }).click();

  // 3. Delegated admin: GDAP, validated.
  await expect(wizard.getByRole('heading', { name: 'Step 3 of 5: Delegated admin' })).toBeFocused();
  await wizard.getByRole('radio', { name: /GDAP admin relationship/ }).check();
  await wizard.getByLabel('Duration in days').fill('900');
  await wizard.getByLabel('GDAP approval link for Contoso').fill(RESELLER_LINK);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard).toContainText('Pick at least one role.');
  await expect(wizard).toContainText('Enter a whole number of days from 1 to 730.');
  await expect(wizard).toContainText('This is not a GDAP approval link');
  // Northwind was stopped: no approval link is asked for it.
  await expect(wizard.getByLabel('GDAP approval link for Northwind Traders')).toHaveCount(0);
  await wizard.getByRole('checkbox', { name: /^License Administrator/ }).check();
  await wizard.getByRole('checkbox', { name: /^Exchange Administrator/ }).check();
  await wizard.getByLabel('Duration in days').fill('730');
  await wizard.getByLabel('GDAP approval link for Contoso').fill(APPROVAL_LINK);
  await expectNoSeriousAxeViolations(page, 'invite: delegated admin');
  await docScreenshot(page, 'invite-3-delegated-admin');
  await wizard.getByRole('button', { name: 'Next' }).click();

  // 4. Email: English, one recipient; creating stores the draft.
  await expect(wizard.getByRole('heading', { name: 'Step 4 of 5: Email' })).toBeFocused();
  await wizard.getByRole('radio', { name: 'English' }).check();
  await wizard.getByLabel(/^To \(the customer's Global Administrator/).fill('admin@contoso, ok');
  await wizard.getByRole('button', { name: 'Create invitations' }).click();
  await expect(wizard).toContainText('"admin@contoso" is not an email address.');
  await wizard.getByLabel(/^To \(the customer's Global Administrator/).fill('admin@contoso.com');
  await expectNoSeriousAxeViolations(page, 'invite: email');
  await wizard.getByRole('button', { name: 'Create invitations' }).click();

  // 5. Send: the email built from the stored invitation.
  await expect(wizard.getByRole('heading', { name: 'Step 5 of 5: Send' })).toBeFocused();
  const card = wizard.getByRole('article', { name: 'Contoso' });
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
  const tracking = page.getByRole('region', { name: 'Invitations' });
  const row = tracking.getByRole('listitem', { name: 'Contoso' });
  await expect(row).toContainText('Sent');
  await expect(row).toContainText('GDAP, 730 days');
  await row.getByRole('button', { name: 'Remind' }).click();
  await expect(tracking.getByTestId('tracking-note')).toHaveText('Contoso: reminder recorded, and the reminder email is on the clipboard.');
  expect(await clipboard(page)).toMatch(/^Subject: Reminder: Fabrikam CSP: Microsoft reseller relationship request for Contoso\n\nDear Contoso team,\n\nWe are writing again/);
  await expect(row).toContainText(/Reminders: 1, last on /);
  await row.getByRole('button', { name: 'Mark accepted' }).click();
  await expect(tracking.getByTestId('tracking-note')).toHaveText('Contoso: status changed to Accepted.');
  await expect(tracking.getByRole('listitem', { name: 'Contoso' })).toHaveCount(0);
  await tracking.getByLabel('Show').selectOption({ label: 'All, with accepted and cancelled' });
  await expect(tracking.getByRole('listitem', { name: 'Contoso' })).toContainText(/Accepted on /);
  await expectNoSeriousAxeViolations(page, 'invite: tracking');
  await docScreenshot(page, 'invite-5-tracking');

  // The customer moved on in its case: accepted.
  await page.goto('./#/customers');
  await expect(page.getByRole('row', { name: /Contoso/ })).toContainText('Accepted');

  // A second invitation, opened for one customer by its address: no legacy DAP any more; Japanese email.
  const contosoId = await customerIdOf(page, 'Contoso');
  await page.goto(`./#/invite/${encodeURIComponent(contosoId)}`);
  await expect(wizard.getByTestId('invite-selected-count')).toHaveText('Selected: 1');
  await expect(wizard.getByRole('checkbox', { name: 'Contoso' })).toBeChecked();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByTestId('region-outcome')).toContainText('Same CSP region (Japan)');
  await wizard.getByRole('button', { name: 'Next' }).click();
  // Legacy DAP can no longer be requested: no such choice, and the step says why.
  await expect(wizard.getByRole('radio', { name: /\bDAP\b/ })).toHaveCount(0);
  await expect(wizard).toContainText('Legacy delegated admin (DAP) can no longer be requested: Microsoft grants admin rights to partners through GDAP only.');
  await expectNoSeriousAxeViolations(page, 'invite: GDAP only');
  await wizard.getByRole('radio', { name: /^Reseller relationship only/ }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('radio', { name: '日本語' }).check();
  await wizard.getByRole('button', { name: 'Create invitations' }).click();
  const jaCard = wizard.getByRole('article', { name: 'Contoso' });
  await expect(jaCard.getByLabel('Subject')).toHaveValue('【Fabrikam CSP】Microsoft リセラー関係のご承認のお願い (Contoso 様)');
  const jaBody = await jaCard.getByLabel('Message').inputValue();
  expect(jaBody).toMatch(/^Contoso ご担当者様\n\nいつもお世話になっております。Fabrikam CSP でございます。/);
  expect(jaBody).toContain(RESELLER_LINK);
  expect(jaBody).not.toContain('GDAP');
  await jaCard.getByRole('button', { name: 'Copy email' }).click();
  expect(await clipboard(page)).toBe(`件名: 【Fabrikam CSP】Microsoft リセラー関係のご承認のお願い (Contoso 様)\n\n${jaBody}`);
  await expectNoSeriousAxeViolations(page, 'invite: Japanese email');
  await docScreenshot(page, 'invite-6-japanese-email');
  await expect(tracking.getByRole('listitem', { name: 'Contoso' }).first()).toBeVisible();

  expect(problems).toEqual([]);
  await context.close();
});
