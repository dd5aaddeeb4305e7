import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { CustomerSummaryFacts } from '../../../shared/domain/summary';
import { today } from '../../engine/customerPlan';
import { workspaceDb } from '../../workspace/workspace';
import { buildDashboard, withSummaryChecks, type Dashboard } from './dashboard';
import { loadDashboardInput } from './loadDashboard';
import { recomputeOffThread } from './planChecks';
import type { DashboardInput } from './input';

/**
 * Live: recomputed when the workspace changes (a change here, an import, a pulled change). One read
 * gives every section, the saved plans' checks included: they come from the customers' summaries,
 * which the mutators keep (shared/mutators/summaries.ts). A customer whose summary is missing or not
 * current (a workspace from before summaries, another catalog) is recomputed in the plan-check
 * worker, off the page's thread; until then the section says it is still checking and shows the
 * checks of every other customer.
 */
export function useDashboard(): Dashboard | undefined {
  const input = useLiveQuery(() => loadDashboardInput(workspaceDb()), []);
  const asOf = today();
  const overview = useMemo(() => (input ? buildDashboard(input, asOf) : undefined), [input, asOf]);
  const [recomputed, setRecomputed] = useState<{ input: DashboardInput; facts: ReadonlyMap<string, CustomerSummaryFacts> } | null>(null);
  const fromSummaries = useMemo(() => {
    if (!overview || !input) return undefined;
    const again = recomputed?.input === input ? recomputed.facts : undefined;
    return withSummaryChecks(overview, input, asOf, again);
  }, [overview, input, asOf, recomputed]);
  const stale = fromSummaries?.stale ?? [];
  const staleKey = stale.join(',');
  useEffect(() => {
    if (!input || staleKey === '' || recomputed?.input === input) return;
    let current = true;
    recomputeOffThread(workspaceDb(), staleKey.split(',')).then(
      (facts) => {
        if (current) setRecomputed({ input, facts: new Map(facts.map((f) => [f.customerId, f])) });
      },
      (e: unknown) => console.error('dashboard: the plan checks could not be recomputed', e),
    );
    return () => {
      current = false;
    };
  }, [input, staleKey, recomputed]);
  // While stale customers are recomputed, the others' checks already show (planChecked: false).
  return fromSummaries?.dashboard;
}
