// The dashboard worker: reads the workspace on its own connection to the database, builds the
// dashboard and keeps it current (liveDashboard.ts), off the page's thread; the page only draws the
// views it posts (dashboardWorker.ts).
/// <reference lib="webworker" />
import { DATABASE_NAME, WorkspaceDatabase } from '../../db/database';
import type { DashboardReply, DashboardRequest } from './dashboardWorker';
import { watchDashboardIn } from './liveDashboard';
import { packView } from './packedView';

declare const self: DedicatedWorkerGlobalScope;

const databases = new Map<string, WorkspaceDatabase>();
const watching = new Map<number, () => void>();

function database(name: string): WorkspaceDatabase {
  let db = databases.get(name);
  if (!db) databases.set(name, (db = new WorkspaceDatabase(name)));
  return db;
}

// The app's workspace opened as soon as the worker starts (it starts with the app, dashboardWorker.ts):
// the first read then does not wait for the connection. On a failure the connection is forgotten:
// the first watch opens a new one and reports what fails then.
database(DATABASE_NAME)
  .open()
  .catch(() => databases.delete(DATABASE_NAME));

self.onmessage = (event: MessageEvent<DashboardRequest>) => {
  const request = event.data;
  if (request.type === 'stop') {
    watching.get(request.id)?.();
    watching.delete(request.id);
    return;
  }
  const { id, dbName, asOf } = request;
  const post = (reply: DashboardReply) => self.postMessage(reply);
  watching.set(
    id,
    watchDashboardIn(
      database(dbName),
      asOf,
      (view) => post({ id, ok: true, view: packView(view) }),
      (e: unknown) => post({ id, ok: false, message: e instanceof Error ? e.message : String(e) }),
    ),
  );
};
