import { describe, expect, it } from 'vitest';
import type { LicenseChange, UserLicenseChanges } from '../../../shared/domain/licenseChanges';
import { exportFileNames, fileSlug } from '../../output/fileNames';
import { productNamesOf } from '../../../shared/domain/format';
import { planCall } from './reassignmentScript';
import { NO_FILTER, filterUsers, sourceSkus } from './userFilters';

const change = (over: Partial<LicenseChange> = {}): LicenseChange => ({
  fromSkuId: 'sku-a',
  fromSkuPartNumber: 'A',
  toSkuId: 'sku-t',
  toSkuPartNumber: 'T',
  disabledPlansCarried: [],
  disabledPlansDropped: [],
  lostServicePlans: [],
  groups: [],
  direct: true,
  ...over,
});

function user(i: number, over: Partial<UserLicenseChanges> = {}): UserLicenseChanges {
  return { userId: `id-${i}`, userPrincipalName: `User${i}@Contoso.com`, changes: [change()], lostServicePlans: [], viaGroup: false, groups: [], ...over };
}

describe('user filters', () => {
  const lost = [{ servicePlanId: 'p', servicePlanName: 'MCOEV', friendlyName: 'Phone System' }];
  const users = [
    user(1),
    user(2, { lostServicePlans: lost }),
    user(3, { viaGroup: true, groups: ['g'], changes: [change({ fromSkuId: 'sku-b', fromSkuPartNumber: 'B', groups: ['g'], direct: false })] }),
  ];

  it('returns the same list when nothing filters', () => {
    expect(filterUsers(users, NO_FILTER)).toBe(users);
  });

  it('filters by SKU, by losing something, by group and by UPN or id in any case', () => {
    expect(filterUsers(users, { ...NO_FILTER, skuId: 'sku-b' }).map((u) => u.userId)).toEqual(['id-3']);
    expect(filterUsers(users, { ...NO_FILTER, losesSomething: true }).map((u) => u.userId)).toEqual(['id-2']);
    expect(filterUsers(users, { ...NO_FILTER, groupBased: true }).map((u) => u.userId)).toEqual(['id-3']);
    expect(filterUsers(users, { ...NO_FILTER, search: '  user2@contoso ' }).map((u) => u.userId)).toEqual(['id-2']);
    expect(filterUsers(users, { ...NO_FILTER, search: 'id-1' }).map((u) => u.userId)).toEqual(['id-1']);
    expect(filterUsers(users, { ...NO_FILTER, skuId: 'sku-a', groupBased: true })).toEqual([]);
  });

  it('lists the source SKUs with their number of users', () => {
    expect(sourceSkus(users)).toEqual([
      { skuId: 'sku-a', partNumber: 'A', users: 2 },
      { skuId: 'sku-b', partNumber: 'B', users: 1 },
    ]);
  });

  it('filters 50,000 users quickly enough to run on every keystroke', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => user(i, i % 7 === 0 ? { lostServicePlans: lost } : {}));
    const start = performance.now();
    const found = filterUsers(many, { ...NO_FILTER, losesSomething: true, search: 'user4999' });
    const ms = performance.now() - start;
    expect(found.map((u) => u.userId)).toEqual(['id-49994']);
    expect(ms).toBeLessThan(200);
  });
});

describe('one user in the script', () => {
  it('merges two old SKUs moving to one new SKU: a plan stays off only if both had it off', () => {
    const call = planCall(
      user(1, {
        changes: [
          change({ fromSkuId: 'a', fromSkuPartNumber: 'A', disabledPlansCarried: ['p1', 'p2'] }),
          change({ fromSkuId: 'b', fromSkuPartNumber: 'B', disabledPlansCarried: ['p2'] }),
        ],
      }),
      null,
    );
    expect(call.add).toEqual([{ skuId: 'sku-t', disabledPlans: ['p2'] }]);
    expect(call.remove).toEqual(['a', 'b']);
    expect(call.description).toBe('A -> T, B -> T');
  });

  it('names the products as people know them, the part number beside; an unknown one by its part number', () => {
    const names = productNamesOf([{ skuId: 'sku-a', partNumber: 'A', name: 'Alpha Suite' }]);
    const call = planCall(user(1, { changes: [change({ groups: ['g1'] })] }), names);
    expect(call.description).toBe('Alpha Suite (A) -> T');
    expect(call.notes).toEqual(["Alpha Suite (A): also assigned through group g1; change the group's license too, or the user keeps Alpha Suite (A)."]);
  });

  it('changes a direct assignment also given by a group, and says the group must change too; leaves a SKU without a target', () => {
    const call = planCall(user(1, { changes: [change({ groups: ['g1'], direct: true }), change({ fromSkuId: 'c', fromSkuPartNumber: 'C', toSkuId: null, toSkuPartNumber: '' })] }), null);
    expect(call.add).toEqual([{ skuId: 'sku-t', disabledPlans: [] }]);
    expect(call.remove).toEqual(['sku-a']);
    expect(call.notes).toEqual([
      "A: also assigned through group g1; change the group's license too, or the user keeps A.",
      'C: no target offer chosen yet, left as it is.',
    ]);
  });
});

describe('file names', () => {
  it('keep the customer name readable in any script, without path or reserved characters', () => {
    expect(exportFileNames('Contoso Japan', '2026-01-10')).toEqual({ csv: 'license-changes-Contoso-Japan-2026-01-10.csv', script: 'reassign-licenses-Contoso-Japan-2026-01-10.ps1' });
    expect(fileSlug('株式会社コントソ')).toBe('株式会社コントソ');
    expect(fileSlug('../A/B:C*?"<>|')).toBe('A-B-C');
    expect(fileSlug('***')).toBe('customer');
  });
});
