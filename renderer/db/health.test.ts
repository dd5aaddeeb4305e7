import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { WorkspaceDatabase } from './database';
import { storageErrorKey, watchDatabase } from './health';

describe('storage health (fake-indexeddb)', () => {
  it('name the failures a person can act on, through Dexie wrappers too', () => {
    expect(storageErrorKey(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(storageErrorKey(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))).toBe('quota');
    expect(storageErrorKey(new Dexie.DatabaseClosedError())).toBe('closed');
    expect(storageErrorKey(new Dexie.VersionError('older'))).toBe('version');
    expect(storageErrorKey(new Error('x'))).toBe('unknown');
  });

  it('close and tell when another copy of the app upgrades the database', async () => {
    const db = new WorkspaceDatabase('health-1');
    await db.open();
    const seen: string[] = [];
    watchDatabase(db, (k) => seen.push(k));
    const newer = new Dexie('health-1');
    newer.version(99).stores({ extra: 'id' });
    await newer.open();
    expect(seen).toEqual(['versionchange']);
    expect(db.isOpen()).toBe(false);
    newer.close();
  });
});
