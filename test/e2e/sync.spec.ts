// Two people, two real browser contexts (each its own IndexedDB), one real sync server (a child
// process on PGlite): a customer added while one of them is offline reaches the other after it
// reconnects, through push, poke and pull.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules/.bin/tsx');
const PASSWORD = 'correct horse battery staple';
let server: ChildProcess;
let serverUrl = '';
let dataDir = '';

function admin(...args: string[]) {
  const r = spawnSync(tsx, ['server/admin.ts', ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`server:admin ${args.join(' ')}: ${r.stderr}`);
}

test.beforeAll(async ({ baseURL }) => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'csp-sync-e2e-'));
  admin('create-org', 'Fabrikam');
  admin('add-user', '--org', 'Fabrikam', '--email', 'aiko@fabrikam.example', '--name', 'Aiko', '--role', 'admin-agent', '--password', PASSWORD);
  admin('add-user', '--org', 'Fabrikam', '--email', 'ben@fabrikam.example', '--name', 'Ben', '--role', 'sales-agent', '--password', PASSWORD);
  const origin = new URL(baseURL!).origin;
  server = spawn(tsx, ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', CORS_ORIGINS: origin, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serverUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
});

async function person(browser: Browser, email: string): Promise<{ page: Page; setOffline: (v: boolean) => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('./#/settings');
  await page.getByLabel('Server address').fill(serverUrl);
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.getByRole('link', { name: 'Review & sync' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await expect(page.getByTestId('sync-phase')).toHaveText('Up to date', { timeout: 15_000 });
  return { page, setOffline: (v) => context.setOffline(v) };
}

test('a change made offline in one browser appears in the other after it reconnects', async ({ browser }) => {
  const aiko = await person(browser, 'aiko@fabrikam.example');
  const ben = await person(browser, 'ben@fabrikam.example');
  await expect(aiko.page.getByTestId('signed-in-as')).toHaveText('Signed in as Aiko (Admin agent)');

  await aiko.setOffline(true);
  await aiko.page.getByRole('link', { name: 'Customers' }).click();
  await aiko.page.getByLabel("New customer's name").fill('Offline Contoso');
  await aiko.page.getByRole('button', { name: 'Add customer' }).click();
  await expect(aiko.page.getByRole('row', { name: /Offline Contoso/ })).toBeVisible();
  await aiko.page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(aiko.page.getByTestId('outbox')).toContainText('Created customer Offline Contoso');
  await aiko.page.screenshot({ path: path.join(root, 'test-results/screenshots/review-sync-offline.png'), fullPage: true });

  // Ben sees nothing while Aiko is offline.
  await ben.page.getByRole('link', { name: 'Customers' }).click();
  await expect(ben.page.getByText('No customers yet.', { exact: false })).toBeVisible();

  await aiko.setOffline(false);
  await aiko.page.getByRole('button', { name: 'Sync now' }).click();
  await expect(ben.page.getByRole('row', { name: /Offline Contoso/ })).toBeVisible({ timeout: 20_000 });
  await expect(aiko.page.getByText('Nothing waiting', { exact: false })).toBeVisible({ timeout: 20_000 });
  await aiko.page.screenshot({ path: path.join(root, 'test-results/screenshots/review-sync.png'), fullPage: true });
});

test('two people change the same stage from the same base: the conflict is shown in words and resolved for both', async ({ browser }) => {
  const aiko = await person(browser, 'aiko@fabrikam.example');
  const ben = await person(browser, 'ben@fabrikam.example');
  await aiko.page.getByRole('link', { name: 'Customers' }).click();
  await aiko.page.getByLabel("New customer's name").fill('Conflicted Contoso');
  await aiko.page.getByRole('button', { name: 'Add customer' }).click();
  await ben.page.getByRole('link', { name: 'Customers' }).click();
  await expect(ben.page.getByRole('link', { name: 'Conflicted Contoso' })).toBeVisible({ timeout: 20_000 });

  // Aiko, offline, moves the customer to "Accepted"; Ben, online, to "Invited" first.
  await aiko.setOffline(true);
  await aiko.page.getByRole('link', { name: 'Conflicted Contoso' }).click();
  await aiko.page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Accepted' });
  await expect(aiko.page.getByText('Stage saved.')).toBeVisible();
  await ben.page.getByRole('link', { name: 'Conflicted Contoso' }).click();
  await ben.page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Invited' });
  await ben.page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(ben.page.getByText('Nothing waiting', { exact: false })).toBeVisible({ timeout: 20_000 });

  // Aiko reconnects: her change arrived on a stale base, so it becomes a conflict, not an overwrite.
  await aiko.setOffline(false);
  await aiko.page.getByRole('link', { name: 'Review & sync' }).click();
  await aiko.page.getByRole('button', { name: 'Sync now' }).click();
  const conflict = aiko.page.getByTestId('conflict');
  await expect(conflict).toContainText('Two people changed "Stage" of Conflicted Contoso at the same time', { timeout: 20_000 });
  await expect(conflict).toContainText('Now: Invited (by Ben). Also proposed: Accepted (by Aiko).');
  await aiko.page.screenshot({ path: path.join(root, 'docs/screenshots/review-sync-conflict.png'), fullPage: true });
  await conflict.getByRole('button', { name: 'Take "Accepted"' }).click();
  await expect(conflict).toHaveCount(0);

  // Both end with the proposed value.
  await ben.page.getByRole('link', { name: 'Customers' }).click();
  await ben.page.getByRole('link', { name: 'Conflicted Contoso' }).click();
  await expect(ben.page.getByRole('combobox', { name: 'Stage' })).toHaveValue('accepted', { timeout: 20_000 });
  await ben.page.getByRole('link', { name: 'Review & sync' }).click();
  await expect(ben.page.getByTestId('conflict')).toHaveCount(0);
});
