// Per user and per license, the changes of a move, computed from Microsoft's real licensing
// CSV and a tenant moving Office 365 E5 users to Office 365 E3.
import { describe, expect, it } from 'vitest';
import { DEFENDER_P2, E3, E5, EXCHANGE_P2, GROUP, catalog, changes } from '../../test/support/licenseMove';
import { carryDisabledPlans, groupAssignments } from './licenseChanges';

describe('license changes', () => {
  it('lists only the users whose SKU gets another target, each change with its SKUs', () => {
    expect(changes(null)).toEqual([]);
    const users = changes();
    expect(users.map((u) => u.userPrincipalName)).toEqual(['alice@contoso.com', "o'brien@contoso.com", 'grace@contoso.com']);
    const alice = users[0]!;
    expect(alice.changes).toHaveLength(1);
    expect(alice.changes[0]).toMatchObject({ fromSkuId: E5, fromSkuPartNumber: 'ENTERPRISEPREMIUM', toSkuId: E3, toSkuPartNumber: 'ENTERPRISEPACK', direct: true, groups: [] });
    const lost = alice.changes[0]!.lostServicePlans.map((p) => p.servicePlanName);
    expect(lost).toContain('THREAT_INTELLIGENCE');
    expect(lost).toContain('MCOEV');
  });

  it('carries disabled plans over to the target: same id, the same service at its new tier, and drops what the target lacks', () => {
    const obrien = changes()[1]!.changes[0]!;
    const formsE3 = catalog.skus.get(E3)!.plans.find((p) => p.name === 'FORMS_PLAN_E3')!.id;
    expect(obrien.disabledPlansCarried).toEqual([EXCHANGE_P2, formsE3]);
    expect(obrien.disabledPlansDropped).toEqual([DEFENDER_P2]);
    // Defender P2 was off for this user: it is not something they lose.
    expect(obrien.lostServicePlans.map((p) => p.servicePlanId)).not.toContain(DEFENDER_P2);
    expect(carryDisabledPlans(catalog, E5, null, [EXCHANGE_P2])).toEqual({ carried: [], dropped: [EXCHANGE_P2] });
  });

  it('names the groups whose license must change instead', () => {
    const users = changes();
    expect(users[2]).toMatchObject({ viaGroup: true, groups: [GROUP] });
    expect(users[2]!.changes[0]!.direct).toBe(false);
    expect(groupAssignments(users)).toEqual([{ groupId: GROUP, skus: [{ fromSkuPartNumber: 'ENTERPRISEPREMIUM', toSkuPartNumber: 'ENTERPRISEPACK' }], users: 1 }]);
  });
});
