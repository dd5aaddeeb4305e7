// The license changes, the CSV and the PowerShell script, computed from Microsoft's real licensing
// CSV and a tenant moving Office 365 E5 users to Office 365 E3.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { planTenant, prepareCatalog, type TenantInventory } from '../../../shared/domain/engine';
import { parseCatalogCsv } from '../../../shared/import/catalogCsv';
import { userLicenseChanges } from '../../../shared/domain/licenseChanges';
import { catalogProductNames } from '../../../shared/domain/format';
import { CSV_COLUMNS, licenseChangesCsv } from './licenseCsv';
import { psComment, psQuote } from '../../output/powershell';
import { reassignmentScript } from './reassignmentScript';

const csvPath = resolve(import.meta.dirname, '../../../../shared/fixtures/microsoft/Product names and service plan identifiers for licensing.csv');
const catalog = prepareCatalog(parseCatalogCsv(readFileSync(csvPath, 'utf8'), 'licensing.csv'));
const names = catalogProductNames(catalog);

const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const CRM = 'd17b27af-3f49-4822-99f9-56a661538792';
const EXCHANGE_P2 = 'efb87545-963c-4e0d-99df-69c6916d9eb0';
const FORMS_E5 = 'e212cbc7-0961-4c40-9825-01117710dcb1';
const DEFENDER_P2 = '8e0c0a52-6a6c-4d40-8370-dd62790dcd70';
const GROUP = '0b8a2e4c-1111-4c2a-9e1e-5e0a1e2d3c4b';

const inventory: TenantInventory = {
  countryLetterCode: 'JP',
  skus: [
    { skuId: E5, skuPartNumber: 'ENTERPRISEPREMIUM', capabilityStatus: 'Enabled', consumedUnits: 3, prepaidUnits: { enabled: 25, suspended: 0, warning: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [] },
    { skuId: CRM, skuPartNumber: 'CRMSTANDARD', capabilityStatus: 'Enabled', consumedUnits: 1, prepaidUnits: { enabled: 5, suspended: 0, warning: 0, lockedOut: 0 }, subscriptionIds: [], servicePlans: [] },
  ],
  subscriptions: null,
  users: [
    { id: 'u-alice', userPrincipalName: 'alice@contoso.com', licenses: [{ skuId: E5, disabledPlans: [], assignedByGroups: [], direct: true }] },
    {
      id: 'u-obrien',
      userPrincipalName: "o'brien@contoso.com",
      licenses: [{ skuId: E5, disabledPlans: [EXCHANGE_P2, FORMS_E5, DEFENDER_P2], assignedByGroups: [], direct: true }],
    },
    { id: 'u-group', userPrincipalName: 'grace@contoso.com', licenses: [{ skuId: E5, disabledPlans: [], assignedByGroups: [GROUP], direct: false }] },
    { id: 'u-crm', userPrincipalName: 'carl@contoso.com', licenses: [{ skuId: CRM, disabledPlans: [], assignedByGroups: [], direct: true }] },
  ],
};

function changes(targetSkuId: string | null = E3) {
  const plan = planTenant(inventory, catalog, {
    partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
    partnerCountry: 'JP',
    asOf: '2026-01-10',
    targetOverrides: targetSkuId ? { [`sku:${E5}`]: { targetSkuId } } : {},
  });
  return userLicenseChanges(plan, inventory.users, catalog);
}

describe('CSV', () => {
  it('has one row per user and license change, read back with the same values', () => {
    const text = licenseChangesCsv(changes(), names);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(3);
    const obrien = parsed.data[1]!;
    expect(obrien.userPrincipalName).toBe("o'brien@contoso.com");
    expect(obrien).toMatchObject({ userId: 'u-obrien', fromSkuId: E5, fromSkuPartNumber: 'ENTERPRISEPREMIUM', toSkuId: E3, toSkuPartNumber: 'ENTERPRISEPACK', groupBased: 'no', groups: '' });
    expect(obrien).toMatchObject({ fromProduct: 'Office 365 E5', toProduct: 'Office 365 E3' });
    expect(obrien.disabledPlansCarriedOver!.split('; ')).toHaveLength(2);
    expect(obrien.servicesLost).toContain('Microsoft 365 Phone System');
    expect(parsed.data[2]).toMatchObject({ userPrincipalName: 'grace@contoso.com', groupBased: 'yes', groups: GROUP });
  });

  it('quotes commas and quotes, and never lets a cell run as a spreadsheet formula', () => {
    const text = licenseChangesCsv([
      {
        userId: 'x',
        userPrincipalName: '=HYPERLINK("http://evil")',
        lostServicePlans: [],
        viaGroup: false,
        groups: [],
        changes: [{ fromSkuId: E5, fromSkuPartNumber: 'A,B', toSkuId: null, toSkuPartNumber: '', disabledPlansCarried: [], disabledPlansDropped: [], lostServicePlans: [], groups: [], direct: true }],
      },
    ], names);
    const row = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data[1]!;
    expect(row[0]).toBe('\'=HYPERLINK("http://evil")');
    expect(row[3]).toBe('A,B');
  });
});

describe('PowerShell script', () => {
  const generatedAt = '2026-01-10T09:30:00.000Z';
  const script = reassignmentScript({ customerName: 'Contoso\r\nRemove-Item C:\\ -Recurse', plan: { id: 'plan-1', status: 'draft', asOf: '2026-01-10' }, generatedAt, fileName: 'reassign-licenses-Contoso-2026-01-10.ps1', products: names }, changes());
  const lines = script.split('\r\n');

  it('says which customer and plan, and when it was generated', () => {
    expect(lines[1]).toBe('# Customer: Contoso Remove-Item C:\\ -Recurse');
    expect(script).toContain('# Plan: plan plan-1 (draft, as of 2026-01-10)');
    expect(script).toContain(`# Generated: ${generatedAt} by CSP Migration Workspace`);
    // The injected line break stayed inside the comment.
    expect(lines.filter((l) => l.startsWith('Remove-Item'))).toEqual([]);
  });

  it('has a -DryRun switch that skips Connect-MgGraph and every Set-MgUserLicense call', () => {
    expect(script).toMatch(/param\(\s*\r\n\s*# .*\r\n\s*\[switch\]\$DryRun\s*\r\n\)/);
    expect(script).toContain('if (-not $DryRun) {\r\n    Connect-MgGraph -Scopes User.ReadWrite.All -NoWelcome\r\n}');
    // Each call sits in a script block the helper runs only without -DryRun, inside try/catch.
    expect(script).toMatch(/if \(\$DryRun\) \{[^}]*\$script:Planned\+\+\s*return\s*\}\s*try \{\s*& \$Change/);
    expect(script).toContain('} catch {\r\n        $script:Failed.Add(');
    expect(script).toContain('Write-Host "Changed: $($script:Changed). Failed: $($script:Failed.Count)."');
    // The dry run's count in the right plural, chosen when the script runs.
    expect(script).toContain("$usersWord = if ($script:Planned -eq 1) { 'user' } else { 'users' }");
    expect(script).toContain('Write-Host "Dry run: $($script:Planned) $usersWord would be changed.');
  });

  it("signs in to the customer's tenant when its id is known", () => {
    const withTenant = reassignmentScript({ customerName: 'Contoso', plan: null, generatedAt, tenantId: '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f', fileName: 'reassign-licenses-Contoso-2026-01-10.ps1', products: names }, changes());
    expect(withTenant).toContain("    Connect-MgGraph -TenantId '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f' -Scopes User.ReadWrite.All -NoWelcome");
  });

  it('changes each directly licensed user with one Set-MgUserLicense, disabled plans carried over', () => {
    const calls = lines.filter((l) => l.includes('Set-MgUserLicense'));
    expect(calls).toHaveLength(2);
    expect(calls[0]!.trim()).toBe(`Set-MgUserLicense -UserId 'u-alice' -AddLicenses @(@{SkuId = '${E3}'; DisabledPlans = @()}) -RemoveLicenses @('${E5}') -ErrorAction Stop | Out-Null`);
    const formsE3 = catalog.skus.get(E3)!.plans.find((p) => p.name === 'FORMS_PLAN_E3')!.id;
    expect(calls[1]!.trim()).toBe(
      `Set-MgUserLicense -UserId 'u-obrien' -AddLicenses @(@{SkuId = '${E3}'; DisabledPlans = @('${EXCHANGE_P2}', '${formsE3}')}) -RemoveLicenses @('${E5}') -ErrorAction Stop | Out-Null`,
    );
    expect(script).toContain("Invoke-LicenseChange -UserPrincipalName 'o''brien@contoso.com' -Description 'Office 365 E5 (ENTERPRISEPREMIUM) -> Office 365 E3 (ENTERPRISEPACK)' -Change {");
  });

  it('names every SKU id its calls use by the product, in a legend at the top', () => {
    const legend = lines.slice(lines.indexOf('# Products by SKU id:') + 1, lines.indexOf('# Products by SKU id:') + 3);
    expect(legend).toEqual([`#   ${E5}  Office 365 E5 (ENTERPRISEPREMIUM)`, `#   ${E3}  Office 365 E3 (ENTERPRISEPACK)`]);
    expect(lines.indexOf('# Products by SKU id:')).toBeLessThan(lines.indexOf('[CmdletBinding()]'));
  });

  it('leaves group-based assignments out, with a comment naming the group', () => {
    expect(script).toContain(`# grace@contoso.com (u-group)\r\n# Office 365 E5 (ENTERPRISEPREMIUM): licensed through group ${GROUP}; change the group's license instead.\r\n# SKIPPED`);
    expect(script).not.toContain("-UserId 'u-group'");
    expect(script).toContain('Users changed by this script: 2. Users left out (group-based or no target): 1.');
  });

  it('escapes every kind of single quote PowerShell ends a string at', () => {
    expect(psQuote("o'brien")).toBe("'o''brien'");
    expect(psQuote('o\u2019brien\u2018x')).toBe("'o\u2019\u2019brien\u2018\u2018x'");
    expect(psQuote('$(Remove-Item x) `n')).toBe("'$(Remove-Item x) `n'");
    expect(psComment('a\nb\u2028c')).toBe('a b c');
  });
});
