import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { UpdaterState } from '../../shared/ipc/contract';
import { compareVersions } from './semver';
import { createUpdaterService, type AutoUpdaterLike } from './updater';

/** A stand-in for electron-updater's autoUpdater: an EventEmitter whose checks answer what the test says. */
class FakeAutoUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  feed: unknown = null;
  offered: string | null = '1.1.0';
  installed: unknown[] = [];
  failDownload = false;
  setFeedURL(options: unknown) {
    this.feed = options;
  }
  async checkForUpdates() {
    this.emit('checking-for-update');
    if (this.offered === null) return null;
    // electron-updater itself emits update-available only for a newer version (allowDowngrade off).
    this.emit(this.offered > '1.0.0' ? 'update-available' : 'update-not-available', { version: this.offered });
    return { updateInfo: { version: this.offered } };
  }
  async downloadUpdate() {
    if (this.failDownload) {
      const error = new Error('net::ERR_CONNECTION_RESET');
      this.emit('error', error);
      throw error;
    }
    this.emit('download-progress', { percent: 42.5 });
    this.emit('update-downloaded', { version: this.offered });
    return ['/tmp/update.exe'];
  }
  quitAndInstall(...args: unknown[]) {
    this.installed.push(args);
  }
}

function setup(opts: { isPackaged?: boolean; feedUrlOverride?: string } = {}) {
  const fake = new FakeAutoUpdater();
  const sent: UpdaterState[] = [];
  const updater = createUpdaterService({
    autoUpdater: fake as unknown as AutoUpdaterLike,
    isPackaged: opts.isPackaged ?? true,
    currentVersion: '1.0.0',
    feedUrlOverride: opts.feedUrlOverride,
    send: (s) => sent.push(s),
  });
  return { fake, sent, updater };
}

describe('updater (fake electron-updater)', () => {
  it('turns off automatic download, install on quit and downgrades', () => {
    const { fake, updater } = setup();
    expect(fake.autoDownload).toBe(false);
    expect(fake.autoInstallOnAppQuit).toBe(false);
    expect(fake.allowDowngrade).toBe(false);
    expect(fake.feed).toBeNull();
    expect(updater.state()).toEqual({ status: 'idle' });
  });

  it('is unsupported, with a reason, when the app is not packaged', async () => {
    const { updater, fake } = setup({ isPackaged: false });
    expect(updater.state()).toMatchObject({ status: 'unsupported', reason: expect.stringMatching(/installed app/) });
    await expect(updater.check()).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(fake.autoDownload).toBe(true); // never touched
  });

  it('uses CSP_UPDATE_URL as the feed when given, https only', () => {
    expect(setup({ feedUrlOverride: 'https://updates.example.com/csp' }).fake.feed).toEqual({ provider: 'generic', url: 'https://updates.example.com/csp' });
    const insecure = setup({ feedUrlOverride: 'http://updates.example.com/' });
    expect(insecure.fake.feed).toBeNull();
    expect(insecure.updater.state()).toMatchObject({ status: 'unsupported', reason: expect.stringMatching(/https/) });
  });

  it('checks, downloads on request and sends every state change', async () => {
    const { updater, sent, fake } = setup();
    expect(await updater.check()).toEqual({ status: 'available', version: '1.1.0' });
    expect(await updater.download()).toEqual({ status: 'downloaded', version: '1.1.0' });
    expect(sent).toEqual([
      { status: 'checking' },
      { status: 'available', version: '1.1.0' },
      { status: 'downloading', version: '1.1.0', percent: 0 },
      { status: 'downloading', version: '1.1.0', percent: 42.5 },
      { status: 'downloaded', version: '1.1.0' },
    ]);
    updater.install(0);
    expect(fake.installed).toHaveLength(1);
  });

  it('reports up-to-date for the same version', async () => {
    const { updater, fake } = setup();
    fake.offered = '1.0.0';
    expect(await updater.check()).toEqual({ status: 'up-to-date', version: '1.0.0' });
    await expect(updater.download()).rejects.toMatchObject({ code: 'UPDATE_NOT_READY' });
  });

  it('refuses an older version offered by the feed', async () => {
    const { updater, fake } = setup();
    fake.offered = '0.9.9';
    await expect(updater.check()).rejects.toMatchObject({ code: 'UPDATE_DOWNGRADE_REFUSED', message: expect.stringContaining('0.9.9') });
    expect(updater.state()).toEqual({ status: 'up-to-date', version: '1.0.0' });
    // Even an 'update-available' event for an older version (a misconfigured feed) is not taken.
    fake.emit('update-available', { version: '0.5.0' });
    expect(updater.state().status).toBe('up-to-date');
    await expect(updater.download()).rejects.toMatchObject({ code: 'UPDATE_NOT_READY' });
  });

  it('installs only after a download and only with an empty outbox', async () => {
    const { updater, fake } = setup();
    await updater.check();
    expect(() => updater.install(0)).toThrow(expect.objectContaining({ code: 'UPDATE_NOT_READY' }));
    await updater.download();
    expect(() => updater.install(3)).toThrow(expect.objectContaining({ code: 'OUTBOX_NOT_EMPTY', message: expect.stringMatching(/3 changes.*sync first/) }));
    expect(fake.installed).toHaveLength(0);
    updater.install(0);
    expect(fake.installed).toEqual([[false, true]]);
  });

  it('shows a failed download as an error state', async () => {
    const { updater, fake, sent } = setup();
    await updater.check();
    fake.failDownload = true;
    expect(await updater.download()).toMatchObject({ status: 'error', message: expect.stringContaining('ERR_CONNECTION_RESET') });
    expect(sent.at(-1)?.status).toBe('error');
  });

  it('answers up-to-date when electron-updater returns no result', async () => {
    const { updater, fake } = setup();
    fake.offered = null;
    expect(await updater.check()).toEqual({ status: 'up-to-date', version: '1.0.0' });
  });
});

describe('semver compare', () => {
  it('orders versions, prereleases before their release', () => {
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.10', '1.0.9')).toBe(1);
    expect(compareVersions('2.0.0', '10.0.0')).toBe(-1);
    expect(compareVersions('1.0.0-beta.2', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0-beta.10', '1.0.0-beta.2')).toBe(1);
    expect(compareVersions('1.0.0-alpha', '1.0.0-alpha.1')).toBe(-1);
    expect(compareVersions('v1.2.3+build.5', '1.2.3')).toBe(0);
    expect(() => compareVersions('latest', '1.0.0')).toThrow(/not a semantic version/);
  });

  it('makes the updater ignore an update-available event whose version is not semver', () => {
    const { updater, fake } = setup();
    const spy = vi.fn();
    fake.on('update-available', spy);
    fake.emit('update-available', { version: 'garbage' });
    expect(spy).toHaveBeenCalled();
    expect(updater.state().status).toBe('up-to-date');
  });
});
