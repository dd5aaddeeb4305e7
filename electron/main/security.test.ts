import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from './identity';
import { appUrlMatcher, contentSecurityPolicy, hardenSession, createSecureWindow, hardenWebContents, withCsp, type SessionLike } from './security';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('Content-Security-Policy', () => {
  it('is strict: self only, no inline or eval script, nothing framed, posted or based', () => {
    const d = directives(contentSecurityPolicy({ backendUrl: '' }));
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('font-src')).toEqual(["'self'", 'data:']);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(contentSecurityPolicy({ backendUrl: '' })).not.toMatch(/unsafe-eval|\*/);
  });

  it('lets the renderer connect to the configured backend origin only (and its WebSocket)', () => {
    const https = directives(contentSecurityPolicy({ backendUrl: 'https://sync.example.com/api/v1' }));
    expect(https.get('connect-src')).toEqual(["'self'", 'https://sync.example.com', 'wss://sync.example.com']);
    const http = directives(contentSecurityPolicy({ backendUrl: 'http://localhost:8787' }));
    expect(http.get('connect-src')).toEqual(["'self'", 'http://localhost:8787', 'ws://localhost:8787']);
    const junk = directives(contentSecurityPolicy({ backendUrl: "javascript:alert(1)" }));
    expect(junk.get('connect-src')).toEqual(["'self'"]);
  });

  it("allows the dev server's inline preamble and HMR socket only in development", () => {
    const d = directives(contentSecurityPolicy({ backendUrl: '', devServerUrl: 'http://localhost:5173/' }));
    expect(d.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
  });

  it('replaces any CSP the response carried, whatever its case', () => {
    expect(withCsp({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, "default-src 'self'")).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });
});

describe('app window (fake Electron BrowserWindow)', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const made: unknown[] = [];
    class FakeBrowserWindow {
      constructor(options: unknown) {
        made.push(options);
      }
    }
    const placement = { x: 10, y: 20, width: 1200, height: 800, minWidth: 800, minHeight: 560, title: 'CSP Migration Workspace' };
    const win = createSecureWindow(FakeBrowserWindow, placement, '/app/dist/electron/preload.cjs');
    expect(win).toBeInstanceOf(FakeBrowserWindow);
    expect(made).toHaveLength(1);
    const options = made[0] as { webPreferences: Record<string, unknown>; show: boolean };
    expect(options).toMatchObject({ ...placement, show: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
    });
  });
});

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits like Electron: the event object carries the url, and it is passed again (deprecated). */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string) {
    const event = { url, prevented: false, preventDefault() { this.prevented = true; } };
    this.emit(kind, event, url);
    return event.prevented;
  }
}

describe('navigation, new windows and webviews (fake Electron webContents)', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents, { isAppUrl: appUrlMatcher([APP_ORIGIN]), openExternal: (u) => opened.push(u) });
    return { contents, opened };
  };

  it('lets the app navigate within its own origin', () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-navigate', `${APP_ORIGIN}/index.html#/customers`)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('denies navigation anywhere else; https and mailto go to the browser instead', () => {
    const { contents, opened } = setup();
    for (const url of ['https://evil.example/', 'http://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'mailto:a@example.com', 'javascript:alert(1)']) {
      expect(contents.navigate('will-navigate', url), url).toBe(true);
    }
    expect(contents.navigate('will-redirect', 'https://evil.example/redirected')).toBe(true);
    expect(opened).toEqual(['https://evil.example/', 'mailto:a@example.com', 'https://evil.example/redirected']);
  });

  it('never opens a window; allowed links open externally', () => {
    const { contents, opened } = setup();
    expect(contents.openHandler!({ url: 'https://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: `${APP_ORIGIN}/index.html` })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://learn.microsoft.com/']);
  });

  it('refuses to attach a webview', () => {
    const { contents } = setup();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledOnce();
  });
});

describe('session policy (fake Electron session)', () => {
  function fakeSession() {
    const s = {
      request: null as null | Parameters<SessionLike['setPermissionRequestHandler']>[0],
      check: null as null | Parameters<SessionLike['setPermissionCheckHandler']>[0],
      headers: null as null | Parameters<SessionLike['webRequest']['onHeadersReceived']>[0],
    };
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => void (s.request = h),
      setPermissionCheckHandler: (h) => void (s.check = h),
      webRequest: { onHeadersReceived: (l) => void (s.headers = l) },
    };
    hardenSession(session, { isAppUrl: appUrlMatcher([APP_ORIGIN]), csp: () => "default-src 'self'" });
    return s;
  }

  it('denies every permission request and check', () => {
    const s = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      const callback = vi.fn();
      s.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(s.check!({}, permission)).toBe(false);
    }
  });

  it('puts the CSP on responses from our origin and leaves the backend alone', () => {
    const s = fakeSession();
    const ours = vi.fn();
    s.headers!({ url: `${APP_ORIGIN}/index.html`, responseHeaders: { 'content-type': ['text/html'] } }, ours);
    expect(ours).toHaveBeenCalledWith({ responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] } });
    const theirs = vi.fn();
    s.headers!({ url: 'https://sync.example.com/pull', responseHeaders: {} }, theirs);
    expect(theirs).toHaveBeenCalledWith({});
  });
});
