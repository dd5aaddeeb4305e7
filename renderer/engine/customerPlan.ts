// One customer's migration as the engine sees it, for every screen about a customer (case file,
// offer matching, license check, exports): the stored inventory and catalog, the saved plan and its
// lines, and the engine's plan computed from them with the saved choices applied as overrides.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { TransferStatus } from '../../shared/domain/commerce';
import { openTransfersByKey } from '../../shared/domain/transfers';
import { matchOffer, planTenant, sourceLines, type Catalog, type FindingCode, type LineOverride, type TenantInventory, type TenantPlan } from '../../shared/domain/engine';
import { withDefaults, type Customer, type FindingAck, type PartnerProfile, type Plan, type PlanLine, type Transfer } from '../../shared/workspace/tables';
import type { OwnPlacement } from '../../shared/domain/ownSubscriptions';
import { tenantNamesOf, type TenantNames } from '../../shared/domain/format';
import { engineInput, strip } from '../db/queries';
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
  const [input, partner, plans] = await Promise.all([engineInput(db, customerId), db.partner.get('partner'), db.plans.where('customerId').equals(customerId).toArray()]);
  if (!input) return null;
  // Plan ids are UUIDv7 (time ordered): the greatest is the newest.
  const plan = plans.sort((a, b) => (a.id < b.id ? 1 : -1))[0] ?? null;
  const planLines = plan ? await db.planLines.where('planId').equals(plan.id).toArray() : [];
  const [transfers, findingAcks] = await Promise.all([
    db.transfers.where('customerId').equals(customerId).toArray(),
    db.findingAcks.where('customerId').equals(customerId).toArray(),
  ]);
  return {
    ...input,
    partner: partner ? strip(partner) : null,
    plan: plan ? strip(plan) : null,
    planLines: planLines.map(strip),
    planLineVersions: Object.fromEntries(planLines.map((l) => [l.id, l._v ?? 0])),
    transfers: transfers.map(strip),
    findingAcks: findingAcks.map(strip),
  };
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

export function computePlan(data: CustomerData, asOf = data.plan?.asOf ?? today()): TenantPlan {
  return planTenant(data.inventory, data.catalog, {
    partnerTenantId: data.partner?.partnerTenantId ?? '',
    partnerCountry: data.partner?.country ?? '',
    asOf,
    targetOverrides: effectiveOverrides(data),
    billingAccount: withDefaults('customers', data.customer).billingAccount,
    agreementAcceptedOn: withDefaults('customers', data.customer).agreement?.acceptedOn ?? null,
    acknowledged: data.findingAcks.map((a) => ({ lineKey: a.lineKey || null, code: a.code as FindingCode })),
  });
}

/** The tenants a case file can name: the partner's own and the customer's (any other is "another partner"). */
export function knownTenants(data: Pick<CustomerData, 'partner' | 'customer'>): TenantNames {
  return tenantNamesOf([
    [data.partner?.partnerTenantId, data.partner?.name],
    [data.customer.tenantId, data.customer.name],
  ]);
}

/** Live: re-reads when the workspace changes (an import, a saved choice, a pulled change). */
export function useCustomerData(customerId: string | null): CustomerData | null | undefined {
  return useLiveQuery(() => (customerId ? loadCustomerData(customerId) : Promise.resolve(null)), [customerId]);
}

/**
 * The customer's data and the engine's plan for it (undefined while loading, null: no such customer).
 * The plan has no words (findingText says its findings where they are shown): a language switch does
 * not plan again.
 */
export function useCustomerPlan(customerId: string | null): { data: CustomerData; plan: TenantPlan } | null | undefined {
  const data = useCustomerData(customerId);
  return useMemo(() => (data ? { data, plan: computePlan(data) } : data), [data]);
}
