// The preload of the app window. It runs sandboxed (sandbox: true), so it is CommonJS and may only
// require 'electron' (esbuild bundles the rest into dist/electron/preload.cjs). Written with
// require() because a .cts file cannot use import syntax under verbatimModuleSyntax.
/* eslint-disable @typescript-eslint/no-require-imports */
const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');
const { exposeHost } = require('./bridge') as typeof import('./bridge');

exposeHost(contextBridge, ipcRenderer);
