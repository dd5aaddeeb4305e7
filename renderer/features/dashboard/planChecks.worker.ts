// The dashboard's plan-check worker: recomputes, off the page's thread, the saved plans' verdicts of
// the customers whose summary the page cannot trust (recompute.ts), on its own connection to the
// workspace database.
/// <reference lib="webworker" />
import { WorkspaceDatabase } from '../../db/database';
import type { PlanCheckReply, PlanCheckRequest } from './planChecks';
import { recomputeSummaries } from './recompute';

declare const self: DedicatedWorkerGlobalScope;

let db: WorkspaceDatabase | null = null;

self.onmessage = (event: MessageEvent<PlanCheckRequest>) => {
  const { id, dbName, customerIds } = event.data;
  if (db?.name !== dbName) {
    db?.close();
    db = new WorkspaceDatabase(dbName);
  }
  const post = (reply: PlanCheckReply) => self.postMessage(reply);
  recomputeSummaries(db, customerIds).then(
    (facts) => post({ id, ok: true, facts }),
    (e: unknown) => post({ id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
};
