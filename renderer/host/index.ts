// Chooses the host once, at start-up: inside Electron the preload has put the bridge on
// `window.host`; anywhere else (a browser, `vite preview` under Playwright) the web host runs.
// Nothing else in the renderer reads `window.host`: it asks HostProvider for the HostApi.
import type { BridgeApi, HostApi } from '../../shared/ipc/contract';
import { createElectronHost } from './electronHost';
import { createWebHost } from './webHost';

declare global {
  interface Window {
    /** Put there by Electron's preload (contextBridge); absent in a plain browser. */
    readonly host?: BridgeApi;
  }
}

export function pickHost(win: Window = window): HostApi {
  const bridge = win.host;
  if (bridge !== undefined) return createElectronHost(bridge);
  return createWebHost({ window: win, version: __APP_VERSION__ });
}
