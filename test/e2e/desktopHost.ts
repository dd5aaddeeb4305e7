// The desktop app's main process for an end-to-end test in Playwright's Chromium, where Electron
// cannot start (DESIGN.md, "Where Electron itself cannot run"). The page gets the app's REAL preload
// (electron/preload/preload.cts, bundled here with esbuild) over a stand-in for Electron's IPC
// (electronInPage.ts); every call goes through the REAL registration and handlers of the main
// process (electron/main/ipc/register.ts, handlers.ts) to the REAL services (graphRead,
// partnerCenter, settings, secrets, files, updater), which talk to the local Graph and Partner Center
// contract servers (test/contract). Fakes, each named where it is made:
// - Electron's transport: ipcMain / ipcRenderer / contextBridge / webContents.send;
// - Microsoft's sign-in: an account that is signed in, and tokens the local servers accept;
// - the Electron APIs the services take as parameters: electron-store (a Map), safeStorage
//   (reversible, no keyring here), dialog (always cancelled), shell.openExternal (recorded).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build, type Plugin } from 'esbuild';
import { defaultSettings, HostError, type MicrosoftAccount } from '../../shared/ipc/contract';
import { createFileService } from '../../electron/main/files';
import { createGdapRelationships } from '../../electron/main/gdapRelationships';
import { createGraphRead } from '../../electron/main/graphRead';
import { appInfoFrom, createHandlers } from '../../electron/main/ipc/handlers';
import { createSenderCheck, registerHandlers, type InvokeEvent, type IpcMainLike } from '../../electron/main/ipc/register';
import type { MicrosoftSignIn } from '../../electron/main/microsoftSignIn';
import { createPartnerCenterService } from '../../electron/main/partnerCenter';
import { createSecretsService } from '../../electron/main/secrets';
import { createSettingsService, type SettingsBackend, type SettingsService } from '../../electron/main/settings';
import { createUpdaterService } from '../../electron/main/updater';
import { startGraphServer, type GraphBehaviour, type GraphServer } from '../contract/graphServer';
import { startPcServer, type PcBehaviour, type PcServer } from '../contract/pcServer';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The partner user the stand-in sign-in reports. */
export const SIGNED_IN: MicrosoftAccount = {
  oid: '9f1c2a3b-0000-4000-8000-00000000a1c0',
  tenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
  username: 'aiko@fabrikam.example',
  name: 'Aiko Tanaka',
};

/**
 * Tokens the local servers accept by default (graphServer 'token-1', pcServer 'pc-token-1'); a
 * customer tenant's token asked for again (Graph said it expired) is the next of GRAPH_TOKENS.
 */
export const GRAPH_TOKENS = ['token-1', 'token-2', 'token-3'] as const;
const PC_TOKEN = 'pc-token-1';

/** Fake: Microsoft's sign-in (Entra cannot be reached here), signed in as SIGNED_IN. */
function stubMicrosoftSignIn(): MicrosoftSignIn {
  let account: MicrosoftAccount | null = SIGNED_IN;
  let graphToken = 0;
  const signedIn = () => {
    if (!account) throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft.');
  };
  return {
    signIn: async () => (account = SIGNED_IN),
    cancelSignIn: () => undefined,
    state: async () => ({ available: true, configured: true, account }),
    getAccessToken: async () => {
      signedIn();
      return { accessToken: PC_TOKEN, expiresAt: Date.now() + 3_600_000 };
    },
    getTenantAccessToken: async (_tenantId, options) => {
      signedIn();
      if (options?.refresh) graphToken = Math.min(graphToken + 1, GRAPH_TOKENS.length - 1);
      return GRAPH_TOKENS[graphToken] as string;
    },
    signOut: async () => {
      account = null;
    },
  };
}

/** Fake: electron-store, in memory (the service validates every write as with the real store). */
function memoryStore(initial: Record<string, unknown>): SettingsBackend {
  let store = { ...initial };
  return {
    get store() {
      return store;
    },
    set(values) {
      store = { ...store, ...values };
    },
  };
}

/** The real preload, bundled for the page with electronInPage.ts as 'electron'. */
async function preloadForPage(): Promise<string> {
  const electronInPage: Plugin = {
    name: 'electron-in-page',
    setup(b) {
      b.onResolve({ filter: /^electron$/ }, () => ({ path: path.join(root, 'test/e2e/electronInPage.ts') }));
    },
  };
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['electron/preload/preload.cts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome140',
    write: false,
    plugins: [electronInPage],
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no preload');
  return out.text;
}

export interface DesktopHost {
  graph: GraphServer;
  pc: PcServer;
  /** Main's settings service (what the window changed through settings.set is here). */
  settings: SettingsService;
  /** Everything main sent to the window (webContents.send), in order. */
  sent: { channel: string; payload: unknown }[];
  /** Links main opened in the user's browser (shell.openExternal). */
  opened: string[];
  /** Unexpected errors the IPC layer logged (the main process log). */
  logged: string[];
  close(): Promise<void>;
}

/**
 * Starts the local servers and main's services, and installs the bridge on `page` (before its
 * first navigation). `origin` is the app's origin: the sender check trusts only its main frame.
 */
export async function startDesktopHost(
  page: Page,
  origin: string,
  behaviour: { graph?: Partial<GraphBehaviour>; pc?: Partial<PcBehaviour> } = {},
): Promise<DesktopHost> {
  const graph = await startGraphServer({ latencyMs: 20, ...behaviour.graph });
  const pc = await startPcServer(behaviour.pc);
  const secretsDir = await mkdtemp(path.join(tmpdir(), 'cspw-e2e-secrets-'));
  const sent: DesktopHost['sent'] = [];
  const logged: string[] = [];
  const opened: string[] = [];

  // webContents.send: delivered in order, and before any later invoke's reply (as on Electron's
  // one IPC pipe), so a progress event never lands after the answer it belongs to.
  let delivered: Promise<unknown> = Promise.resolve();
  const send = (channel: string, payload: unknown) => {
    sent.push({ channel, payload });
    delivered = delivered.then(() =>
      page.evaluate(([c, p]) => (window as unknown as { __cspwIpcSend(c: string, p: unknown): void }).__cspwIpcSend(c, p), [channel, payload] as const).catch(() => undefined),
    );
  };

  const settings = createSettingsService(
    memoryStore({ ...defaultSettings, microsoftClientId: 'cspw-e2e', graphBaseUrl: graph.origin, partnerCenterBaseUrl: pc.origin }),
  );
  const microsoft = stubMicrosoftSignIn();
  // Fake: Electron's safeStorage (no keyring on this machine): reversible, but through the real service's files.
  const secrets = createSecretsService({
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text) => Buffer.from(text, 'utf8'),
      decryptStringAsync: async (bytes) => ({ shouldReEncrypt: false, result: bytes.toString('utf8') }),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    platform: 'linux',
    dir: secretsDir,
    insecureAllowed: () => settings.get().allowInsecureSecretStorage,
  });
  const handlers = createHandlers({
    appInfo: () => appInfoFrom({ getName: () => 'CSP Migration Workspace', getVersion: () => '0.1.0', getLocale: () => 'en-US' }, process),
    settings,
    secrets,
    microsoft,
    graph: createGraphRead({ microsoft, baseUrl: () => settings.get().graphBaseUrl, progress: (p) => send('graph.progress', p), retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 } }),
    gdap: createGdapRelationships({ microsoft, baseUrl: () => settings.get().graphBaseUrl, retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 } }),
    partnerCenter: createPartnerCenterService({
      baseUrl: () => settings.get().partnerCenterBaseUrl,
      microsoft,
      fetch: (url, init) => fetch(url, init as RequestInit),
      onCustomersProgress: (p) => send('partnerCenter.progress', p),
    }),
    // Fake: Electron's dialog; no spec here opens or saves a file through it.
    files: createFileService<Page>({
      dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
      getWindow: () => page,
      defaultDir: () => secretsDir,
    }) as ReturnType<typeof createFileService<unknown>>,
    updater: createUpdaterService({ autoUpdater: null, isPackaged: false, currentVersion: '0.1.0', send: (s) => send('updater.changed', s) }),
    // Fake: shell.openExternal, recorded.
    openExternal: async (url) => void opened.push(url),
  });

  // Fake: ipcMain. The listeners are the ones registerHandlers installs in the app.
  const listeners = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  // The window's webContents and main frame as the sender check sees them.
  const mainFrame = {
    get url() {
      return page.mainFrame().url();
    },
  };
  const webContents = { mainFrame };
  registerHandlers(ipcMain, handlers, {
    isTrustedSender: createSenderCheck(() => ({ isDestroyed: () => page.isClosed(), webContents }), [origin], (url) => {
      try {
        return new URL(url).origin;
      } catch {
        return null;
      }
    }),
    logError: (channel, error) => logged.push(`${channel}: ${error instanceof Error ? error.message : String(error)}`),
  });

  await page.exposeBinding('__cspwIpcInvoke', async (source, channel: string, arg: unknown) => {
    const listener = listeners.get(channel);
    // Electron's own answer to a channel nobody handles.
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const event: InvokeEvent = {
      sender: source.page === page ? webContents : source.page,
      senderFrame: source.frame === page.mainFrame() ? mainFrame : { url: source.frame.url() },
    };
    const reply = await listener(event, arg);
    await delivered;
    return reply;
  });
  await page.addInitScript({ content: await preloadForPage() });

  return {
    graph,
    pc,
    settings,
    sent,
    opened,
    logged,
    async close() {
      await Promise.all([graph.close(), pc.close()]);
      await rm(secretsDir, { recursive: true, force: true });
    },
  };
}
