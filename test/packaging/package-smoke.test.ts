// Packages the app for real with electron-builder (`--linux dir`), offline: the Electron binary
// cannot be downloaded here, so `electronDist` points at a stand-in executable named `electron`.
// The stand-in is realistic where it matters: it carries Electron's fuse wire (sentinel, version,
// length, the 8 default fuse bytes), so build/afterPack.cjs really flips fuses in it and this test
// reads them back. Then app.asar is opened with @electron/asar and its contents checked.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(archive: string, options?: unknown): string[]; extractFile(archive: string, file: string): Buffer };
const fuses = require('@electron/fuses') as {
  getCurrentFuseWire(binary: string): Promise<Record<string, number | string>>;
  FuseV1Options: Record<string, number>;
};

const root = path.resolve(import.meta.dirname, '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

let work: string;
let unpacked: string;
let files: string[];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return execFileSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  run('npm', ['run', 'build:electron']);
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts']);
  }
  work = mkdtempSync(path.join(tmpdir(), 'csp-package-'));
  const electronDist = path.join(work, 'electron-dist');
  mkdirSync(electronDist);
  // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
  // asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
  const standIn = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for the Electron binary (test/packaging); carries a fuse wire:\n# '),
    Buffer.from(SENTINEL),
    Buffer.from([1, 8]),
    Buffer.from('10110001'),
    Buffer.from('\nexit 0\n'),
  ]);
  writeFileSync(path.join(electronDist, 'electron'), standIn);
  chmodSync(path.join(electronDist, 'electron'), 0o755);
  const out = path.join(work, 'out');
  run(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${out}`,
    ],
    { CSP_UPDATE_URL: 'https://updates.example.com/csp-migration-workspace' },
  );
  unpacked = path.join(out, 'linux-unpacked');
  files = asar.listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaged app (electron-builder --linux dir, stand-in Electron binary)', () => {
  it('ships the built main, preload and renderer and package.json', () => {
    for (const file of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) {
      expect(files, file).toContain(file);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.css$/.test(f))).toBe(true);
  });

  it('ships nothing that should stay behind: sources, tests, server, cli, fixtures, maps, config', () => {
    const ownFiles = files.filter((f) => !f.startsWith('/node_modules/'));
    const forbidden = ownFiles.filter(
      (f) =>
        /\.test\./.test(f) ||
        /\.(ts|tsx|cts|mts|map)$/.test(f) ||
        /^\/(server|cli|shared|test|electron|renderer|build|fixtures|release|\.tsbuild)(\/|$)/.test(f) ||
        /^\/(electron-builder\.yml|tsconfig.*\.json|vitest\.config\.ts|eslint\.config\.js|playwright\.config\.ts|README\.md)$/.test(f),
    );
    expect(forbidden).toEqual([]);
    expect(files.filter((f) => f.includes('/test/') && !f.startsWith('/node_modules/'))).toEqual([]);
    expect(files.filter((f) => /\/bench|\/testpages|testDbUpgrade/.test(f))).toEqual([]);
    // Main and preload are bundled: package.json lists no runtime dependencies, so none are packed.
    expect(files.filter((f) => f.startsWith('/node_modules/'))).toEqual([]);
  });

  it('needs nothing from node_modules at run time: main.cjs requires only electron and Node built-ins', () => {
    const main = asar.extractFile(path.join(unpacked, 'resources', 'app.asar'), 'dist/electron/main.cjs').toString('utf8');
    // Real require calls only: ajv keeps some require("...") text inside generated-code strings.
    const required = new Set([...main.matchAll(/(?<![`'"\w.$])require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const external = [...required].filter((m) => m !== 'electron' && !builtinModules.includes(m.replace(/^node:/, '')));
    expect(external).toEqual([]);
    expect(required).toContain('electron');
    const preload = asar.extractFile(path.join(unpacked, 'resources', 'app.asar'), 'dist/electron/preload.cjs').toString('utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('writes the update feed from CSP_UPDATE_URL into app-update.yml', () => {
    const yml = readFileSync(path.join(unpacked, 'resources', 'app-update.yml'), 'utf8');
    expect(yml).toMatch(/provider: generic/);
    expect(yml).toMatch(/url: https:\/\/updates\.example\.com\/csp-migration-workspace/);
  });

  it('has its fuses flipped by afterPack', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(unpacked, 'csp-migration-workspace'));
    const o = fuses.FuseV1Options;
    expect(wire[o.RunAsNode!]).toBe(DISABLE);
    expect(wire[o.EnableNodeOptionsEnvironmentVariable!]).toBe(DISABLE);
    expect(wire[o.EnableNodeCliInspectArguments!]).toBe(DISABLE);
    expect(wire[o.EnableCookieEncryption!]).toBe(ENABLE);
    expect(wire[o.EnableEmbeddedAsarIntegrityValidation!]).toBe(ENABLE);
    expect(wire[o.OnlyLoadAppFromAsar!]).toBe(ENABLE);
    // Fuses the hook does not set keep Electron's defaults.
    expect(wire[o.GrantFileProtocolExtraPrivileges!]).toBe(ENABLE);
  });
});
