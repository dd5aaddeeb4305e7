// What the app's real preload (electron/preload/preload.cts) gets for `require('electron')` when it
// runs in Playwright's Chromium instead of Electron: the one fake of the connector e2e on the page's
// side. desktopHost.ts bundles the preload with this module in place of 'electron' and injects it
// before the page loads. Only Electron's transport is replaced:
// - ipcRenderer.invoke calls a Playwright binding (`__cspwIpcInvoke`), which runs register.ts'
//   dispatch in the Playwright (Node) process, like ipcMain.handle in the main process;
// - ipcRenderer.on listeners receive what main sends (`__cspwIpcSend`, called through page.evaluate);
// - contextBridge.exposeInMainWorld defines the global, read-only, as Electron's does.
type Listener = (event: unknown, ...args: unknown[]) => void;

interface PageSide {
  __cspwIpcInvoke(channel: string, arg: unknown): Promise<unknown>;
}

const listeners = new Map<string, Set<Listener>>();
// The Electron event object never reaches the page (bridge.ts drops it); an empty one is enough.
const ipcEvent = Object.freeze({});

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return (window as unknown as PageSide).__cspwIpcInvoke(channel, args[0]);
  },
  on(channel: string, listener: Listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    Object.defineProperty(window, key, { value: api, enumerable: true, configurable: false, writable: false });
  },
};

// webContents.send(channel, payload) of the main process arrives here.
Object.defineProperty(window, '__cspwIpcSend', {
  value: (channel: string, payload: unknown) => {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(ipcEvent, payload);
  },
});
