// Helpers the end-to-end specs share: the real fixtures, page error capture, axe checks and
// screenshots for the docs.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** A file of ../shared/fixtures, as it is. */
export function fixture(path: string): Buffer {
  return readFileSync(new URL(`../../../shared/fixtures/${path}`, import.meta.url));
}

export const graph = (name: string) => fixture(`graph/${name}`);

/** Collects uncaught page errors and console errors; a spec ends with `expect(problems).toEqual([])`. */
export function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, bad.join('\n')).toEqual([]);
}

/**
 * A screenshot for README/docs (docs/screenshots/<name>.png), taken as the user sees the page. The
 * page's main pane scrolls inside the window, so the window is made as tall as the content for the
 * shot (a "full page" screenshot alone would stop at the window's edge), then put back.
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => {
    const main = document.getElementById('main-content');
    const chrome = main ? main.getBoundingClientRect().top : 0;
    return Math.ceil(chrome + (main?.scrollHeight ?? document.documentElement.scrollHeight));
  });
  const tall = Math.min(Math.max(viewport.height, height), 4000);
  if (tall !== viewport.height) await page.setViewportSize({ width: viewport.width, height: tall });
  await page.screenshot({ path: new URL(`../../docs/screenshots/${name}.png`, import.meta.url).pathname, fullPage: true });
  if (tall !== viewport.height) await page.setViewportSize(viewport);
}

export const PARTNER_TENANT_ID = '3b33e682-00c3-41ee-9dd2-a548adf56438';
export const PARTNER_LINK = `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${PARTNER_TENANT_ID}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;

/** Settings > Partner profile, saved through the real mutator. */
export async function savePartnerProfile(page: Page, profile: { name?: string; country?: string } = {}): Promise<void> {
  await page.goto('./#/settings');
  const section = page.getByRole('region', { name: 'Partner profile' });
  await section.getByLabel('Partner name').fill(profile.name ?? 'Fabrikam CSP');
  await section.getByLabel('Country').fill(profile.country ?? 'JP');
  await section.getByLabel('Reseller relationship link').fill(PARTNER_LINK);
  await section.getByRole('button', { name: 'Save profile' }).click();
  await expect(section).toContainText('Saved for your whole team.');
}

/** Settings > Microsoft catalog: the real licensing CSV (and Partner Center's offer list) through the import worker. */
export async function importCatalog(page: Page, options: { offers?: boolean } = {}): Promise<void> {
  await page.goto('./#/settings');
  const section = page.getByRole('region', { name: 'Microsoft catalog' });
  await section.getByLabel('Licensing CSV (product names and service plans)').setInputFiles({
    name: 'Product names and service plan identifiers for licensing.csv',
    mimeType: 'text/csv',
    buffer: fixture('microsoft/Product names and service plan identifiers for licensing.csv'),
  });
  if (options.offers) {
    await section.getByLabel('Partner Center offer list (optional)').setInputFiles({ name: 'offers.json', mimeType: 'application/json', buffer: fixture('partner-center/offers.list.response.json') });
  }
  await section.getByRole('button', { name: 'Import catalog' }).click();
  await expect(section.getByTestId('catalog-import-outcome')).toContainText('Imported.', { timeout: 20_000 });
}

/** Customers: adds a customer and imports the real Graph samples as its tenant. */
export async function addCustomerWithTenant(page: Page, name: string): Promise<void> {
  await page.goto('./#/customers');
  await page.getByLabel("New customer's name").fill(name);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  const section = page.getByRole('region', { name: 'Import tenant exports' });
  await chooseCustomer(section, 'Customer', name);
  await section.getByLabel('subscribedSkus (licenses bought)').setInputFiles({ name: 'subscribedSkus.json', mimeType: 'application/json', buffer: graph('subscribedSkus.list.response.json') });
  await section.getByLabel('directory/subscriptions (owners and dates)').setInputFiles({ name: 'subscriptions.json', mimeType: 'application/json', buffer: graph('directory.subscriptions.list.response.json') });
  await section.getByLabel('users with licenses').setInputFiles({ name: 'users.json', mimeType: 'application/json', buffer: graph('user.licenseAssignmentStates.example.json') });
  await section.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('Imported.');
}

/**
 * Chooses a customer in a customer picker (renderer/ui/CustomerPicker): types the name, then picks
 * the option, whose text is the name, or the name and a detail (`option`).
 */
export async function chooseCustomer(scope: Page | Locator, label: string, name: string, option: string | RegExp = name): Promise<void> {
  const box = scope.getByRole('combobox', { name: label });
  // Emptied first: typing the name the box already shows would change nothing, and open no list.
  await box.fill('');
  await box.fill(name);
  const page = 'goto' in scope ? scope : scope.page();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(box).toHaveValue(option);
}
