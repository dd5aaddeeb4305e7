// The page's handle on the offline workspace: one WorkspaceDatabase (the import worker opens its own
// connection to the same database). Changes go through the sync controller, which screens get from
// React context (SyncContext.tsx).
import { WorkspaceDatabase } from '../db/database';

let db: WorkspaceDatabase | null = null;

export function workspaceDb(): WorkspaceDatabase {
  db ??= new WorkspaceDatabase();
  return db;
}

/** Closes the page's connection (a restore replaces the database) and forgets it. */
export function closeWorkspace(): void {
  db?.close();
  db = null;
}
