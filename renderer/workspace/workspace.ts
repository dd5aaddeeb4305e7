// The page's handle on the offline workspace: one WorkspaceDatabase and a SyncClient for changes
// made on the page (the import worker opens its own connection to the same database).
import type { Actor } from '../../shared/mutators/define';
import { SyncClient } from '../../shared/sync/client';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from '../sync/dexieClientStore';

/**
 * Who makes local changes. Until sign-in exists (renderer/sync, with the server's accounts), the
 * workspace acts as an admin agent named "This computer"; the server re-checks every change with
 * the signed-in user's real role when it is pushed.
 */
export const LOCAL_ACTOR: Actor = { id: 'local', name: 'This computer', role: 'admin-agent' };

let db: WorkspaceDatabase | null = null;
let client: SyncClient | null = null;

export function workspaceDb(): WorkspaceDatabase {
  db ??= new WorkspaceDatabase();
  return db;
}

/** Local changes (mutate/mutateMany); pushing and pulling belong to the sync worker. */
export function localChanges(): SyncClient {
  client ??= new SyncClient(
    new DexieClientStore(workspaceDb(), () => crypto.randomUUID().replaceAll('-', '')),
    { push: () => Promise.reject(new Error('not connected')), pull: () => Promise.reject(new Error('not connected')) },
    { actor: () => LOCAL_ACTOR, now: () => new Date().toISOString() },
  );
  return client;
}

/** Closes the page's connection (a restore replaces the database) and forgets it. */
export function closeWorkspace(): void {
  db?.close();
  db = null;
  client = null;
}
