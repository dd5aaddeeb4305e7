// Per user: no reassignment when the SKU stays the same; otherwise from -> to, the services the
// user loses (their disabled plans left out), and whether the license came from a group (then the
// group's license assignment is what must change).
import type { Catalog } from './catalog';
import { findSku } from './catalog';
import type { OfferMatch, ServicePlanRef } from './matching';
import { compareServices, planRef } from './matching';
import type { TenantUser } from './tenant';

/** What happens to one source SKU: its match (null: nothing to do, e.g. already our CSP). */
export type SkuDecisions = ReadonlyMap<string, OfferMatch>;

export interface UserReassignment {
  userPrincipalName: string;
  userId: string;
  /** Source SKU part numbers that must be replaced. */
  from: string[];
  /** Target SKU part numbers, in the same order ("" when there is no target). */
  to: string[];
  lostServicePlans: ServicePlanRef[];
  /** Some of these licenses come from group-based assignment. */
  viaGroup: boolean;
  groups: string[];
}

export function userReassignments(users: readonly TenantUser[], decisions: SkuDecisions, catalog: Catalog): UserReassignment[] {
  const out: UserReassignment[] = [];
  for (const u of users) {
    let r: UserReassignment | null = null;
    for (const lic of u.licenses) {
      const m = decisions.get(lic.skuId);
      if (!m || m.kind === 'same') continue;
      const source = findSku(catalog, lic.skuId);
      r ??= { userPrincipalName: u.userPrincipalName, userId: u.id, from: [], to: [], lostServicePlans: [], viaGroup: false, groups: [] };
      r.from.push(source?.partNumber ?? lic.skuId);
      r.to.push(m.targetSkuPartNumber ?? m.targetSkuId ?? '');
      if (lic.assignedByGroups.length > 0) {
        r.viaGroup = true;
        for (const g of lic.assignedByGroups) if (!r.groups.includes(g)) r.groups.push(g);
      }
      const target = m.targetSkuId ? findSku(catalog, m.targetSkuId) : undefined;
      if (!source) continue;
      let lost: readonly ServicePlanRef[];
      if (!target) {
        const disabled = new Set(lic.disabledPlans);
        lost = source.plans.filter((p) => !disabled.has(p.id) && !p.retired).map(planRef);
      } else if (lic.disabledPlans.length === 0) {
        lost = m.lostServicePlans; // the line's comparison, shared
      } else {
        lost = compareServices(source, target, new Set(lic.disabledPlans)).lost.map(planRef);
      }
      for (const p of lost) if (!r.lostServicePlans.some((x) => x.servicePlanId === p.servicePlanId)) r.lostServicePlans.push(p);
    }
    if (r) out.push(r);
  }
  return out;
}

/** Users holding each SKU. */
export function holdersBySku(users: readonly TenantUser[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const u of users) for (const l of u.licenses) n.set(l.skuId, (n.get(l.skuId) ?? 0) + 1);
  return n;
}
