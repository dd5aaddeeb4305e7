// The page's side of the plan-check worker (planChecks.worker.ts): one worker, started with the
// first dashboard that needs it and kept, asked for the customers whose summaries are not current.
// Where no worker can run (the component tests' jsdom), the same computation runs in the page.
import type { CustomerSummaryFacts } from '../../../shared/domain/summary';
import type { WorkspaceDatabase } from '../../db/database';
import { recomputeSummaries } from './recompute';

export interface PlanCheckRequest {
  id: number;
  dbName: string;
  customerIds: string[];
}

export type PlanCheckReply = { id: number; ok: true; facts: CustomerSummaryFacts[] } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let serial = 0;
const waiting = new Map<number, { resolve: (facts: CustomerSummaryFacts[]) => void; reject: (e: Error) => void }>();

function planCheckWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./planChecks.worker.ts', import.meta.url), { type: 'module', name: 'plan-checks' });
  w.onmessage = (event: MessageEvent<PlanCheckReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!pending) return;
    if (reply.ok) pending.resolve(reply.facts);
    else pending.reject(new Error(reply.message));
  };
  w.onerror = (event) => {
    for (const p of waiting.values()) p.reject(new Error(event.message || 'the plan-check worker failed'));
    waiting.clear();
    worker = null;
  };
  worker = w;
  return w;
}

/** The current summaries of these customers, computed off the page's thread where a worker can run. */
export function recomputeOffThread(db: WorkspaceDatabase, customerIds: readonly string[]): Promise<CustomerSummaryFacts[]> {
  if (customerIds.length === 0) return Promise.resolve([]);
  if (typeof Worker === 'undefined') return recomputeSummaries(db, customerIds);
  const id = ++serial;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    planCheckWorker().postMessage({ id, dbName: db.name, customerIds: [...customerIds] } satisfies PlanCheckRequest);
  });
}
