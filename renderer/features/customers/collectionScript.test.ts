// The collection script the app writes for a customer's admin: parsed with the PowerShell grammar,
// every command checked against the module Microsoft documents for it (test/support/powershell.ts),
// and checked to only read: three read-only scopes, GET requests, every page, and a dry run that
// reaches nothing that signs in, reads or writes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Node, Parser } from 'web-tree-sitter';
import { CollectionManifest } from '../../../shared/import/collectionZip';
import { BUILT_IN, DOCUMENTED_MODULE, loadPowerShellParser, nodes, syntaxErrors } from '../../../test/support/powershell';
import { COLLECTION_MODULES, COLLECTION_SCOPES, collectionScript, collectionScriptFileName } from './collectionScript';

const TENANT = '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f';
const fileName = collectionScriptFileName('Contoso 株式会社', '2026-12-06');
const withTenant = collectionScript({ customerName: 'Contoso 株式会社', tenantId: TENANT.toUpperCase(), generatedAt: '2026-12-06T05:00:00.000Z', fileName });
const withoutTenant = collectionScript({ customerName: "O'Brien\r\nRemove-Item C:\\ -Recurse", generatedAt: '2026-12-06T05:00:00.000Z', fileName: 'collect.ps1' });

/** What the script may call: Graph sign-in and reads, and local work on its own temporary folder and zip. */
const ALLOWED = new Set([
  'set-strictmode', 'where-object', 'get-module', 'import-module', 'write-host', 'get-date', 'join-path', 'get-content',
  'connect-mggraph', 'get-mgcontext', 'invoke-mggraphrequest', 'convertfrom-json', 'convertto-json',
  'new-item', 'out-null', 'compress-archive', 'remove-item',
]);
/** What signs in, reads the tenant or writes a file: never reached in a dry run. */
const SIGNS_IN_READS_OR_WRITES = new Set(['connect-mggraph', 'get-mgcontext', 'invoke-mggraphrequest', 'get-content', 'new-item', 'compress-archive', 'remove-item', 'save-graphpages']);

let parser: Parser;
beforeAll(async () => {
  parser = await loadPowerShellParser();
});

const commandName = (c: Node) => c.childForFieldName('command_name')?.text.toLowerCase() ?? '';
const commands = (root: Node) => nodes(root, 'command');
const topLevel = (root: Node) => root.children.find((c) => c?.type === 'statement_list')!.children.filter((c): c is Node => c !== null);
const inside = (n: Node, outer: Node) => n.startIndex >= outer.startIndex && n.endIndex <= outer.endIndex;

describe('collection script, parsed with the PowerShell grammar', () => {
  it.each([
    ['with the tenant id', withTenant],
    ['without it', withoutTenant],
  ])('parses without a syntax error (%s)', (_, script) => {
    expect(syntaxErrors(parser.parse(script)!.rootNode)).toEqual([]);
  });

  it('is a parser that does find errors (an unclosed block in the same script)', () => {
    expect(syntaxErrors(parser.parse(withTenant.replace('while ($next) {', 'while ($next {'))!.rootNode).length).toBeGreaterThan(0);
  });

  it('calls only documented read or local commands (and its own function), and checks for every non-built-in module they need', () => {
    for (const script of [withTenant, withoutTenant]) {
      const root = parser.parse(script)!.rootNode;
      const own = new Set(nodes(root, 'function_name').map((n) => n.text.toLowerCase()));
      expect(own).toEqual(new Set(['save-graphpages']));
      const called = new Set(commands(root).map(commandName));
      const foreign = [...called].filter((c) => !own.has(c));
      expect(foreign.filter((c) => !(c in DOCUMENTED_MODULE))).toEqual([]);
      expect(foreign.filter((c) => !ALLOWED.has(c))).toEqual([]);
      // No Microsoft Graph cmdlet that changes anything (New-Mg*, Set-Mg*, Update-Mg*, Remove-Mg*, ...).
      expect(foreign.filter((c) => /-mg/.test(c) && !/^(connect|get|invoke)-mg/.test(c))).toEqual([]);
      const needed = new Set(foreign.map((c) => DOCUMENTED_MODULE[c]).filter((m): m is string => m !== undefined && !BUILT_IN.has(m)));
      expect(new Set(COLLECTION_MODULES)).toEqual(needed);
      expect(script).toContain("$requiredModules = @('Microsoft.Graph.Authentication')");
      expect(script).toContain('#   Install-Module Microsoft.Graph.Authentication -Scope CurrentUser\r\n');
    }
  });

  it('names only the three read-only scopes, anywhere in its text, and signs in with exactly them', () => {
    expect([...COLLECTION_SCOPES]).toEqual(['LicenseAssignment.Read.All', 'Organization.Read.All', 'User.Read.All']);
    for (const script of [withTenant, withoutTenant]) {
      const scopes = new Set(script.match(/\b[A-Z][A-Za-z]*\.(?:Read|ReadWrite|Write|Manage|Send|Create|Delete|Update)[A-Za-z]*(?:\.[A-Za-z]+)*/g));
      expect(scopes).toEqual(new Set(COLLECTION_SCOPES));
      expect(script).not.toMatch(/ReadWrite|\.Write\b|Directory\.|AccessAsUser/);
      const root = parser.parse(script)!.rootNode;
      const assignments = nodes(root, 'assignment_expression').filter((a) => /^\$scopes\s*=/.test(a.text));
      expect(assignments.map((a) => a.text)).toEqual(["$scopes = @('LicenseAssignment.Read.All', 'Organization.Read.All', 'User.Read.All')"]);
      const connects = commands(root).filter((c) => commandName(c) === 'connect-mggraph');
      expect(connects).toHaveLength(1);
      expect(connects[0]!.text).toContain('-Scopes $scopes');
    }
  });

  it("signs in to the customer's tenant when the app knows it, and stops on another", () => {
    const root = parser.parse(withTenant)!.rootNode;
    expect(withTenant).toContain(`$expectedTenantId = '${TENANT}'`);
    expect(commands(root).find((c) => commandName(c) === 'connect-mggraph')!.text).toBe('Connect-MgGraph -TenantId $expectedTenantId -Scopes $scopes -NoWelcome');
    const check = nodes(root, 'if_statement').find((n) => n.text.startsWith('if ($expectedTenantId -and $tenantId -ne $expectedTenantId)'))!;
    expect(check.text).toContain('exit 1');
    expect(withoutTenant).toContain("$expectedTenantId = ''");
    expect(withoutTenant).toContain('Connect-MgGraph -Scopes $scopes -NoWelcome');
  });

  it('sends GET requests only, to the four endpoints, the users with the fields the import reads', () => {
    const root = parser.parse(withTenant)!.rootNode;
    const requests = commands(root).filter((c) => commandName(c) === 'invoke-mggraphrequest');
    expect(requests.map((r) => r.text)).toEqual(['Invoke-MgGraphRequest -Method GET -Uri $next -OutputFilePath $path']);
    expect(withTenant).not.toMatch(/-Method\s+(?!GET\b)\w+/i);
    expect(withTenant).not.toMatch(/-Body\b|\bPOST\b|\bPATCH\b|\bDELETE\b|\bPUT\b/);
    const uris = [...withTenant.matchAll(/@\{ Name = '(\w+)'; Uri = '([^']+)' \}/g)].map((m) => [m[1], m[2]]);
    expect(uris).toEqual([
      ['organization', 'v1.0/organization'],
      ['subscribedSkus', 'v1.0/subscribedSkus'],
      ['subscriptions', 'v1.0/directory/subscriptions'],
      ['users', 'v1.0/users?$select=id,userPrincipalName,displayName,usageLocation,accountEnabled,assignedLicenses,licenseAssignmentStates&$top=999'],
    ]);
  });

  it('follows @odata.nextLink until the last page, saving each page as Graph sent it', () => {
    const root = parser.parse(withTenant)!.rootNode;
    const fn = nodes(root, 'function_statement').find((f) => f.text.startsWith('function Save-GraphPages'))!;
    const loops = nodes(fn, 'while_statement');
    expect(loops).toHaveLength(1);
    const loop = loops[0]!;
    expect(loop.text.startsWith('while ($next) {')).toBe(true);
    // The request, the page's file and the next link are all inside the loop.
    for (const needle of ['$path = Join-Path $workFolder $file', 'Invoke-MgGraphRequest -Method GET -Uri $next -OutputFilePath $path', "(Get-Content -LiteralPath $path -Raw -Encoding UTF8 | ConvertFrom-Json).PSObject.Properties['@odata.nextLink']", '$next = [string]$nextLink.Value', "$next = ''", '$page++']) {
      expect(loop.text).toContain(needle);
    }
    // Page 1 is `users.json`, page 2 `users-2.json`: names the manifest schema accepts.
    expect(loop.text).toContain('if ($page -eq 1) { $file = "$Name.json" } else { $file = "$Name-$page.json" }');
    expect(CollectionManifest.shape.files.safeParse(['users.json', 'users-2.json']).success).toBe(true);
    // Nothing re-serialises a Graph body (ConvertTo-Json is for the manifest only).
    const toJson = commands(root).filter((c) => commandName(c) === 'convertto-json');
    expect(toJson.map((c) => c.text)).toEqual(['ConvertTo-Json -InputObject $manifest -Depth 3']);
  });

  it('writes the manifest the import validates: its fields, and the same format', () => {
    const root = parser.parse(withTenant)!.rootNode;
    const manifest = nodes(root, 'assignment_expression').find((a) => a.text.startsWith('$manifest = [ordered]@{'))!;
    const keys = [...manifest.text.matchAll(/^\s+(\w+) = /gm)].map((m) => m[1]);
    expect(keys.sort()).toEqual(Object.keys(CollectionManifest.shape).sort());
    expect(manifest.text).toContain("format = 'csp-migration-workspace/tenant-collection'");
    expect(withTenant).toContain('$scriptVersion = 1\r\n');
  });

  it.each([
    ['with the tenant id', withTenant],
    ['without it', withoutTenant],
  ])('in a dry run (-DryRun or -WhatIf) reaches nothing that signs in, reads or writes (%s)', (_, script) => {
    const root = parser.parse(script)!.rootNode;
    expect(script).toContain('$dryRunOnly = $DryRun.IsPresent -or [bool]$WhatIfPreference');
    expect(script).toContain('[CmdletBinding(SupportsShouldProcess)]');
    const statements = topLevel(root);
    const gate = statements.find((s) => s.type === 'if_statement' && s.text.startsWith('if ($dryRunOnly) {'))!;
    expect(gate).toBeDefined();
    // The dry run's branch only prints, then ends the script.
    expect(new Set(commands(gate).map(commandName))).toEqual(new Set(['write-host']));
    expect(gate.text.trimEnd().endsWith('exit 0\r\n}')).toBe(true);
    expect(nodes(gate, 'invokation_expression')).toEqual([]);
    // Before the gate: nothing that signs in, reads or writes, except inside the function, which is only called after it.
    const fn = statements.find((s) => s.type === 'function_statement')!;
    expect(fn.startIndex).toBeLessThan(gate.startIndex);
    for (const c of commands(root)) {
      if (!SIGNS_IN_READS_OR_WRITES.has(commandName(c))) continue;
      expect(inside(c, fn) || c.startIndex > gate.endIndex, c.text).toBe(true);
    }
    for (const call of nodes(root, 'invokation_expression').filter((n) => /WriteAllText/.test(n.text))) {
      expect(inside(call, fn) || call.startIndex > gate.endIndex, call.text).toBe(true);
    }
    // The module check runs before it, dry run included.
    const moduleCheck = statements.find((s) => s.text.startsWith('if ($missingModules.Count -gt 0)'))!;
    expect(moduleCheck.endIndex).toBeLessThan(gate.startIndex);
  });

  it('removes only its own temporary folder, and leaves the zip', () => {
    const root = parser.parse(withTenant)!.rootNode;
    expect(commands(root).filter((c) => commandName(c) === 'remove-item').map((c) => c.text)).toEqual(['Remove-Item -LiteralPath $workFolder -Recurse -Force']);
    expect(withTenant).toContain("$workFolder = Join-Path ([System.IO.Path]::GetTempPath()) ('csp-collection-' + [guid]::NewGuid().ToString('N'))");
    expect(commands(root).filter((c) => commandName(c) === 'compress-archive').map((c) => c.text)).toEqual(["Compress-Archive -Path (Join-Path $workFolder '*') -DestinationPath $zipPath"]);
  });

  it("keeps a customer's name inside its comment, and its help names the saved file", () => {
    expect(withoutTenant).toContain("# Customer: O'Brien Remove-Item C:\\ -Recurse\r\n");
    expect(parser.parse(withoutTenant)!.rootNode.descendantsOfType('command').map((c) => c!.text)).not.toContain('Remove-Item C:\\ -Recurse');
    expect(fileName).toBe('collect-tenant-Contoso-株式会社-2026-12-06.ps1');
    expect(withTenant).toContain(`#   .\\${fileName} -DryRun\r\n#   .\\${fileName}\r\n`);
    expect(withTenant).toContain('$zipPath = Join-Path $OutputFolder "tenant-data-Contoso-株式会社-$stamp.zip"');
  });
});
