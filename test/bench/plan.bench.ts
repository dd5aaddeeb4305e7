// plan.10k-tenants: 10,000 synthetic tenants of 20 subscriptions each (with users), built from real
// catalog SKUs with a fixed seed, planned against the full licensing catalog. The catalog is
// prepared before the clock starts, as the app does; its memo of equivalent proposals starts empty,
// so the timed part includes every equivalent search. Budget: 1 s on one core.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareCatalog } from '../../shared/domain/catalog';
import type { CatalogData } from '../../shared/domain/catalog';
import { planTenant } from '../../shared/domain/plan';
import type { LineOverride } from '../../shared/domain/plan';
import type { TenantInventory, TenantSubscription, TenantUser } from '../../shared/domain/tenant';
import { parseCatalogCsv } from '../../shared/import/catalogCsv';
import { mulberry32 } from './prng';
import { budgetOf } from './budgets';
import type { BenchResult } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
const CSV = path.resolve(here, '../..', '../shared/fixtures/microsoft/Product names and service plan identifiers for licensing.csv');

export const TENANTS = 10_000;
export const SUBSCRIPTIONS_PER_TENANT = 20;
export const USERS_PER_TENANT = 12;
const PARTNER = '11111111-2222-3333-4444-555555555555';
const OTHER_PARTNER = '99999999-8888-7777-6666-555555555555';
const COUNTRIES = ['DE', 'FR', 'JP', 'US', 'GB', 'AT'];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);
const guid = (a: number, b: number) => `${hex(a, 8)}-0000-4000-8000-${hex(b, 12)}`;

/** Synthetic tenants from real SKUs; ~10% of the SKUs are marked discontinued to force equivalents. */
export function buildWorkload(data: CatalogData, seed = 42) {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const skus = data.skus.filter((s) => s.servicePlans.length > 0);
  const discontinued = skus.filter(() => rnd() < 0.1).map((s) => s.id);
  const tenants: TenantInventory[] = [];
  // About 5% of the lines carry a user's choice (another target SKU and a quantity).
  const overrides: Record<string, LineOverride>[] = [];
  for (let t = 0; t < TENANTS; t++) {
    const chosen: Record<string, LineOverride> = {};
    const subscriptions: TenantSubscription[] = [];
    for (let i = 0; i < SUBSCRIPTIONS_PER_TENANT; i++) {
      const sku = pick(skus);
      const owner = rnd();
      const month = 1 + Math.floor(rnd() * 12);
      subscriptions.push({
        id: guid(t, i),
        skuId: sku.id,
        skuPartNumber: sku.partNumber,
        status: rnd() < 0.9 ? 'Enabled' : 'Warning',
        totalLicenses: 1 + Math.floor(rnd() * 50),
        isTrial: rnd() < 0.05,
        ownerTenantId: owner < 0.4 ? null : owner < 0.9 ? OTHER_PARTNER : PARTNER,
        ownerType: owner < 0.4 ? null : 'Company',
        createdDateTime: '2024-01-01T00:00:00Z',
        nextLifecycleDateTime: `2025-${String(month).padStart(2, '0')}-15T00:00:00Z`,
        commerceSubscriptionId: null,
      });
      if (rnd() < 0.05) chosen[guid(t, i)] = { targetSkuId: pick(skus).id, quantity: 1 + Math.floor(rnd() * 50) };
    }
    overrides.push(chosen);
    const users: TenantUser[] = [];
    for (let u = 0; u < USERS_PER_TENANT; u++) {
      const held = [pick(subscriptions), pick(subscriptions)];
      users.push({
        id: guid(t, 1000 + u),
        userPrincipalName: `user${u}@tenant${t}.example`,
        licenses: [...new Set(held.map((s) => s.skuId))].map((skuId) => ({
          skuId,
          disabledPlans: rnd() < 0.2 ? [data.skus.find((s) => s.id === skuId)!.servicePlans[0]!.id] : [],
          assignedByGroups: rnd() < 0.3 ? ['group-1'] : [],
          direct: true,
        })),
      });
    }
    tenants.push({ countryLetterCode: pick(COUNTRIES), skus: [], subscriptions, users });
  }
  return { tenants, discontinued, overrides };
}

function planAll(w: ReturnType<typeof buildWorkload>, catalog: ReturnType<typeof prepareCatalog>): number {
  let lines = 0;
  for (let t = 0; t < w.tenants.length; t++) {
    const options = { partnerTenantId: PARTNER, partnerCountry: 'DE', asOf: '2025-01-10', targetOverrides: w.overrides[t] };
    lines += planTenant(w.tenants[t]!, catalog, options).lines.length;
  }
  return lines;
}

export async function run(): Promise<BenchResult[]> {
  const data = parseCatalogCsv(readFileSync(CSV, 'utf8'), 'licensing.csv');
  const workload = buildWorkload(data);
  const { discontinued } = workload;
  // Warm-up: one pass on a throw-away catalog, so the JIT has compiled the engine as in a running
  // app. Each timed pass then plans all 10,000 tenants against a freshly prepared catalog (its memo
  // of equivalents and matches empty); the figure is the median of three passes.
  planAll(workload, prepareCatalog(data, { discontinued }));
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const catalog = prepareCatalog(data, { discontinued });
    const start = performance.now();
    const lines = planAll(workload, catalog);
    times.push(performance.now() - start);
    if (lines !== TENANTS * SUBSCRIPTIONS_PER_TENANT) throw new Error(`planned ${lines} lines, expected ${TENANTS * SUBSCRIPTIONS_PER_TENANT}`);
  }
  times.sort((a, b) => a - b);
  return [{ bench: 'plan.10k-tenants', value: Math.round(times[1]!), unit: 'ms', ...budgetOf('plan.10k-tenants') }];
}
