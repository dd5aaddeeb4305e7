// The users step's filters, pure so that 50,000 users filter in one pass per keystroke.
import type { UserLicenseChanges } from '../../../shared/domain/licenseChanges';

export interface UserFilter {
  /** Source SKU id, or '' for every SKU. */
  skuId: string;
  losesSomething: boolean;
  groupBased: boolean;
  /** Part of a UPN or user id, any case. */
  search: string;
}

export const NO_FILTER: UserFilter = { skuId: '', losesSomething: false, groupBased: false, search: '' };

export function filterUsers(users: readonly UserLicenseChanges[], f: UserFilter): readonly UserLicenseChanges[] {
  const q = f.search.trim().toLowerCase();
  if (!f.skuId && !f.losesSomething && !f.groupBased && !q) return users;
  return users.filter(
    (u) =>
      (!f.skuId || u.changes.some((c) => c.fromSkuId === f.skuId)) &&
      (!f.losesSomething || u.lostServicePlans.length > 0) &&
      (!f.groupBased || u.viaGroup) &&
      (!q || u.userPrincipalName.toLowerCase().includes(q) || u.userId.includes(q)),
  );
}

/** The source SKUs present among the users, for the SKU filter. */
export function sourceSkus(users: readonly UserLicenseChanges[]): { skuId: string; partNumber: string; users: number }[] {
  const bySku = new Map<string, { skuId: string; partNumber: string; users: number }>();
  for (const u of users) {
    for (const c of u.changes) {
      const e = bySku.get(c.fromSkuId);
      if (e) e.users++;
      else bySku.set(c.fromSkuId, { skuId: c.fromSkuId, partNumber: c.fromSkuPartNumber, users: 1 });
    }
  }
  return [...bySku.values()].sort((a, b) => a.partNumber.localeCompare(b.partNumber));
}
