// The exported reassignment script must run, not only pass its dry run: parsed with the PowerShell
// grammar, every command it calls checked against the module Microsoft documents for it
// (test/support/powershell.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import type { UserLicenseChanges } from '../../../shared/domain/licenseChanges';
import { BUILT_IN, DOCUMENTED_MODULE, loadPowerShellParser, nodes, syntaxErrors } from '../../../test/support/powershell';
import { productNamesOf } from '../../../shared/domain/format';
import { REQUIRED_MODULES, reassignmentScript } from './reassignmentScript';

let parser: Parser;

beforeAll(async () => {
  parser = await loadPowerShellParser();
});

const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const users: UserLicenseChanges[] = [
  {
    userId: 'u-alice',
    userPrincipalName: "o'brien@contoso.com",
    lostServicePlans: [],
    viaGroup: false,
    groups: [],
    changes: [{ fromSkuId: E5, fromSkuPartNumber: 'ENTERPRISEPREMIUM', toSkuId: E3, toSkuPartNumber: 'ENTERPRISEPACK', disabledPlansCarried: [], disabledPlansDropped: [], lostServicePlans: [], groups: [], direct: true }],
  },
  {
    userId: 'u-grace',
    userPrincipalName: 'grace@contoso.com',
    lostServicePlans: [],
    viaGroup: true,
    groups: ['g-1'],
    changes: [{ fromSkuId: E5, fromSkuPartNumber: 'ENTERPRISEPREMIUM', toSkuId: E3, toSkuPartNumber: 'ENTERPRISEPACK', disabledPlansCarried: [], disabledPlansDropped: [], lostServicePlans: [], groups: ['g-1'], direct: false }],
  },
];
const fileName = 'reassign-licenses-Contoso-2026-01-10.ps1';
const script = reassignmentScript(
  { customerName: 'Contoso', plan: null, generatedAt: '2026-01-10T09:30:00.000Z', tenantId: '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f', fileName, products: productNamesOf([{ skuId: E5, partNumber: 'ENTERPRISEPREMIUM', name: "Office 365 E5 (Contoso's)" }]) },
  users,
);

describe('reassignment script, parsed with the PowerShell grammar', () => {
  it('parses without a syntax error', () => {
    const tree = parser.parse(script)!;
    expect(syntaxErrors(tree.rootNode)).toEqual([]);
  });

  it('is a parser that does find errors (an unclosed block in the same script)', () => {
    const tree = parser.parse(script.replace('if ($missingModules.Count -gt 0) {', 'if ($missingModules.Count -gt 0 {'))!;
    expect(syntaxErrors(tree.rootNode).length).toBeGreaterThan(0);
  });

  it('calls only documented cmdlets (or its own function), and checks for every non-built-in module they need', () => {
    const root = parser.parse(script)!.rootNode;
    const ownFunctions = new Set(nodes(root, 'function_name').map((n) => n.text.toLowerCase()));
    expect(ownFunctions).toEqual(new Set(['invoke-licensechange']));
    const called = new Set(nodes(root, 'command_name').map((n) => n.text.toLowerCase()));
    expect(called).toContain('set-mguserlicense');
    expect(called).toContain('connect-mggraph');
    const unknown = [...called].filter((c) => !ownFunctions.has(c) && !(c in DOCUMENTED_MODULE));
    expect(unknown).toEqual([]);
    const needed = new Set([...called].map((c) => DOCUMENTED_MODULE[c]).filter((m): m is string => m !== undefined && !BUILT_IN.has(m)));
    expect(new Set(REQUIRED_MODULES)).toEqual(needed);
    // The module that only reads users is not what assigns licenses.
    expect(needed).not.toContain('Microsoft.Graph.Users');
  });

  it('checks the modules with Get-Module -ListAvailable before signing in, dry run included, and exits with a message', () => {
    const lines = script.split('\r\n');
    const check = lines.findIndex((l) => l.includes('Get-Module -ListAvailable -Name $_'));
    const connect = lines.findIndex((l) => l.includes('Connect-MgGraph'));
    const dryRunGate = lines.findIndex((l) => l === 'if (-not $DryRun) {');
    const firstChange = lines.findIndex((l) => l.startsWith('Invoke-LicenseChange '));
    expect(check).toBeGreaterThan(0);
    expect(check).toBeLessThan(dryRunGate);
    expect(check).toBeLessThan(connect);
    expect(check).toBeLessThan(firstChange);
    expect(lines).toContain("$requiredModules = @('Microsoft.Graph.Authentication', 'Microsoft.Graph.Users.Actions')");
    const block = lines.slice(check + 1, lines.indexOf('}', check) + 1).join('\n');
    expect(block).toContain('Install-Module $($missingModules -join');
    expect(block).toContain('exit 1');
    // The block is top-level, not inside the -DryRun gate: the parser sees it as a direct statement.
    const root = parser.parse(script)!.rootNode;
    const ifs = nodes(root, 'if_statement').filter((n) => n.text.startsWith('if ($missingModules.Count -gt 0)'));
    expect(ifs).toHaveLength(1);
    expect(nodes(root, 'if_statement').some((n) => n !== ifs[0] && n.startIndex < ifs[0]!.startIndex && n.endIndex > ifs[0]!.endIndex)).toBe(false);
  });

  it("the help's install line names exactly the modules the script checks, and its commands name the saved file", () => {
    expect(script).toContain('#   Install-Module Microsoft.Graph.Authentication, Microsoft.Graph.Users.Actions -Scope CurrentUser\r\n');
    expect(script).not.toMatch(/Install-Module Microsoft\.Graph\.Users( |\r|$)/m);
    expect(script).toContain(`#   .\\${fileName} -DryRun\r\n#   .\\${fileName}\r\n`);
    expect(script).not.toContain('reassign-licenses.ps1');
  });
});
