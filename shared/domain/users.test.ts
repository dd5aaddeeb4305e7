import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../import/catalogCsv';
import { prepareCatalog } from './catalog';
import { matchOffer } from './matching';
import type { TenantUser } from './tenant';
import { holdersBySku, userReassignments, type SkuDecision } from './users';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const data = parseCatalogCsv(readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8'), 'licensing.csv');
const catalog = prepareCatalog(data);
const id = (pn: string) => catalog.byPartNumber.get(pn)!.id;
const plan = (pn: string, name: string) => catalog.byPartNumber.get(pn)!.plans.find((p) => p.name === name)!.id;
const UNKNOWN = '0816ccb9-3785-4d19-bf78-6c53e2106509';

const users: TenantUser[] = [
  { id: 'a', userPrincipalName: 'a@x', licenses: [{ skuId: id('ENTERPRISEPACK'), disabledPlans: [], assignedByGroups: [], direct: true }] },
  {
    id: 'b',
    userPrincipalName: 'b@x',
    licenses: [
      { skuId: id('ENTERPRISEPACK'), disabledPlans: [plan('ENTERPRISEPACK', 'EXCHANGE_S_ENTERPRISE')], assignedByGroups: ['g1', 'g2'], direct: false },
      { skuId: UNKNOWN, disabledPlans: [], assignedByGroups: [], direct: true },
    ],
  },
  { id: 'c', userPrincipalName: 'c@x', licenses: [{ skuId: id('SPE_E3'), disabledPlans: [], assignedByGroups: [], direct: true }] },
];

describe('user reassignments', () => {
  const decisions = new Map<string, SkuDecision>([
    [id('ENTERPRISEPACK'), { match: matchOffer(id('ENTERPRISEPACK'), catalog, { targetSkuId: id('O365_BUSINESS_PREMIUM') }), sourceSkuPartNumber: 'ENTERPRISEPACK' }],
    [UNKNOWN, { match: matchOffer(UNKNOWN, catalog), sourceSkuPartNumber: 'MyPartNumber' }],
    [id('SPE_E3'), { match: matchOffer(id('SPE_E3'), catalog), sourceSkuPartNumber: 'SPE_E3' }],
  ]);

  it('lists only users whose SKU changes, with from -> to, lost services and group origin', () => {
    const r = userReassignments(users, decisions, catalog);
    expect(r.map((u) => [u.userPrincipalName, u.from, u.to, u.viaGroup, u.groups])).toEqual([
      ['a@x', ['ENTERPRISEPACK'], ['O365_BUSINESS_PREMIUM'], false, []],
      ['b@x', ['ENTERPRISEPACK', 'MyPartNumber'], ['O365_BUSINESS_PREMIUM', ''], true, ['g1', 'g2']],
    ]);
    const lostA = r[0]!.lostServicePlans.map((p) => p.servicePlanName);
    const lostB = r[1]!.lostServicePlans.map((p) => p.servicePlanName);
    // Exchange Online (Plan 2) -> (Plan 1) is a loss, except for the user who never had it enabled.
    expect(lostA).toContain('EXCHANGE_S_ENTERPRISE');
    expect(lostB).not.toContain('EXCHANGE_S_ENTERPRISE');
    expect(lostB.length).toBe(lostA.length - 1);
  });

  it('counts holders per SKU', () => {
    expect(holdersBySku(users).get(id('ENTERPRISEPACK'))).toBe(2);
    expect(holdersBySku(users).get(UNKNOWN)).toBe(1);
  });
});
