// electron-builder.yml checked against electron-builder's own JSON schema (the check `electron-builder`
// runs before packaging), plus the settings this app depends on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../electron/main/identity';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');

type Config = Record<string, unknown> & {
  nsis?: Record<string, unknown>;
  mac?: Record<string, unknown>;
  win?: Record<string, unknown>;
  publish?: Record<string, unknown>;
  directories?: Record<string, unknown>;
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: unknown) => Promise<Config>;
  validateConfiguration: (config: Config, debugLogger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const load = () => getConfig(root, path.join(root, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('fails validation with a misspelled key (the check is real)', async () => {
    const config = await load();
    const broken = { ...config, nsis: { ...config.nsis, oneClik: false } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis should be one of these/);
    // and the file as written has no such mistake
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('keeps the fixed identity of the app (the userData folder depends on it)', async () => {
    const config = await load();
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string; main: string };
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('builds per-user installers, keeps user data on uninstall, hardens and notarizes on mac', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    expect(config.directories).toMatchObject({ output: 'release' });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
    expect(config.win).toMatchObject({ target: [{ target: 'nsis', arch: ['x64', 'arm64'] }] });
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    expect(config.afterPack).toBe('build/afterPack.cjs');
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.CSP_UPDATE_URL}' });
    const files = (config.files as unknown as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**', 'dist/renderer/**', '!**/*.map']));
  });

  it('flips the security fuses in afterPack', () => {
    const afterPack = require('../../build/afterPack.cjs') as { fuses: Record<number, boolean> };
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
    const byName = Object.fromEntries(Object.entries(afterPack.fuses).map(([k, v]) => [FuseV1Options[Number(k)], v]));
    expect(byName).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });
});
