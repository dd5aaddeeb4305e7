// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError, MAX_OPEN_FILE_BYTES, defaultSettings, type HostApi } from '../../shared/ipc/contract';
import { SETTINGS_STORAGE_KEY, WEB_UPDATER_REASON, acceptFromFilters, createWebHost } from './webHost';

async function rejection(promise: Promise<unknown>): Promise<HostError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HostError);
    return error as HostError;
  }
  throw new Error('expected the promise to reject');
}

/** The input the host put in the page for the pending openFile call. */
function pendingFileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input in the document');
  return input;
}

/** What a person picking files does: the browser fills input.files and fires change. */
function pickFiles(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  input.dispatchEvent(new Event('change'));
}

let host: HostApi;
let clicks: HTMLElement[];
const onClick = (event: MouseEvent) => {
  if (event.target instanceof HTMLElement) clicks.push(event.target);
  // jsdom implements neither file choosers nor downloads; the test plays the browser's part.
  event.preventDefault();
};

beforeEach(() => {
  localStorage.clear();
  clicks = [];
  document.addEventListener('click', onClick, true);
  host = createWebHost({ window, version: '1.2.3' });
});

afterEach(() => {
  document.removeEventListener('click', onClick, true);
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('settings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await host.getSettings({})).toEqual(defaultSettings);
  });

  it('round-trips a patch through localStorage', async () => {
    const saved = await host.setSettings({ language: 'ja', theme: 'dark', backendUrl: 'https://sync.example.com' });
    expect(saved).toEqual({ ...defaultSettings, language: 'ja', theme: 'dark', backendUrl: 'https://sync.example.com' });
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY) ?? 'null')).toEqual(saved);
    // A new host over the same storage (a reload) reads the same settings back.
    const reloaded = createWebHost({ window, version: '1.2.3' });
    expect(await reloaded.getSettings({})).toEqual(saved);
    // A later patch keeps what it does not name.
    expect(await host.setSettings({ checkForUpdatesOnStart: false })).toMatchObject({ language: 'ja', checkForUpdatesOnStart: false });
  });

  it('falls back to the defaults when the stored JSON is corrupt', async () => {
    localStorage.setItem(SETTINGS_STORAGE_KEY, '{"language": "ja", ');
    expect(await host.getSettings({})).toEqual(defaultSettings);
    localStorage.setItem(SETTINGS_STORAGE_KEY, '[1,2,3]');
    expect(await host.getSettings({})).toEqual(defaultSettings);
    localStorage.setItem(SETTINGS_STORAGE_KEY, 'null');
    expect(await host.getSettings({})).toEqual(defaultSettings);
  });

  it('keeps valid stored values and replaces invalid or unknown ones', async () => {
    localStorage.setItem(
      SETTINGS_STORAGE_KEY,
      JSON.stringify({ language: 'ja', theme: 'purple', backendUrl: 'ftp://x', checkForUpdatesOnStart: false, extra: 1 }),
    );
    expect(await host.getSettings({})).toEqual({ ...defaultSettings, language: 'ja', checkForUpdatesOnStart: false });
  });

  it('refuses an invalid patch with INVALID_ARGS and writes nothing', async () => {
    await host.setSettings({ language: 'en' });
    const before = localStorage.getItem(SETTINGS_STORAGE_KEY);
    const cases: unknown[] = [
      { backendUrl: 'not a url' },
      { backendUrl: 'ftp://files.example.com' },
      { theme: 'purple' },
      { language: 'ja', unknownKey: true },
      null,
    ];
    for (const patch of cases) {
      const error = await rejection(host.setSettings(patch as never));
      expect(error.code).toBe('INVALID_ARGS');
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(localStorage.getItem(SETTINGS_STORAGE_KEY)).toBe(before);
    const backendError = await rejection(host.setSettings({ backendUrl: 'ftp://files.example.com' }));
    expect(backendError.message).toContain('backendUrl');
  });
});

describe('secrets', () => {
  it('says there is no secret storage', async () => {
    expect(await host.secretStorageStatus({})).toEqual({ state: 'unavailable', backend: 'web', insecureAllowed: false });
  });

  it('refuses to store or read a secret and keeps nothing in localStorage', async () => {
    expect((await rejection(host.setSecret({ name: 'refreshToken', value: 'rt-123' }))).code).toBe('SECRET_STORAGE_UNAVAILABLE');
    expect((await rejection(host.getSecret({ name: 'refreshToken' }))).code).toBe('SECRET_STORAGE_UNAVAILABLE');
    expect(await host.deleteSecret({ name: 'refreshToken' })).toBeNull();
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      expect(localStorage.getItem(key)).not.toContain('rt-123');
    }
  });
});

describe('openFile', () => {
  it('builds the accept list from the filters', () => {
    expect(acceptFromFilters([{ name: 'CSV', extensions: ['csv', 'CSV'] }, { name: 'JSON', extensions: ['json'] }])).toBe('.csv,.json');
    expect(acceptFromFilters([{ name: 'All', extensions: ['*'] }])).toBe('');
    expect(acceptFromFilters([])).toBe('');
  });

  it('reads the picked files through a hidden file input', async () => {
    const pending = host.openFile({ filters: [{ name: 'Exports', extensions: ['csv', 'json'] }], multiple: true });
    const input = pendingFileInput();
    expect(input.accept).toBe('.csv,.json');
    expect(input.multiple).toBe(true);
    expect(input.hidden).toBe(true);
    expect(clicks).toContain(input);
    pickFiles(input, [
      new File(['\uFEFFUPN,SKU\na@contoso.com,E3\n'], 'licenses.csv', { type: 'text/csv' }),
      new File(['{"value":[]}'], 'users.json', { type: 'application/json' }),
    ]);
    const files = await pending;
    expect(files).toEqual([
      { name: 'licenses.csv', size: 28, text: '\uFEFFUPN,SKU\na@contoso.com,E3\n' },
      { name: 'users.json', size: 12, text: '{"value":[]}' },
    ]);
    // The byte order mark is kept for the parser, as the contract says.
    expect(files?.[0]?.text.charCodeAt(0)).toBe(0xfeff);
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('opens one file at a time unless asked for several', async () => {
    const pending = host.openFile({ filters: [] });
    const input = pendingFileInput();
    expect(input.multiple).toBe(false);
    expect(input.accept).toBe('');
    pickFiles(input, [new File(['x'], 'a.txt')]);
    expect(await pending).toEqual([{ name: 'a.txt', size: 1, text: 'x' }]);
  });

  it('resolves null when the person cancels the picker', async () => {
    const pending = host.openFile({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
    pendingFileInput().dispatchEvent(new Event('cancel'));
    expect(await pending).toBeNull();
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('refuses a file larger than MAX_OPEN_FILE_BYTES without reading it', async () => {
    const pending = host.openFile({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
    const big = new File(['small content'], 'huge.csv');
    Object.defineProperty(big, 'size', { value: MAX_OPEN_FILE_BYTES + 1 });
    const read = vi.spyOn(big, 'arrayBuffer');
    pickFiles(pendingFileInput(), [big]);
    const error = await rejection(pending);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toContain('huge.csv');
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses invalid arguments before showing a picker', async () => {
    const error = await rejection(host.openFile({ filters: [{ name: 'bad', extensions: ['../x'] }] }));
    expect(error.code).toBe('INVALID_ARGS');
    expect(document.querySelector('input[type=file]')).toBeNull();
  });
});

describe('saveFile', () => {
  /** The blobs the page makes object URLs of (each one answered `url`), none revoked for real. */
  function blobsSaved(url: string): Blob[] {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    return blobs;
  }

  it('starts a download of the data under the suggested name', async () => {
    const blobs = blobsSaved('blob:test/1');
    const result = await host.saveFile({ suggestedName: 'plan.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], data: 'a,b\n1,2\n' });
    expect(result).toEqual({ saved: true, name: 'plan.csv' });
    const anchor = clicks.find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
    expect(anchor?.download).toBe('plan.csv');
    expect(anchor?.getAttribute('href')).toBe('blob:test/1');
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0]?.text()).toBe('a,b\n1,2\n');
    // The anchor does not stay in the page.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('saves bytes as they are', async () => {
    const blobs = blobsSaved('blob:test/2');
    await host.saveFile({ suggestedName: 'export.bin', filters: [], data: new Uint8Array([0, 1, 2, 255]) });
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('refuses a path as the suggested name', async () => {
    const error = await rejection(host.saveFile({ suggestedName: '../etc/passwd', filters: [], data: 'x' }));
    expect(error.code).toBe('INVALID_ARGS');
    expect(clicks).toHaveLength(0);
  });
});

describe('openExternal', () => {
  it('opens https and mailto links in a new browsing context without an opener', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    expect(await host.openExternal({ url: 'https://partner.microsoft.com/dashboard' })).toBeNull();
    expect(await host.openExternal({ url: 'mailto:admin@contoso.com' })).toBeNull();
    expect(open.mock.calls).toEqual([
      ['https://partner.microsoft.com/dashboard', '_blank', 'noopener'],
      ['mailto:admin@contoso.com', '_blank', 'noopener'],
    ]);
  });

  it('refuses everything else', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    for (const url of ['http://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com', 'not a url']) {
      expect((await rejection(host.openExternal({ url }))).code).toBe('EXTERNAL_URL_REFUSED');
    }
    expect(open).not.toHaveBeenCalled();
  });
});

describe('appInfo', () => {
  it('describes the web host', async () => {
    const info = await host.appInfo({});
    expect(info).toMatchObject({ name: 'CSP Migration Workspace', version: '1.2.3', host: 'web', locale: navigator.language });
    expect(info.platform).toBe(navigator.platform || 'unknown');
  });
});

describe('updater', () => {
  it('is unsupported, with a reason, and cannot install', async () => {
    const unsupported = { status: 'unsupported', reason: WEB_UPDATER_REASON };
    expect(await host.updaterState({})).toEqual(unsupported);
    expect(await host.checkForUpdates({})).toEqual(unsupported);
    expect(await host.downloadUpdate({})).toEqual(unsupported);
    expect((await rejection(host.installUpdate({ pendingOutbox: 0 }))).code).toBe('NOT_SUPPORTED');
  });
});

describe('events', () => {
  it('returns an unsubscribe function and never calls the listener', () => {
    const listener = vi.fn();
    const offUpdater = host.onUpdaterState(listener);
    const offMenu = host.onMenuCommand(listener);
    expect(typeof offUpdater).toBe('function');
    expect(typeof offMenu).toBe('function');
    offUpdater();
    offMenu();
    expect(listener).not.toHaveBeenCalled();
  });
});
