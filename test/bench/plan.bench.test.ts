import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareCatalog } from '../../shared/domain/catalog';
import { findingText } from '../../shared/domain/messages';
import { planTenant } from '../../shared/domain/plan';
import { parseCatalogCsv } from '../../shared/import/catalogCsv';
import { buildWorkload, SUBSCRIPTIONS_PER_TENANT, TENANTS } from './plan.bench';
import { mulberry32 } from './prng';

const CSV = path.resolve(import.meta.dirname, '../..', '../shared/fixtures/microsoft/Product names and service plan identifiers for licensing.csv');
const data = parseCatalogCsv(readFileSync(CSV, 'utf8'), 'licensing.csv');

describe('plan benchmark workload', () => {
  it('mulberry32 is deterministic and uniform enough', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('builds the same 10,000 tenants of 20 real-SKU subscriptions for a seed, exercising every match path', () => {
    const w1 = buildWorkload(data, 42);
    const w2 = buildWorkload(data, 42);
    expect(w1.tenants).toHaveLength(TENANTS);
    expect(w1.tenants.every((t) => t.subscriptions!.length === SUBSCRIPTIONS_PER_TENANT)).toBe(true);
    expect(w1.tenants[1234]).toEqual(w2.tenants[1234]);
    expect(w1.discontinued).toEqual(w2.discontinued);
    const ids = new Set(data.skus.map((s) => s.id));
    expect(w1.tenants.every((t) => t.subscriptions!.every((s) => ids.has(s.skuId)))).toBe(true);
    const catalog = prepareCatalog(data, { discontinued: w1.discontinued });
    const kinds = new Set<string>();
    const channels = new Set<string>();
    for (let t = 0; t < 200; t++) {
      const options = { partnerTenantId: '11111111-2222-3333-4444-555555555555', partnerCountry: 'DE', asOf: '2025-01-10', targetOverrides: w1.overrides[t] };
      for (const l of planTenant(w1.tenants[t]!, catalog, options).lines) {
        kinds.add(l.match.kind);
        channels.add(l.channel);
      }
    }
    expect([...kinds].sort()).toEqual(['different', 'equivalent', 'none', 'same']);
    expect([...channels].sort()).toEqual(['direct', 'other-partner', 'own']);
  });

  // Speed work on the engine must not change a plan: every line, user and finding of the first
  // 2,000 bench tenants (as JSON; all 10,000 take too long for the unit suite), and each finding
  // worded in both languages, hash to the figure below. A deliberate change of the plan's output
  // updates it (the failure shows the new hash).
  it('plans the bench tenants exactly as before (output hash)', { timeout: 120_000 }, () => {
    const w = buildWorkload(data, 42);
    const catalog = prepareCatalog(data, { discontinued: w.discontinued });
    const hash = createHash('sha256');
    let findings = 0;
    for (let t = 0; t < 2000; t++) {
      const options = { partnerTenantId: '11111111-2222-3333-4444-555555555555', partnerCountry: 'DE', asOf: '2025-01-10', targetOverrides: w.overrides[t] };
      const plan = planTenant(w.tenants[t]!, catalog, options);
      hash.update(JSON.stringify(plan));
      for (const f of plan.findings) hash.update(findingText(f, 'en')).update(findingText(f, 'ja'));
      findings += plan.findings.length;
    }
    expect(findings).toBe(109_875);
    expect(hash.digest('hex')).toBe('3d126375eb640e5221d8361be79990d7384a62f9b9a037b210dcbe3ea3e40e8b');
  });
});
