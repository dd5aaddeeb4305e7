// The security policy of DESIGN.md ("Electron security"), as functions that take Electron's objects
// as parameters so that tests can hand them fakes. index.ts applies them to the real window.
import { isAllowedExternalUrl } from '../../shared/ipc/contract';
import { originOf } from './identity';

/** Where and how large the window opens (windowState.ts). */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
}

/**
 * Creates the app window: isolated, sandboxed, no Node, no webview, web security on, no middle-click
 * windows. The options are written out here, in the `new BrowserWindow({...})` itself, so that
 * reviewers and Electronegativity see them where the window is made.
 */
export function createSecureWindow<W>(
  BrowserWindow: new (options: WindowPlacement & { show: boolean; webPreferences: Record<string, unknown> }) => W,
  placement: WindowPlacement,
  preloadPath: string,
): W {
  return new BrowserWindow({
    ...placement,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

export interface CspOptions {
  /** settings.backendUrl: the sync server the renderer may connect to ('' when offline only). */
  backendUrl: string;
  /** Development only: the Vite dev server, whose React Refresh preamble is an inline script and whose HMR uses a WebSocket. */
  devServerUrl?: string | undefined;
}

/**
 * The Content-Security-Policy header of every page and worker script the app serves. Styles allow
 * 'unsafe-inline' because Fluent UI (Griffel) inserts style rules at run time; nothing else is
 * inline. connect-src names only the configured backend (and its WebSocket twin, for pokes): a
 * changed backend takes effect on the next load of the page.
 */
export function contentSecurityPolicy(options: CspOptions): string {
  const connect = ["'self'"];
  const backend = options.backendUrl ? originOf(options.backendUrl) : null;
  if (backend && /^https?:\/\//.test(backend)) {
    connect.push(backend, backend.replace(/^http/, 'ws'));
  }
  const script = ["'self'"];
  const dev = options.devServerUrl ? originOf(options.devServerUrl) : null;
  if (dev) {
    script.push("'unsafe-inline'");
    connect.push(dev, dev.replace(/^http/, 'ws'));
  }
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Response headers with our CSP instead of any the response carried (any letter case). */
export function withCsp(headers: Record<string, string[] | string> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

type NavigationEvent = { url?: string; preventDefault(): void };

/** The parts of a WebContents the policy hooks into. */
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface WebContentsPolicy {
  /** Is this URL one of our pages (app:// origin; the dev server in development)? */
  isAppUrl: (url: string) => boolean;
  openExternal: (url: string) => void;
}

/**
 * Navigation away from our origin is refused (an allowed https/mailto link opens in the user's
 * browser instead), new windows are never created, and <webview> can never attach.
 */
export function hardenWebContents(contents: WebContentsLike, policy: WebContentsPolicy): void {
  const guard = (event: NavigationEvent, url: string) => {
    const target = event.url ?? url;
    if (policy.isAppUrl(target)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(target)) policy.openExternal(target);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) policy.openExternal(url);
    return { action: 'deny' };
  });
}

/** The parts of a Session the policy sets. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Every permission request (camera, notifications, geolocation, clipboard read, ...) and check is
 * answered no; the CSP header is put on every response from our own origins.
 */
export function hardenSession(session: SessionLike, options: { isAppUrl: (url: string) => boolean; csp: () => string }): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!options.isAppUrl(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCsp(details.responseHeaders, options.csp()) });
  });
}

/** A predicate for "one of our pages": the app:// origin, plus the dev server in development. */
export function appUrlMatcher(origins: readonly string[]): (url: string) => boolean {
  return (url) => {
    const origin = originOf(url);
    return origin !== null && origins.includes(origin);
  };
}
