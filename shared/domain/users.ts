// Per user: no reassignment when the SKU stays the same; otherwise from -> to, the services the
// user loses (their disabled plans left out), and whether the license came from a group (then the
// group's license assignment is what must change).
import type { Catalog } from './catalog';
import { findSku } from './catalog';
import type { OfferMatch, ServicePlanRef } from './matching';
import type { TenantUser } from './tenant';

/** What happens to one source SKU (absent: nothing to do, e.g. already our CSP). */
export interface SkuDecision {
  match: OfferMatch;
  /** The part number shown for the source (from the catalog, else from Graph). */
  sourceSkuPartNumber: string;
}
/** The decision per source SKU id (a Map, or a tenant's own lookup). */
export interface SkuDecisions {
  get(skuId: string): SkuDecision | undefined;
}

export interface UserReassignment {
  userPrincipalName: string;
  userId: string;
  /** Source SKU part numbers that must be replaced. */
  from: string[];
  /** Target SKU part numbers, in the same order ("" when there is no target). */
  to: string[];
  /**
   * Every SKU the user gets for each source, in the same order: the target and, for a pair (a
   * no-Teams suite plus Microsoft Teams), the further SKUs; [] when there is no target.
   */
  toAll: string[][];
  lostServicePlans: ServicePlanRef[];
  /** Some of these licenses come from group-based assignment. */
  viaGroup: boolean;
  groups: string[];
}

/** The part number of a further SKU of a pair. */
function partNumberOf(t: { readonly skuPartNumber: string }): string {
  return t.skuPartNumber;
}

// The lists of a user's reassignment are made at their size where they can be (most users have one
// SKU to replace): 10,000 tenants have tens of thousands of such users.
export function userReassignments(users: readonly TenantUser[], decisions: SkuDecisions, catalog: Catalog): UserReassignment[] {
  const out: UserReassignment[] = [];
  for (let ui = 0; ui < users.length; ui++) {
    const u = users[ui]!;
    let r: UserReassignment | null = null;
    const licenses = u.licenses;
    for (let li = 0; li < licenses.length; li++) {
      const lic = licenses[li]!;
      const d = decisions.get(lic.skuId);
      if (!d || d.match.kind === 'same') continue;
      const m = d.match;
      const main = m.targetSkuPartNumber ?? m.targetSkuId ?? '';
      const extras = m.extraTargets;
      const all = main ? (extras && extras.length > 0 ? [main, ...extras.map(partNumberOf)] : [main]) : [];
      if (r === null) {
        r = { userPrincipalName: u.userPrincipalName, userId: u.id, from: [d.sourceSkuPartNumber], to: [main], toAll: [all], lostServicePlans: [], viaGroup: false, groups: [] };
      } else {
        r.from.push(d.sourceSkuPartNumber);
        r.to.push(main);
        r.toAll.push(all);
      }
      if (lic.assignedByGroups.length > 0) {
        r.viaGroup = true;
        for (const g of lic.assignedByGroups) if (!r.groups.includes(g)) r.groups.push(g);
      }
      // The match's lost plans, less the ones this user has switched off: whether a source plan is
      // lost depends on that plan and the target only (matching.compareServices), so comparing the
      // SKUs again per user (and bundling a pair again) would find the same list minus those.
      const disabled = lic.disabledPlans;
      const lost: readonly ServicePlanRef[] = disabled.length === 0 ? m.lostServicePlans : m.lostServicePlans.filter((p) => !disabled.includes(p.servicePlanId));
      if (lost.length === 0) continue;
      // Services lost are known only when both SKUs are in the catalog; without a target ('none')
      // or with one the catalog lacks, the line's findings say that a target must be chosen.
      const source = findSku(catalog, lic.skuId);
      const target = m.targetSkuId ? findSku(catalog, m.targetSkuId) : undefined;
      if (!source || !target) continue;
      // The user's first lost plans: the list itself (a copy of its size) when no plan id is in it
      // twice, as in every list of a source SKU without a plan listed twice.
      if (r.lostServicePlans.length === 0 && source.planIds.size === source.plans.length) r.lostServicePlans = lost === m.lostServicePlans ? lost.slice() : (lost as ServicePlanRef[]);
      else for (const p of lost) if (!r.lostServicePlans.some((x) => x.servicePlanId === p.servicePlanId)) r.lostServicePlans.push(p);
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
