// One tenant's move computed from Microsoft's real licensing CSV: Office 365 E5 users (one with
// plans disabled, one licensed by a group) and a Dynamics user, moving E5 to Office 365 E3. The
// license changes' tests and their exports' tests read the same move.
import { planTenant, prepareCatalog, type TenantInventory } from '../../shared/domain/engine';
import { userLicenseChanges } from '../../shared/domain/licenseChanges';
import { parseCatalogCsv } from '../../shared/import/catalogCsv';
import { readFixture } from './fixtures';
import { CRM, DEFENDER_P2, E3, E5, EXCHANGE_P2, FORMS_E5, GROUP } from './licenseIds';

export const catalog = prepareCatalog(parseCatalogCsv(readFixture('microsoft/Product names and service plan identifiers for licensing.csv'), 'licensing.csv'));

export { CRM, DEFENDER_P2, E3, E5, EXCHANGE_P2, FORMS_E5, GROUP };

export const inventory: TenantInventory = {
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

/** The move's license changes, E5 users to `targetSkuId` (none: the plan's own target). */
export function changes(targetSkuId: string | null = E3) {
  const plan = planTenant(inventory, catalog, {
    partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
    partnerCountry: 'JP',
    asOf: '2026-01-10',
    targetOverrides: targetSkuId ? { [`sku:${E5}`]: { targetSkuId } } : {},
  });
  return userLicenseChanges(plan, inventory.users, catalog);
}
