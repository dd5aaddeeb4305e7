// The dashboard's reads, in bulk: a few whole-table reads for the whole workspace (each step runs
// inside one live query; in the app its biggest tables come from the dashboard's snapshot,
// snapshot.ts), never one query per customer. Imported rows are kept only for each
// customer's current import (shared/mutators/imports.ts, "Visibility"), as renderer/db/queries.ts does.
import type { Customer, FindingAck, Invitation, Plan, PlanLine, TenantSkuRow, TenantSubscriptionRow } from '../../../shared/workspace/tables';
import type { WorkspaceDatabase } from '../../db/database';
import { compareCustomers, currentCatalog, strip, toCatalog } from '../../db/queries';
import { customersToCheck } from './attention';
import type { DashboardInput, PlanCheckInput, ProductNameRow, SummaryInput } from './input';
import { readSnapshotTables, readTablesWhole, SNAPSHOT_STORES, type SnapshotRead, type SnapshotTables } from './snapshot';

/**
 * Each step reads in one read-only transaction: one consistent snapshot of the workspace (no
 * customer counted in one stage and timed in another by a change landing between two reads), and
 * whole tables bypass Dexie's live-query result cache, which deep-copies every result it hands out
 * (about a tenth of a second more for 10,000 customers). The live query still sees every change.
 */
function readOnly<T>(db: WorkspaceDatabase, tables: readonly string[], read: () => Promise<T>): Promise<T> {
  return db.transaction('r', tables as string[], read);
}

const DASHBOARD_TABLES = ['customers', 'partner', 'conflicts', 'tenantSubscriptions', 'invitations', 'plans', 'planLines', 'catalogState', 'catalogSkus', 'catalogMarks', 'customerSummaries', 'findingAcks'];

/**
 * The whole dashboard's rows in one snapshot: the small rows of every section, and the customers'
 * summaries (shared/mutators/summaries.ts) for the saved plans' checks instead of the heavy rows.
 * The biggest tables read whole (loadLiveDashboardInput reads them from the dashboard's snapshot).
 */
export function loadDashboardInput(db: WorkspaceDatabase): Promise<DashboardInput> {
  return readOnly(db, DASHBOARD_TABLES, async () => {
    const big = readTablesWhole(db);
    const singles = readSingles(db);
    const [overview, summaries] = await Promise.all([readOverview(db, big, singles), readSummaries(db, big, singles)]);
    return { ...overview, summaries };
  });
}

/**
 * The same input, its biggest tables from the dashboard's snapshot and the rows written since
 * (snapshot.ts), with the snapshot read's stamp and `store`.
 */
export function loadLiveDashboardInput(db: WorkspaceDatabase): Promise<{ input: DashboardInput } & Pick<SnapshotRead, 'stamp' | 'store'>> {
  return readOnly(db, [...DASHBOARD_TABLES, ...SNAPSHOT_STORES], async () => {
    const snapshot = readSnapshotTables(db);
    const big = snapshot.then((s) => s.tables);
    const singles = readSingles(db);
    const [overview, summaries, { stamp, store }] = await Promise.all([readOverview(db, big, singles), readSummaries(db, big, singles), snapshot]);
    return { input: { ...overview, summaries }, stamp, store };
  });
}

/** The two single rows both halves of the input need (the partner's, the catalog's state), read once. */
function readSingles(db: WorkspaceDatabase) {
  return Promise.all([db.partner.get('partner'), db.catalogState.get('catalog')]);
}
type Singles = ReturnType<typeof readSingles>;

// The small reads below are asked for before waiting for the big tables (`big`): the storage answers
// them while this thread takes in the big ones.
async function readSummaries(db: WorkspaceDatabase, bigRead: Promise<SnapshotTables>, singles: Singles): Promise<SummaryInput> {
  const [acks, [partner, state], marks, { customerSummaries: summaries, plans }] = await Promise.all([
    db.findingAcks.toArray(),
    singles,
    db.catalogMarks.toArray(),
    bigRead,
  ]);
  return {
    // The big tables' rows come as the snapshot keeps them: stripped, plans reduced to these two fields.
    summaries,
    plans,
    findingAcks: acks.map((a) => strip<FindingAck>(a)),
    world: {
      catalogImportId: state?.importId ?? null,
      partnerTenantId: partner?.partnerTenantId ?? '',
      discontinued: new Set(marks.filter((m) => m.discontinued).map((m) => m.id.toLowerCase())),
    },
  };
}

async function readOverview(db: WorkspaceDatabase, bigRead: Promise<SnapshotTables>, singles: Singles): Promise<DashboardInput> {
  const [[partner, catalogState], conflicts, { customers: customerRows, tenantSubscriptions: subscriptionRows }] = await Promise.all([
    singles,
    db.conflicts.where('status').equals('open').toArray(),
    bigRead,
  ]);
  // The whole table, sorted here (compareCustomers), as customersByName does: the rows come in that
  // order already, so the sort only checks it.
  const customers = [...customerRows].sort(compareCustomers);
  const current = new Set<string>();
  for (const c of customers) if (c.tenantImportId) current.add(c.tenantImportId);
  const subscriptions = subscriptionRows.filter((s) => current.has(s.importId));
  // The records open conflicts are about, by key, to tie each conflict to its customer.
  const idsOf = (table: string) => conflicts.filter((c) => c.table === table).map((c) => c.recordId);
  const [invitations, plans, planLines, products] = await Promise.all([
    db.invitations.bulkGet(idsOf('invitations')),
    db.plans.bulkGet(idsOf('plans')),
    db.planLines.bulkGet(idsOf('planLines')),
    productNamesOfSkus(db, subscriptions, catalogState),
  ]);
  return {
    customers,
    partner: partner ? strip(partner) : null,
    plans: present(plans).map((r) => strip<Plan>(r)),
    planLines: present(planLines).map((r) => strip<PlanLine>(r)),
    invitations: present(invitations).map((r) => strip<Invitation>(r)),
    conflicts: conflicts.map(strip),
    subscriptions,
    products,
  };
}

/**
 * The catalog's names of the SKUs the subscriptions are of, read by key (catalog rows are
 * `${importId}:${skuId}`): a few dozen distinct SKUs, not the whole catalog with its service plans.
 */
async function productNamesOfSkus(db: WorkspaceDatabase, subscriptions: readonly TenantSubscriptionRow[], state: { importId?: string | null } | undefined): Promise<ProductNameRow[]> {
  if (!state?.importId || subscriptions.length === 0) return [];
  const skuIds = [...new Set(subscriptions.map((s) => s.skuId.toLowerCase()))];
  const rows = await db.catalogSkus.bulkGet(skuIds.map((id) => `${state.importId}:${id}`));
  return present(rows).map((r) => ({ skuId: r.skuId, partNumber: r.partNumber, name: r.name }));
}

function present<T>(rows: readonly (T | undefined)[]): T[] {
  return rows.filter((r): r is T => r !== undefined);
}

/**
 * The second step: the plans and their lines, the team's acknowledged findings, the subscribedSkus
 * rows of the saved lines' source SKUs (read by key: imported row ids are
 * `${customerId}:${importId}:${skuId}`, tables.ts) and the catalog.
 */
export function loadPlanCheckInput(db: WorkspaceDatabase, input: DashboardInput): Promise<PlanCheckInput> {
  return readOnly(db, ['plans', 'planLines', 'findingAcks', 'tenantSkus', 'catalogState', 'catalogMarks', 'catalogSkus'], () => readPlanChecks(db, input));
}

async function readPlanChecks(db: WorkspaceDatabase, input: DashboardInput): Promise<PlanCheckInput> {
  const [plans, planLines, acks] = (await Promise.all([db.plans.toArray(), db.planLines.toArray(), db.findingAcks.toArray()])) as [Plan[], PlanLine[], FindingAck[]];
  const byId = new Map<string, Customer>(input.customers.map((c) => [c.id, c]));
  const keys = new Set<string>();
  for (const [customerId, lines] of customersToCheck(plans, planLines, byId)) {
    const importId = byId.get(customerId)!.tenantImportId!;
    for (const l of lines) keys.add(`${customerId}:${importId}:${l.sourceSkuId}`);
  }
  const stripped = { plans: plans.map(strip), planLines: planLines.map(strip), findingAcks: acks.map(strip) };
  if (keys.size === 0) return { ...stripped, skus: [], catalog: null };
  const [rows, catalogView] = await Promise.all([db.tenantSkus.bulkGet([...keys]), currentCatalog(db)]);
  return {
    ...stripped,
    skus: present(rows).map((r) => strip<TenantSkuRow>(r)),
    catalog: catalogView.skus.length > 0 ? toCatalog(catalogView) : null,
  };
}
