import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../import/catalogCsv';
import { parseTenantExports } from '../import/graph';
import { prepareCatalog, type PreparedSku } from './catalog';
import { FINDING_CODES, type Finding } from './findings';
import { findingText } from './messages';
import { planLine, planTenant, sourceLines } from './plan';
import type { TenantInventory } from './tenant';
import { OTHER_PARTNER as OTHER, PARTNER, subscription as sub } from '../../test/support/licensing';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const read = (p: string) => readFileSync(path.join(fixtures, p), 'utf8');
const data = parseCatalogCsv(read('microsoft/Product names and service plan identifiers for licensing.csv'), 'licensing.csv');
const full = prepareCatalog(data);
const sku = (pn: string): PreparedSku => full.byPartNumber.get(pn.toUpperCase())!;

const codes = (fs: Finding[], pn?: string) => fs.filter((f) => pn === undefined || f.skuPartNumber === pn).map((f) => f.code);

describe('planTenant on the Graph documentation fixtures', () => {
  it('plans the sample tenant: lines from subscriptions, the unknown SKU as a finding', () => {
    const inv = parseTenantExports({
      subscribedSkus: { text: read('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' },
      subscriptions: { text: read('graph/directory.subscriptions.list.response.json'), file: 'subscriptions.json' },
    });
    const plan = planTenant(inv, full, { partnerTenantId: PARTNER, partnerCountry: 'US', asOf: '2023-01-15' });
    // The subscription of the export, then the two subscribed SKUs it does not cover.
    expect(plan.lines.map((l) => [l.sourceSkuPartNumber, l.channel])).toEqual([
      ['MyPartNumber', 'other-partner'],
      ['ENTERPRISEPREMIUM', 'unknown'],
      ['CRMSTANDARD', 'unknown'],
    ]);
    expect(plan.lines[0]).toMatchObject({
      sourceSkuPartNumber: 'MyPartNumber',
      channel: 'other-partner',
      quantity: 25,
      expires: '2023-02-01',
      deadline: '2023-03-03',
      match: { kind: 'none', targetSkuId: null },
    });
    expect(codes(plan.findings)).toContain('UNKNOWN_SKU');
    // No organization export: the region rule cannot be checked, and says so.
    expect(plan.customer).toEqual({ country: null, region: null });
    const region = plan.findings.find((f) => f.code === 'REGION_MISMATCH')!;
    expect(region).toMatchObject({ severity: 'warning', params: { reason: 'customer-country-unknown' } });
    expect(findingText(region)).toBe("Region not checked: the customer's country is unknown (export the tenant's organization with its countryLetterCode).");
    expect(plan.findings.find((f) => f.code === 'EXPIRY_DEADLINE')).toMatchObject({ severity: 'warning' });
    // Same export, seen from the partner that owns it.
    const own = planTenant(inv, full, { partnerTenantId: '331AF819-4E0B-49F7-A6BF-14E1165AD3A0', partnerCountry: 'US', asOf: '2023-01-15' });
    expect(own.lines[0]!.channel).toBe('own');
    expect(codes(own.findings, 'MyPartNumber')).toEqual(['ALREADY_OWN_CSP']);
  });

  it('without a subscriptions export, one line per subscribed SKU with channel unknown', () => {
    const inv = parseTenantExports({ subscribedSkus: { text: read('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' } });
    const lines = sourceLines(inv, PARTNER);
    expect(lines.map((l) => [l.skuPartNumber, l.channel, l.quantity, l.consumed])).toEqual([
      ['ENTERPRISEPREMIUM', 'unknown', 25, 14],
      // Suspended seats still count: the SKU still holds its 14 users.
      ['CRMSTANDARD', 'unknown', 25, 14],
    ]);
    const plan = planTenant(inv, full, { partnerTenantId: PARTNER, partnerCountry: 'US', asOf: '2023-01-15' });
    expect(plan.lines[0]!.match.kind).toBe('same');
    expect(codes(plan.findings)).not.toContain('SEAT_SHORTFALL');
    const fewer = planTenant(inv, full, {
      partnerTenantId: PARTNER,
      partnerCountry: 'US',
      asOf: '2023-01-15',
      targetOverrides: { 'sku:d17b27af-3f49-4822-99f9-56a661538792': { quantity: 10 } },
    });
    expect(fewer.findings.filter((f) => f.skuPartNumber === 'CRMSTANDARD').map((f) => [f.code, f.severity])).toEqual([
      ['SEAT_SHORTFALL', 'error'],
      ['SEAT_COUNT_CHANGED', 'warning'],
      ['CANCEL_NO_REFUND', 'info'],
    ]);
    expect(findingText(fewer.findings.find((f) => f.code === 'SEAT_SHORTFALL')!)).toBe(
      'Microsoft Dynamics CRM Online: 10 seats planned but 14 in use: 4 users would lose their license.',
    );
  });
});

describe('planTenant on a mixed tenant', () => {
  const e4 = sku('ENTERPRISEWITHSCAL');
  const catalog = prepareCatalog(data, { discontinued: [e4.id] });
  const teams = sku('ENTERPRISEWITHSCAL').plans.find((p) => p.name === 'TEAMS1')!;
  const inv: TenantInventory = {
    countryLetterCode: 'DE',
    skus: [
      { skuId: e4.id, skuPartNumber: 'ENTERPRISEWITHSCAL', capabilityStatus: 'Enabled', consumedUnits: 3, prepaidUnits: { enabled: 10, suspended: 0, warning: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [] },
      { skuId: sku('ENTERPRISEPACK').id, skuPartNumber: 'ENTERPRISEPACK', capabilityStatus: 'Enabled', consumedUnits: 8, prepaidUnits: { enabled: 10, suspended: 0, warning: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [] },
    ],
    subscriptions: [
      sub('a0000000-0000-0000-0000-000000000001', 'ENTERPRISEPACK', { nextLifecycleDateTime: '2025-01-20T00:00:00Z' }),
      sub('a0000000-0000-0000-0000-000000000002', 'ENTERPRISEWITHSCAL', { ownerTenantId: OTHER, ownerType: 'Company' }),
      sub('a0000000-0000-0000-0000-000000000003', 'O365_BUSINESS_PREMIUM', { ownerTenantId: OTHER }),
      sub('a0000000-0000-0000-0000-000000000004', 'SPE_E3', { ownerTenantId: PARTNER }),
      sub('a0000000-0000-0000-0000-000000000005', 'SPE_E5', { isTrial: true }),
      sub('a0000000-0000-0000-0000-000000000006', 'ENTERPRISEPACK', { status: 'Deleted' }),
    ],
    users: [
      { id: 'u1', userPrincipalName: 'ann@contoso.de', licenses: [{ skuId: e4.id, disabledPlans: [], assignedByGroups: [], direct: true }] },
      { id: 'u2', userPrincipalName: 'bob@contoso.de', licenses: [{ skuId: e4.id, disabledPlans: [teams.id], assignedByGroups: ['g1'], direct: false }] },
      { id: 'u3', userPrincipalName: 'cy@contoso.de', licenses: [{ skuId: sku('ENTERPRISEPACK').id, disabledPlans: [], assignedByGroups: [], direct: true }] },
      {
        id: 'u4',
        userPrincipalName: 'dee@contoso.de',
        licenses: [{ skuId: sku('O365_BUSINESS_PREMIUM').id, disabledPlans: [], assignedByGroups: [], direct: true }],
      },
    ],
  };
  const options = { partnerTenantId: PARTNER, partnerCountry: 'AT', asOf: '2025-01-10' };

  it('matches every line, skips deleted subscriptions, classifies channels', () => {
    const plan = planTenant(inv, catalog, options);
    expect(plan.customer).toEqual({ country: 'DE', region: 'europe' });
    expect(plan.lines.map((l) => [l.sourceSkuPartNumber, l.channel, l.match.kind, l.match.targetSkuPartNumber])).toEqual([
      ['ENTERPRISEPACK', 'direct', 'same', 'ENTERPRISEPACK'],
      ['ENTERPRISEWITHSCAL', 'other-partner', 'equivalent', 'ENTERPRISEPREMIUM'],
      ['O365_BUSINESS_PREMIUM', 'other-partner', 'same', 'O365_BUSINESS_PREMIUM'],
      ['SPE_E3', 'own', 'same', 'SPE_E3'],
      ['SPE_E5', 'direct', 'same', 'SPE_E5'],
    ]);
    expect(plan.lines[1]!.usersToReassign).toBe(2);
    expect(plan.lines[0]!.usersToReassign).toBe(0);
  });

  it('finds what DOMAIN.md asks for, per line', () => {
    const plan = planTenant(inv, catalog, options);
    // Bought directly and ending after the 2024 lifecycle article: Expired, Disabled, Deleted dates;
    // without an offer list the with-Teams suite is flagged.
    expect(codes(plan.findings, 'ENTERPRISEPACK')).toEqual(['EXPIRY_DEADLINE', 'END_OF_SALE', 'DIRECT_END_OF_TERM']);
    expect(findingText(plan.findings.find((f) => f.skuPartNumber === 'ENTERPRISEPACK' && f.code === 'EXPIRY_DEADLINE')!)).toBe(
      'Office 365 E3 expires on Jan 20, 2025 (in 10 days): provision the CSP subscription before Feb 19, 2025, the end of the 30-day window.',
    );
    expect(codes(plan.findings, 'ENTERPRISEWITHSCAL')).toEqual(['NOT_PURCHASABLE', 'END_OF_SALE', 'LICENSE_REASSIGNMENT_REQUIRED', 'EXPIRY_DEADLINE', 'TRANSFER_PROPOSED', 'CANCEL_NO_REFUND']);
    expect(codes(plan.findings, 'SPE_E3')).toEqual(['ALREADY_OWN_CSP']);
    expect(codes(plan.findings, 'SPE_E5')).toEqual(['TRIAL_SUBSCRIPTION']);
    expect(codes(plan.findings).filter((c) => c === 'REGION_MISMATCH')).toEqual([]);
    for (const f of plan.findings) expect(FINDING_CODES).toContain(f.code);
  });

  it('users: only those whose SKU changes, with group origin and disabled plans respected', () => {
    const plan = planTenant(inv, catalog, options);
    expect(plan.users.map((u) => [u.userPrincipalName, u.from, u.to, u.viaGroup])).toEqual([
      ['ann@contoso.de', ['ENTERPRISEWITHSCAL'], ['ENTERPRISEPREMIUM'], false],
      ['bob@contoso.de', ['ENTERPRISEWITHSCAL'], ['ENTERPRISEPREMIUM'], true],
    ]);
    expect(plan.users[1]!.groups).toEqual(['g1']);
  });

  it('a user override makes the line "different": services lost per line and per user, seat checks', () => {
    const plan = planTenant(inv, catalog, {
      ...options,
      targetOverrides: {
        'a0000000-0000-0000-0000-000000000002': { targetSkuId: sku('ENTERPRISEPACK').id, quantity: 2 },
      },
    });
    const line = plan.lines[1]!;
    expect(line.match).toMatchObject({ kind: 'different', targetSkuPartNumber: 'ENTERPRISEPACK' });
    expect(line.match.lostServicePlans.map((p) => p.servicePlanName)).toEqual(['MCOVOICECONF']);
    expect(line.targetQuantity).toBe(2);
    const lineCodes = codes(plan.findings, 'ENTERPRISEWITHSCAL');
    expect(lineCodes).toEqual(expect.arrayContaining(['DATA_LOSS_RISK', 'SEAT_SHORTFALL', 'SEAT_COUNT_CHANGED', 'LICENSE_REASSIGNMENT_REQUIRED']));
    expect(lineCodes).not.toContain('NOT_PURCHASABLE');
    expect(findingText(plan.findings.find((f) => f.code === 'DATA_LOSS_RISK')!)).toContain('Skype for Business Online (Plan 3)'.toUpperCase());
    expect(plan.users[0]!.lostServicePlans.map((p) => p.servicePlanName)).toEqual(['MCOVOICECONF']);
    // Errors come first.
    expect(plan.findings[0]!.severity).toBe('error');
  });

  it('a downgrade chosen by hand: lost services respect each user\'s disabled plans', () => {
    const plan = planTenant(inv, catalog, {
      ...options,
      targetOverrides: { 'a0000000-0000-0000-0000-000000000002': { targetSkuId: sku('Microsoft_365_E3_(no_Teams)').id } },
    });
    const [ann, bob] = plan.users;
    expect(ann!.lostServicePlans.map((p) => p.servicePlanName)).toContain('TEAMS1');
    expect(bob!.lostServicePlans.map((p) => p.servicePlanName)).not.toContain('TEAMS1');
  });

  it('region mismatch, unknown partner country, and Japanese messages', () => {
    const us = planTenant(inv, catalog, { ...options, partnerCountry: 'US' });
    expect(us.findings[0]).toMatchObject({ code: 'REGION_MISMATCH', severity: 'error' });
    const zz = planTenant(inv, catalog, { ...options, partnerCountry: 'ZZ' });
    expect(zz.findings.find((f) => f.code === 'REGION_MISMATCH')).toMatchObject({ severity: 'warning' });
    // The plan has no words: the same findings, said in Japanese where they are shown.
    const plan = planTenant(inv, catalog, options);
    expect(findingText(plan.findings.find((f) => f.code === 'ALREADY_OWN_CSP')!, 'ja')).toBe('Microsoft 365 E3 は既に自社の CSP テナントから提供されています。移行は不要です。');
  });

  it('the 150 active subscriptions rule', () => {
    const many: TenantInventory = {
      ...inv,
      skus: [],
      subscriptions: Array.from({ length: 80 }, (_, i) => sub(`b0000000-0000-0000-0000-${String(i).padStart(12, '0')}`, 'ENTERPRISEPACK', { ownerTenantId: OTHER })),
    };
    const plan = planTenant(many, catalog, options);
    expect(plan.findings.find((f) => f.code === 'TENANT_SUBSCRIPTION_LIMIT')).toMatchObject({ severity: 'warning', params: { active: 80, toBuy: 80, limit: 150 } });
    const fewer = planTenant({ ...many, subscriptions: many.subscriptions!.slice(0, 75) }, catalog, options);
    expect(codes(fewer.findings)).not.toContain('TENANT_SUBSCRIPTION_LIMIT');
  });

  it('planLine alone serves the app for one edited line', () => {
    const [first] = sourceLines(inv, PARTNER);
    const l = planLine(first!, catalog, '2025-01-10', { targetSkuId: sku('SPE_E3').id, quantity: 12 });
    expect(l).toMatchObject({ match: { kind: 'different', targetSkuPartNumber: 'SPE_E3', lostServicePlans: [] }, quantity: 10, targetQuantity: 12 });
    expect(() => planTenant(inv, catalog, { ...options, asOf: '2025-1-10' })).toThrow(RangeError);
  });
});
