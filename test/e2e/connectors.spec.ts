// The live connectors end to end (issue 14): the built renderer in real Chromium, with the app's real
// preload giving it `window.host` (so it picks the Electron host, as in the desktop app), and every
// call running through main's real IPC registration, handlers and services in this Node process,
// against the local Graph and Partner Center contract servers (test/contract). Faked are only
// Electron's transport and Microsoft's sign-in (see desktopHost.ts): Electron cannot start here.
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_CUSTOMER_TENANT, generatedCustomers, readPcFixture } from '../contract/pcServer';
import { generatedUsers, TENANT_ID } from '../contract/graphServer';
import type { GraphProgress } from '../../shared/ipc/contract';
import { startDesktopHost, type DesktopHost } from './desktopHost';
import { expectNoSeriousAxeViolations, PARTNER_LINK, PARTNER_TENANT_ID, watchForErrors } from './support';
import { CaseFilePage, CustomersPage, InviteWizard, SettingsPage } from './pages';

let host: DesktopHost | null = null;
test.afterEach(async () => {
  await host?.close();
  host = null;
});

const originOf = (baseURL: string | undefined) => new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;

/** Adds a customer by name and gives it a tenant id in its case file's Details. */
async function addCustomerWithTenantId(page: Page, name: string, tenantId: string): Promise<void> {
  const customers = new CustomersPage(page);
  await customers.openAndAdd(name);
  await customers.link(name).click();
  const caseFile = new CaseFilePage(page);
  await caseFile.detail('Tenant ID').fill(tenantId);
  await caseFile.saveDetails.click();
  await expect(caseFile.detailsStatus).toHaveText('Details saved for your whole team.');
}

test.describe('live connectors against the local Graph and Partner Center servers, Electron\'s IPC replaced by a Playwright binding', () => {
  test('Settings: the signed-in account, and the reseller relationship link read from Partner Center', async ({ page, baseURL }) => {
    const problems = watchForErrors(page);
    host = await startDesktopHost(page, originOf(baseURL));
    const settings = new SettingsPage(page);
    await settings.open();
    // The app took the bridge: the Electron host, signed in through main.
    const info = await page.evaluate(() => (window as unknown as { host: { appInfo(a: object): Promise<unknown> } }).host.appInfo({}));
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', name: 'CSP Migration Workspace' } });
    // main's sender check is in the loop: the same call from a frame inside the page is refused.
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>not the app</p>';
      frame.title = 'not the app';
      document.body.append(frame);
    });
    await expect.poll(() => page.frames().length).toBe(2);
    const inner = page.frames().find((f) => f !== page.mainFrame());
    if (!inner) throw new Error('no inner frame');
    await inner.waitForLoadState();
    const refused = await inner.evaluate(() => (window as unknown as { __cspwIpcInvoke(c: string, a: unknown): Promise<unknown> }).__cspwIpcInvoke('app.info', {}));
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'this request did not come from the app window' } });
    await page.evaluate(() => document.querySelector('iframe')?.remove());
    await expect(settings.microsoftAccount).toHaveText(`Signed in with Microsoft as Aiko Tanaka (aiko@fabrikam.example), tenant ${PARTNER_TENANT_ID}.`);

    const section = settings.partnerProfile;
    await expect(settings.resellerLink).toHaveValue('');
    await settings.readLinkFromPartnerCenter.click();
    await expect(section.getByText('Read from Partner Center: check the link and save the profile.')).toBeVisible();
    await expect(settings.resellerLink).toHaveValue(PARTNER_LINK);
    await expect(settings.partnerTenantId).toHaveValue(PARTNER_TENANT_ID);
    // Main asked the local Partner Center with the sign-in's token.
    expect(host.pc.requests.map((r) => [r.path, r.headers.authorization])).toEqual([['/v1/customers/relationshiprequests', 'Bearer pc-token-1']]);

    await settings.partnerName.fill('Fabrikam CSP');
    await settings.saveProfile.click();
    await expect(section).toContainText('Saved for your whole team.');
    await expectNoSeriousAxeViolations(page, 'settings with the Electron host');

    // Signed out in main: the page, loaded again, says so and no longer offers the read.
    await settings.signOutOfMicrosoft.click();
    await expect(settings.microsoftAccount).toHaveText('Not signed in with Microsoft. Sign in from Review & sync.');
    await page.reload();
    await expect(settings.readLinkFromPartnerCenter).toBeDisabled();
    await expect(section.getByText('Sign in with Microsoft (Review & sync) to read the link from Partner Center.')).toBeVisible();
    await expect(settings.resellerLink).toHaveValue(PARTNER_LINK);
    expect(host.pc.requests).toHaveLength(1);
    expect(host.logged).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("Settings: the customer tenants (GDAP) read from Graph, what each can read, and whether it is in the workspace", async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const problems = watchForErrors(page);
    host = await startDesktopHost(page, originOf(baseURL));
    await addCustomerWithTenantId(page, 'Contoso', TENANT_ID);

    const settings = new SettingsPage(page);
    await settings.open();
    await settings.readRelationships.click();
    // The fixture's relationship and four generated ones, on the local Graph's two pages.
    await expect(settings.relationships.getByRole('row')).toHaveCount(6);
    const fixture = settings.relationship(/Contoso admin relationship/);
    await expect(fixture.getByRole('cell')).toHaveText(['Contoso subsidiary Inc4b827261-d21f-4aa9-b7db-7fa1f56fb163', 'Contoso admin relationship', 'Created', 'Feb 10, 2024', 'By 180 days', 'No: ask the customer for Directory Readers (or Global Reader)', 'No']);
    const contoso = settings.relationship(/Customer 1 licenses/);
    await expect(contoso.getByRole('cell').nth(5)).toHaveText('Yes');
    await expect(contoso.getByRole('cell').nth(6)).toHaveText('Yes (Contoso)');
    const paths = host.graph.requests.map((r) => r.path);
    expect(paths).toEqual(['/v1.0/tenantRelationships/delegatedAdminRelationships', '/v1.0/tenantRelationships/delegatedAdminRelationships']);
    await expectNoSeriousAxeViolations(page, 'settings with the GDAP relationships');
    expect(host.logged).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('Invite: the email carries the reseller relationship link read from Partner Center', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const problems = watchForErrors(page);
    host = await startDesktopHost(page, originOf(baseURL));
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.readLinkFromPartnerCenter.click();
    await expect(settings.resellerLink).toHaveValue(PARTNER_LINK);
    await settings.partnerName.fill('Fabrikam CSP');
    await settings.partnerCountry.fill('JP');
    await settings.saveProfile.click();
    await expect(settings.partnerProfile).toContainText('Saved for your whole team.');

    await new CustomersPage(page).openAndAdd('Contoso');
    const wizard = new InviteWizard(page);
    await wizard.shell.navigate('Invite');
    await wizard.customerCheckbox('Contoso').check();
    await wizard.next.click();
    await wizard.saveCountry('Contoso', 'JP');
    await expect(wizard.region('Contoso')).toContainText('Same CSP region (Japan): can be invited.');
    await wizard.next.click();
    await wizard.resellerOnly.check();
    await wizard.next.click();
    await wizard.emailLanguage('English').check();
    await wizard.recipients.fill('admin@contoso.com');
    await wizard.createInvitations.click();
    await expect(wizard.stepHeading('Step 5 of 5: Send')).toBeFocused();
    const body = await wizard.card('Contoso').getByLabel('Message').inputValue();
    expect(body).toContain(PARTNER_LINK);
    expect(host.pc.requests.map((r) => r.route)).toEqual(['relationshipLink']);
    expect(host.logged).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('Customers: the customer list read from Partner Center, previewed, then created', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const problems = watchForErrors(page);
    // The documented customer and 45 more: two pages of Partner Center's list (40 a page).
    host = await startDesktopHost(page, originOf(baseURL), { pc: { customers: [JSON.parse(readPcFixture('customer.get.response.json')), ...generatedCustomers(45)] } });
    const customers = new CustomersPage(page);
    await customers.open();
    await customers.readFromPartnerCenter.click();
    await expect(customers.pcCounts).toHaveText(
      "Partner Center's customer list: 46 new, 0 already in the workspace (same tenant id), 0 repeated in the list, 0 refused.",
    );
    const preview = customers.pcNew;
    await expect(preview.getByRole('row', { name: /1kl as kjk/ })).toContainText('abcdefgh1234.ccsctp.net');
    await expect(preview.getByRole('row', { name: /1kl as kjk/ })).toContainText(FIXTURE_CUSTOMER_TENANT);
    await expect(preview.getByRole('row', { name: /Customer 45/ })).toContainText('customer45.onmicrosoft.com');
    // Both pages were read, and the page heard how far the read had come.
    expect(host.pc.requests.map((r) => r.route)).toEqual(['customers', 'customers']);
    expect(host.sent.filter((s) => s.channel === 'partnerCenter.progress').map((s) => s.payload)).toEqual([
      { pages: 1, customers: 40 },
      { pages: 2, customers: 46 },
    ]);
    await expect(customers.pcReading).toHaveCount(0);
    await expectNoSeriousAxeViolations(page, 'customer list read from Partner Center');

    await customers.createFromList(46).click();
    await expect(customers.pcOutcome).toHaveText("Customers created from Partner Center's customer list: 46.");
    await customers.search.fill('1kl as kjk');
    await customers.link('1kl as kjk').click();
    const caseFile = new CaseFilePage(page);
    await expect(caseFile.detail('Tenant ID')).toHaveValue(FIXTURE_CUSTOMER_TENANT);
    await expect(caseFile.detail('Domain')).toHaveValue('abcdefgh1234.ccsctp.net');
    expect(host.logged).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("Customers: 'Read from Microsoft' reads the tenant from Graph, and the case file dates the data", async ({ page, baseURL }) => {
    // 1,200 users through the import worker, and a one-second Retry-After, on a shared machine.
    test.setTimeout(90_000);
    const problems = watchForErrors(page);
    // 1,200 users (two pages of 999); the first token expires after two requests, and Graph
    // throttles the fourth request once: the read goes on through both.
    host = await startDesktopHost(page, originOf(baseURL), {
      graph: {
        users: generatedUsers(1200),
        validTokens: new Set(['token-1', 'token-2']),
        expireToken: { token: 'token-1', afterRequests: 2 },
        throttle: [{ onRequest: 4, retryAfter: '1' }],
      },
    });
    await addCustomerWithTenantId(page, 'Contoso', TENANT_ID);

    const customers = new CustomersPage(page);
    await customers.open();
    await customers.chooseImportCustomer('Contoso');
    await customers.readFromMicrosoft.click();
    await expect(customers.importOutcome).toContainText('Imported.', { timeout: 20_000 });
    const today = new Date().toISOString().slice(0, 10);
    // Every collection was asked of the local Graph with the customer tenant's token.
    const paths = new Set(host.graph.requests.map((r) => r.path));
    expect([...paths].sort()).toEqual(['/v1.0/directory/subscriptions', '/v1.0/organization', '/v1.0/subscribedSkus', '/v1.0/users']);
    expect(new Set(host.graph.requests.map((r) => r.authorization))).toEqual(new Set(['Bearer token-1', 'Bearer token-2']));
    const usersRead = host.sent.filter((s) => s.channel === 'graph.progress' && (s.payload as GraphProgress).collection === 'users');
    expect(usersRead.map((s) => (s.payload as GraphProgress).items)).toEqual([999, 1200]);
    await expect(customers.licensedUsers('Contoso')).toHaveText('1200');

    await customers.link('Contoso').click();
    const caseFile = new CaseFilePage(page);
    await expect(caseFile.graphReadDate).toHaveText(`Data read from Microsoft on ${today}`);
    const subscriptions = caseFile.subscriptions;
    // The documented subscription is owned by the tenant itself (331af819…), which is this customer now.
    const mine = caseFile.subscription(/MyPartNumber/);
    await expect(mine.getByRole('cell').nth(1)).toHaveText('Contoso');
    await expect(mine).toContainText('0 of 25');
    await expect(mine).toContainText('The 30-day window has ended');
    await expect(subscriptions.getByRole('heading', { name: 'Owner not known (2)' })).toBeVisible();
    await expect(caseFile.detail('Country')).toHaveValue('JP');
    await expectNoSeriousAxeViolations(page, 'case file read from Microsoft');
    expect(host.logged).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('Customers: Graph refusing the read (403) names the GDAP role to ask the customer for', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const problems = watchForErrors(page);
    host = await startDesktopHost(page, originOf(baseURL), { graph: { forbidden: new Set(['subscribedSkus']) } });
    await addCustomerWithTenantId(page, 'Contoso', TENANT_ID);

    const customers = new CustomersPage(page);
    await customers.open();
    await customers.chooseImportCustomer('Contoso');
    await customers.readFromMicrosoft.click();
    await expect(customers.importSection.getByText('Ask the customer to approve a GDAP relationship with the Directory Readers (or Global Reader) role. Nothing was imported.')).toBeVisible();
    await expect(customers.readFromMicrosoft).toBeEnabled();
    expect(host.graph.requests.some((r) => r.path === '/v1.0/subscribedSkus')).toBe(true);

    // The same refusal in Japanese: the language is kept by main's settings.
    const settings = new SettingsPage(page);
    await settings.open();
    const settingsJa = await settings.chooseLanguage('ja');
    await expect(settingsJa.shell.html).toHaveAttribute('lang', 'ja');
    expect(host.settings.get().language).toBe('ja');
    const customersJa = new CustomersPage(page, 'ja');
    await customersJa.open();
    await customersJa.chooseImportCustomer('Contoso');
    await customersJa.readFromMicrosoft.click();
    await expect(customersJa.importSection.getByText('「ディレクトリ閲覧者 (またはグローバル閲覧者)」ロールを含む GDAP 関係を承認するよう顧客に依頼してください。何も取り込んでいません。')).toBeVisible();
    await settingsJa.open();
    await settingsJa.chooseLanguage('en');

    await customers.open();
    await customers.link('Contoso').click();
    const caseFile = new CaseFilePage(page);
    await expect(caseFile.detail('Tenant ID')).toHaveValue(TENANT_ID);
    await expect(caseFile.graphReadDate).toHaveCount(0);
    expect(host.logged).toEqual([]);
    expect(problems).toEqual([]);
  });
});
