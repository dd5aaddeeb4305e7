// The partner's own subscriptions (Partner Center) over the tenant's inventory, with Microsoft's
// real licensing catalog: the plan keeps them instead of moving them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../import/catalogCsv';
import { prepareCatalog } from './catalog';
import { withOwnSubscriptions, type OwnSubscriptionLike } from './ownSubscriptions';
import { planTenant, sourceLines } from './plan';
import type { TenantInventory, TenantSubscription } from './tenant';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const data = parseCatalogCsv(readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8'), 'licensing.csv');
const catalog = prepareCatalog(data);
const names = data.skus.map((s) => ({ id: s.id, name: s.name, partNumber: s.partNumber }));
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const PARTNER = '11111111-2222-3333-4444-555555555555';
const OTHER = '99999999-8888-7777-6666-555555555555';
const S1 = 'a356ac8c-e310-44f4-bf85-c7f29044af99';
const S2 = '83ef9d05-4169-4ef9-9657-0e86b1eab1de';

const sub = (id: string, extra: Partial<TenantSubscription> = {}): TenantSubscription => ({
  id,
  skuId: E3,
  skuPartNumber: 'ENTERPRISEPACK',
  status: 'Enabled',
  totalLicenses: 10,
  isTrial: false,
  ownerTenantId: OTHER,
  ownerType: 'Company',
  createdDateTime: null,
  nextLifecycleDateTime: '2027-01-31T00:00:00Z',
  commerceSubscriptionId: null,
  ...extra,
});
const own = (id: string, name = 'Office 365 E3', extra: Partial<OwnSubscriptionLike> = {}): OwnSubscriptionLike => ({ id, name, quantity: 5, status: 'Active', commitmentEndDate: null, ...extra });
const inv = (subscriptions: TenantSubscription[] | null): TenantInventory => ({ countryLetterCode: 'US', skus: [], subscriptions, users: [] });

describe('own subscriptions from Partner Center', () => {
  it('make a tenant subscription ours (by id or commerce subscription id): the plan keeps it, buys nothing for it', () => {
    const tenant = inv([sub(S1), sub('00000000-0000-4000-8000-000000000001', { commerceSubscriptionId: S2.toUpperCase() }), sub('00000000-0000-4000-8000-000000000002')]);
    const { inventory, placement } = withOwnSubscriptions(tenant, [own(S1.toUpperCase()), own(S2)], names);
    expect(placement).toEqual({ inTenant: [S1, S2], added: [], notPlaced: [] });
    expect(sourceLines(inventory, PARTNER).map((l) => l.channel)).toEqual(['own', 'own', 'other-partner']);
    const plan = planTenant(inventory, catalog, { partnerTenantId: PARTNER, partnerCountry: 'US', asOf: '2026-12-05' });
    expect(plan.lines.map((l) => [l.action, l.orders.length])).toEqual([
      ['keep', 0],
      ['keep', 0],
      ['rebuy', 1],
    ]);
    // Without the Partner Center list the same tenant is three lines to move.
    expect(sourceLines(tenant, PARTNER).every((l) => l.channel === 'other-partner')).toBe(true);
  });

  it('add a subscription the tenant import lacks as an own line when its product names one catalog SKU; list the others', () => {
    const { inventory, placement } = withOwnSubscriptions(inv([]), [own(S1, 'Office 365 E3', { status: 'active', commitmentEndDate: '2027-03-01T00:00:00Z' }), own(S2, 'A product nobody sells')], names);
    expect(placement).toEqual({ inTenant: [], added: [S1], notPlaced: [S2] });
    expect(inventory.subscriptions).toEqual([
      expect.objectContaining({ id: S1, skuId: E3, skuPartNumber: 'ENTERPRISEPACK', status: 'Enabled', totalLicenses: 5, nextLifecycleDateTime: '2027-03-01T00:00:00Z' }),
    ]);
    expect(sourceLines(inventory, PARTNER)[0]).toMatchObject({ lineId: S1, channel: 'own', quantity: 5 });
  });

  it('never counts seats twice when the import has only SKUs (no subscriptions export)', () => {
    const skuOnly: TenantInventory = {
      countryLetterCode: 'US',
      skus: [{ skuId: E3, skuPartNumber: 'ENTERPRISEPACK', capabilityStatus: 'Enabled', consumedUnits: 8, prepaidUnits: { enabled: 10, suspended: 0, warning: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [] }],
      subscriptions: null,
      users: [],
    };
    const { inventory, placement } = withOwnSubscriptions(skuOnly, [own(S1)], names);
    expect(placement.notPlaced).toEqual([S1]);
    expect(inventory.subscriptions).toBeNull();
    expect(sourceLines(inventory, PARTNER).map((l) => [l.lineId, l.quantity])).toEqual([[`sku:${E3}`, 10]]);
  });
});
