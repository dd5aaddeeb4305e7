import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { today } from '../../engine/customerPlan';
import { workspaceDb } from '../../workspace/workspace';
import { addPlanChecks, buildDashboard, type Dashboard } from './dashboard';
import { loadDashboardInput, loadPlanCheckInput } from './loadDashboard';

/**
 * Live: recomputed when the workspace changes (a change here, an import, a pulled change). The
 * overview shows as soon as the small rows are read; the saved plans' checks, which read the heavy
 * subscribedSkus rows, join it when they are done (and, after a change, the previous checks stay
 * on screen until the new ones are ready rather than blinking away).
 */
export function useDashboard(): Dashboard | undefined {
  const input = useLiveQuery(() => loadDashboardInput(workspaceDb()), []);
  const asOf = today();
  const overview = useMemo(() => (input ? buildDashboard(input, asOf) : undefined), [input, asOf]);
  const checks = useLiveQuery(() => (input ? loadPlanCheckInput(workspaceDb(), input) : undefined), [input]);
  return useMemo(() => (overview && input && checks ? addPlanChecks(overview, input, checks, asOf) : overview), [overview, input, checks, asOf]);
}
