import { describe, expect, it } from 'vitest';
import {
  HostError,
  bridgeMethods,
  defaultSettings,
  fail,
  ok,
  type BridgeApi,
  type MenuCommand,
  type UpdaterState,
} from '../../shared/ipc/contract';
import { createElectronHost } from './electronHost';

/** A stand-in for what Electron's preload puts on window.host: answers Replies, records calls. */
function fakeBridgeApi(overrides: Partial<BridgeApi> = {}) {
  const calls: [string, unknown][] = [];
  const menuListeners = new Set<(c: MenuCommand) => void>();
  const updaterListeners = new Set<(s: UpdaterState) => void>();
  const answer =
    <T,>(name: string, value: T) =>
    async (args: unknown) => {
      calls.push([name, args]);
      return ok(value);
    };
  const bridge: BridgeApi = {
    appInfo: answer('appInfo', { name: 'CSP Migration Workspace', version: '0.1.0', host: 'electron', platform: 'linux', arch: 'x64', locale: 'ja-JP' } as const),
    getSettings: answer('getSettings', defaultSettings),
    setSettings: answer('setSettings', { ...defaultSettings, language: 'ja' as const }),
    secretStorageStatus: answer('secretStorageStatus', { state: 'encrypted' as const, backend: 'gnome_libsecret', insecureAllowed: false }),
    getSecret: answer('getSecret', 'rt-1'),
    setSecret: answer('setSecret', null),
    deleteSecret: answer('deleteSecret', null),
    openFile: answer('openFile', [{ name: 'a.csv', size: 1, text: 'x' }]),
    saveFile: answer('saveFile', { saved: true, name: 'plan.csv' }),
    openExternal: answer('openExternal', null),
    updaterState: answer('updaterState', { status: 'idle' } as const),
    checkForUpdates: answer('checkForUpdates', { status: 'checking' } as const),
    downloadUpdate: answer('downloadUpdate', { status: 'downloading', version: '0.2.0', percent: 10 } as const),
    installUpdate: answer('installUpdate', null),
    microsoftSignIn: answer('microsoftSignIn', { oid: 'o', tenantId: 't', username: 'aiko@fabrikam.example', name: 'Aiko' }),
    microsoftCancelSignIn: answer('microsoftCancelSignIn', null),
    microsoftAccount: answer('microsoftAccount', { available: true, configured: true, account: null }),
    microsoftAccessToken: answer('microsoftAccessToken', { accessToken: 'at', expiresAt: 1 }),
    microsoftSignOut: answer('microsoftSignOut', null),
    graphReadTenant: answer('graphReadTenant', { subscribedSkus: [], subscriptions: [], users: [] }),
    graphCancelRead: answer('graphCancelRead', null),
    graphRelationships: answer('graphRelationships', { ok: true as const, relationships: [], pages: 1 }),
    onGraphProgress: () => () => undefined,
    onPartnerCenterProgress: () => () => undefined,
    partnerCenterRelationshipLink: answer('partnerCenterRelationshipLink', { ok: false as const, code: 'forbidden', params: { call: 'relationshipLink', status: 403 } }),
    partnerCenterCustomers: answer('partnerCenterCustomers', { ok: false as const, code: 'forbidden', params: { call: 'customers', status: 403 } }),
    partnerCenterAgreement: answer('partnerCenterAgreement', { ok: true as const, agreement: null }),
    partnerCenterRecordAgreement: answer('partnerCenterRecordAgreement', { ok: false as const, code: 'forbidden', params: { call: 'createAgreement', status: 403 } }),
    partnerCenterCreateTransfer: answer('partnerCenterCreateTransfer', { ok: false as const, code: 'conflict', params: { call: 'createTransfer', status: 409 } }),
    partnerCenterTransfers: answer('partnerCenterTransfers', { ok: true as const, transfers: [] }),
    onUpdaterState: (listener) => {
      updaterListeners.add(listener);
      return () => updaterListeners.delete(listener);
    },
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    ...overrides,
  };
  return { bridge, calls, menuListeners, updaterListeners };
}

describe('electron host', () => {
  it('has every function of the contract', () => {
    const host = createElectronHost(fakeBridgeApi().bridge);
    expect(Object.keys(host).sort()).toEqual([...bridgeMethods].sort());
  });

  it('turns an ok Reply into its value and passes the arguments through', async () => {
    const { bridge, calls } = fakeBridgeApi();
    const host = createElectronHost(bridge);
    expect(await host.appInfo({})).toMatchObject({ host: 'electron', locale: 'ja-JP' });
    expect(await host.getSettings({})).toEqual(defaultSettings);
    expect(await host.setSettings({ language: 'ja' })).toMatchObject({ language: 'ja' });
    expect(await host.secretStorageStatus({})).toMatchObject({ state: 'encrypted' });
    expect(await host.getSecret({ name: 'refreshToken' })).toBe('rt-1');
    expect(await host.setSecret({ name: 'refreshToken', value: 'rt-2' })).toBeNull();
    expect(await host.deleteSecret({ name: 'refreshToken' })).toBeNull();
    expect(await host.openFile({ filters: [] })).toEqual([{ name: 'a.csv', size: 1, text: 'x' }]);
    expect(await host.saveFile({ suggestedName: 'plan.csv', filters: [], data: 'x' })).toEqual({ saved: true, name: 'plan.csv' });
    expect(await host.openExternal({ url: 'https://example.com' })).toBeNull();
    expect(await host.updaterState({})).toEqual({ status: 'idle' });
    expect(await host.checkForUpdates({})).toEqual({ status: 'checking' });
    expect(await host.downloadUpdate({})).toMatchObject({ status: 'downloading', percent: 10 });
    expect(await host.installUpdate({ pendingOutbox: 0 })).toBeNull();
    expect(calls).toContainEqual(['setSettings', { language: 'ja' }]);
    expect(calls).toContainEqual(['setSecret', { name: 'refreshToken', value: 'rt-2' }]);
    expect(calls).toContainEqual(['installUpdate', { pendingOutbox: 0 }]);
    expect(calls).toHaveLength(14);
  });

  it('turns an error Reply into a HostError with its code and message', async () => {
    const { bridge } = fakeBridgeApi({
      setSecret: async () => fail('SECRET_STORAGE_INSECURE', 'only basic_text is available'),
      installUpdate: async () => fail('OUTBOX_NOT_EMPTY', '3 changes are not pushed yet'),
    });
    const host = createElectronHost(bridge);
    const secret = host.setSecret({ name: 'refreshToken', value: 'x' });
    await expect(secret).rejects.toBeInstanceOf(HostError);
    await expect(secret).rejects.toMatchObject({ code: 'SECRET_STORAGE_INSECURE', message: 'only basic_text is available' });
    await expect(host.installUpdate({ pendingOutbox: 3 })).rejects.toMatchObject({ code: 'OUTBOX_NOT_EMPTY' });
  });

  it("keeps a connector's detail (its code and parameters) on the HostError, and drops a malformed one", async () => {
    const detail = { code: 'http', params: { collection: 'users', url: 'https://graph.microsoft.com/v1.0/users', page: 2, status: 500, attempts: 3 } };
    const { bridge } = fakeBridgeApi({
      graphReadTenant: async () => fail('GRAPH_READ_FAILED', 'Microsoft Graph read of users failed (http 500)', detail),
      graphCancelRead: async () => ({ ok: false, error: { code: 'GRAPH_READ_FAILED', message: 'odd', detail: { code: 'http', params: 'not an object' } } }) as never,
    });
    const host = createElectronHost(bridge);
    await expect(host.graphReadTenant({ tenantId: '11111111-2222-4333-8444-555555555555' })).rejects.toMatchObject({ code: 'GRAPH_READ_FAILED', detail });
    const odd = await host.graphCancelRead({}).catch((e: unknown) => e);
    expect(odd).toBeInstanceOf(HostError);
    expect((odd as HostError).detail).toBeUndefined();
  });

  it('turns a failing bridge or a malformed answer into an INTERNAL HostError', async () => {
    const { bridge } = fakeBridgeApi({
      appInfo: async () => {
        throw new Error("Error invoking remote method 'app.info': no handler");
      },
      getSettings: async () => undefined as never,
      updaterState: async () => ({ ok: false, error: { code: 'MADE_UP', message: 'strange' } }) as never,
    });
    const host = createElectronHost(bridge);
    await expect(host.appInfo({})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('no handler') });
    await expect(host.getSettings({})).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(host.updaterState({})).rejects.toMatchObject({ code: 'INTERNAL', message: 'strange' });
  });

  it('passes event subscriptions straight to the bridge', () => {
    const { bridge, menuListeners, updaterListeners } = fakeBridgeApi();
    const host = createElectronHost(bridge);
    const commands: MenuCommand[] = [];
    const off = host.onMenuCommand((c) => commands.push(c));
    for (const l of menuListeners) l('open-settings');
    expect(commands).toEqual(['open-settings']);
    off();
    expect(menuListeners.size).toBe(0);
    const states: UpdaterState[] = [];
    const offUpdater = host.onUpdaterState((s) => states.push(s));
    for (const l of updaterListeners) l({ status: 'available', version: '0.2.0' });
    expect(states).toEqual([{ status: 'available', version: '0.2.0' }]);
    offUpdater();
    expect(updaterListeners.size).toBe(0);
  });
});
