// The real licensing CSV and tenant shapes for the engine's tests: the catalog as Microsoft ships
// it (from ../shared/fixtures), and Graph-shaped subscriptions and users built on it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CatalogData, type PreparedSku, prepareCatalog } from '../../shared/domain/catalog';
import type { TenantInventory, TenantSubscription, TenantUser } from '../../shared/domain/tenant';
import { parseCatalogCsv } from '../../shared/import/catalogCsv';

export const fixturesDir = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
export const LICENSING_CSV = path.join(fixturesDir, 'microsoft/Product names and service plan identifiers for licensing.csv');

let cached: CatalogData | null = null;
/** The licensing CSV, parsed once per test file. */
export function licensingData(): CatalogData {
  cached ??= parseCatalogCsv(readFileSync(LICENSING_CSV, 'utf8'), 'licensing.csv');
  return cached;
}

const full = () => prepareCatalog(licensingData());
let fullCatalog: ReturnType<typeof full> | null = null;
/** A catalog SKU by part number (any case). */
export function skuOf(partNumber: string): PreparedSku {
  fullCatalog ??= full();
  const s = fullCatalog.byPartNumber.get(partNumber.toUpperCase());
  if (!s) throw new Error(`${partNumber} is not in the licensing CSV`);
  return s;
}

export const PARTNER = '11111111-2222-3333-4444-555555555555';
export const OTHER_PARTNER = '99999999-8888-7777-6666-555555555555';

/** A Graph companySubscription of `partNumber`; bought directly unless `ownerTenantId` says otherwise. */
export function subscription(id: string, partNumber: string, extra: Partial<TenantSubscription> = {}): TenantSubscription {
  return {
    id,
    skuId: skuOf(partNumber).id,
    skuPartNumber: partNumber,
    status: 'Enabled',
    totalLicenses: 10,
    isTrial: false,
    ownerTenantId: null,
    ownerType: null,
    createdDateTime: '2024-01-01T00:00:00Z',
    nextLifecycleDateTime: '2025-01-31T00:00:00Z',
    commerceSubscriptionId: null,
    ...extra,
  };
}

/** A user holding the given SKUs directly. */
export function userWith(id: string, ...partNumbers: string[]): TenantUser {
  return { id, userPrincipalName: `${id}@contoso.de`, licenses: partNumbers.map((pn) => ({ skuId: skuOf(pn).id, disabledPlans: [], assignedByGroups: [], direct: true })) };
}

/** A tenant of these subscriptions and users, in `country`. */
export function tenantOf(subscriptions: TenantSubscription[], users: TenantUser[] = [], country = 'DE'): TenantInventory {
  return { countryLetterCode: country, skus: [], subscriptions, users };
}
