// The page's handle on the offline workspace: one WorkspaceDatabase, and the sync controller
// through which every change made on the page goes (the import worker opens its own connection to
// the same database).
import type { HostApi } from '../../shared/ipc/contract';
import type { Actor } from '../../shared/mutators/define';
import { WorkspaceDatabase } from '../db/database';
import { LOCAL_ACTOR, SyncController } from '../sync/controller';

let db: WorkspaceDatabase | null = null;
let controller: SyncController | null = null;

export function workspaceDb(): WorkspaceDatabase {
  db ??= new WorkspaceDatabase();
  return db;
}

/** Made once by the SyncProvider, which knows the host and the backend address. */
export function startSyncController(host: HostApi, backendUrl: string): SyncController {
  controller ??= new SyncController(host, workspaceDb, backendUrl);
  return controller;
}

export function syncController(): SyncController {
  if (!controller) throw new Error('the sync controller starts with the app (SyncProvider)');
  return controller;
}

/** Local changes, applied now; the sync worker pushes them later. */
export function localChanges(): Pick<SyncController, 'mutate' | 'mutateMany' | 'changed'> {
  if (!controller) throw new Error('the sync controller starts with the app (SyncProvider)');
  return controller;
}

/** Who makes changes now: the signed-in person, or "This computer" before anyone signed in. */
export function currentActor(): Actor {
  return controller?.currentActor() ?? LOCAL_ACTOR;
}

/** Closes the page's connection (a restore replaces the database) and forgets it. */
export function closeWorkspace(): void {
  db?.close();
  db = null;
}
