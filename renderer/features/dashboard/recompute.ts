// The saved plans' verdicts of the customers whose summary the dashboard cannot trust (none yet: a
// workspace from before summaries; or computed against another catalog, partner tenant or
// discontinued mark, summaryIsCurrent), computed from their rows and the whole catalog with the
// summaries' own rule (shared/domain/summary.ts). Runs in the dashboard worker
// (dashboard.worker.ts, liveDashboard.ts), off the page's thread.
import { customerSummary, newestPlanOf, type CustomerSummaryFacts } from '../../../shared/domain/summary';
import type { Plan, PlanLine, TenantSkuRow, TenantSubscriptionRow } from '../../../shared/workspace/tables';
import type { WorkspaceDatabase } from '../../db/database';
import { currentCatalog, strip, toCatalog } from '../../db/queries';

/** Rows by a key, in their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The summaries of these customers as their rows say now (customers without a plan give none). */
export function recomputeSummaries(db: WorkspaceDatabase, customerIds: readonly string[]): Promise<CustomerSummaryFacts[]> {
  const tables = ['customers', 'plans', 'planLines', 'tenantSkus', 'tenantSubscriptions', 'partner', 'catalogState', 'catalogSkus', 'catalogMarks'];
  return db.transaction('r', tables, async () => {
    const customers = (await db.customers.bulkGet([...customerIds])).filter((c) => c !== undefined).map((c) => strip(c));
    const wanted = new Set(customerIds);
    // Many customers (a workspace from before summaries, another catalog): whole small tables read
    // faster than thousands of index lookups.
    const many = customerIds.length > 200;
    const plans = (many ? (await db.plans.toArray()).filter((p) => wanted.has(p.customerId)) : await db.plans.where('customerId').anyOf([...customerIds]).toArray()).map((p) => strip<Plan>(p));
    const plansOf = groupBy(plans, (p) => p.customerId);
    const newest = customers.map((c) => newestPlanOf(plansOf.get(c.id) ?? [])).filter((p): p is Plan => p !== null);
    const importIds = customers.map((c) => c.tenantImportId).filter((id): id is string => id !== null);
    const newestIds = new Set(newest.map((p) => p.id));
    const imports = new Set(importIds);
    const [lines, subscriptions, partner, catalogView] = await Promise.all([
      many ? db.planLines.toArray().then((all) => all.filter((l) => newestIds.has(l.planId))) : db.planLines.where('planId').anyOf([...newestIds]).toArray(),
      many ? db.tenantSubscriptions.toArray().then((all) => all.filter((s) => imports.has(s.importId))) : db.tenantSubscriptions.where('importId').anyOf(importIds).toArray(),
      db.partner.get('partner'),
      currentCatalog(db),
    ]);
    // The heavy subscribedSkus rows (every service plan) by key, only the saved lines' sources
    // (row ids are `${customerId}:${importId}:${skuId}`): the seats of other SKUs judge no saved line.
    const byId = new Map(customers.map((c) => [c.id, c]));
    const skuKeys = new Set<string>();
    for (const l of lines) {
      const importId = byId.get(l.customerId)?.tenantImportId;
      if (!importId) continue;
      // As typed and as Graph writes SKU ids (lower case): a line saved with another case still finds its row.
      skuKeys.add(`${l.customerId}:${importId}:${l.sourceSkuId}`);
      skuKeys.add(`${l.customerId}:${importId}:${l.sourceSkuId.toLowerCase()}`);
    }
    // A line saved by subscription is judged against that subscription's SKU (a re-import may have
    // changed it): those rows too.
    const withLines = new Set(lines.map((l) => l.customerId));
    for (const s of subscriptions) if (withLines.has(s.customerId) && byId.get(s.customerId)?.tenantImportId === s.importId) skuKeys.add(`${s.customerId}:${s.importId}:${s.skuId}`);
    const skus = (await db.tenantSkus.bulkGet([...skuKeys])).filter((r) => r !== undefined);
    const linesOf = groupBy(lines.map((l) => strip<PlanLine>(l)), (l) => l.customerId);
    const skusOf = groupBy(skus.map((s) => strip<TenantSkuRow>(s)), (s) => s.importId);
    const subsOf = groupBy(subscriptions.map((s) => strip<TenantSubscriptionRow>(s)), (s) => s.importId);
    const whole = toCatalog(catalogView);
    const out: CustomerSummaryFacts[] = [];
    for (const customer of customers) {
      const importId = customer.tenantImportId;
      const facts = customerSummary(
        {
          customer,
          plans: plansOf.get(customer.id) ?? [],
          lines: linesOf.get(customer.id) ?? [],
          skus: importId ? (skusOf.get(importId) ?? []).filter((s) => s.customerId === customer.id) : [],
          subscriptions: importId ? (subsOf.get(importId) ?? []).filter((s) => s.customerId === customer.id) : [],
          partnerTenantId: partner?.partnerTenantId ?? '',
          catalog: { importId: catalogView.state?.importId ?? null, hasOffers: catalogView.state?.hasOffers ?? false, rows: [], discontinued: catalogView.discontinued },
        },
        whole,
      );
      if (facts) out.push(facts);
    }
    return out;
  });
}
