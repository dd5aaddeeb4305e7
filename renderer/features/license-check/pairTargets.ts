// A Teams pair (DOMAIN.md rule 6) replaces one license with two: the engine's line says so in its
// match (extraTargets) and each user's reassignment in toAll. The license changes the wizard lists
// name only the main target, so the exports add the further SKUs of the pair here, from the same
// line that gave the change its target, with the user's switched-off services carried to them too.
import type { Catalog } from '../../../shared/domain/catalog';
import type { TenantPlan } from '../../../shared/domain/engine';
import { carryDisabledPlans, decisionsBySku, type LicenseChange, type UserLicenseChanges } from '../../../shared/domain/licenseChanges';
import { productWithPartNumber, type ProductNames } from '../../../shared/domain/format';
import type { TenantUser } from '../../../shared/domain/tenant';

/** A further SKU of a pair the user gets beside the main target. */
export interface PairTarget {
  skuId: string;
  skuPartNumber: string;
  /** The user's disabled source plans that exist on this SKU, as its plan ids. */
  disabledPlansCarried: string[];
}

export interface ExportLicenseChange extends LicenseChange {
  /** The further SKUs of a pair (absent or empty: a single target). */
  alsoTo?: readonly PairTarget[];
}

export interface ExportUserChanges extends Omit<UserLicenseChanges, 'changes'> {
  changes: ExportLicenseChange[];
}

/** Every SKU a change assigns: the main target, then the pair's further SKUs ([] without a target). */
export function targetsOf(c: ExportLicenseChange): { skuId: string; skuPartNumber: string; disabledPlansCarried: string[] }[] {
  if (!c.toSkuId) return [];
  return [{ skuId: c.toSkuId, skuPartNumber: c.toSkuPartNumber, disabledPlansCarried: c.disabledPlansCarried }, ...(c.alsoTo ?? [])];
}

/** The pair as the exports name it, "A + B"; '' for a single target. */
export function pairName(c: ExportLicenseChange): string {
  const all = targetsOf(c);
  return all.length > 1 ? all.map((t) => t.skuPartNumber).join(' + ') : '';
}

/** The pair as people read it in the script: "Office 365 E3 (no Teams) (Office_365_E3_(no_Teams)) + …"; '' for a single target. */
export function pairLabel(names: ProductNames | null, c: ExportLicenseChange): string {
  const all = targetsOf(c);
  return all.length > 1 ? all.map((t) => productWithPartNumber(names, { skuId: t.skuId, partNumber: t.skuPartNumber })).join(' + ') : '';
}

/** The license changes with each pair's further SKUs added to the change that has that pair as target. */
export function withPairTargets(changes: readonly UserLicenseChanges[], plan: TenantPlan, users: readonly TenantUser[], catalog: Catalog): ExportUserChanges[] {
  const decisions = decisionsBySku(plan.lines);
  const byId = new Map(users.map((u) => [u.id, u]));
  return changes.map((u) => ({
    ...u,
    changes: u.changes.map((c): ExportLicenseChange => {
      const extras = c.toSkuId ? (decisions.get(c.fromSkuId)?.match.extraTargets ?? []) : [];
      if (extras.length === 0) return c;
      const disabled = byId.get(u.userId)?.licenses.find((l) => l.skuId === c.fromSkuId)?.disabledPlans ?? [];
      return {
        ...c,
        alsoTo: extras.map((e) => ({ skuId: e.skuId, skuPartNumber: e.skuPartNumber, disabledPlansCarried: carryDisabledPlans(catalog, c.fromSkuId, e.skuId, disabled).carried })),
      };
    }),
  }));
}
