import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../import/catalogCsv';
import { prepareCatalog, type PreparedSku } from './catalog';
import { bundle, compareServices, matchOffer, type OfferMatch } from './matching';
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

describe('services a user loses, their disabled plans left out', () => {
  const source = catalog.byPartNumber.get('ENTERPRISEPACK')!;
  const expected = (target: PreparedSku, disabled: readonly string[]) =>
    compareServices(source, target, new Set(disabled)).lost.map((p) => ({ servicePlanId: p.id, servicePlanName: p.name, friendlyName: p.friendlyName }));
  const lostOf = (match: OfferMatch, disabled: string[]) =>
    userReassignments([{ id: 'u', userPrincipalName: 'u@x', licenses: [{ skuId: source.id, disabledPlans: disabled, assignedByGroups: [], direct: true }] }], new Map([[source.id, { match, sourceSkuPartNumber: 'ENTERPRISEPACK' }]]), catalog)[0]!
      .lostServicePlans;

  it('are what comparing the SKUs with those plans switched off finds, for a single target and for a pair', () => {
    const smaller = catalog.byPartNumber.get('O365_BUSINESS_PREMIUM')!;
    const e1NoTeams = catalog.byPartNumber.get('OFFICE_365_E1_(NO_TEAMS)')!;
    const teams = catalog.byPartNumber.get('MICROSOFT_TEAMS_EEA_NEW')!;
    const single = matchOffer(source.id, catalog, { targetSkuId: smaller.id });
    const pair = matchOffer(source.id, catalog, { targetSkuId: smaller.id, extraTargetSkuIds: [teams.id] });
    const e1Pair = matchOffer(source.id, catalog, { targetSkuId: e1NoTeams.id, extraTargetSkuIds: [teams.id] });
    const cases: [OfferMatch, PreparedSku][] = [
      [single, smaller],
      [pair, bundle(smaller, [teams])],
      [e1Pair, bundle(e1NoTeams, [teams])],
    ];
    for (const [match, target] of cases) {
      const lostIds = match.lostServicePlans.map((p) => p.servicePlanId);
      expect(lostIds.length).toBeGreaterThan(1);
      // None, one lost plan, every lost plan and a kept plan switched off.
      const kept = source.plans.find((p) => !lostIds.includes(p.id))!.id;
      for (const disabled of [[], [lostIds[0]!], lostIds, [kept], [kept, lostIds[1]!]]) {
        expect(lostOf(match, disabled)).toEqual(expected(target, disabled));
      }
    }
  });
});
