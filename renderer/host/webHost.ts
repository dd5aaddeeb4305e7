// The HostApi in a plain browser: `npm run dev:web` and every Playwright test. It keeps the
// contract's promises honestly: what a browser cannot do safely (store a secret, install an
// update, show a native menu) is refused with a stable error code, never faked.
import {
  HostError,
  MAX_OPEN_FILE_BYTES,
  OpenFileArgs,
  SaveFileArgs,
  Settings,
  SettingsPatch,
  defaultSettings,
  ExternalUrl,
  describeZodError,
  type AppInfo,
  type FileFilter,
  type HostApi,
  type OpenedFile,
  type SecretStorageStatus,
  type UpdaterState,
} from '../../shared/ipc/contract';
import type { ZodError } from 'zod';

/** Where the web host keeps the preferences (never anything secret) in localStorage. */
export const SETTINGS_STORAGE_KEY = 'csp-migration-workspace.settings';

export const PRODUCT_NAME = 'CSP Migration Workspace';

export const WEB_SECRET_STORAGE_MESSAGE =
  'A browser offers no encrypted storage for secrets, so the web host keeps none: the sign-in lives in memory only and ends when the page closes.';

export const WEB_MICROSOFT_REASON =
  'Sign in with Microsoft needs the desktop app: a browser page has no safe place for Microsoft’s refresh token.';

export const WEB_UPDATER_REASON =
  'Updates come with the desktop app; in a browser, reloading the page loads the newest version.';

export type WebHostOptions = {
  /** The window whose localStorage, document, navigator and window.open the host uses. */
  window?: Window;
  /** The app's version (Vite's `__APP_VERSION__` in the real app). */
  version: string;
};

type NavigatorWithUAData = Navigator & {
  userAgentData?: { platform?: string };
};

const settingKeys = Object.keys(Settings.shape) as (keyof Settings)[];

/**
 * Reads what is stored, key by key: a value that is missing or no longer valid falls back to its
 * default, unknown keys are dropped, and unreadable JSON gives the defaults.
 */
function parseStoredSettings(raw: string | null): Settings {
  if (raw === null) return { ...defaultSettings };
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return { ...defaultSettings };
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ...defaultSettings };
  const record = stored as Record<string, unknown>;
  const result: Record<string, unknown> = { ...defaultSettings };
  for (const key of settingKeys) {
    const parsed = Settings.shape[key].safeParse(record[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  // The per-key checks above cover every field; this makes the result's type honest.
  return Settings.parse(result);
}

/** The `accept` attribute for a file input: ".csv,.json", or empty (anything) when a filter says "*". */
export function acceptFromFilters(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((f) => f.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return '';
  return [...new Set(extensions.map((e) => `.${e.toLowerCase()}`))].join(',');
}

function mimeTypeFor(name: string): string {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  switch (extension) {
    case 'csv':
      return 'text/csv;charset=utf-8';
    case 'json':
      return 'application/json;charset=utf-8';
    case 'txt':
      return 'text/plain;charset=utf-8';
    default:
      return 'application/octet-stream';
  }
}

function tooLargeError(file: File): HostError {
  return new HostError(
    'FILE_TOO_LARGE',
    `${file.name} is ${file.size} bytes; the largest file the app reads is ${MAX_OPEN_FILE_BYTES} bytes`,
  );
}

async function readFile(file: File): Promise<OpenedFile> {
  if (file.size > MAX_OPEN_FILE_BYTES) throw tooLargeError(file);
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    throw new HostError('FILE_READ_FAILED', `${file.name} could not be read: ${String(error)}`);
  }
  // Blob.text() would strip a UTF-8 byte order mark; the contract keeps it for the parser to see.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { name: file.name, size: file.size, text };
}

function invalidArgs(error: ZodError): HostError {
  return new HostError('INVALID_ARGS', describeZodError(error));
}

export function createWebHost(options: WebHostOptions): HostApi {
  const win = options.window ?? window;

  const readSettings = (): Settings => {
    let raw: string | null;
    try {
      raw = win.localStorage.getItem(SETTINGS_STORAGE_KEY);
    } catch {
      raw = null;
    }
    return parseStoredSettings(raw);
  };

  const secretStorageStatus: SecretStorageStatus = { state: 'unavailable', backend: 'web', insecureAllowed: false };
  const updaterState: UpdaterState = { status: 'unsupported', reason: WEB_UPDATER_REASON };

  const refuseSecrets = (): Promise<never> =>
    Promise.reject(new HostError('SECRET_STORAGE_UNAVAILABLE', WEB_SECRET_STORAGE_MESSAGE));

  return {
    async appInfo(): Promise<AppInfo> {
      const nav = win.navigator as NavigatorWithUAData;
      return {
        name: PRODUCT_NAME,
        version: options.version,
        host: 'web',
        platform: nav.userAgentData?.platform || nav.platform || 'unknown',
        // Browsers do not tell a page the CPU architecture without a permission-gated request.
        arch: 'unknown',
        locale: nav.language || 'en',
      };
    },

    async getSettings() {
      return readSettings();
    },

    async setSettings(patch) {
      const parsedPatch = SettingsPatch.safeParse(patch);
      if (!parsedPatch.success) throw invalidArgs(parsedPatch.error);
      const next = Settings.safeParse({ ...readSettings(), ...parsedPatch.data });
      if (!next.success) throw invalidArgs(next.error);
      try {
        win.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(next.data));
      } catch (error) {
        throw new HostError('INTERNAL', `the settings could not be saved: ${String(error)}`);
      }
      return next.data;
    },

    async secretStorageStatus() {
      return { ...secretStorageStatus };
    },
    getSecret: refuseSecrets,
    setSecret: refuseSecrets,
    async deleteSecret() {
      // Nothing is ever stored, so there is nothing to delete: signing out works the same everywhere.
      return null;
    },

    openFile(args) {
      const parsed = OpenFileArgs.safeParse(args);
      if (!parsed.success) return Promise.reject(invalidArgs(parsed.error));
      const doc = win.document;
      const input = doc.createElement('input');
      input.type = 'file';
      input.accept = acceptFromFilters(parsed.data.filters);
      input.multiple = parsed.data.multiple ?? false;
      input.hidden = true;
      input.tabIndex = -1;
      input.setAttribute('aria-hidden', 'true');
      doc.body.append(input);

      return new Promise<OpenedFile[] | null>((resolve, reject) => {
        const finish = () => {
          input.removeEventListener('change', onChange);
          input.removeEventListener('cancel', onCancel);
          input.remove();
        };
        const onCancel = () => {
          finish();
          resolve(null);
        };
        const onChange = () => {
          const files = [...(input.files ?? [])];
          finish();
          if (files.length === 0) {
            resolve(null);
            return;
          }
          // Refuse before reading anything: a too-large file among several fails the whole pick.
          const tooLarge = files.find((f) => f.size > MAX_OPEN_FILE_BYTES);
          if (tooLarge) {
            reject(tooLargeError(tooLarge));
            return;
          }
          Promise.all(files.map(readFile)).then(resolve, reject);
        };
        input.addEventListener('change', onChange);
        input.addEventListener('cancel', onCancel);
        input.click();
      });
    },

    async saveFile(args) {
      const parsed = SaveFileArgs.safeParse(args);
      if (!parsed.success) throw invalidArgs(parsed.error);
      const { suggestedName, data } = parsed.data;
      const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
      const blob = new Blob([part], { type: mimeTypeFor(suggestedName) });
      let url: string;
      try {
        url = URL.createObjectURL(blob);
      } catch (error) {
        throw new HostError('FILE_WRITE_FAILED', `the download could not be prepared: ${String(error)}`);
      }
      const doc = win.document;
      const anchor = doc.createElement('a');
      anchor.href = url;
      anchor.download = suggestedName;
      anchor.rel = 'noopener';
      anchor.hidden = true;
      doc.body.append(anchor);
      try {
        anchor.click();
      } finally {
        anchor.remove();
        // Give the browser time to start the download before the URL goes away.
        win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      // A browser hands the file to its download manager and does not say where it went:
      // "saved" here means the download was started under this name.
      return { saved: true, name: suggestedName };
    },

    async openExternal({ url }) {
      if (!ExternalUrl.safeParse(url).success) {
        throw new HostError('EXTERNAL_URL_REFUSED', 'only https: and mailto: links may be opened');
      }
      win.open(url, '_blank', 'noopener');
      return null;
    },

    async updaterState() {
      return { ...updaterState };
    },
    async checkForUpdates() {
      return { ...updaterState };
    },
    async downloadUpdate() {
      return { ...updaterState };
    },
    async installUpdate() {
      throw new HostError('NOT_SUPPORTED', WEB_UPDATER_REASON);
    },

    async microsoftAccount() {
      return { available: false, configured: false, account: null };
    },
    async microsoftSignIn() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    async microsoftCancelSignIn() {
      return null;
    },
    async microsoftAccessToken() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    async microsoftSignOut() {
      return null;
    },
    async graphReadTenant() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    async graphCancelRead() {
      return null;
    },
    // The partner's GDAP relationships are read with the desktop app's Microsoft sign-in as well.
    async graphRelationships() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    async partnerCenterRelationshipLink() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    async partnerCenterCustomers() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    // The case file's Partner Center calls need the desktop app's Microsoft sign-in as well.
    async partnerCenterAgreement() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    async partnerCenterRecordAgreement() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    async partnerCenterCreateTransfer() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },
    async partnerCenterTransfers() {
      throw new HostError('NOT_SUPPORTED', WEB_MICROSOFT_REASON);
    },

    // A browser has no application menu and nothing pushes updater changes: nobody will ever be
    // called, and the returned function has nothing to undo.
    onUpdaterState() {
      return () => {};
    },
    onMenuCommand() {
      return () => {};
    },
    onGraphProgress() {
      return () => {};
    },
    onPartnerCenterProgress() {
      return () => {};
    },
  };
}
