// Per user and per license, what the move changes: the engine's plan says which source SKUs get
// another target (TenantPlan.users, lines); the tenant inventory says how each user holds each
// license (disabled plans, group or direct). The exports and the wizard's table read these rows.
import { findSku, type Catalog } from './catalog';
import type { ServicePlanRef } from './matching';
import type { PlannedLine, TenantPlan } from './plan';
import type { TenantUser } from './tenant';

export interface LicenseChange {
  fromSkuId: string;
  fromSkuPartNumber: string;
  /** null: no target chosen or found yet (the seat step says so). */
  toSkuId: string | null;
  toSkuPartNumber: string;
  /** The user's disabled plans that exist on the target (same plan, or the same service at its new tier), as target plan ids. */
  disabledPlansCarried: string[];
  /** The user's disabled plans the target does not have: nothing to carry over. */
  disabledPlansDropped: string[];
  lostServicePlans: ServicePlanRef[];
  /** Groups that assign this license (group-based licensing). */
  groups: string[];
  /** Also (or only) assigned to the user directly: the script can change that assignment. */
  direct: boolean;
}

export interface UserLicenseChanges {
  userId: string;
  userPrincipalName: string;
  changes: LicenseChange[];
  /** Every service plan the user loses, once (the engine's list). */
  lostServicePlans: ServicePlanRef[];
  viaGroup: boolean;
  groups: string[];
}

/**
 * The target per source SKU, by the engine's rule (planTenant): the first line of the SKU that is
 * not already ours and kept as it is. SKUs whose decision is 'same' need no change.
 */
export function decisionsBySku(lines: readonly PlannedLine[]): Map<string, PlannedLine> {
  const out = new Map<string, PlannedLine>();
  for (const l of lines) {
    if (l.channel === 'own' && l.match.kind === 'same') continue;
    if (!out.has(l.sourceSkuId)) out.set(l.sourceSkuId, l);
  }
  for (const [skuId, l] of out) if (l.match.kind === 'same') out.delete(skuId);
  return out;
}

/** The user's disabled source plans, as the target's plan ids where the target has that service. */
export function carryDisabledPlans(catalog: Catalog, fromSkuId: string, toSkuId: string | null, disabled: readonly string[]): { carried: string[]; dropped: string[] } {
  const source = findSku(catalog, fromSkuId);
  const target = toSkuId ? findSku(catalog, toSkuId) : undefined;
  if (!target) return { carried: [], dropped: [...disabled] };
  const targetIds = new Set(target.plans.map((p) => p.id));
  const carried: string[] = [];
  const dropped: string[] = [];
  for (const id of disabled) {
    let mapped: string | undefined;
    if (targetIds.has(id)) mapped = id;
    else {
      // A tier change keeps the service under another id (FORMS_PLAN_E5 -> FORMS_PLAN_E3): switch that one off.
      const plan = source?.plans.find((p) => p.id === id);
      const same = plan ? target.familyPlan.get(plan.family) : undefined;
      mapped = same?.id;
    }
    if (mapped === undefined) dropped.push(id);
    else if (!carried.includes(mapped)) carried.push(mapped);
  }
  return { carried, dropped };
}

/** One entry per user the engine says must be reassigned, with each license change spelled out. */
export function userLicenseChanges(plan: TenantPlan, users: readonly TenantUser[], catalog: Catalog): UserLicenseChanges[] {
  const decisions = decisionsBySku(plan.lines);
  const byId = new Map(users.map((u) => [u.id, u]));
  return plan.users.map((r) => {
    const user = byId.get(r.userId);
    const changes: LicenseChange[] = [];
    for (const lic of user?.licenses ?? []) {
      const line = decisions.get(lic.skuId);
      if (!line) continue;
      const m = line.match;
      const toSkuId = m.targetSkuId;
      const { carried, dropped } = carryDisabledPlans(catalog, lic.skuId, toSkuId, lic.disabledPlans);
      changes.push({
        fromSkuId: lic.skuId,
        fromSkuPartNumber: line.sourceSkuPartNumber,
        toSkuId,
        toSkuPartNumber: m.targetSkuPartNumber ?? toSkuId ?? '',
        disabledPlansCarried: carried,
        disabledPlansDropped: dropped,
        lostServicePlans: lostFor(catalog, lic.skuId, toSkuId, lic.disabledPlans, m.lostServicePlans),
        groups: lic.assignedByGroups,
        direct: lic.direct || lic.assignedByGroups.length === 0,
      });
    }
    return { userId: r.userId, userPrincipalName: r.userPrincipalName, changes, lostServicePlans: r.lostServicePlans, viaGroup: r.viaGroup, groups: r.groups };
  });
}

function lostFor(catalog: Catalog, fromSkuId: string, toSkuId: string | null, disabled: readonly string[], lineLost: readonly ServicePlanRef[]): ServicePlanRef[] {
  if (disabled.length === 0 || !toSkuId || !findSku(catalog, toSkuId)) return [...lineLost];
  // A user cannot lose a service that was switched off for them.
  const off = new Set(disabled);
  return lineLost.filter((p) => !off.has(p.servicePlanId));
}

export interface GroupAssignment {
  groupId: string;
  /** Source SKUs the group assigns that change. */
  skus: { fromSkuPartNumber: string; toSkuPartNumber: string }[];
  users: number;
}

/** The groups whose license assignment must be changed instead of the users'. */
export function groupAssignments(users: readonly UserLicenseChanges[]): GroupAssignment[] {
  const byGroup = new Map<string, { skus: Map<string, { fromSkuPartNumber: string; toSkuPartNumber: string }>; users: Set<string> }>();
  for (const u of users) {
    for (const c of u.changes) {
      for (const g of c.groups) {
        let entry = byGroup.get(g);
        if (!entry) byGroup.set(g, (entry = { skus: new Map(), users: new Set() }));
        entry.skus.set(c.fromSkuId, { fromSkuPartNumber: c.fromSkuPartNumber, toSkuPartNumber: c.toSkuPartNumber });
        entry.users.add(u.userId);
      }
    }
  }
  return [...byGroup]
    .map(([groupId, e]) => ({ groupId, skus: [...e.skus.values()], users: e.users.size }))
    .sort((a, b) => b.users - a.users || a.groupId.localeCompare(b.groupId));
}
