// Property tests of the engine: any tenant built from real SKUs (and unknown ones) plans without
// throwing, and the plan keeps its invariants.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../import/catalogCsv';
import { prepareCatalog } from './catalog';
import { FINDING_CODES } from './findings';
import { findingText } from './messages';
import { planTenant } from './plan';
import type { TenantInventory, TenantSubscription, TenantUser } from './tenant';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const data = parseCatalogCsv(readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8'), 'licensing.csv');
const skuIds = data.skus.map((s) => s.id);
const PARTNER = '11111111-2222-3333-4444-555555555555';

const skuId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...skuIds) }, { weight: 1, arbitrary: fc.uuid() });
const date = fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString());
const subscription = fc.record({
  id: fc.uuid(),
  skuId,
  skuPartNumber: fc.string({ maxLength: 8 }),
  status: fc.constantFrom('Enabled', 'Warning', 'Suspended', 'LockedOut', 'Expired', 'Deleted'),
  totalLicenses: fc.nat({ max: 500 }),
  isTrial: fc.boolean(),
  ownerTenantId: fc.constantFrom(null, PARTNER, '99999999-8888-7777-6666-555555555555'),
  ownerType: fc.constant(null),
  createdDateTime: fc.constant(null),
  nextLifecycleDateTime: fc.option(date, { nil: null }),
  commerceSubscriptionId: fc.constant(null),
}) satisfies fc.Arbitrary<TenantSubscription>;

const inventory = fc
  .record({
    country: fc.constantFrom(null, 'DE', 'JP', 'US', 'ZZ'),
    subscriptions: fc.uniqueArray(subscription, { selector: (s) => s.id, maxLength: 25 }),
    discontinued: fc.array(fc.constantFrom(...skuIds), { maxLength: 30 }),
    overrides: fc.array(fc.record({ pick: fc.nat(), target: fc.option(skuId, { nil: null }), quantity: fc.option(fc.nat({ max: 600 }), { nil: undefined }) }), { maxLength: 4 }),
    users: fc.array(fc.record({ upn: fc.emailAddress(), picks: fc.array(fc.nat(), { maxLength: 3 }), disableFirst: fc.boolean(), group: fc.boolean() }), { maxLength: 10 }),
    asOf: date.map((d) => d.slice(0, 10)),
  })
  .map((r) => {
    const subs = r.subscriptions;
    const users: TenantUser[] = r.users.map((u, i) => ({
      id: `u${i}`,
      userPrincipalName: u.upn,
      licenses: subs.length === 0 ? [] : [...new Set(u.picks.map((p) => subs[p % subs.length]!.skuId))].map((id) => ({
        skuId: id,
        disabledPlans: u.disableFirst ? [data.skus.find((s) => s.id === id)?.servicePlans[0]?.id ?? 'x'] : [],
        assignedByGroups: u.group ? ['g'] : [],
        direct: !u.group,
      })),
    }));
    const inv: TenantInventory = { countryLetterCode: r.country, skus: [], subscriptions: subs, users };
    const targetOverrides = Object.fromEntries(
      subs.length === 0 ? [] : r.overrides.map((o) => [subs[o.pick % subs.length]!.id, { targetSkuId: o.target, ...(o.quantity !== undefined ? { quantity: o.quantity } : {}) }]),
    );
    return { inv, discontinued: r.discontinued, targetOverrides, asOf: r.asOf };
  });

describe('planTenant properties', () => {
  it('never throws on valid input and keeps its invariants', () => {
    fc.assert(
      fc.property(inventory, ({ inv, discontinued, targetOverrides, asOf }) => {
        const catalog = prepareCatalog(data, { discontinued });
        const plan = planTenant(inv, catalog, { partnerTenantId: PARTNER, partnerCountry: 'DE', asOf, targetOverrides });
        expect(plan.lines).toHaveLength(inv.subscriptions!.filter((s) => s.status !== 'Deleted').length);
        for (const l of plan.lines) {
          const source = catalog.skus.get(l.sourceSkuId);
          const override = targetOverrides[l.lineId]?.targetSkuId;
          if (l.match.kind === 'same') {
            expect(l.match.targetSkuId).toBe(l.sourceSkuId);
            expect(l.match.lostServicePlans).toEqual([]);
          }
          if (l.match.kind === 'equivalent') {
            expect(source?.purchasable).toBe(false);
            expect(catalog.skus.get(l.match.targetSkuId!)?.purchasable).toBe(true);
          }
          if (l.match.kind === 'different') expect(override).toBeTruthy();
          if (l.match.kind === 'none') expect(l.match.targetSkuId).toBeNull();
          expect(l.targetQuantity).toBe(targetOverrides[l.lineId]?.quantity ?? l.quantity);
          // Under the Extended Service Term there is no window after the end of term: due that day.
          if (l.expires) expect(l.deadline! >= l.expires).toBe(true);
        }
        for (const f of plan.findings) {
          expect(FINDING_CODES).toContain(f.code);
          for (const lang of ['en', 'ja'] as const) {
            const text = findingText(f, lang);
            expect(text.length).toBeGreaterThan(0);
            expect(text).not.toContain('undefined');
          }
        }
        const sev = plan.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
        expect(sev).toEqual([...sev].sort((a, b) => a - b));
        for (const u of plan.users) expect(u.to).toHaveLength(u.from.length);
        // Findings carry no words: nothing in the plan is a sentence, a formatted day or number.
        for (const f of plan.findings) expect(Object.keys(f)).not.toContain('message');
      }),
      { numRuns: 150 },
    );
  });
});
