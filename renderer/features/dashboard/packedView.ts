// The dashboard view as it crosses from the worker to the page (dashboardWorker.ts): the page
// receives it on its own thread, and structured clone pays for every object it carries. The
// thousands of rows of the stage lists, the timeline and "needs attention" are sent as columns
// (columns.ts): a few dozen arrays of plain values, not tens of thousands of objects. The page
// rebuilds the same view.
import type { CustomerStage } from '../../../shared/workspace/tables';
import type { AttentionEntry } from './attention';
import type { DashboardView } from './liveDashboard';
import type { TimelineEntry } from './timeline';
import { decodeColumn, encodeColumn, fromColumns, toColumns, type Column, type Columns } from './columns';

export interface PackedView {
  total: number;
  /** Each stage's customers: ids, names and countries in list order (the stage is the group's). */
  stages: { stage: CustomerStage; ids: string[]; names: string[]; countries: Column }[];
  timeline: Columns;
  attention: { entries: Columns; regionUnchecked: boolean };
  planChecked: boolean;
}

export function packView(view: DashboardView): PackedView {
  return {
    total: view.total,
    stages: view.stages.map((g) => ({
      stage: g.stage,
      ids: g.customers.map((c) => c.id),
      names: g.customers.map((c) => c.name),
      countries: encodeColumn(g.customers.map((c) => c.country)),
    })),
    timeline: toColumns(view.timeline),
    attention: { entries: toColumns(view.attention.entries), regionUnchecked: view.attention.regionUnchecked },
    planChecked: view.planChecked,
  };
}

export function unpackView(packed: PackedView): DashboardView {
  return {
    total: packed.total,
    stages: packed.stages.map(({ stage, ids, names, countries: packedCountries }) => {
      const countries = decodeColumn(packedCountries) as string[];
      return { stage, customers: ids.map((id, i) => ({ id, name: names[i]!, country: countries[i]!, stage })) };
    }),
    timeline: fromColumns<TimelineEntry>(packed.timeline),
    attention: { entries: fromColumns<AttentionEntry>(packed.attention.entries), regionUnchecked: packed.attention.regionUnchecked },
    planChecked: packed.planChecked,
  };
}
