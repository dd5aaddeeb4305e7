// Updates through electron-updater, on the user's request only: nothing downloads by itself
// (autoDownload off), nothing older or equal installs (allowDowngrade off, and our own version check
// on top, since a feed could be misconfigured or replayed), and an update never installs while
// changes wait in the outbox (the renderer passes the count; a newer app could read the old outbox
// differently). Every state change is sent to the renderer as an `updater.changed` event.
import { HostError, type UpdaterState } from '../../shared/ipc/contract';
import { compareVersions } from './semver';

/** The parts of electron-updater's autoUpdater used here. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdaterDeps {
  /** Null when the app is not packaged: electron-updater then has no app-update.yml to read. */
  autoUpdater: AutoUpdaterLike | null;
  isPackaged: boolean;
  currentVersion: string;
  /** CSP_UPDATE_URL at run time: replaces the feed baked in at build time (electron-builder.yml publish.url). */
  feedUrlOverride?: string | undefined;
  send: (state: UpdaterState) => void;
  log?: (message: string) => void;
}

export interface UpdaterService {
  state(): UpdaterState;
  check(): Promise<UpdaterState>;
  download(): Promise<UpdaterState>;
  install(pendingOutbox: number): void;
}

const errorMessage = (error: unknown) =>
  `the update could not be completed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;

export function createUpdaterService(deps: UpdaterDeps): UpdaterService {
  const updater = deps.autoUpdater;
  let current: UpdaterState =
    !deps.isPackaged || !updater
      ? { status: 'unsupported', reason: 'updates are only available in the installed app (this one runs unpackaged)' }
      : { status: 'idle' };

  const setState = (next: UpdaterState) => {
    current = next;
    deps.send(next);
  };

  /** Is `version` strictly newer than the running app? */
  const isNewer = (version: string) => {
    try {
      return compareVersions(version, deps.currentVersion) > 0;
    } catch {
      return false;
    }
  };

  if (updater && current.status !== 'unsupported') {
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.allowDowngrade = false;
    if (deps.feedUrlOverride) {
      if (!/^https:\/\//i.test(deps.feedUrlOverride) && !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/i.test(deps.feedUrlOverride)) {
        current = { status: 'unsupported', reason: 'CSP_UPDATE_URL must be an https:// address' };
      } else {
        updater.setFeedURL({ provider: 'generic', url: deps.feedUrlOverride });
      }
    }
    updater.on('checking-for-update', () => setState({ status: 'checking' }));
    updater.on('update-available', (info) => {
      if (isNewer(info.version)) setState({ status: 'available', version: info.version });
      else setState({ status: 'up-to-date', version: deps.currentVersion });
    });
    updater.on('update-not-available', () => setState({ status: 'up-to-date', version: deps.currentVersion }));
    updater.on('download-progress', (progress) => {
      if (current.status === 'available' || current.status === 'downloading') {
        const percent = Math.max(0, Math.min(100, Number.isFinite(progress.percent) ? progress.percent : 0));
        setState({ status: 'downloading', version: current.version, percent });
      }
    });
    updater.on('update-downloaded', (info) => {
      if (isNewer(info.version)) setState({ status: 'downloaded', version: info.version });
    });
    updater.on('error', (error) => {
      deps.log?.(`updater error: ${error.message}`);
      setState({ status: 'error', message: errorMessage(error) });
    });
  }

  const requireSupported = () => {
    if (current.status === 'unsupported' || !updater) {
      throw new HostError('NOT_SUPPORTED', current.status === 'unsupported' ? current.reason : 'updates are not available');
    }
    return updater;
  };

  return {
    state: () => current,

    async check() {
      const u = requireSupported();
      if (current.status === 'downloading' || current.status === 'downloaded') return current;
      let result: Awaited<ReturnType<AutoUpdaterLike['checkForUpdates']>>;
      try {
        result = await u.checkForUpdates();
      } catch (error) {
        setState({ status: 'error', message: errorMessage(error) });
        return current;
      }
      if (!result) {
        setState({ status: 'up-to-date', version: deps.currentVersion });
        return current;
      }
      const version = result.updateInfo.version;
      let order: number;
      try {
        order = compareVersions(version, deps.currentVersion);
      } catch {
        setState({ status: 'error', message: `the update feed names an invalid version "${version}"` });
        return current;
      }
      if (order < 0) {
        setState({ status: 'up-to-date', version: deps.currentVersion });
        throw new HostError(
          'UPDATE_DOWNGRADE_REFUSED',
          `the update server offers version ${version}, older than this app (${deps.currentVersion}); it was refused`,
        );
      }
      if (order === 0) setState({ status: 'up-to-date', version: deps.currentVersion });
      else if (current.status !== 'available') setState({ status: 'available', version });
      return current;
    },

    async download() {
      const u = requireSupported();
      if (current.status === 'downloaded' || current.status === 'downloading') return current;
      if (current.status !== 'available') {
        throw new HostError('UPDATE_NOT_READY', 'there is no update to download: check for updates first');
      }
      if (!isNewer(current.version)) {
        throw new HostError('UPDATE_DOWNGRADE_REFUSED', `version ${current.version} is not newer than ${deps.currentVersion}`);
      }
      const version = current.version;
      setState({ status: 'downloading', version, percent: 0 });
      try {
        await u.downloadUpdate();
      } catch (error) {
        setState({ status: 'error', message: errorMessage(error) });
        return current;
      }
      // 'update-downloaded' normally arrives before downloadUpdate resolves; make sure either way.
      // Listeners may have changed `current` during the await: no narrowing from before it.
      const after = current as UpdaterState;
      if (after.status !== 'downloaded' && after.status !== 'error') setState({ status: 'downloaded', version });
      return current;
    },

    install(pendingOutbox) {
      const u = requireSupported();
      if (pendingOutbox > 0) {
        throw new HostError(
          'OUTBOX_NOT_EMPTY',
          `${pendingOutbox} change${pendingOutbox === 1 ? '' : 's'} not yet sent to the server: sync first, then install the update`,
        );
      }
      if (current.status !== 'downloaded') {
        throw new HostError('UPDATE_NOT_READY', 'the update has not been downloaded yet');
      }
      if (!isNewer(current.version)) {
        throw new HostError('UPDATE_DOWNGRADE_REFUSED', `version ${current.version} is not newer than ${deps.currentVersion}`);
      }
      u.quitAndInstall(false, true);
    },
  };
}
