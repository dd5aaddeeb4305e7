import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { today } from '../../workspace/customerPlan';
import { workspaceDb } from '../../workspace/workspace';
import { buildDashboard, type Dashboard } from './dashboard';
import { loadDashboardInput } from './loadDashboard';

/** Live: recomputed when the workspace changes (a change here, an import, a pulled change). */
export function useDashboard(): Dashboard | undefined {
  const input = useLiveQuery(() => loadDashboardInput(workspaceDb()), []);
  const asOf = today();
  return useMemo(() => (input ? buildDashboard(input, asOf) : undefined), [input, asOf]);
}
