// The whole dashboard from the bulk-read tables: one pure function, so it is unit-tested and
// benchmarked without a screen, and the page only draws what it returns.
import type { LocalDate } from '../../../shared/domain/engine';
import type { Customer } from '../../../shared/workspace/tables';
import { buildAttention, type Attention } from './attention';
import type { DashboardInput } from './input';
import { groupByStage, type StageGroup } from './stages';
import { buildTimeline, type TimelineEntry } from './timeline';

export interface Dashboard {
  total: number;
  stages: StageGroup[];
  timeline: TimelineEntry[];
  attention: Attention;
}

export function buildDashboard(input: DashboardInput, asOf: LocalDate): Dashboard {
  const byId = new Map<string, Customer>(input.customers.map((c) => [c.id, c]));
  const timeline = buildTimeline(byId, input.subscriptions, input.partner?.partnerTenantId ?? '', asOf);
  return {
    total: input.customers.length,
    stages: groupByStage(input.customers),
    timeline,
    attention: buildAttention(input, byId, timeline, asOf),
  };
}
