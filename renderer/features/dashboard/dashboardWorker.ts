// The page's side of the dashboard worker (dashboard.worker.ts): one worker, started with the first
// dashboard and kept, asked to watch the workspace for the day the page is on (the page's clock:
// a worker's clock is not the page's in the tests that set it). Where no worker can run (the
// component tests' jsdom), the same watch runs in the page.
import type { LocalDate } from '../../../shared/domain/engine';
import type { WorkspaceDatabase } from '../../db/database';
import { watchDashboardIn, type DashboardView } from './liveDashboard';
import { unpackView, type PackedView } from './packedView';

export type DashboardRequest = { type: 'watch'; id: number; dbName: string; asOf: LocalDate } | { type: 'stop'; id: number };

/** The view packed in columns (packedView.ts): far fewer objects for the page's thread to clone. */
export type DashboardReply = { id: number; ok: true; view: PackedView } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let serial = 0;
const watchers = new Map<number, { onView: (view: DashboardView) => void; onError: (e: Error) => void }>();

function dashboardWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module', name: 'dashboard' });
  w.onmessage = (event: MessageEvent<DashboardReply>) => {
    const reply = event.data;
    const watcher = watchers.get(reply.id);
    if (!watcher) return;
    if (reply.ok) watcher.onView(unpackView(reply.view));
    else watcher.onError(new Error(reply.message));
  };
  w.onerror = (event) => {
    for (const w of watchers.values()) w.onError(new Error(event.message || 'the dashboard worker failed'));
    watchers.clear();
    worker = null;
  };
  worker = w;
  return w;
}

// Started when the dashboard's code loads (with the app: the dashboard is its first page), not at
// the page's first effect: the worker's own code then loads and compiles while the page mounts,
// instead of before the first read.
if (typeof Worker !== 'undefined') dashboardWorker();

/** The dashboard of `asOf`, now and after every change, built off the page's thread where a worker can run; answers the function that stops. */
export function watchDashboard(db: WorkspaceDatabase, asOf: LocalDate, onView: (view: DashboardView) => void, onError: (e: Error) => void): () => void {
  if (typeof Worker === 'undefined') return watchDashboardIn(db, asOf, onView, (e) => onError(e instanceof Error ? e : new Error(String(e))));
  const id = ++serial;
  watchers.set(id, { onView, onError });
  const w = dashboardWorker();
  w.postMessage({ type: 'watch', id, dbName: db.name, asOf } satisfies DashboardRequest);
  return () => {
    watchers.delete(id);
    w.postMessage({ type: 'stop', id } satisfies DashboardRequest);
  };
}
