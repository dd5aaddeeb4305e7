// The dashboard kept current: the workspace's rows read in bulk (loadDashboard.ts; the biggest
// tables from the dashboard's snapshot and the rows written since, snapshot.ts) each time one of
// the tables it reads changes (a change here, an import, a pulled change: Dexie tells every context
// of the page, workers included), turned into what the page draws (a DashboardView), and the
// customers whose summary is missing or not current (a workspace from before summaries, another
// catalog) recomputed from their rows (recompute.ts). It runs in the dashboard worker
// (dashboard.worker.ts), so that reading and judging 10,000 customers never holds the page's thread;
// where no worker can run (the component tests' jsdom) the same code runs in the page
// (dashboardWorker.ts).
import { liveQuery } from 'dexie';
import type { LocalDate } from '../../../shared/domain/engine';
import type { WorkspaceDatabase } from '../../db/database';
import { buildDashboard, withSummaryChecks, type Dashboard } from './dashboard';
import type { DashboardInput } from './input';
import { loadLiveDashboardInput } from './loadDashboard';
import { recomputeSummaries } from './recompute';
import type { StageCustomer, StageGroup } from './stages';

/**
 * What the page draws: the dashboard without the lookups it was built with, each customer in the
 * stage lists reduced to what the list shows (10,000 of them cross from the worker to the page).
 */
export interface DashboardView extends Pick<Dashboard, 'total' | 'timeline' | 'attention' | 'planChecked'> {
  stages: StageGroup<StageCustomer>[];
}

/** The snapshot read's stamp and every other row the input holds, as one string. */
function sameRowsKey(stamp: number, input: DashboardInput): string {
  const { customers: _c, subscriptions: _s, summaries, ...small } = input;
  const world = summaries ? { ...summaries.world, discontinued: [...summaries.world.discontinued] } : null;
  return `${stamp}\u0000${JSON.stringify([small, summaries?.findingAcks ?? null, world])}`;
}

export function viewOf(dashboard: Dashboard): DashboardView {
  return {
    total: dashboard.total,
    stages: dashboard.stages.map((g) => ({ stage: g.stage, customers: g.customers.map(({ id, name, country, stage }) => ({ id, name, country, stage })) })),
    timeline: dashboard.timeline,
    attention: dashboard.attention,
    planChecked: dashboard.planChecked,
  };
}

/**
 * Calls `onView` with the dashboard of `asOf` now and after every change of the rows it reads: first
 * with the saved plans' checks from the summaries (planChecked: false while stale customers are
 * recomputed, showing the checks of every other customer), then once they are recomputed. Answers
 * the function that stops watching.
 */
export function watchDashboardIn(db: WorkspaceDatabase, asOf: LocalDate, onView: (view: DashboardView) => void, onError: (e: unknown) => void): () => void {
  let latest = 0;
  let stopped = false;
  let shown = '';
  const subscription = liveQuery(() => loadLiveDashboardInput(db)).subscribe({
    next: ({ input, stamp, store }) => {
      // The same rows as the view already sent (the live query runs again when the dashboard's
      // own snapshot is stored, and for writes that change nothing it reads): nothing to send.
      const same = sameRowsKey(stamp, input);
      if (same === shown) return;
      shown = same;
      const mine = ++latest;
      const overview = buildDashboard(input, asOf);
      const first = withSummaryChecks(overview, input, asOf);
      onView(viewOf(first.dashboard));
      // The new snapshot stored once the dashboard is out: a failure costs the next open a whole
      // read, never a wrong dashboard.
      store?.().catch(() => undefined);
      if (first.stale.length === 0) return;
      recomputeSummaries(db, first.stale).then(
        (facts) => {
          // A newer read is on its way (or watching stopped): its own recompute follows.
          if (stopped || mine !== latest) return;
          onView(viewOf(withSummaryChecks(overview, input, asOf, new Map(facts.map((f) => [f.customerId, f]))).dashboard));
        },
        (e: unknown) => {
          if (!stopped) onError(e);
        },
      );
    },
    error: (e: unknown) => {
      if (!stopped) onError(e);
    },
  });
  return () => {
    stopped = true;
    subscription.unsubscribe();
  };
}
