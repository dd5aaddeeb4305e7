// The main process: lifecycle, the one window, the security policy, the app:// protocol, the menu
// and the IPC handlers. Everything with a rule in it lives in a module that takes Electron's APIs
// as parameters and has tests with fakes; this file only wires the real Electron into them.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, screen, session, shell } from 'electron';
import Store from 'electron-store';
import { autoUpdater } from 'electron-updater';
import type { GraphProgress, MenuCommand, PartnerCenterProgress, Settings, UpdaterState } from '../../shared/ipc/contract';
import { createFileService } from './files';
import { APP_ENTRY_URL, APP_ID, APP_ORIGIN, APP_SCHEME, originOf, PRODUCT_NAME } from './identity';
import { appInfoFrom, createHandlers } from './ipc/handlers';
import { createSenderCheck, registerHandlers } from './ipc/register';
import { buildMenuTemplate, resolveMenuLanguage } from './menu';
import { createAppProtocolHandler, privilegedSchemes } from './protocol';
import { createGdapRelationships } from './gdapRelationships';
import { createGraphRead } from './graphRead';
import { createMicrosoftSignIn } from './microsoftSignIn';
import { createPartnerCenterService } from './partnerCenter';
import { createSecretsService } from './secrets';
import { appUrlMatcher, contentSecurityPolicy, createSecureWindow, hardenSession, hardenWebContents } from './security';
import { createSettingsService, settingsStoreOptions, type SettingsBackend } from './settings';
import { claimSingleInstance } from './singleInstance';
import { createUpdaterService } from './updater';
import { loadWindowState, MIN_SIZE, restoreWindowState, trackWindowState, windowStateSaver } from './windowState';

// Fixed identity (identity.ts): the name decides the userData folder, so it is pinned explicitly
// rather than left to whatever package.json says.
app.setName(PRODUCT_NAME);
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
app.enableSandbox();
protocol.registerSchemesAsPrivileged(privilegedSchemes);

// dist/electron/main.cjs -> dist/renderer and dist/electron/preload.cjs
const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
/** Development only (`ELECTRON_RENDERER_URL=http://localhost:5173 electron .`); ignored when packaged. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined;
const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
const trustedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
const isAppUrl = appUrlMatcher(trustedOrigins);

let mainWindow: BrowserWindow | null = null;

function openExternal(url: string): void {
  void shell.openExternal(url).catch(() => undefined);
}

function sendToWindow(
  channel: 'updater.changed' | 'menu.command' | 'graph.progress' | 'partnerCenter.progress',
  payload: UpdaterState | MenuCommand | GraphProgress | PartnerCenterProgress,
): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
}

async function start(): Promise<void> {
  const store = new Store<Record<string, unknown>>(settingsStoreOptions()) as unknown as SettingsBackend;
  const rebuildMenu = (settings: Settings) => {
    const template = buildMenuTemplate({
      language: resolveMenuLanguage(settings.language, app.getLocale()),
      isDev: !app.isPackaged,
      platform: process.platform,
      productName: PRODUCT_NAME,
      send: (command) => sendToWindow('menu.command', command),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  const settings = createSettingsService(store, (next, previous) => {
    if (next.language !== previous.language) rebuildMenu(next);
  });

  const csp = () => contentSecurityPolicy({ backendUrl: settings.get().backendUrl, devServerUrl });
  hardenSession(session.defaultSession, { isAppUrl, csp });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererRoot, csp }));

  const updater = createUpdaterService({
    autoUpdater: app.isPackaged ? autoUpdater : null,
    isPackaged: app.isPackaged,
    currentVersion: app.getVersion(),
    feedUrlOverride: process.env.CSP_UPDATE_URL,
    send: (state) => sendToWindow('updater.changed', state),
    log: (message) => console.error(message),
  });

  const secrets = createSecretsService({
    safeStorage,
    platform: process.platform,
    dir: path.join(app.getPath('userData'), 'secrets'),
    insecureAllowed: () => settings.get().allowInsecureSecretStorage,
  });
  const microsoft = createMicrosoftSignIn({
    settings: () => {
      const s = settings.get();
      return { clientId: s.microsoftClientId, authority: s.microsoftAuthority, scopes: s.microsoftScopes, serverScope: s.microsoftServerScope };
    },
    secrets,
    openExternal: (url) => shell.openExternal(url),
  });

  registerHandlers(
    ipcMain,
    createHandlers({
      appInfo: () => appInfoFrom(app, process),
      settings,
      secrets,
      microsoft,
      graph: createGraphRead({ microsoft, baseUrl: () => settings.get().graphBaseUrl, progress: (p) => sendToWindow('graph.progress', p) }),
      gdap: createGdapRelationships({ microsoft, baseUrl: () => settings.get().graphBaseUrl, fetch: (url, init) => net.fetch(url, init as RequestInit) }),
      partnerCenter: createPartnerCenterService({
        baseUrl: () => settings.get().partnerCenterBaseUrl,
        microsoft,
        // Electron's own fetch: the system's proxy and certificates apply, as in the browser.
        fetch: (url, init) => net.fetch(url, init as RequestInit),
        onCustomersProgress: (p) => sendToWindow('partnerCenter.progress', p),
      }),
      files: createFileService<BrowserWindow>({
        dialog,
        getWindow: () => {
          if (!mainWindow) throw new Error('no window');
          return mainWindow;
        },
        defaultDir: () => app.getPath('documents'),
      }) as ReturnType<typeof createFileService<unknown>>,
      updater,
      openExternal: (url) => shell.openExternal(url),
    }),
    {
      isTrustedSender: createSenderCheck(() => mainWindow, trustedOrigins, originOf),
      logError: (channel, error) => console.error(`IPC ${channel} failed:`, error),
    },
  );

  rebuildMenu(settings.get());
  await createWindow();

  if (app.isPackaged && settings.get().checkForUpdatesOnStart) {
    updater.check().catch(() => undefined);
  }
}

async function createWindow(): Promise<void> {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const state = restoreWindowState(
    await loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = createSecureWindow(
    BrowserWindow,
    {
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
      width: state.width,
      height: state.height,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      title: PRODUCT_NAME,
    },
    preloadPath,
  );
  mainWindow = win;
  if (state.maximized) win.maximize();
  trackWindowState(win, windowStateSaver(stateFile));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  await win.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

if (claimSingleInstance(app, () => mainWindow)) {
  // Every webContents (the window, and anything Chromium might create) gets the navigation,
  // new-window and webview policy.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isAppUrl, openExternal });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('the app could not start:', error);
      dialog.showErrorBox(PRODUCT_NAME, 'The app could not start. Please reinstall it or contact your administrator.');
      app.quit();
    });
}
