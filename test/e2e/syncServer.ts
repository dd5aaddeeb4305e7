// A real sync server for the end-to-end specs: a child process on its own PGlite data folder, with
// an organization and its people made by the `server:admin` commands (in one process: seedOrg.ts),
// as an operator would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { screens } from './pages';
import { ReviewSyncPage } from './pages/reviewSync';
import { SettingsPage } from './pages/settings';
import { listeningUrl } from '../support/serverProcess';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules/.bin/tsx');
export const PASSWORD = 'correct horse battery staple';

export interface SyncServer {
  url: string;
  stop(): Promise<void>;
}

export interface Member {
  email: string;
  name: string;
  role: 'admin-agent' | 'sales-agent' | 'billing-agent';
}

/** Starts a server for the app at `appOrigin`, with one organization and these members. */
export async function startSyncServer(appOrigin: string, org: string, members: readonly Member[]): Promise<SyncServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csp-sync-e2e-'));
  const commands = [['create-org', org], ...members.map((m) => ['add-user', '--org', org, '--email', m.email, '--name', m.name, '--role', m.role, '--password', PASSWORD])];
  const seeded = spawnSync(tsx, ['test/e2e/seedOrg.ts', dataDir, JSON.stringify(commands)], { cwd: root, env: { ...process.env, DATABASE_URL: '' }, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding the organization failed: ${seeded.stderr}`);
  const server: ChildProcess = spawn(tsx, ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', CORS_ORIGINS: appOrigin, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(server);
  return {
    url,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Points the app of `page` at the server (Settings), as a person does once. */
export async function useServer(page: Page, serverUrl: string): Promise<void> {
  await new SettingsPage(page).useServer(serverUrl);
}

/** Signs in on Review & sync and waits until the first sync is done. */
export async function signIn(page: Page, email: string): Promise<void> {
  await new ReviewSyncPage(page).signIn(email, PASSWORD);
}

/** A person in a fresh browser profile, signed in to the server. */
export async function person(browser: Browser, serverUrl: string, email: string): Promise<{ page: Page; context: BrowserContext; setOffline: (v: boolean) => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await useServer(page, serverUrl);
  await signIn(page, email);
  return { page, context, setOffline: (v) => context.setOffline(v) };
}

/**
 * A sync server for the spec file that calls this: started before its tests (seeding and a PGlite
 * start are slow on a busy 2-core machine), stopped after them.
 */
export function serverForThisFile(members: readonly Member[]) {
  let server: SyncServer | null = null;
  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(120_000);
    server = await startSyncServer(new URL(baseURL!).origin, 'Fabrikam', members);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  const url = (): string => {
    if (!server) throw new Error('the sync server starts before the tests (beforeAll)');
    return server.url;
  };
  return {
    url,
    /** A person signed in, in a fresh browser profile, with the screens of that person's page. */
    person: async (browser: Browser, email: string) => {
      const signedIn = await person(browser, url(), email);
      return { ...signedIn, ...screens(signedIn.page) };
    },
  };
}
