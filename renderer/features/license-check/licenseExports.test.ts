// The license changes, the CSV and the PowerShell script, computed from Microsoft's real licensing
// CSV and a tenant moving Office 365 E5 users to Office 365 E3.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { E3, E5, EXCHANGE_P2, GROUP, catalog, changes } from '../../../test/support/licenseMove';
import { catalogProductNames } from '../../../shared/domain/format';
import { CSV_COLUMNS, licenseChangesCsv } from './licenseCsv';
import { psComment, psQuote } from '../../output/powershell';
import { reassignmentScript } from './reassignmentScript';

const names = catalogProductNames(catalog);

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
