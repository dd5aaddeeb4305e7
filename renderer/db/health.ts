// Storage health: ask the browser to keep the workspace (persistent storage), report usage against
// quota, and turn IndexedDB's failures into messages a person can act on (i18n keys under
// storage.error.*). Nothing here ever deletes data: the outbox, above all, is never dropped to make room.
import Dexie from 'dexie';

export interface StorageHealth {
  /** null: the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function storageHealth(): Promise<StorageHealth> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([storage.persisted?.() ?? Promise.resolve(null), storage.estimate?.() ?? Promise.resolve(null)]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks to keep the workspace when the disk runs low (Chromium decides without a prompt). */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  return storage?.persist ? storage.persist() : null;
}

export type StorageErrorKey = 'quota' | 'closed' | 'version' | 'blocked' | 'versionchange' | 'unknown';

/** The i18n key (storage.error.<key>) for an IndexedDB/Dexie failure. */
export function storageErrorKey(error: unknown): StorageErrorKey {
  const names = new Set<string>();
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.add(name);
    e = (e as { inner?: unknown }).inner;
  }
  if (names.has('QuotaExceededError') || names.has(Dexie.errnames.QuotaExceeded)) return 'quota';
  if (names.has(Dexie.errnames.DatabaseClosed)) return 'closed';
  if (names.has(Dexie.errnames.Version) || names.has('VersionError')) return 'version';
  if (names.has('BlockedError')) return 'blocked';
  return 'unknown';
}

/**
 * Watches a database for another copy of the app asking to upgrade it ('versionchange', answered
 * by closing so the upgrade can go on) and for this copy being blocked by an older one.
 */
export function watchDatabase(db: Dexie, onProblem: (key: StorageErrorKey) => void): () => void {
  const onVersionChange = () => {
    db.close();
    onProblem('versionchange');
    return false;
  };
  const onBlocked = () => onProblem('blocked');
  db.on('versionchange', onVersionChange);
  db.on('blocked', onBlocked);
  return () => {
    db.on('versionchange').unsubscribe(onVersionChange);
    db.on('blocked').unsubscribe(onBlocked);
  };
}
