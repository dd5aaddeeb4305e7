// A customer's summary: what the dashboard needs of a customer's saved plan without reading the
// heavy rows (subscribedSkus with every service plan, the catalog) on open. The mutators keep one
// summary row per customer with a plan (shared/mutators/summaries.ts), on the client and on the
// server alike, so a pulled summary is the server's own; the dashboard reads those rows.
//
// The rules here are the dashboard's: each customer's newest plan is the one that counts, and its
// saved lines' data-loss and seat verdicts are savedLineRisks (attention.ts), computed once when a
// row they depend on changes instead of for 10,000 customers on every open. What a summary was
// computed against beyond the customer's own rows (the catalog import, the partner's tenant, the
// discontinued marks of the SKUs it read) is its `basis`: a reader whose workspace differs from the
// basis recomputes that customer instead of trusting the row (summaryIsCurrent).
import { savedLineRisks, type SavedLineRisk } from './attention';
import { findSku, prepareCatalog, type Catalog, type CatalogSku } from './catalog';
import type { LocalDate } from './dates';
import type { FindingParams, Severity } from './findings';
import { normalizeId } from './ids';
import type { TenantSku, TenantSubscription } from './tenant';

/** The plan fields the summary reads (a stored Plan row has them). */
export interface SummaryPlan {
  id: string;
  customerId: string;
  asOf: LocalDate;
}

/** The plan line fields the summary reads (a stored PlanLine row has them). */
export interface SummaryPlanLine {
  id: string;
  planId: string;
  customerId: string;
  sourceSkuId: string;
  sourceSubscriptionId: string | null;
  targetSkuId: string | null;
  quantity: number;
  orderDate: LocalDate | null;
}

/** One saved line of the newest plan, as the order-window check reads it. */
export interface SummaryLine {
  id: string;
  sourceSkuId: string;
  sourceSubscriptionId: string | null;
  orderDate: LocalDate | null;
}

/** One data-loss or seat verdict of a saved line (before the team's acknowledgements). */
export interface SummaryRisk {
  /** The plan line row's id. */
  lineId: string;
  /** The subscription id, or `sku:<skuId>` (what acknowledgements name). */
  lineKey: string;
  code: SavedLineRisk<never>['code'];
  severity: Severity;
  params: FindingParams;
}

export interface SummaryBasis {
  /** The catalog import the verdicts were computed against (null: none imported). */
  catalogImportId: string | null;
  /** The partner's tenant id then: it decides which lines are the partner's own. */
  partnerTenantId: string;
  /** Each SKU read from the catalog, and whether it was marked discontinued then. */
  skus: Record<string, boolean>;
}

export interface CustomerSummaryFacts {
  customerId: string;
  /** The customer's stage and current tenant import when computed. */
  stage: string;
  importId: string | null;
  /** The newest plan (the one that counts) and its saved lines. */
  planId: string;
  lines: SummaryLine[];
  /**
   * The saved lines' data-loss and seat verdicts; null when they could not be decided from the
   * SKUs the lines name (a line keeping a product that can no longer be bought is matched against
   * the whole catalog's equivalents): the reader computes those itself.
   */
  risks: SummaryRisk[] | null;
  basis: SummaryBasis;
}

/** Each customer's newest plan: plan ids are UUIDv7, so the greatest id is the newest plan. */
export function newestPlanOf<P extends { id: string }>(plans: readonly P[]): P | null {
  let newest: P | null = null;
  for (const p of plans) if (!newest || newest.id < p.id) newest = p;
  return newest;
}

/** The plan line's key for the engine and for acknowledgements: its subscription, else `sku:<skuId>`. */
export function lineKeyOf(line: Pick<SummaryPlanLine, 'sourceSubscriptionId' | 'sourceSkuId'>): string {
  return line.sourceSubscriptionId ?? `sku:${line.sourceSkuId}`;
}

/**
 * The catalog SKUs (lower-case ids) the verdicts of these lines read: their sources and targets,
 * and every SKU of the customer's current import (a saved line is judged against the source line
 * of its subscription, whose SKU is the import's, not necessarily the one the line was saved with).
 */
export function summarySkuIds(
  lines: readonly Pick<SummaryPlanLine, 'sourceSkuId' | 'targetSkuId'>[],
  imported: readonly { skuId: string }[] = [],
): string[] {
  const ids = new Set<string>();
  for (const l of lines) {
    ids.add(normalizeId(l.sourceSkuId));
    if (l.targetSkuId) ids.add(normalizeId(l.targetSkuId));
  }
  for (const s of imported) ids.add(normalizeId(s.skuId));
  return [...ids].sort();
}

/**
 * A line keeps its product (no target, or the source chosen again) while that product can no
 * longer be bought: the engine proposes an equivalent from the whole catalog, which the SKUs the
 * line names cannot tell.
 */
function needsEquivalentSearch(line: Pick<SummaryPlanLine, 'sourceSkuId' | 'targetSkuId'>, catalog: Catalog): boolean {
  const source = findSku(catalog, line.sourceSkuId);
  if (!source || source.purchasable) return false;
  return line.targetSkuId === null || normalizeId(line.targetSkuId) === source.id;
}

/** The catalog rows the summary reads, as stored (CatalogSkuRow's fields). */
export interface SummaryCatalogRow {
  skuId: string;
  partNumber: string;
  name: string;
  servicePlans: CatalogSku['servicePlans'];
  purchasable: boolean;
}

export interface SummaryInput {
  customer: { id: string; stage: string; country: string; tenantImportId: string | null };
  /** The customer's plans (any order). */
  plans: readonly SummaryPlan[];
  /** Lines of the newest plan at least (others are ignored). */
  lines: readonly SummaryPlanLine[];
  /** Rows of the customer's current import (the stored rows' engine fields). */
  skus: readonly TenantSku[];
  subscriptions: readonly (Omit<TenantSubscription, 'id'> & { subscriptionId: string })[];
  partnerTenantId: string;
  catalog: {
    importId: string | null;
    hasOffers: boolean;
    /** At least the rows of summarySkuIds(lines) that the catalog has (more are fine). */
    rows: readonly SummaryCatalogRow[];
    /** SKU ids marked discontinued (at least those among the rows). */
    discontinued: ReadonlySet<string>;
  };
}

/**
 * The summary of a customer with a plan; null without a plan (no row is kept then). With `whole`,
 * the whole prepared catalog (the same catalog `input.catalog` describes), every verdict is
 * decided: what a reader recomputing a customer does.
 */
export function customerSummary(input: SummaryInput, whole?: Catalog): CustomerSummaryFacts | null {
  const { customer } = input;
  const plan = newestPlanOf(input.plans.filter((p) => p.customerId === customer.id));
  if (!plan) return null;
  const saved = input.lines.filter((l) => l.planId === plan.id && l.customerId === customer.id).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const wanted = new Set(summarySkuIds(saved, customer.tenantImportId && saved.length > 0 ? [...input.skus, ...input.subscriptions] : []));
  const rows = input.catalog.importId && !whole ? input.catalog.rows.filter((r) => wanted.has(normalizeId(r.skuId))) : [];
  const discontinued = new Set([...input.catalog.discontinued].map(normalizeId));
  const skus: Record<string, boolean> = {};
  for (const id of wanted) skus[id] = discontinued.has(id);
  const catalog = whole ?? prepareCatalog(
    { skus: rows.map((r) => ({ id: r.skuId, partNumber: r.partNumber, name: r.name, servicePlans: r.servicePlans })) },
    { ...(input.catalog.hasOffers ? { offers: rows.map((r) => ({ productId: r.skuId, isAvailableForPurchase: r.purchasable })) } : {}), discontinued },
  );
  let risks: SummaryRisk[] | null = [];
  if (customer.tenantImportId && saved.length > 0) {
    if (!whole && saved.some((l) => needsEquivalentSearch(l, catalog))) risks = null;
    else risks = summaryRisks(input, saved, catalog, plan.asOf);
  }
  return {
    customerId: customer.id,
    stage: customer.stage,
    importId: customer.tenantImportId,
    planId: plan.id,
    lines: saved.map((l) => ({ id: l.id, sourceSkuId: l.sourceSkuId, sourceSubscriptionId: l.sourceSubscriptionId, orderDate: l.orderDate })),
    risks,
    basis: { catalogImportId: input.catalog.importId, partnerTenantId: input.partnerTenantId, skus },
  };
}

/**
 * The data-loss and seat verdicts of saved lines against a customer's current import: what the
 * dashboard shows, for one customer. `asOf` does not change these two verdicts (they compare
 * services and seats); the plan's own date is passed so the result never depends on a clock.
 */
export function summaryRisks(
  input: Pick<SummaryInput, 'customer' | 'skus' | 'subscriptions' | 'partnerTenantId'>,
  saved: readonly SummaryPlanLine[],
  catalog: Catalog,
  asOf: LocalDate,
): SummaryRisk[] {
  const inventory = {
    countryLetterCode: input.customer.country || null,
    skus: input.skus.map((s) => ({ ...s })),
    subscriptions: input.subscriptions.length > 0 ? input.subscriptions.map(({ subscriptionId, ...s }) => ({ ...s, id: subscriptionId })) : null,
  };
  const choices = saved.map((l) => ({ lineId: lineKeyOf(l), targetSkuId: l.targetSkuId, quantity: l.quantity, rowId: l.id }));
  return savedLineRisks(inventory, input.partnerTenantId, choices, catalog, asOf).map((r) => ({
    lineId: r.line.rowId,
    lineKey: r.line.lineId,
    code: r.code,
    severity: r.severity,
    params: r.params,
  }));
}

/** The workspace-wide facts a summary's basis is compared with. */
export interface SummaryWorld {
  catalogImportId: string | null;
  partnerTenantId: string;
  discontinued: ReadonlySet<string>;
}

/**
 * Whether a stored summary still holds for the customer as the reader sees the workspace: same
 * newest plan, same import, same catalog and partner, same discontinued marks on the SKUs it read.
 * A mutator keeps the rows of one customer current; a change of the whole workspace (another
 * catalog, another partner tenant, a discontinued mark) shows here, and the reader recomputes.
 */
export function summaryIsCurrent(
  s: Pick<CustomerSummaryFacts, 'planId' | 'importId' | 'risks' | 'basis'>,
  current: { planId: string; importId: string | null },
  world: SummaryWorld,
): boolean {
  if (s.risks === null) return false;
  if (s.planId !== current.planId || s.importId !== current.importId) return false;
  if (s.basis.catalogImportId !== world.catalogImportId || s.basis.partnerTenantId !== world.partnerTenantId) return false;
  for (const [id, was] of Object.entries(s.basis.skus)) if (world.discontinued.has(id) !== was) return false;
  return true;
}
