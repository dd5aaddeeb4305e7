// Builds `window.host` from the contract's channel table: one function per channel that invokes it,
// one `on<Event>(listener) => unsubscribe` per event. Only these named functions cross the bridge;
// ipcRenderer itself, and the Electron event object, never reach the page.
// Names only (shared/ipc/methods): the preload carries no zod. The type-only import is erased.
import type { BridgeApi, Channel, EventName } from '../../shared/ipc/contract';
import { channelMethods, eventMethods } from '../../shared/ipc/methods';

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipcRenderer: IpcRendererLike): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const channel of Object.keys(channelMethods) as Channel[]) {
    api[channelMethods[channel]] = (args: unknown) => ipcRenderer.invoke(channel, args);
  }
  for (const event of Object.keys(eventMethods) as EventName[]) {
    api[eventMethods[event]] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('a listener function is required');
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => {
        ipcRenderer.removeListener(event, wrapped);
      };
    };
  }
  return Object.freeze(api) as BridgeApi;
}

export function exposeHost(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  contextBridge.exposeInMainWorld('host', createBridge(ipcRenderer));
}
