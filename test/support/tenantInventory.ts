// A customer tenant as its Graph exports describe it, for tests that import one: Office 365 E3
// (one subscribedSku and one directory subscription, bought directly) held by the users given.
import type { TenantInventory, TenantUser } from '../../shared/domain/tenant';

export const SKU_E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
/** A GUID numbered `n`: 00000000-0000-4000-8000-<n in hex>. */
export const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The E3 tenant of `users` (as many seats as users; subscription guid(900), Exchange plan guid(800)), in Japan unless `over` says otherwise. */
export function e3Inventory(users: TenantUser[], over: Partial<TenantInventory> = {}): TenantInventory {
  return {
    countryLetterCode: 'JP',
    ...over,
    skus: [
      {
        skuId: SKU_E3,
        skuPartNumber: 'ENTERPRISEPACK',
        capabilityStatus: 'Enabled',
        consumedUnits: users.length,
        prepaidUnits: { enabled: users.length, suspended: 0, warning: 0, lockedOut: 0 },
        subscriptionIds: [guid(900)],
        servicePlans: [{ servicePlanId: guid(800), servicePlanName: 'EXCHANGE_S_ENTERPRISE' }],
      },
    ],
    subscriptions: [
      {
        id: guid(900),
        skuId: SKU_E3,
        skuPartNumber: 'ENTERPRISEPACK',
        status: 'Enabled',
        totalLicenses: users.length,
        isTrial: false,
        ownerTenantId: null,
        ownerType: null,
        createdDateTime: '2025-04-01T00:00:00Z',
        nextLifecycleDateTime: '2027-04-01T00:00:00Z',
        commerceSubscriptionId: null,
      },
    ],
    users,
  };
}
