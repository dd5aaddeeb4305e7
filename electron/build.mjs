// Bundles the main process and the preload with esbuild:
//   electron/main/index.ts       -> dist/electron/main.cjs    (Node, CommonJS)
//   electron/preload/preload.cts -> dist/electron/preload.cjs (sandboxed preload: CommonJS, no Node)
// Only 'electron' stays external. electron-store (ESM-only) and electron-updater are bundled into
// main.cjs: the packaged app then needs nothing from node_modules at run time, and no require() of
// an ESM package happens in Electron's Node. test/packaging checks main.cjs requires nothing else.
// The preload is built for the browser platform: a sandboxed preload can only require 'electron'
// (and a few polyfilled modules), so any Node built-in sneaking in fails the build here.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

await rm(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.cjs',
    platform: 'node',
    target: 'node22',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.cts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'browser',
    target: 'chrome140',
    minify: true,
  }),
]);

console.log(`built ${path.relative(root, outdir)}/main.cjs and preload.cjs`);
