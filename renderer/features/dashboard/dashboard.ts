// The whole dashboard from the bulk-read tables: pure functions, so they are unit-tested and
// benchmarked without a screen, and the page only draws what they return. Two steps: the overview
// from the small rows first, then the saved plans' checks merged into "needs attention".
import type { LocalDate } from '../../../shared/domain/engine';
import { productNamesOf } from '../../../shared/domain/format';
import type { Customer } from '../../../shared/workspace/tables';
import type { CustomerSummaryFacts } from '../../../shared/domain/summary';
import { buildAttention, nameRanks, planCheckEntries, summaryCheckEntries, withPlanChecks, type Attention } from './attention';
import type { DashboardInput, PlanCheckInput } from './input';
import { groupByStage, type StageGroup } from './stages';
import { buildTimeline, type TimelineEntry } from './timeline';

export interface Dashboard {
  total: number;
  stages: StageGroup<Customer>[];
  timeline: TimelineEntry[];
  attention: Attention;
  /** False until the saved plans' data-loss and seat checks are in `attention`. */
  planChecked: boolean;
  customersById: ReadonlyMap<string, Customer>;
  /** Each customer name's place in name order (nameRanks): sorts the attention entries. */
  nameRanks: ReadonlyMap<string, number>;
}

export function buildDashboard(input: DashboardInput, asOf: LocalDate): Dashboard {
  const byId = new Map<string, Customer>(input.customers.map((c) => [c.id, c]));
  const ranks = nameRanks(input.customers);
  const timeline = buildTimeline(byId, input.subscriptions, input.partner?.partnerTenantId ?? '', asOf, productNamesOf(input.products));
  return {
    total: input.customers.length,
    stages: groupByStage(input.customers),
    timeline,
    attention: buildAttention(input, byId, timeline, ranks),
    planChecked: false,
    customersById: byId,
    nameRanks: ranks,
  };
}

export function addPlanChecks(dashboard: Dashboard, input: DashboardInput, checks: PlanCheckInput, asOf: LocalDate): Dashboard {
  const entries = planCheckEntries(input, dashboard.customersById, checks, asOf);
  return { ...dashboard, attention: withPlanChecks(dashboard.attention, entries, dashboard.nameRanks), planChecked: true };
}

/**
 * The saved plans' checks from the customers' summaries merged in: complete (planChecked) when every
 * summary held or was recomputed (`recomputed`); else the stale customers to recompute, and the
 * entries of the others already shown.
 */
export function withSummaryChecks(
  dashboard: Dashboard,
  input: DashboardInput,
  asOf: LocalDate,
  recomputed?: ReadonlyMap<string, CustomerSummaryFacts>,
): { dashboard: Dashboard; stale: string[] } {
  const { entries, stale } = summaryCheckEntries(input, dashboard.customersById, asOf, recomputed);
  return { dashboard: { ...dashboard, attention: withPlanChecks(dashboard.attention, entries, dashboard.nameRanks), planChecked: stale.length === 0 }, stale };
}

/** Both steps at once: what the page shows once the plan checks are in. */
export function buildFullDashboard(input: DashboardInput, checks: PlanCheckInput, asOf: LocalDate): Dashboard {
  return addPlanChecks(buildDashboard(input, asOf), input, checks, asOf);
}
