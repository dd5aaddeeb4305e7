// Customer summaries (shared/domain/summary.ts) kept by the mutators themselves: runMutator watches
// what a change writes, and every customer one of whose rows it wrote (the customer, a plan, a plan
// line, an imported subscription or subscribedSku) gets its summary recomputed in the same
// transaction, from what that transaction now holds. The same code runs optimistically in the app
// and authoritatively on the server, so the summary a client pulls is the server's, computed from
// the server's rows: never stale after sync.
//
// Only one customer's rows are read (by key and by the indexed customerId/planId/importId
// lookups), and only the catalog rows of the SKUs the saved lines name. A change to the whole
// workspace (another catalog import, a discontinued mark, the partner's tenant) does not rewrite
// 10,000 rows: each summary carries the basis it was computed against, and the reader recomputes a
// customer whose basis differs (summaryIsCurrent).
import { customerSummary, newestPlanOf, summarySkuIds } from '../domain/summary';
import type { CustomerSummary, TableName, Tables } from '../workspace/tables';
import type { WriteTx } from './tx';

/** Tables whose rows belong to one customer and feed its summary. */
const CUSTOMER_ROWS = new Set<TableName>(['plans', 'planLines', 'tenantSkus', 'tenantSubscriptions']);

function customerOf(table: TableName, row: unknown): string | null {
  if (!row || typeof row !== 'object') return null;
  const r = row as { id?: unknown; customerId?: unknown };
  if (table === 'customers') return typeof r.id === 'string' ? r.id : null;
  return CUSTOMER_ROWS.has(table) && typeof r.customerId === 'string' ? r.customerId : null;
}

const watches = (table: TableName) => table === 'customers' || CUSTOMER_ROWS.has(table);

/** The customer's fields a summary reads: a change of any other (notes, name, billing) leaves it as it is. */
const SUMMARY_CUSTOMER_FIELDS = ['stage', 'tenantImportId', 'country'] as const;

/**
 * The transaction a mutator body sees: every write goes through unchanged, and the customers whose
 * rows were written (before and after the write: a line moved to another customer touches both)
 * are added to `touched`.
 */
export function watchingTx(tx: WriteTx, touched: Set<string>): WriteTx {
  const note = (table: TableName, row: unknown) => {
    const id = customerOf(table, row);
    if (id) touched.add(id);
  };
  const before = async (table: TableName, id: string) => {
    // A customer created now has no plan (deleting a customer deletes its plans, and a plan needs
    // its customer), so it has no summary: only a customer that existed is touched by a put.
    if (table === 'customers') {
      if (await tx.get('customers', id)) touched.add(id);
    } else if (watches(table)) note(table, await tx.get(table, id));
  };
  const watched: WriteTx = {
    get: (table, id) => tx.get(table, id),
    query: (table, field, value) => tx.query(table, field, value),
    all: (table) => tx.all(table),
    async put(table, row) {
      if (watches(table)) {
        await before(table, (row as { id: string }).id);
        if (table !== 'customers') note(table, row);
      }
      await tx.put(table, row);
    },
    async update(table, id, patch) {
      if (table === 'customers') {
        if (SUMMARY_CUSTOMER_FIELDS.some((f) => (patch as Record<string, unknown>)[f] !== undefined)) touched.add(id);
      } else if (watches(table)) {
        await before(table, id);
        note(table, patch);
      }
      await tx.update(table, id, patch);
    },
    async delete(table, id) {
      if (table === 'customers') touched.add(id);
      else if (watches(table)) await before(table, id);
      await tx.delete(table, id);
    },
  };
  if (tx.putMany) {
    const putMany = tx.putMany.bind(tx);
    watched.putMany = async <T extends TableName>(table: T, rows: Tables[T][]) => {
      if (table === 'customers') {
        for (const row of rows) await before(table, (row as { id: string }).id);
      } else if (watches(table)) {
        // A batch of imported rows is new rows of one import: their own customer is enough.
        for (const row of rows) note(table, row);
      }
      await putMany(table, rows);
    };
  }
  return watched;
}

/** The customer's summary as its rows in `tx` say now (undefined: the customer has no plan). */
export async function computeSummary(tx: Pick<WriteTx, 'get' | 'query'>, customerId: string): Promise<CustomerSummary | undefined> {
  const customer = await tx.get('customers', customerId);
  if (!customer) return undefined;
  const plans = await tx.query('plans', 'customerId', customerId);
  const plan = newestPlanOf(plans);
  if (!plan) return undefined;
  const importId = customer.tenantImportId;
  const [lines, skus, subscriptions, partner, state] = await Promise.all([
    tx.query('planLines', 'planId', plan.id),
    importId ? tx.query('tenantSkus', 'importId', importId) : Promise.resolve([]),
    importId ? tx.query('tenantSubscriptions', 'importId', importId) : Promise.resolve([]),
    tx.get('partner', 'partner'),
    tx.get('catalogState', 'catalog'),
  ]);
  const own = lines.filter((l) => l.customerId === customerId && l.planId === plan.id);
  const ownSkus = skus.filter((s) => s.customerId === customerId);
  const ownSubscriptions = subscriptions.filter((s) => s.customerId === customerId);
  const skuIds = summarySkuIds(own, importId && own.length > 0 ? [...ownSkus, ...ownSubscriptions] : []);
  const catalogImportId = state?.importId ?? null;
  const [rows, marks] = await Promise.all([
    catalogImportId ? Promise.all(skuIds.map((id) => tx.get('catalogSkus', `${catalogImportId}:${id}`))) : Promise.resolve([]),
    Promise.all(skuIds.map((id) => tx.get('catalogMarks', id))),
  ]);
  const facts = customerSummary({
    customer,
    plans,
    lines,
    skus: ownSkus,
    subscriptions: ownSubscriptions,
    partnerTenantId: partner?.partnerTenantId ?? '',
    catalog: {
      importId: catalogImportId,
      hasOffers: state?.hasOffers ?? false,
      rows: rows.filter((r) => r !== undefined),
      discontinued: new Set(marks.filter((m) => m?.discontinued).map((m) => m!.id)),
    },
  });
  if (!facts) return undefined;
  return { ...facts, id: customerId, stage: customer.stage };
}

/** Recomputes the summaries of these customers in `tx`; writes only the rows that changed. */
export async function refreshSummaries(tx: WriteTx, customerIds: Iterable<string>): Promise<void> {
  for (const id of customerIds) {
    const [next, stored] = await Promise.all([computeSummary(tx, id), tx.get('customerSummaries', id)]);
    if (!next) {
      if (stored) await tx.delete('customerSummaries', id);
      continue;
    }
    if (stored && sameValue(withoutVersion(stored), next)) continue;
    await tx.put('customerSummaries', next);
  }
}

function withoutVersion(row: object): object {
  if (!('_v' in row)) return row;
  const { _v: _ignored, ...rest } = row as Record<string, unknown>;
  return rest;
}

/** Deep equality of plain JSON values, whatever the key order (PostgreSQL's jsonb reorders keys). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
