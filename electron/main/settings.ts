// Preferences (language, theme, backend address, update and secret-storage choices): nothing secret,
// nothing that belongs to the synced workspace. Persisted with electron-store (conf underneath),
// which validates every write against the JSON schema below and writes atomically (a temporary file
// renamed over the old one). The shape comes from shared/ipc/contract's Settings, so the store, the
// IPC contract and the web host cannot disagree on a field.
import { z } from 'zod';
import { defaultSettings, Settings, type SettingsPatch } from '../../shared/ipc/contract';

type JsonSchemaProperties = Record<string, Record<string, unknown>>;

/** The JSON schema conf/electron-store expects (one entry per top-level key), derived from the zod Settings. */
export function settingsJsonSchema(): JsonSchemaProperties {
  const schema = z.toJSONSchema(Settings) as { properties?: JsonSchemaProperties };
  if (!schema.properties) throw new Error('Settings has no properties');
  return schema.properties;
}

/** Options for `new Store(...)` (electron-store) or `new Conf(...)`: the same for both. */
export function settingsStoreOptions() {
  return {
    configName: 'settings',
    name: 'settings',
    schema: settingsJsonSchema(),
    defaults: { ...defaultSettings },
    // A file that is not JSON, or breaks the schema (edited by hand, written by a newer version),
    // reads as the defaults instead of stopping the app; the next change overwrites it.
    clearInvalidConfig: true,
    configFileMode: 0o600,
  } as const;
}

/** What the service needs of an electron-store / conf instance: the whole object, and a write. */
export interface SettingsBackend {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

export interface SettingsService {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
}

const keys = Object.keys(defaultSettings) as (keyof Settings)[];

/** Reads what is stored, field by field: an unknown key is ignored, an invalid value reads as its default. */
function readSettings(stored: Record<string, unknown>): Settings {
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const field = Settings.shape[key];
    const parsed = field.safeParse(stored[key]);
    result[key] = parsed.success ? parsed.data : defaultSettings[key];
  }
  return Settings.parse(result);
}

export function createSettingsService(
  backend: SettingsBackend,
  onChange?: (next: Settings, previous: Settings) => void,
): SettingsService {
  return {
    get: () => readSettings(backend.store),
    set(patch) {
      const previous = readSettings(backend.store);
      const next = Settings.parse({ ...previous, ...patch });
      backend.set({ ...next });
      onChange?.(next, previous);
      return next;
    },
  };
}
