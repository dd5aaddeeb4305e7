import { describe, expect, it, vi } from 'vitest';
import { channels, contract, defaultSettings, HostError, type Channel } from '../../../shared/ipc/contract';
import { originOf, APP_ORIGIN } from '../identity';
import { createHandlers, type HandlerServices } from './handlers';
import { createSenderCheck, dispatch, registerHandlers, type Handlers, type InvokeEvent } from './register';

function fakeWindow() {
  const mainFrame = { url: `${APP_ORIGIN}/index.html` };
  const webContents = { mainFrame };
  return { win: { isDestroyed: () => false, webContents }, mainFrame, webContents };
}

/** Handlers that answer valid results for every channel, for the registration tests. */
function stubHandlers(): Handlers {
  return createHandlers({
    appInfo: () => ({ name: 'CSP Migration Workspace', version: '0.1.0', host: 'electron', platform: 'linux', arch: 'x64', locale: 'en-US' }),
    settings: {
      get: () => ({ ...defaultSettings, language: 'en' }),
      set: () => ({ ...defaultSettings, language: 'ja' }),
    },
    secrets: {
      status: async () => ({ state: 'encrypted', backend: 'linux', insecureAllowed: false }),
      get: async () => null,
      set: async () => undefined,
      delete: async () => undefined,
    },
    files: { open: async () => null, save: async () => ({ saved: false }) },
    updater: {
      state: () => ({ status: 'idle' }),
      check: async () => ({ status: 'checking' }),
      download: async () => ({ status: 'downloading', version: '1.0.0', percent: 0 }),
      install: () => undefined,
    },
    microsoft: {
      signIn: async () => ({ oid: 'o', tenantId: 't', username: 'u@example.com', name: 'U' }),
      cancelSignIn: () => undefined,
      state: async () => ({ available: true, configured: true, account: null }),
      getAccessToken: async () => ({ accessToken: 'at', expiresAt: 1 }),
      getTenantAccessToken: async () => 'tenant-at',
      signOut: async () => undefined,
    },
    graph: { readTenant: async () => ({ subscribedSkus: [], subscriptions: [], users: [] }), cancel: () => undefined },
    gdap: { relationships: async () => ({ ok: true as const, relationships: [], pages: 0 }) },
    partnerCenter: {
      relationshipLink: async () => ({ ok: true, url: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship', partnerTenantId: 'p', legacyDap: false }),
      customers: async () => ({ ok: true, customers: [], refused: [], duplicates: [], pages: 1 }),
      agreement: async () => ({ ok: true, agreement: null }),
      recordAgreement: async () => ({ ok: false, code: 'forbidden', params: { call: 'createAgreement', status: 403 } }),
      createTransfer: async () => ({ ok: false, code: 'conflict', params: { call: 'createTransfer', status: 409 } }),
      transfers: async () => ({ ok: true, transfers: [] }),
    },
    openExternal: async () => undefined,
  });
}

describe('IPC registration (fake Electron)', () => {
  it('has a handler for every contract channel and none beyond it', () => {
    const handlers = stubHandlers();
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
    expect(channels.length).toBeGreaterThan(10);
  });

  it('registers every channel on ipcMain and refuses a handler table that does not match', () => {
    const handle = vi.fn();
    registerHandlers({ handle }, stubHandlers(), { isTrustedSender: () => true });
    expect(handle.mock.calls.map((c) => c[0]).sort()).toEqual([...channels].sort());

    const { 'app.info': _dropped, ...missing } = stubHandlers();
    expect(() => registerHandlers({ handle: vi.fn() }, missing as Handlers, { isTrustedSender: () => true })).toThrow(/missing \[app.info\]/);
    const extra = { ...stubHandlers(), 'fs.readAnything': () => null } as unknown as Handlers;
    expect(() => registerHandlers({ handle: vi.fn() }, extra, { isTrustedSender: () => true })).toThrow(/extra \[fs.readAnything\]/);
  });

  it('answers through the registered listener with a Reply', async () => {
    const listeners = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
    const { win, webContents, mainFrame } = fakeWindow();
    registerHandlers({ handle: (c, l) => listeners.set(c, l) }, stubHandlers(), {
      isTrustedSender: createSenderCheck(() => win, [APP_ORIGIN], originOf),
    });
    const event: InvokeEvent = { sender: webContents, senderFrame: mainFrame };
    await expect(listeners.get('settings.get')!(event, {})).resolves.toMatchObject({ ok: true, value: { language: 'en' } });
    await expect(listeners.get('settings.set')!(event, { language: 'xx' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGS' },
    });
  });
});

describe('IPC dispatch (fake Electron)', () => {
  const trusted = { isTrustedSender: () => true };
  const event: InvokeEvent = { sender: {}, senderFrame: { url: `${APP_ORIGIN}/` } };

  it('refuses an untrusted sender before reading args or calling the handler', async () => {
    const handler = vi.fn();
    const reply = await dispatch('settings.get', handler, event, {}, { isTrustedSender: () => false });
    expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses invalid args with INVALID_ARGS naming the field, without calling the handler', async () => {
    const handler = vi.fn();
    const reply = await dispatch('secrets.set', handler, event, { name: 'refreshToken', value: '' }, trusted);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INVALID_ARGS');
      expect(reply.error.message).toMatch(/^value:/);
    }
    const extraKey = await dispatch('settings.get', handler, event, { sneaky: 1 }, trusted);
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('treats a missing argument as {} for channels without args', async () => {
    const reply = await dispatch('updater.state', () => ({ status: 'idle' as const }), event, undefined, trusted);
    expect(reply).toEqual({ ok: true, value: { status: 'idle' } });
  });

  it('passes a HostError through with its code and message', async () => {
    const reply = await dispatch('updater.install', () => {
      throw new HostError('OUTBOX_NOT_EMPTY', 'sync first');
    }, event, { pendingOutbox: 2 }, trusted);
    expect(reply).toEqual({ ok: false, error: { code: 'OUTBOX_NOT_EMPTY', message: 'sync first' } });
  });

  it("passes a HostError's connector detail through (a code and parameters the renderer words)", async () => {
    const detail = { code: 'forbidden', params: { collection: 'users', url: 'https://graph.microsoft.com/v1.0/users', page: 1, status: 403 } };
    const reply = await dispatch('graph.readTenant', () => {
      throw new HostError('GRAPH_FORBIDDEN', 'Microsoft Graph read of users failed (forbidden 403)', detail);
    }, event, { tenantId: '11111111-2222-4333-8444-555555555555' }, trusted);
    expect(reply).toEqual({ ok: false, error: { code: 'GRAPH_FORBIDDEN', message: 'Microsoft Graph read of users failed (forbidden 403)', detail } });
  });

  it('turns an unexpected exception into INTERNAL with a safe message and logs it', async () => {
    const logError = vi.fn();
    const reply = await dispatch('settings.get', () => {
      throw new Error('EACCES: /home/alice/.config/secret-path');
    }, event, {}, { ...trusted, logError });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INTERNAL');
      expect(reply.error.message).not.toContain('/home/alice');
    }
    expect(logError).toHaveBeenCalledOnce();
  });

  it('refuses to return a result that breaks the contract', async () => {
    const reply = await dispatch('app.info', () => ({ name: 'x' }) as never, event, {}, trusted);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('validates every channel the contract lists (each has args and result schemas)', () => {
    for (const c of channels as Channel[]) {
      expect(typeof contract[c].args.safeParse).toBe('function');
      expect(typeof contract[c].result.safeParse).toBe('function');
    }
  });
});

describe('sender check (fake Electron)', () => {
  it('accepts our window main frame on our origin', () => {
    const { win, webContents, mainFrame } = fakeWindow();
    const check = createSenderCheck(() => win, [APP_ORIGIN], originOf);
    expect(check({ sender: webContents, senderFrame: mainFrame })).toBe(true);
  });

  it('refuses a subframe of our window, even on our origin', () => {
    const { win, webContents } = fakeWindow();
    const check = createSenderCheck(() => win, [APP_ORIGIN], originOf);
    expect(check({ sender: webContents, senderFrame: { url: `${APP_ORIGIN}/index.html` } })).toBe(false);
  });

  it('refuses our main frame once it shows another origin', () => {
    const { win, webContents, mainFrame } = fakeWindow();
    const check = createSenderCheck(() => win, [APP_ORIGIN], originOf);
    for (const url of ['https://evil.example/', 'app://other-host/index.html', 'file:///etc/passwd', 'about:blank', 'not a url']) {
      mainFrame.url = url;
      expect(check({ sender: webContents, senderFrame: mainFrame }), url).toBe(false);
    }
  });

  it('refuses another webContents, a destroyed window, no window, and a missing frame', () => {
    const { win, webContents, mainFrame } = fakeWindow();
    const check = createSenderCheck(() => win, [APP_ORIGIN], originOf);
    expect(check({ sender: {}, senderFrame: mainFrame })).toBe(false);
    expect(check({ sender: webContents, senderFrame: null })).toBe(false);
    expect(createSenderCheck(() => null, [APP_ORIGIN], originOf)({ sender: webContents, senderFrame: mainFrame })).toBe(false);
    const destroyed = { ...win, isDestroyed: () => true };
    expect(createSenderCheck(() => destroyed, [APP_ORIGIN], originOf)({ sender: webContents, senderFrame: mainFrame })).toBe(false);
  });

  it('accepts the dev server origin only when it is listed (development)', () => {
    const { win, webContents, mainFrame } = fakeWindow();
    mainFrame.url = 'http://localhost:5173/';
    expect(createSenderCheck(() => win, [APP_ORIGIN], originOf)({ sender: webContents, senderFrame: mainFrame })).toBe(false);
    expect(createSenderCheck(() => win, [APP_ORIGIN, 'http://localhost:5173'], originOf)({ sender: webContents, senderFrame: mainFrame })).toBe(true);
  });
});

describe('shell.openExternal handler (fake Electron)', () => {
  it('opens https and mailto links and refuses everything else, twice over', async () => {
    const opened: string[] = [];
    const handlers = createHandlers({ openExternal: async (u: string) => void opened.push(u) } as unknown as HandlerServices);
    const event: InvokeEvent = { sender: {}, senderFrame: null };
    const go = (url: string) => dispatch('shell.openExternal', handlers['shell.openExternal'], event, { url }, { isTrustedSender: () => true });
    expect(await go('https://learn.microsoft.com/partner-center')).toEqual({ ok: true, value: null });
    expect(await go('mailto:someone@example.com')).toEqual({ ok: true, value: null });
    for (const bad of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:privacy', 'https://user:pw@example.com']) {
      expect(await go(bad), bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    }
    expect(opened).toEqual(['https://learn.microsoft.com/partner-center', 'mailto:someone@example.com']);
    // The handler itself refuses too, if it were ever called without the schema in front of it.
    await expect(handlers['shell.openExternal']({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'EXTERNAL_URL_REFUSED' });
  });
});
