// "Needs attention": what could hurt a customer's move, across the whole workspace, each entry
// naming its customer and the rule (the engine's finding code) it breaks.
//
// The verdicts are shared/domain/attention's rules; this file gathers the workspace rows for them
// and orders the entries. What runs, and why (10,000 customers on one screen):
// - Region: regionVerdict per customer (a map lookup); no full plan needed.
// - Data-loss risk and seat shortfall: only the lines the team saved in each customer's newest
//   plan (savedLineRisks); customers without saved lines are not planned here (their defaults
//   keep the same offer and the same seat count).
// - Deadlines: from the timeline (the engine's subscriptionTiming), by deadlineSeverity.
// - Conflicts: open rows of the conflicts table, tied to their customer where the record has one.
import { deadlineSeverity, isStillMoving, regionVerdict, savedLineRisks } from '../../../shared/domain/attention';
import { summaryIsCurrent, type CustomerSummaryFacts } from '../../../shared/domain/summary';
import { orderCheckBy, ordersClosingSoon } from '../../../shared/domain/orderWindow';
import { productName, productNamesOf } from '../../../shared/domain/format';
import {
  prepareCatalog,
  type Catalog,
  type FindingCode,
  type FindingParams,
  type LocalDate,
  type Severity,
} from '../../../shared/domain/engine';
import type { Conflict, Customer, Plan, PlanLine } from '../../../shared/workspace/tables';
import { lineIdOf } from '../../engine/customerPlan';
import type { DashboardInput, PlanCheckInput } from './input';
import { groupBy } from './recompute';
import type { TimelineEntry } from './timeline';

export type AttentionCode = Extract<FindingCode, 'REGION_MISMATCH' | 'DATA_LOSS_RISK' | 'SEAT_SHORTFALL' | 'EXPIRY_DEADLINE' | 'ORDER_CHECK_BY'> | 'CONFLICT';

/** How soon a closing 7-day order window is shown. */
export const ORDER_WINDOW_SOON_DAYS = 3;

export interface AttentionEntry {
  key: string;
  /** null: a conflict on a record that belongs to no customer (a catalog mark). */
  customerId: string | null;
  customerName: string | null;
  code: AttentionCode;
  severity: Severity;
  /** For renderFinding (engine codes) or the conflict text (table, field). */
  params: FindingParams;
}

export interface Attention {
  entries: AttentionEntry[];
  /** The partner's country is not set: no region could be checked. */
  regionUnchecked: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const EMPTY_CATALOG: Catalog = prepareCatalog({ skus: [] });

function regionEntries(customers: readonly Customer[], partnerCountry: string): AttentionEntry[] {
  const out: AttentionEntry[] = [];
  for (const c of customers) {
    const v = regionVerdict(partnerCountry, { country: c.country, stage: c.stage, hasTenant: c.tenantImportId !== null });
    if (v) out.push({ key: `region:${c.id}`, customerId: c.id, customerName: c.name, code: 'REGION_MISMATCH', severity: v.severity, params: v.params });
  }
  return out;
}

function deadlineEntries(timeline: readonly TimelineEntry[], customersById: ReadonlyMap<string, Customer>): AttentionEntry[] {
  const out: AttentionEntry[] = [];
  for (const e of timeline) {
    const severity = deadlineSeverity({ isTrial: e.isTrial, daysToDeadline: e.daysToDeadline, state: e.state, stage: customersById.get(e.customerId)?.stage });
    if (!severity) continue;
    out.push({
      key: `deadline:${e.key}`,
      customerId: e.customerId,
      customerName: e.customerName,
      code: 'EXPIRY_DEADLINE',
      severity,
      params: { sku: e.product, expires: e.expires, deadline: e.deadline, daysToExpiry: e.daysToExpiry, daysToDeadline: e.daysToDeadline, state: e.state },
    });
  }
  return out;
}

/** Each customer's newest plan (plan ids are UUIDv7: the greatest is the newest). */
function newestPlans(plans: readonly Plan[]): Map<string, Plan> {
  const newest = new Map<string, Plan>();
  for (const p of plans) {
    const seen = newest.get(p.customerId);
    if (!seen || seen.id < p.id) newest.set(p.customerId, p);
  }
  return newest;
}

/** The saved lines of each customer's newest plan, by customer. */
export function savedLinesByCustomer(plans: readonly Plan[], lines: readonly PlanLine[]): Map<string, PlanLine[]> {
  const newest = newestPlans(plans);
  const out = new Map<string, PlanLine[]>();
  for (const l of lines) {
    if (newest.get(l.customerId)?.id !== l.planId) continue;
    const list = out.get(l.customerId);
    if (list) list.push(l);
    else out.set(l.customerId, [l]);
  }
  return out;
}

/** The customers whose saved lines get checked: those still moving with a tenant imported. */
export function customersToCheck(plans: readonly Plan[], planLines: readonly PlanLine[], customersById: ReadonlyMap<string, Customer>): Map<string, PlanLine[]> {
  const out = new Map<string, PlanLine[]>();
  for (const [customerId, lines] of savedLinesByCustomer(plans, planLines)) {
    const customer = customersById.get(customerId);
    if (customer && isStillMoving(customer.stage) && customer.tenantImportId) out.set(customerId, lines);
  }
  return out;
}

/**
 * Data-loss risk and seat shortfall of the saved lines, but those the team acknowledged (the second
 * step: needs the subscribedSkus rows).
 */
export function planCheckEntries(
  input: DashboardInput,
  customersById: ReadonlyMap<string, Customer>,
  checks: PlanCheckInput,
  asOf: LocalDate,
): AttentionEntry[] {
  const out: AttentionEntry[] = orderWindowEntries(input, customersById, checks, asOf);
  const partnerTenantId = input.partner?.partnerTenantId ?? '';
  const catalog = checks.catalog ?? EMPTY_CATALOG;
  const byCustomer = customersToCheck(checks.plans, checks.planLines, customersById);
  if (byCustomer.size === 0) return out;
  const subsByImport = groupBy(input.subscriptions, (s) => s.importId);
  // From the fields, not the row id: the id's shape is a convention, the fields are the contract.
  const acknowledged = new Set(checks.findingAcks.map((a) => `${a.customerId}:${a.lineKey}:${a.code}`));
  const skusByImport = groupBy(checks.skus, (s) => s.importId);
  for (const [customerId, lines] of byCustomer) {
    const customer = customersById.get(customerId)!;
    if (!customer.tenantImportId) continue;
    const subs = subsByImport.get(customer.tenantImportId) ?? [];
    const inventory = {
      countryLetterCode: customer.country || null,
      skus: (skusByImport.get(customer.tenantImportId) ?? []).map(({ id: _id, customerId: _c, importId: _i, ...sku }) => sku),
      subscriptions: subs.length > 0 ? subs.map(({ id: _id, customerId: _c, importId: _i, subscriptionId, ...s }) => ({ ...s, id: subscriptionId })) : null,
    };
    const saved = lines.map((l) => ({ lineId: lineIdOf(l), targetSkuId: l.targetSkuId, quantity: l.quantity, id: l.id }));
    for (const r of savedLineRisks(inventory, partnerTenantId, saved, catalog, asOf)) {
      // Acknowledged on purpose (with a reason, in the case file): no longer something to fix.
      if (acknowledged.has(`${customerId}:${r.line.lineId}:${r.code}`)) continue;
      out.push({ key: `${r.code}:${r.line.id}`, customerId, customerName: customer.name, code: r.code, severity: r.severity, params: r.params });
    }
  }
  return out;
}

/** The customer a conflicting record belongs to, where it has one. */
function conflictCustomer(c: Conflict, customersById: ReadonlyMap<string, Customer>, owners: Map<string, string>): string | null {
  if (c.table === 'customers') return customersById.has(c.recordId) ? c.recordId : null;
  return owners.get(`${c.table}:${c.recordId}`) ?? null;
}

function conflictEntries(input: DashboardInput, customersById: ReadonlyMap<string, Customer>): AttentionEntry[] {
  if (input.conflicts.length === 0) return [];
  const owners = new Map<string, string>();
  for (const i of input.invitations) owners.set(`invitations:${i.id}`, i.customerId);
  for (const p of input.plans) owners.set(`plans:${p.id}`, p.customerId);
  for (const l of input.planLines) owners.set(`planLines:${l.id}`, l.customerId);
  return input.conflicts
    .filter((c) => c.status === 'open')
    .map((c) => {
      const customerId = conflictCustomer(c, customersById, owners);
      return {
        key: `conflict:${c.id}`,
        customerId,
        customerName: customerId ? (customersById.get(customerId)?.name ?? null) : null,
        code: 'CONFLICT' as const,
        severity: 'warning' as const,
        params: { table: c.table, field: c.field, currentBy: c.current.by, proposedBy: c.proposed.by },
      };
    });
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A 30-day window still open and ending within DEADLINE_SOON_DAYS: days left, else null. */
function openDeadline(e: AttentionEntry): number | null {
  return e.code === 'EXPIRY_DEADLINE' && e.params.state !== 'past-deadline' ? Number(e.params.daysToDeadline) : null;
}

/**
 * The windows still open come first, soonest first: acting on them today still saves the data,
 * and with thousands of customers they would otherwise sink below every region error. Then worst
 * first, by customer (workspace-wide entries after the customers' own), then by rule.
 */
export function sortAttention(entries: AttentionEntry[], ranks?: ReadonlyMap<string, number>): AttentionEntry[] {
  return entries.sort(attentionOrder(ranks));
}

/**
 * Each customer name's place in the collator's order, from the customers already sorted by name
 * (DashboardInput.customers): names the collator holds equal share a place. Sorting thousands of
 * entries then compares numbers instead of calling the collator each time.
 */
export function nameRanks(sortedCustomers: readonly Pick<Customer, 'name'>[]): Map<string, number> {
  const out = new Map<string, number>();
  let rank = 0;
  let previous: string | null = null;
  for (const c of sortedCustomers) {
    if (previous !== null && previous !== c.name && collator.compare(previous, c.name) !== 0) rank++;
    if (!out.has(c.name)) out.set(c.name, rank);
    previous = c.name;
  }
  return out;
}

function attentionOrder(ranks?: ReadonlyMap<string, number>): (a: AttentionEntry, b: AttentionEntry) => number {
  const byName = (a: string, b: string) => {
    if (a === b) return 0;
    const ra = ranks?.get(a);
    const rb = ranks?.get(b);
    return ra !== undefined && rb !== undefined ? ra - rb : collator.compare(a, b);
  };
  return (a, b) => {
    const da = openDeadline(a);
    const db = openDeadline(b);
    if (da !== null || db !== null) {
      if (da === null) return 1;
      if (db === null) return -1;
      if (da !== db) return da - db;
    }
    return (
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      Number(a.customerName === null) - Number(b.customerName === null) ||
      byName(a.customerName ?? '', b.customerName ?? '') ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
    );
  };
}

/**
 * Orders of the saved plans whose 7-day correction window (rules.ts cancellation-window) is open on
 * `asOf` and closes within ORDER_WINDOW_SOON_DAYS: check them now or pay a wrong quantity all term.
 */
export function orderWindowEntries(input: DashboardInput, customersById: ReadonlyMap<string, Customer>, checks: Pick<PlanCheckInput, 'plans' | 'planLines'>, asOf: LocalDate): AttentionEntry[] {
  return orderWindowEntriesOf(input, customersById, [...savedLinesByCustomer(checks.plans, checks.planLines).values()].flat(), asOf);
}

/** A saved line of a customer's newest plan, as the order-window check reads it. */
export type OrderLine = Pick<PlanLine, 'id' | 'customerId' | 'sourceSkuId' | 'sourceSubscriptionId' | 'orderDate'>;

/** The order-window entries of these saved lines (each customer's newest plan's). */
export function orderWindowEntriesOf(input: DashboardInput, customersById: ReadonlyMap<string, Customer>, saved: readonly OrderLine[], asOf: LocalDate): AttentionEntry[] {
  // Only ordered lines have a window (ordersClosingSoon): most saved lines are not ordered yet.
  const lines: { lineId: string; row: OrderLine; orderDate: LocalDate | null; checkBy: LocalDate | null }[] = [];
  for (const l of saved) if (l.orderDate !== null) lines.push({ lineId: l.id, row: l, orderDate: l.orderDate, checkBy: orderCheckBy(l.orderDate) });
  const closing = ordersClosingSoon(lines, asOf, ORDER_WINDOW_SOON_DAYS);
  if (closing.length === 0) return [];
  // The product by its catalog name, as the engine's findings name it (the part number when unknown).
  const names = productNamesOf(input.products);
  const partNumbers = new Map<string, string>();
  for (const s of input.subscriptions) {
    const product = productName(names, { skuId: s.skuId, partNumber: s.skuPartNumber });
    partNumbers.set(s.subscriptionId, product);
    partNumbers.set(`sku:${s.skuId}`, product);
  }
  return closing.flatMap(({ row, orderDate, checkBy }) => {
    const customer = customersById.get(row.customerId);
    if (!customer || !isStillMoving(customer.stage)) return [];
    const sku = partNumbers.get(row.sourceSubscriptionId ?? '') ?? partNumbers.get(`sku:${row.sourceSkuId}`) ?? '';
    return [{ key: `order-window:${row.id}`, customerId: customer.id, customerName: customer.name, code: 'ORDER_CHECK_BY' as const, severity: 'warning' as const, params: { sku, orderDate, checkBy, ordered: 1 } }];
  });
}

/** Everything but the saved plans' checks (the first step, from the small rows). */
export function buildAttention(input: DashboardInput, customersById: ReadonlyMap<string, Customer>, timeline: readonly TimelineEntry[], ranks?: ReadonlyMap<string, number>): Attention {
  const partnerCountry = (input.partner?.country ?? '').trim().toUpperCase();
  const entries = [
    ...(partnerCountry ? regionEntries(input.customers, partnerCountry) : []),
    ...deadlineEntries(timeline, customersById),
    ...conflictEntries(input, customersById),
  ];
  return { entries: sortAttention(entries, ranks), regionUnchecked: !partnerCountry };
}

/** The first step's entries with the plan checks' merged in, in order (both lists sorted, then merged). */
export function withPlanChecks(attention: Attention, planEntries: readonly AttentionEntry[], ranks?: ReadonlyMap<string, number>): Attention {
  if (planEntries.length === 0) return attention;
  const order = attentionOrder(ranks);
  const added = [...planEntries].sort(order);
  const first = attention.entries;
  const entries: AttentionEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < added.length) entries.push(order(first[i]!, added[j]!) <= 0 ? first[i++]! : added[j++]!);
  while (i < first.length) entries.push(first[i++]!);
  while (j < added.length) entries.push(added[j++]!);
  return { ...attention, entries };
}

/** The saved plans' checks read from the customers' summaries: the entries, and whom they could not decide. */
export interface SummaryChecks {
  entries: AttentionEntry[];
  /** Customers whose summary is missing or not current (summaryIsCurrent): recompute them (recompute.ts). */
  stale: string[];
}

/**
 * Data-loss risk, seat shortfall and closing order windows of the saved plans, from the summaries
 * the mutators keep (shared/domain/summary.ts) instead of planning every customer: the same entries
 * planCheckEntries and orderWindowEntries give (dashboard.test.ts compares them). `recomputed`: the
 * summaries of stale customers, computed by the page (they replace the stored ones).
 */
export function summaryCheckEntries(
  input: DashboardInput,
  customersById: ReadonlyMap<string, Customer>,
  asOf: LocalDate,
  recomputed?: ReadonlyMap<string, CustomerSummaryFacts>,
): SummaryChecks {
  const state = input.summaries;
  if (!state) return { entries: [], stale: [] };
  const stored = new Map<string, CustomerSummaryFacts>(state.summaries.map((s) => [s.id, s]));
  const newest = new Map<string, string>();
  for (const p of state.plans) {
    const seen = newest.get(p.customerId);
    if (seen === undefined || seen < p.id) newest.set(p.customerId, p.id);
  }
  // From the fields, not the row id: the id's shape is a convention, the fields are the contract.
  const acknowledged = new Set(state.findingAcks.map((a) => `${a.customerId}:${a.lineKey}:${a.code}`));
  const entries: AttentionEntry[] = [];
  const orderLines: OrderLine[] = [];
  const stale: string[] = [];
  for (const [customerId, planId] of newest) {
    const customer = customersById.get(customerId);
    if (!customer) continue;
    const again = recomputed?.get(customerId);
    const s = again ?? stored.get(customerId);
    if (!s || s.planId !== planId) {
      stale.push(customerId);
      continue;
    }
    // Only an ordered line can have an open order window (orderWindowEntriesOf).
    for (const l of s.lines) if (l.orderDate !== null) orderLines.push({ ...l, customerId });
    if (!isStillMoving(customer.stage) || !customer.tenantImportId || s.lines.length === 0) continue;
    if (!again && !summaryIsCurrent(s, { planId, importId: customer.tenantImportId }, state.world)) {
      stale.push(customerId);
      continue;
    }
    for (const r of s.risks ?? []) {
      // Acknowledged on purpose (with a reason, in the case file): no longer something to fix.
      if (acknowledged.has(`${customerId}:${r.lineKey}:${r.code}`)) continue;
      entries.push({ key: `${r.code}:${r.lineId}`, customerId, customerName: customer.name, code: r.code, severity: r.severity, params: r.params });
    }
  }
  entries.push(...orderWindowEntriesOf(input, customersById, orderLines, asOf));
  return { entries, stale };
}
