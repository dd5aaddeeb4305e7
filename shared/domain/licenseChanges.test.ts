// Per user and per license, the changes of a move, computed from Microsoft's real licensing
// CSV and a tenant moving Office 365 E5 users to Office 365 E3.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planTenant, prepareCatalog, type TenantInventory } from './engine';
import { parseCatalogCsv } from '../import/catalogCsv';
import { carryDisabledPlans, groupAssignments, userLicenseChanges } from './licenseChanges';

const csvPath = resolve(import.meta.dirname, '../../../shared/fixtures/microsoft/Product names and service plan identifiers for licensing.csv');
const catalog = prepareCatalog(parseCatalogCsv(readFileSync(csvPath, 'utf8'), 'licensing.csv'));

const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const CRM = 'd17b27af-3f49-4822-99f9-56a661538792';
const EXCHANGE_P2 = 'efb87545-963c-4e0d-99df-69c6916d9eb0';
const FORMS_E5 = 'e212cbc7-0961-4c40-9825-01117710dcb1';
const DEFENDER_P2 = '8e0c0a52-6a6c-4d40-8370-dd62790dcd70';
const GROUP = '0b8a2e4c-1111-4c2a-9e1e-5e0a1e2d3c4b';

const inventory: TenantInventory = {
  countryLetterCode: 'JP',
  skus: [
    { skuId: E5, skuPartNumber: 'ENTERPRISEPREMIUM', capabilityStatus: 'Enabled', consumedUnits: 3, prepaidUnits: { enabled: 25, suspended: 0, warning: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [] },
    { skuId: CRM, skuPartNumber: 'CRMSTANDARD', capabilityStatus: 'Enabled', consumedUnits: 1, prepaidUnits: { enabled: 5, suspended: 0, warning: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [] },
  ],
  subscriptions: null,
  users: [
    { id: 'u-alice', userPrincipalName: 'alice@contoso.com', licenses: [{ skuId: E5, disabledPlans: [], assignedByGroups: [], direct: true }] },
    {
      id: 'u-obrien',
      userPrincipalName: "o'brien@contoso.com",
      licenses: [{ skuId: E5, disabledPlans: [EXCHANGE_P2, FORMS_E5, DEFENDER_P2], assignedByGroups: [], direct: true }],
    },
    { id: 'u-group', userPrincipalName: 'grace@contoso.com', licenses: [{ skuId: E5, disabledPlans: [], assignedByGroups: [GROUP], direct: false }] },
    { id: 'u-crm', userPrincipalName: 'carl@contoso.com', licenses: [{ skuId: CRM, disabledPlans: [], assignedByGroups: [], direct: true }] },
  ],
};

function changes(targetSkuId: string | null = E3) {
  const plan = planTenant(inventory, catalog, {
    partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
    partnerCountry: 'JP',
    asOf: '2026-01-10',
    targetOverrides: targetSkuId ? { [`sku:${E5}`]: { targetSkuId } } : {},
  });
  return userLicenseChanges(plan, inventory.users, catalog);
}

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
