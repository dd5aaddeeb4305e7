// One customer's migration as the engine sees it, for every screen about a customer (case file,
// offer matching, license check, exports): the stored inventory and catalog, the saved plan and its
// lines, and the engine's plan computed from them with the saved choices applied as overrides.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { TransferStatus } from '../../shared/domain/commerce';
import { openTransfersByKey } from '../../shared/domain/transfers';
import { matchOffer, planTenant, sourceLines, type Catalog, type FindingCode, type LineOverride, type TenantInventory, type TenantPlan } from '../../shared/domain/engine';
import { withDefaults, type Customer, type FindingAck, type PartnerProfile, type Plan, type PlanLine, type Transfer } from '../../shared/workspace/tables';
import type { OwnPlacement } from '../../shared/domain/ownSubscriptions';
import { tenantNamesOf, type TenantNames } from '../../shared/domain/format';
import { catalogNames, currentCatalog, engineInput, importedRows, inventoryOf, strip, toCatalog } from '../db/queries';
import { workspaceDb } from '../workspace/workspace';

/** Today as YYYY-MM-DD in the user's time zone: the date the timing rules are checked for. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The engine's line id for a saved plan line: the subscription id, or `sku:<skuId>` for a SKU without one. */
export function lineIdOf(line: Pick<PlanLine, 'sourceSubscriptionId' | 'sourceSkuId'>): string {
  return line.sourceSubscriptionId ?? `sku:${line.sourceSkuId}`;
}

export interface CustomerData {
  customer: Customer;
  inventory: TenantInventory;
  catalog: Catalog;
  partner: PartnerProfile | null;
  /** The customer's newest plan, if one was saved. */
  plan: Plan | null;
  planLines: PlanLine[];
  /** Each saved line's stored version (by row id): a draft remembers the one it was made from. */
  planLineVersions: Readonly<Record<string, number>>;
  /** Partner-to-partner transfers tracked for the customer. */
  transfers: Transfer[];
  /** Findings the team acknowledged on purpose. */
  findingAcks: FindingAck[];
  /** Where the partner's own subscriptions from Partner Center went (absent in data made before them). */
  ownPlacement?: OwnPlacement;
}

/** Everything stored about one customer that the engine needs (null: no such customer). */
export async function loadCustomerData(customerId: string): Promise<CustomerData | null> {
  const db = workspaceDb();
  const [input, rest] = await Promise.all([engineInput(db, customerId), loadCustomerRows(customerId)]);
  return input ? { ...input, ...rest } : null;
}

type CustomerRows = Pick<CustomerData, 'partner' | 'plan' | 'planLines' | 'planLineVersions' | 'transfers' | 'findingAcks'>;

/** The customer's small rows beside its own: the partner, the newest plan and its lines, transfers, acknowledged findings. */
async function loadCustomerRows(customerId: string): Promise<CustomerRows> {
  const db = workspaceDb();
  const [partner, plans, transfers, findingAcks] = await Promise.all([
    db.partner.get('partner'),
    db.plans.where('customerId').equals(customerId).toArray(),
    db.transfers.where('customerId').equals(customerId).toArray(),
    db.findingAcks.where('customerId').equals(customerId).toArray(),
  ]);
  // Plan ids are UUIDv7 (time ordered): the greatest is the newest.
  const plan = plans.sort((a, b) => (a.id < b.id ? 1 : -1))[0] ?? null;
  const planLines = plan ? await db.planLines.where('planId').equals(plan.id).toArray() : [];
  return {
    partner: partner ? strip(partner) : null,
    plan: plan ? strip(plan) : null,
    planLines: planLines.map(strip),
    planLineVersions: Object.fromEntries(planLines.map((l) => [l.id, l._v ?? 0])),
    transfers: transfers.map(strip),
    findingAcks: findingAcks.map(strip),
  };
}

/** The rows of one committed import and the catalog, with the engine's catalog prepared from them. */
async function loadImported(importId: string | null) {
  const db = workspaceDb();
  const [rows, catalogView] = await Promise.all([importedRows(db, importId), currentCatalog(db)]);
  return { importId, rows, catalog: toCatalog(catalogView), names: catalogNames(catalogView) };
}

/** The saved plan lines as the engine's overrides: target(s), quantity, term, dates (rows of older schemas read with their defaults). */
export function overridesOf(lines: readonly PlanLine[]): Record<string, LineOverride> {
  return Object.fromEntries(
    lines.map((row) => {
      const l = withDefaults('planLines', row);
      return [
        lineIdOf(l),
        {
          targetSkuId: l.targetSkuId,
          quantity: l.quantity,
          extraTargetSkuIds: l.extraTargetSkuIds,
          term: l.term,
          billingFrequency: l.billingFrequency,
          cancelAtTermEndScheduledOn: l.cancelAtTermEndScheduledOn,
          orderDate: l.orderDate,
        } satisfies LineOverride,
      ];
    }),
  );
}

/** The status of each line's open transfer (by subscription id: a transfer moves subscriptions). */
export function transferStatuses(transfers: readonly Transfer[]): Map<string, TransferStatus> {
  return new Map([...openTransfersByKey(transfers)].map(([lineId, t]) => [lineId, t.status]));
}

/**
 * The saved lines as overrides, except a saved target that is what the engine proposes anyway:
 * passed on, the engine would call the engine's own equivalent a 'different' choice and the
 * reopened plan would not be the one that was saved.
 */
export function effectiveOverrides(data: Pick<CustomerData, 'inventory' | 'catalog' | 'partner' | 'planLines'> & { transfers?: readonly Transfer[] }): Record<string, LineOverride> {
  const overrides = overridesOf(data.planLines);
  for (const [lineId, status] of transferStatuses(data.transfers ?? [])) overrides[lineId] = { ...overrides[lineId], transferStatus: status };
  const proposed = new Map(
    sourceLines(data.inventory, data.partner?.partnerTenantId ?? '').map((l) => [l.lineId, l.channel === 'own' ? l.skuId : matchOffer(l.skuId, data.catalog).targetSkuId]),
  );
  for (const [lineId, o] of Object.entries(overrides)) {
    if (o.targetSkuId && o.targetSkuId.trim().toLowerCase() === proposed.get(lineId)) overrides[lineId] = { ...o, targetSkuId: null };
  }
  return overrides;
}

/** What the engine's plan depends on: the plan is computed again only when one of these changes. */
interface PlanInputs {
  inventory: TenantInventory;
  catalog: Catalog;
  partner: PartnerProfile | null;
  planLines: PlanLine[];
  transfers: Transfer[];
  findingAcks: FindingAck[];
  billingAccount: ReturnType<typeof withDefaults<'customers'>>['billingAccount'];
  agreementAcceptedOn: string | null;
  asOf: string;
}

function planInputsOf(data: CustomerData, asOf: string): PlanInputs {
  const customer = withDefaults('customers', data.customer);
  return {
    inventory: data.inventory,
    catalog: data.catalog,
    partner: data.partner,
    planLines: data.planLines,
    transfers: data.transfers,
    findingAcks: data.findingAcks,
    billingAccount: customer.billingAccount,
    agreementAcceptedOn: customer.agreement?.acceptedOn ?? null,
    asOf,
  };
}

function planOf(input: PlanInputs): TenantPlan {
  return planTenant(input.inventory, input.catalog, {
    partnerTenantId: input.partner?.partnerTenantId ?? '',
    partnerCountry: input.partner?.country ?? '',
    asOf: input.asOf,
    targetOverrides: effectiveOverrides(input),
    billingAccount: input.billingAccount,
    agreementAcceptedOn: input.agreementAcceptedOn,
    acknowledged: input.findingAcks.map((a) => ({ lineKey: a.lineKey || null, code: a.code as FindingCode })),
  });
}

export function computePlan(data: CustomerData, asOf = data.plan?.asOf ?? today()): TenantPlan {
  return planOf(planInputsOf(data, asOf));
}

/** The tenants a case file can name: the partner's own and the customer's (any other is "another partner"). */
export function knownTenants(data: Pick<CustomerData, 'partner' | 'customer'>): TenantNames {
  return tenantNamesOf([
    [data.partner?.partnerTenantId, data.partner?.name],
    [data.customer.tenantId, data.customer.name],
  ]);
}

/**
 * The last answer while the input's key is the same values (Object.is, one by one; by default the
 * input's fields): a value derived from live query results, worked out again only when one of its
 * inputs changed.
 */
function lastAnswer<I extends object, R>(derive: (input: I) => R, keyOf: (input: I) => unknown[] = Object.values): (input: I) => R {
  let last: { key: unknown[]; result: R } | null = null;
  return (input) => {
    const key = keyOf(input);
    if (last && last.key.length === key.length && key.every((k, i) => Object.is(k, last!.key[i]))) return last.result;
    const result = derive(input);
    last = { key, result };
    return result;
  };
}

type Imported = Awaited<ReturnType<typeof loadImported>>;

/** One customer's data, derived step by step: each step is worked out again only when its own inputs changed. */
function customerDataSteps() {
  // The inventory reads only the customer's country and own subscriptions (compared by value: every
  // read of the row is a new object), not its name, notes or stage.
  const inventory = lastAnswer(
    ({ imported, customer }: { imported: Imported; customer: Customer }) => inventoryOf({ customer, ...imported.rows }, imported.names),
    ({ imported, customer }) => [imported, customer.country, JSON.stringify(customer.ownSubscriptions?.items ?? [])],
  );
  const data = lastAnswer(
    ({ customer, imported, rows, placed }: { customer: Customer; imported: Imported; rows: CustomerRows; placed: ReturnType<typeof inventoryOf> }): CustomerData => ({
      customer,
      inventory: placed.inventory,
      catalog: imported.catalog,
      ownPlacement: placed.placement,
      ...rows,
    }),
  );
  let last: CustomerData | undefined;
  return {
    of(customer: Customer, imported: Imported, rows: CustomerRows): CustomerData {
      const placed = inventory({ imported, customer });
      return (last = data({ customer, imported, rows, placed }));
    },
    /** The last whole answer (undefined: none yet). */
    last: () => last,
  };
}

/**
 * Live: re-reads when the workspace changes (an import, a saved choice, a pulled change). Three live
 * queries, so that a save re-reads only what it touched: the customer's row; the rows of its import
 * and the catalog (the large reads, keyed on the import the row names); its plan, transfers and
 * acknowledged findings. Until all three answer for the same customer and import, the last whole
 * answer stands (as one live query's last answer stood while it read again).
 */
export function useCustomerData(customerId: string | null): CustomerData | null | undefined {
  const row = useLiveQuery(async () => (customerId ? { customerId, customer: (await workspaceDb().customers.get(customerId)) ?? null } : null), [customerId]);
  // One object per read of the row, not per render: the steps below compare their inputs by identity.
  const customer = useMemo(() => (row?.customer ? strip(row.customer) : null), [row]);
  const importId = customer?.tenantImportId ?? null;
  const waiting = row === undefined;
  const imported = useLiveQuery(async () => (waiting ? undefined : loadImported(importId)), [waiting, importId]);
  const rows = useLiveQuery(async () => (customerId ? { customerId, ...(await loadCustomerRows(customerId)) } : null), [customerId]);
  const [steps] = useState(customerDataSteps);
  if (row === null) return null;
  if (row === undefined || row.customerId !== customerId) return steps.last();
  if (!customer) return null;
  if (!imported || imported.importId !== importId || !rows || rows.customerId !== customerId) return steps.last();
  return steps.of(customer, imported, rows);
}

/**
 * The customer's data and the engine's plan for it (undefined while loading, null: no such customer).
 * The plan has no words (findingText says its findings where they are shown): a language switch does
 * not plan again; nor does a save of the customer's name, notes or stage (not among its inputs).
 */
export function useCustomerPlan(customerId: string | null): { data: CustomerData; plan: TenantPlan } | null | undefined {
  const data = useCustomerData(customerId);
  const [steps] = useState(() => ({ plan: lastAnswer(planOf), pair: lastAnswer(({ data, plan }: { data: CustomerData; plan: TenantPlan }) => ({ data, plan })) }));
  if (!data) return data;
  return steps.pair({ data, plan: steps.plan(planInputsOf(data, data.plan?.asOf ?? today())) });
}
