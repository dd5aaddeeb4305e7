// The app shell in real Chromium with the web host: what a person sees first, language and theme
// switching through Settings (persisted by the web host in localStorage), and keyboard use.
// Every test gets a fresh browser context, so a fresh profile: nothing carries over between tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { NAV_ITEMS, SettingsPage, Shell } from './pages';

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const builtIndexHtml = fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url));

const navItemsEn = NAV_ITEMS.en;
const navItemsJa = NAV_ITEMS.ja;

/** Collects what would tell us the page is broken: uncaught errors, console errors, CSP violations. */
function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

test('shows the app shell: product name, navigation, main landmark', async ({ page }) => {
  const problems = watchForErrors(page);
  const shell = new Shell(page);
  await page.goto('./');
  await expect(shell.banner).toContainText('CSP Migration Workspace');
  const nav = shell.nav;
  await expect(nav.getByRole('link')).toHaveText(navItemsEn);
  await expect(shell.navLink('Dashboard')).toHaveAttribute('aria-current', 'page');
  await expect(shell.main).toBeVisible();
  await expect(shell.heading).toHaveText('Dashboard');
  await expect(shell.main).toContainText('Customers by stage');
  await expect(shell.html).toHaveAttribute('lang', 'en');
  await expect(shell.connectionStatus).toHaveText('Online');
  await expect(page).toHaveTitle('Dashboard – CSP Migration Workspace');
  await page.screenshot({ path: `${screenshotDir}shell-en.png`, fullPage: true });

  // Every page of the navigation exists, is marked current, and shows its own content.
  for (const label of navItemsEn) {
    await shell.navigate(label);
    await expect(shell.heading).toHaveText(label);
    await expect(shell.navLink(label)).toHaveAttribute('aria-current', 'page');
    await expect(shell.main.getByRole('heading', { level: 2 }).first()).toBeVisible();
  }
  expect(problems).toEqual([]);
});

test('follows the network: offline and back online', async ({ page, context }) => {
  await page.goto('./');
  const status = new Shell(page).connectionStatus;
  await expect(status).toHaveText('Online');
  await context.setOffline(true);
  await expect(status).toHaveText('Offline');
  await context.setOffline(false);
  await expect(status).toHaveText('Online');
});

test('switches the language to Japanese in Settings, and it persists across a reload', async ({ page }) => {
  const problems = watchForErrors(page);
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.shell.heading).toHaveText('Settings');
  await expect(settings.language.locator('option[value=system]')).toHaveText(
    "Use the computer's language (English)",
  );
  const settingsJa = await settings.chooseLanguage('ja');
  const shellJa = settingsJa.shell;

  const nav = shellJa.nav;
  await expect(nav.getByRole('link')).toHaveText(navItemsJa);
  await expect(shellJa.heading).toHaveText('設定');
  await expect(shellJa.html).toHaveAttribute('lang', 'ja');
  await expect(settingsJa.language).toHaveValue('ja');
  await expect(shellJa.connectionStatus).toHaveText('オンライン');

  await page.reload();
  await expect(shellJa.heading).toHaveText('設定');
  await expect(shellJa.html).toHaveAttribute('lang', 'ja');
  await expect(settingsJa.language).toHaveValue('ja');
  await shellJa.navigate('ダッシュボード');
  await expect(shellJa.main).toContainText('ステージ別の顧客');
  await page.screenshot({ path: `${screenshotDir}shell-ja.png`, fullPage: true });

  // Back to the computer's language (en-US in this browser).
  await shellJa.navigate('設定');
  await settingsJa.language.selectOption('system');
  await expect(settings.shell.heading).toHaveText('Settings');
  await expect(settings.shell.html).toHaveAttribute('lang', 'en');
  expect(problems).toEqual([]);
});

test.describe('on a computer set to Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('starts in Japanese while the language setting is "system"', async ({ page }) => {
    const settings = new SettingsPage(page, 'ja');
    await settings.open();
    await expect(settings.shell.html).toHaveAttribute('lang', 'ja');
    await expect(settings.shell.heading).toHaveText('設定');
    const language = settings.language;
    await expect(language).toHaveValue('system');
    await expect(language.locator('option[value=system]')).toHaveText('コンピューターの言語を使用 (日本語)');
    await expect(settings.shell.nav.getByRole('link')).toHaveText(navItemsJa);
    await expect(settings.appVersion).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.screenshot({ path: `${screenshotDir}settings-ja.png`, fullPage: true });
  });
});

test('Settings: theme, backend address, updates, secret storage and app info', async ({ page }) => {
  const problems = watchForErrors(page);
  const settings = new SettingsPage(page);
  await settings.open();
  const main = settings.shell.main;
  const themed = settings.shell.themed();

  // Theme: dark now, and still dark after a reload.
  const background = () => themed.evaluate((el) => getComputedStyle(el).backgroundColor);
  const lightBackground = await background();
  await settings.themeRadio('dark').check();
  await expect(themed).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(lightBackground);
  await page.screenshot({ path: `${screenshotDir}settings-dark.png` });
  await page.reload();
  await expect(settings.themeRadio('dark')).toBeChecked();
  await expect(themed).toHaveAttribute('data-theme', 'dark');
  // 'Use the computer's setting' follows prefers-color-scheme, live.
  await settings.themeRadio('system').check();
  await expect(themed).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(themed).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(themed).toHaveAttribute('data-theme', 'light');

  // Backend address: a wrong one is refused with the reason under the field, a right one is kept.
  const address = settings.serverAddress;
  await address.fill('ftp://sync.contoso.com');
  await settings.saveAddress.click();
  await expect(main).toContainText('Enter an address that starts with https:// or http://');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.fill('https://sync.contoso.com');
  await address.press('Enter');
  await expect(main).toContainText('Saved');
  await page.reload();
  await expect(settings.serverAddress).toHaveValue('https://sync.contoso.com');

  // Updates: the switch persists; the web host cannot update, and the button says why.
  const onStart = settings.checkOnStart;
  await expect(onStart).toBeChecked();
  await onStart.uncheck();
  await page.reload();
  await expect(settings.checkOnStart).not.toBeChecked();
  const check = settings.checkForUpdates;
  await expect(check).toHaveAttribute('aria-disabled', 'true');
  await expect(check).toHaveAccessibleDescription(/Updates are not available here\..*reload the page/);

  // What the web host says about itself.
  await expect(settings.secretStorage).toHaveText(/no secure storage.*memory only/);
  await expect(settings.appVersion).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(main).toContainText('Web browser');
  // The page scrolls inside <main>: a taller window shows all of it in one picture.
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.screenshot({ path: `${screenshotDir}settings.png`, fullPage: true });

  // No secret ever reaches localStorage: only the settings are there.
  const stored = await page.evaluate(() => Object.keys(localStorage));
  expect(stored).toEqual(['csp-migration-workspace.settings']);
  expect(problems).toEqual([]);
});

test('keyboard: Tab reaches the navigation and Enter opens Settings', async ({ page }) => {
  const shell = new Shell(page);
  await page.goto('./');
  await expect(shell.heading).toHaveText('Dashboard');
  const settingsLink = shell.navLink('Settings');
  let reachedNav = false;
  for (let i = 0; i < 20 && !(await settingsLink.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
    reachedNav ||= await page.evaluate(() => document.activeElement?.closest('nav') !== null);
  }
  expect(reachedNav).toBe(true);
  await expect(settingsLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('Settings');
  // Focus moves to the new page's heading, so the next Tab goes into the page.
  await expect(shell.heading).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(new SettingsPage(page).language).toBeFocused();
});

test('the built index.html has no inline scripts and carries the Content-Security-Policy', async ({ page }) => {
  const html = readFileSync(builtIndexHtml, 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes = '', body = ''] of scripts) {
    expect(attributes).toMatch(/\bsrc=/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src &#39;self&#39;/);

  // And the page really runs under that policy: no violation while it starts and renders.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('./');
  await expect(new Shell(page).nav).toBeVisible();
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
  expect(violations).toEqual([]);
});
