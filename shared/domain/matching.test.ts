import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../import/catalogCsv';
import { prepareCatalog, type PreparedSku } from './catalog';
import { compareServices, equivalentProposals, matchOffer, rankEquivalents } from './matching';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.resolve(repoRoot, '../shared/fixtures');
const csv = readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8');
const data = parseCatalogCsv(csv, 'licensing.csv');
const catalog = prepareCatalog(data);
const sku = (pn: string): PreparedSku => {
  const s = catalog.byPartNumber.get(pn.toUpperCase());
  if (!s) throw new Error(`${pn} missing from the catalog`);
  return s;
};
const planIds = (s: PreparedSku) => new Set(s.plans.map((p) => p.id));

describe('service comparison on the real licensing CSV', () => {
  it('Office 365 E3 -> Microsoft 365 E3 keeps every service, by id and by family', () => {
    const e3 = sku('ENTERPRISEPACK');
    const m365 = sku('SPE_E3');
    const missingById = e3.plans.filter((p) => !planIds(m365).has(p.id));
    expect(missingById).toEqual([]);
    const cmp = compareServices(e3, m365);
    expect(cmp.lost).toEqual([]);
    expect(cmp.kept).toBe(e3.plans.length);
    expect(cmp.gained.map((p) => p.name)).toEqual(expect.arrayContaining(['AAD_PREMIUM', 'INTUNE_A', 'WIN10_PRO_ENT_SUB']));
  });

  it('Office 365 E3 -> Microsoft 365 E3 (no Teams) lacks only Teams', () => {
    const noTeams = data.skus.filter((s) => /^Microsoft 365 E3 \(no Teams\)$/i.test(s.name)).map((s) => catalog.skus.get(s.id)!);
    expect(noTeams.length).toBeGreaterThan(0);
    const lostSets = noTeams.map((t) => compareServices(sku('ENTERPRISEPACK'), t).lost.map((p) => p.name));
    expect(lostSets).toContainEqual(['TEAMS1']);
  });

  it('Business Standard -> Business Premium: the 6 plans an id-subset test reports are all tier upgrades', () => {
    const std = sku('O365_BUSINESS_PREMIUM');
    const prem = sku('SPB');
    const missingById = std.plans.filter((p) => !planIds(prem).has(p.id)).map((p) => p.name).sort();
    expect(missingById).toEqual([
      'CDS_O365_P2',
      'DYN365_CDS_O365_P2',
      'POWER_VIRTUAL_AGENTS_O365_P2',
      'PROJECT_O365_P2',
      'RMS_S_BASIC',
      'STREAM_O365_SMB',
    ]);
    // Each has a counterpart of the same family at the same or a higher tier in Business Premium.
    const upgradedTo = missingById.map((name) => {
      const p = std.plans.find((x) => x.name === name)!;
      return `${name}->${prem.familyPlan.get(p.family)?.name}`;
    });
    expect(upgradedTo).toEqual([
      'CDS_O365_P2->CDS_O365_P3',
      'DYN365_CDS_O365_P2->DYN365_CDS_O365_P3',
      'POWER_VIRTUAL_AGENTS_O365_P2->POWER_VIRTUAL_AGENTS_O365_P3',
      'PROJECT_O365_P2->PROJECT_O365_P3',
      'RMS_S_BASIC->RMS_S_PREMIUM',
      'STREAM_O365_SMB->STREAM_O365_E1',
    ]);
    const cmp = compareServices(std, prem);
    expect(cmp.lost).toEqual([]);
    // The engine reports them as tier changes: the ids to re-apply disabled plans on.
    expect(cmp.changed.map((c) => `${c.from.name}->${c.to.name}`).sort()).toEqual(upgradedTo);
    const m = matchOffer(std.id, catalog, { targetSkuId: prem.id });
    expect(m.lostServicePlans).toEqual([]);
    expect(m.changedServicePlans.map((c) => c.from.servicePlanName).sort()).toEqual(missingById);
  });

  it('Business Premium -> Business Standard loses those 6 services and more (a downgrade is a loss)', () => {
    const lost = compareServices(sku('SPB'), sku('O365_BUSINESS_PREMIUM')).lost.map((p) => p.name);
    for (const name of ['CDS_O365_P3', 'DYN365_CDS_O365_P3', 'POWER_VIRTUAL_AGENTS_O365_P3', 'PROJECT_O365_P3', 'RMS_S_ENTERPRISE', 'AAD_PREMIUM', 'INTUNE_A']) {
      expect(lost).toContain(name);
    }
    expect(lost).not.toContain('TEAMS1');
  });

  it('a higher tier keeps the service: FORMS_PLAN_E3 -> E5, FLOW_O365_P2 -> P3; friendly names come from the CSV', () => {
    const cmp = compareServices(sku('ENTERPRISEPACK'), sku('ENTERPRISEPREMIUM'));
    const lostNames = cmp.lost.map((p) => p.name);
    expect(lostNames).not.toContain('FORMS_PLAN_E3');
    expect(lostNames).not.toContain('FLOW_O365_P2');
    expect(lostNames).not.toContain('POWERAPPS_O365_P2');
    // Services E5 really does not include in this CSV are lost, with their friendly names.
    expect(cmp.lost.find((p) => p.name === 'KAIZALA_O365_P3')?.friendlyName).toBe('Microsoft Kaizala Pro');
  });

  it('disabled plans are not lost', () => {
    const e3 = sku('ENTERPRISEPACK');
    const noTeams = sku('Microsoft_365_E3_(no_Teams)') ?? undefined;
    const teams = e3.plans.find((p) => p.name === 'TEAMS1')!;
    expect(compareServices(e3, noTeams, new Set([teams.id])).lost).toEqual([]);
  });
});

describe('offer matching', () => {
  it('a purchasable SKU matches itself: same, nothing lost', () => {
    const m = matchOffer(sku('ENTERPRISEPACK').id.toUpperCase(), catalog);
    expect(m).toMatchObject({ kind: 'same', targetSkuPartNumber: 'ENTERPRISEPACK', lostServicePlans: [], gainedServicePlans: [] });
  });

  it('Office 365 E4 marked discontinued gets Office 365 E5 (keeps all) with Office 365 E3 next', () => {
    const e4 = sku('ENTERPRISEWITHSCAL');
    const cat = prepareCatalog(data, { discontinued: [e4.id] });
    const m = matchOffer(e4.id, cat);
    expect(m.kind).toBe('equivalent');
    expect(m.targetSkuPartNumber).toBe('ENTERPRISEPREMIUM');
    expect(m.lostServicePlans).toEqual([]);
    const ranked = rankEquivalents(cat.skus.get(e4.id)!, cat, 10).map((c) => c.sku.partNumber);
    expect(ranked.indexOf('ENTERPRISEPACK')).toBeGreaterThan(0);
    expect(ranked.indexOf('ENTERPRISEPACK')).toBeLessThan(5);
    // Without E5 on offer, E3 is proposed and the audio conferencing service is reported lost.
    const noE5 = prepareCatalog(data, { discontinued: [e4.id, ...['ENTERPRISEPREMIUM', 'Microsoft_365_E5', 'SPE_E5'].map((pn) => sku(pn).id)] });
    const m3 = matchOffer(e4.id, noE5);
    expect(m3.targetSkuPartNumber).toBe('ENTERPRISEPACK');
    expect(m3.lostServicePlans.map((p) => p.servicePlanName)).toEqual(['MCOVOICECONF']);
  });

  it('with an offer list only offered SKUs are purchasable; E4 absent from the list gets E3 or E5', () => {
    const offers = ['ENTERPRISEPACK', 'ENTERPRISEPREMIUM', 'SPB'].map((pn) => ({ productId: sku(pn).id.toUpperCase(), isAvailableForPurchase: true }));
    offers.push({ productId: sku('SPE_E3').id, isAvailableForPurchase: false });
    const cat = prepareCatalog(data, { offers });
    expect(cat.purchasable.map((s) => s.partNumber).sort()).toEqual(['ENTERPRISEPACK', 'ENTERPRISEPREMIUM', 'SPB']);
    const m = matchOffer(sku('ENTERPRISEWITHSCAL').id, cat);
    expect(m.kind).toBe('equivalent');
    expect(['ENTERPRISEPACK', 'ENTERPRISEPREMIUM']).toContain(m.targetSkuPartNumber);
    // SPE_E3 is listed but not available: its proposal is the offered SKU that loses the fewest services.
    const fromM365 = matchOffer(sku('SPE_E3').id, cat);
    const lostBy = (pn: string) => compareServices(sku('SPE_E3'), sku(pn)).lost.length;
    expect(fromM365.kind).toBe('equivalent');
    expect(fromM365.lostServicePlans.length).toBe(Math.min(...['ENTERPRISEPACK', 'ENTERPRISEPREMIUM', 'SPB'].map(lostBy)));
    expect(fromM365.lostServicePlans.length).toBeGreaterThan(0);
  });

  it('a user override gives "different" with the services lost and gained', () => {
    const m = matchOffer(sku('ENTERPRISEPACK').id, catalog, { targetSkuId: sku('O365_BUSINESS_PREMIUM').id });
    expect(m.kind).toBe('different');
    expect(m.lostServicePlans.map((p) => p.servicePlanName)).toContain('EXCHANGE_S_ENTERPRISE');
    expect(m.lostServicePlans.find((p) => p.servicePlanName === 'EXCHANGE_S_ENTERPRISE')?.friendlyName).toBe('Exchange Online (Plan 2)');
  });

  it('an SKU missing from the catalog matches nothing', () => {
    expect(matchOffer('0816ccb9-3785-4d19-bf78-6c53e2106509', catalog)).toMatchObject({ kind: 'none', targetSkuId: null });
  });
});

describe('equivalent proposals for the app', () => {
  it('ranks replacements for a discontinued SKU, the first being what matchOffer proposes', () => {
    const e4 = sku('ENTERPRISEWITHSCAL');
    const cat = prepareCatalog(data, { discontinued: [e4.id] });
    const proposals = equivalentProposals(e4.id, cat, 5);
    expect(proposals).toHaveLength(5);
    expect(proposals[0]).toMatchObject({ skuPartNumber: 'ENTERPRISEPREMIUM', name: 'Office 365 E5', kept: e4.plans.length, lostServicePlans: [] });
    expect(proposals.map((p) => p.skuPartNumber)).toContain('ENTERPRISEPACK');
    const lost = proposals.map((p) => p.lostServicePlans.length);
    expect(lost).toEqual([...lost].sort((a, b) => a - b));
    expect(matchOffer(e4.id, cat).targetSkuId).toBe(proposals[0]!.skuId);
    expect(equivalentProposals('00000000-0000-0000-0000-000000000000', cat)).toEqual([]);
  });

  it('matches are shared and frozen: a caller cannot corrupt the next plan', () => {
    const e4 = sku('ENTERPRISEWITHSCAL');
    const cat = prepareCatalog(data, { discontinued: [e4.id] });
    const a = matchOffer(e4.id, cat);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.gainedServicePlans)).toBe(true);
    expect(matchOffer(e4.id.toUpperCase(), cat)).toEqual(a);
  });

  it("a user's choice is worked out again until asked for twice, then shared: always frozen and the same", () => {
    const cat = prepareCatalog(data);
    const choose = () => matchOffer(sku('ENTERPRISEPACK').id, cat, { targetSkuId: sku('ENTERPRISEPREMIUM').id });
    const first = choose();
    const second = choose();
    const third = choose();
    expect(first).toMatchObject({ kind: 'different', targetSkuPartNumber: 'ENTERPRISEPREMIUM' });
    expect(second).toEqual(first);
    expect(third).toBe(second);
    expect(Object.isFrozen(first) && Object.isFrozen(first.lostServicePlans) && Object.isFrozen(third.changedServicePlans)).toBe(true);
  });
});

describe('the equivalence threshold', () => {
  it('a replacement that keeps less than half of the services is not proposed on its own, but still listed', () => {
    const cat = prepareCatalog(data, { offers: [{ productId: sku('ENTERPRISEPACK').id, isAvailableForPurchase: true }] });
    const e5 = sku('ENTERPRISEPREMIUM');
    const cmp = compareServices(e5, sku('ENTERPRISEPACK'));
    expect(cmp.kept).toBeLessThan(cmp.lost.length);
    expect(matchOffer(e5.id, cat)).toMatchObject({ kind: 'none', targetSkuId: null });
    expect(equivalentProposals(e5.id, cat).map((p) => p.skuPartNumber)).toEqual(['ENTERPRISEPACK']);
    // Office 365 E4 keeps 16 of its 17 services in E3: proposed.
    expect(matchOffer(sku('ENTERPRISEWITHSCAL').id, cat)).toMatchObject({ kind: 'equivalent', targetSkuPartNumber: 'ENTERPRISEPACK' });
  });
});

describe('market segments', () => {
  it('reads government, education and no-Teams editions from part number and name', () => {
    const seg = (pn: string) => sku(pn).segment;
    expect(seg('ENTERPRISEPACK')).toBe('commercial');
    expect(seg('SPE_E3')).toBe('commercial');
    expect(seg('ENTERPRISEPREMIUM_GOV')).toBe('government');
    expect(seg('M365_G5_GCC')).toBe('government');
    expect(seg('M365EDU_A5_FACULTY')).toBe('education');
    expect(seg('ENTERPRISEPREMIUM_STUDENT')).toBe('education');
    expect(seg('Office_365_E3_(no_Teams)')).toBe('no-teams');
    // "Governance" is not government.
    expect(seg('Microsoft_Cloud_App_Security_App_Governance_Add_On')).toBe('commercial');
  });
});
