// Helpers the end-to-end specs share: the real fixtures, page error capture, axe checks and
// screenshots for the docs.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { CustomersPage } from './pages/customers';
import { SettingsPage } from './pages/settings';

export { fixture, graph } from './files';

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
  await settleTransitions(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, bad.join('\n')).toEqual([]);
}

/**
 * Waits for the page's running CSS transitions and finite animations. Fluent's buttons fade their
 * colour (background, border, color) when the theme changes: axe reading them mid-fade saw a button
 * half-way between light and dark and reported its contrast (a CI run failed so, ja dark).
 */
async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // A frame first, so that a theme just applied has started its transitions.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
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
  // Transitions finished first (a theme just switched fades Fluent's buttons for 0.1 s).
  await page.screenshot({ path: new URL(`../../docs/screenshots/${name}.png`, import.meta.url).pathname, fullPage: true, animations: 'disabled' });
  if (tall !== viewport.height) await page.setViewportSize(viewport);
}

export { PARTNER_LINK, PARTNER_TENANT_ID } from './pages/settings';
export { chooseCustomer } from './pages/customerPicker';

/** Settings > Partner profile, saved through the real mutator. */
export async function savePartnerProfile(page: Page, profile: { name?: string; country?: string } = {}): Promise<void> {
  await new SettingsPage(page).savePartnerProfile(profile);
}

/** Settings > Microsoft catalog: the real licensing CSV (and Partner Center's offer list) through the import worker. */
export async function importCatalog(page: Page, options: { offers?: boolean } = {}): Promise<void> {
  await new SettingsPage(page).importCatalog(options);
}

/** Customers: adds a customer and imports the real Graph samples as its tenant. */
export async function addCustomerWithTenant(page: Page, name: string): Promise<void> {
  const customers = new CustomersPage(page);
  await customers.openAndAdd(name);
  await customers.importTenant(name);
}
