import { startTransition, useLayoutEffect, useState } from 'react';
import { today } from '../../engine/customerPlan';
import { workspaceDb } from '../../workspace/workspace';
import { watchDashboard } from './dashboardWorker';
import type { DashboardView } from './liveDashboard';

/**
 * Live: rebuilt when the workspace changes (a change here, an import, a pulled change). One read
 * gives every section, the saved plans' checks included: they come from the customers' summaries,
 * which the mutators keep (shared/mutators/summaries.ts). The reading and building happen in the
 * dashboard worker (liveDashboard.ts), off the page's thread; a customer whose summary is missing or
 * not current is recomputed there too, and until then the section says it is still checking and
 * shows the checks of every other customer. Each view is drawn as a transition: React renders it in
 * slices, so the page still answers a click or a key while 10,000 customers come in.
 */
export function useDashboard(): DashboardView | undefined {
  const asOf = today();
  const [view, setView] = useState<DashboardView | undefined>(undefined);
  // Asked for in the commit (a layout effect), not after the page's first paint (a passive effect
  // may wait for it): the worker starts reading a frame sooner. It reads nothing from the layout.
  useLayoutEffect(
    () =>
      watchDashboard(
        workspaceDb(),
        asOf,
        (next) => startTransition(() => setView(next)),
        (e) => console.error('dashboard: the workspace could not be read', e),
      ),
    [asOf],
  );
  return view;
}
