// A Teams pair in the reassignment exports (DOMAIN.md rule 6): Office 365 E3 with Teams cannot be
// bought (the offer list says so), so the engine proposes Office 365 E3 (no Teams) plus Microsoft
// Teams EEA, and every user must get both licenses: in the CSV (one row per license, both naming the
// pair) and in the PowerShell script (one Set-MgUserLicense adding both SkuIds). Built from
// Microsoft's real licensing CSV.
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { licensingData, OTHER_PARTNER, PARTNER, skuOf, subscription, tenantOf, userWith } from '../../../test/support/licensing';
import { prepareCatalog } from '../../../shared/domain/catalog';
import { planTenant } from '../../../shared/domain/engine';
import { userLicenseChanges } from '../../../shared/domain/licenseChanges';
import { catalogProductNames } from '../../../shared/domain/format';
import type { TenantUser } from '../../../shared/domain/tenant';
import { CSV_COLUMNS, licenseChangesCsv } from './licenseCsv';
import { withPairTargets } from './pairTargets';
import { reassignmentScript } from './reassignmentScript';

const E3 = skuOf('ENTERPRISEPACK');
const NO_TEAMS = skuOf('Office_365_E3_(no_Teams)');
const TEAMS = skuOf('Microsoft_Teams_EEA_New');
const TEAMS1 = E3.plans.find((p) => p.name === 'TEAMS1')!.id;
const SWAY = E3.plans.find((p) => p.name === 'SWAY')!.id;
const PAIR = 'Office_365_E3_(no_Teams) + Microsoft_Teams_EEA_New';
const PAIR_LABEL = `${NO_TEAMS.name} (Office_365_E3_(no_Teams)) + ${TEAMS.name} (Microsoft_Teams_EEA_New)`;

const offers = [NO_TEAMS, TEAMS].map((s) => ({ productId: s.id, isAvailableForPurchase: true }));
const catalog = prepareCatalog(licensingData(), { offers: [...offers, { productId: E3.id, isAvailableForPurchase: false }] });

const bob: TenantUser = { id: 'bob', userPrincipalName: 'bob@contoso.de', licenses: [{ skuId: E3.id, disabledPlans: [TEAMS1, SWAY], assignedByGroups: [], direct: true }] };
const gina: TenantUser = { id: 'gina', userPrincipalName: 'gina@contoso.de', licenses: [{ skuId: E3.id, disabledPlans: [], assignedByGroups: ['g-e3'], direct: false }] };
const inventory = tenantOf(
  [subscription('e3', 'ENTERPRISEPACK', { ownerTenantId: OTHER_PARTNER, totalLicenses: 3, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })],
  [userWith('ann', 'ENTERPRISEPACK'), bob, gina],
);
// Legacy commerce: the line cannot be transferred, so it is bought again (as a pair).
const plan = planTenant(inventory, catalog, { partnerTenantId: PARTNER, partnerCountry: 'DE', asOf: '2026-12-01', agreementAcceptedOn: '2024-01-01', targetOverrides: { e3: { commerce: 'legacy' } } });
const names = catalogProductNames(catalog);
const users = withPairTargets(userLicenseChanges(plan, inventory.users, catalog), plan, inventory.users, catalog);

describe('the pair the engine proposes', () => {
  it('is the line of this tenant, with two orders', () => {
    expect(plan.lines[0]!.orders.map((o) => o.skuPartNumber)).toEqual(['Office_365_E3_(no_Teams)', 'Microsoft_Teams_EEA_New']);
    expect(users.map((u) => u.changes.map((c) => [c.toSkuPartNumber, ...(c.alsoTo ?? []).map((a) => a.skuPartNumber)]))).toEqual(plan.users.map((u) => u.toAll));
  });

  it('leaves a single target alone', () => {
    const single = planTenant(inventory, catalog, { partnerTenantId: PARTNER, partnerCountry: 'DE', asOf: '2026-12-01', agreementAcceptedOn: '2024-01-01', targetOverrides: { e3: { commerce: 'legacy', targetSkuId: NO_TEAMS.id } } });
    const changes = withPairTargets(userLicenseChanges(single, inventory.users, catalog), single, inventory.users, catalog);
    expect(changes.flatMap((u) => u.changes.map((c) => c.alsoTo))).toEqual([undefined, undefined, undefined]);
    const rows = Papa.parse<Record<string, string>>(licenseChangesCsv(changes, names).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.toSkuPartNumber, r.pair])).toEqual([
      ['Office_365_E3_(no_Teams)', ''],
      ['Office_365_E3_(no_Teams)', ''],
      ['Office_365_E3_(no_Teams)', ''],
    ]);
  });
});

describe('CSV', () => {
  const parsed = Papa.parse<Record<string, string>>(licenseChangesCsv(users, names).slice(1), { header: true, skipEmptyLines: true });

  it('gives every user a row per license of the pair, both naming the pair', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data.map((r) => [r.userId, r.fromSkuPartNumber, r.toSkuId, r.toSkuPartNumber, r.pair])).toEqual([
      ['ann', 'ENTERPRISEPACK', NO_TEAMS.id, 'Office_365_E3_(no_Teams)', PAIR],
      ['ann', 'ENTERPRISEPACK', TEAMS.id, 'Microsoft_Teams_EEA_New', PAIR],
      ['bob', 'ENTERPRISEPACK', NO_TEAMS.id, 'Office_365_E3_(no_Teams)', PAIR],
      ['bob', 'ENTERPRISEPACK', TEAMS.id, 'Microsoft_Teams_EEA_New', PAIR],
      ['gina', 'ENTERPRISEPACK', NO_TEAMS.id, 'Office_365_E3_(no_Teams)', PAIR],
      ['gina', 'ENTERPRISEPACK', TEAMS.id, 'Microsoft_Teams_EEA_New', PAIR],
    ]);
    expect(parsed.data.filter((r) => r.userId === 'ann').map((r) => [r.fromProduct, r.toProduct])).toEqual([
      [E3.name, NO_TEAMS.name],
      [E3.name, TEAMS.name],
    ]);
    expect(parsed.data.every((r) => r.servicesLost === '')).toBe(true);
    expect(parsed.data.filter((r) => r.userId === 'gina').map((r) => [r.groupBased, r.groups])).toEqual([
      ['yes', 'g-e3'],
      ['yes', 'g-e3'],
    ]);
  });

  it("carries each switched-off service to the license of the pair that has it (Teams to Teams, Sway to the suite)", () => {
    const [suite, teams] = parsed.data.filter((r) => r.userId === 'bob');
    expect(suite!.disabledPlansCarriedOver!.split('; ')).toEqual([SWAY]);
    expect(teams!.disabledPlansCarriedOver!.split('; ')).toEqual([TEAMS1]);
  });
});

describe('PowerShell script', () => {
  const fileName = 'reassign-licenses-Contoso-2026-12-01.ps1';
  const script = reassignmentScript({ customerName: 'Contoso', plan: { id: 'plan-1', status: 'draft', asOf: '2026-12-01' }, generatedAt: '2026-12-01T09:00:00.000Z', fileName, products: names }, users);
  const calls = script.split('\r\n').filter((l) => l.includes('Set-MgUserLicense -UserId'));

  it('adds both licenses of the pair in one Set-MgUserLicense per user and removes the old one', () => {
    expect(calls.map((c) => c.trim())).toEqual([
      `Set-MgUserLicense -UserId 'ann' -AddLicenses @(@{SkuId = '${NO_TEAMS.id}'; DisabledPlans = @()}, @{SkuId = '${TEAMS.id}'; DisabledPlans = @()}) -RemoveLicenses @('${E3.id}') -ErrorAction Stop | Out-Null`,
      `Set-MgUserLicense -UserId 'bob' -AddLicenses @(@{SkuId = '${NO_TEAMS.id}'; DisabledPlans = @('${SWAY}')}, @{SkuId = '${TEAMS.id}'; DisabledPlans = @('${TEAMS1}')}) -RemoveLicenses @('${E3.id}') -ErrorAction Stop | Out-Null`,
    ]);
    expect(script).toContain(`Invoke-LicenseChange -UserPrincipalName 'ann@contoso.de' -Description '${E3.name} (ENTERPRISEPACK) -> ${PAIR_LABEL}' -Change {`);
  });

  it('tells the admin that a group must assign both licenses of the pair', () => {
    expect(script).toContain(`# ${E3.name} (ENTERPRISEPACK): licensed through group g-e3; change the group's license instead. The group must assign both licenses of the pair ${PAIR_LABEL}.\r\n# SKIPPED`);
    expect(script).not.toContain("-UserId 'gina'");
  });

  describe('parsed with the PowerShell grammar', () => {
    let parser: Parser;
    beforeAll(async () => {
      await Parser.init();
      parser = new Parser();
      parser.setLanguage(await Language.load(createRequire(import.meta.url).resolve('tree-sitter-powershell/tree-sitter-powershell.wasm')));
    });

    it('has no syntax error, and each call passes two hashtables to -AddLicenses', () => {
      const root = parser.parse(script)!.rootNode;
      const errors: string[] = [];
      const walk = (n: Node) => {
        if (n.isError || n.isMissing) errors.push(n.text.slice(0, 60));
        for (const c of n.children) if (c) walk(c);
      };
      walk(root);
      expect(errors).toEqual([]);
      const commands = root.descendantsOfType('command').filter((n): n is Node => n !== null && n.text.startsWith('Set-MgUserLicense'));
      expect(commands).toHaveLength(2);
      for (const c of commands) expect(c.descendantsOfType('hash_literal_expression').length).toBe(2);
    });
  });
});
