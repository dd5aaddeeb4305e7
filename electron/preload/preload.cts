// The preload of the app window. It runs sandboxed (sandbox: true), so it is CommonJS and may only
// require 'electron' (esbuild bundles the rest into dist/electron/preload.cjs). Written with
// require() because a .cts file cannot use import syntax under verbatimModuleSyntax.
import type * as ElectronModule from 'electron';
import type * as BridgeModule from './bridge';

/* eslint-disable @typescript-eslint/no-require-imports */
const { contextBridge, ipcRenderer } = require('electron') as typeof ElectronModule;
const { exposeHost } = require('./bridge') as typeof BridgeModule;

exposeHost(contextBridge, ipcRenderer);
