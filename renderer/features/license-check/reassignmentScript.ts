// The reassignment as a Microsoft Graph PowerShell script the customer's admin (or the partner with
// delegated admin) runs: one Set-MgUserLicense per user, -DryRun to see every change first, a
// failure on one user does not stop the others, and a summary at the end. Pure: the caller passes
// the generation time. A Teams pair is added in the same call (-AddLicenses takes several SkuIds),
// so the user is never left with one license of the pair. Products are named as people know them
// ("Office 365 E5 (ENTERPRISEPREMIUM)", format.ts), and a legend at the top names every SKU id the
// calls use, so an admin can read what a Set-MgUserLicense line does.
import { productWithPartNumber, type ProductNames } from '../../../shared/domain/format';
import { psComment, psQuote, requireModules } from '../../output/powershell';
import { pairLabel, targetsOf, type ExportLicenseChange, type ExportUserChanges } from './pairTargets';

export interface ScriptContext {
  customerName: string;
  /** The saved plan, if any (without one the engine's matched offers are used). */
  plan: { id: string; status: string; asOf: string } | null;
  /** ISO date-time of generation. */
  generatedAt: string;
  /** The customer's tenant id (a GUID), when known: the script then signs in to that tenant only. */
  tenantId?: string;
  /** The name the file is saved under: the help's example commands name it, so they run as written. */
  fileName: string;
  /** The workspace's catalog names (null: none imported, part numbers only). */
  products: ProductNames | null;
}

/**
 * The Microsoft Graph PowerShell modules the script's cmdlets live in. The SDK is split into one
 * module per API area: Connect-MgGraph is in Microsoft.Graph.Authentication and Set-MgUserLicense in
 * Microsoft.Graph.Users.Actions (not Microsoft.Graph.Users, which only reads users).
 */
export const REQUIRED_MODULES = ['Microsoft.Graph.Authentication', 'Microsoft.Graph.Users.Actions'] as const;

function psArray(values: readonly string[]): string {
  return `@(${values.map(psQuote).join(', ')})`;
}

interface PlannedCall {
  add: { skuId: string; disabledPlans: string[] }[];
  remove: string[];
  description: string;
  notes: string[];
}

/** What the script does for one user: the direct assignments it can change, and why it leaves the rest. */
export function planCall(user: ExportUserChanges, names: ProductNames | null): PlannedCall {
  const from = (c: ExportLicenseChange) => productWithPartNumber(names, { skuId: c.fromSkuId, partNumber: c.fromSkuPartNumber });
  const add = new Map<string, string[]>();
  const remove: string[] = [];
  const parts: string[] = [];
  const notes: string[] = [];
  for (const c of user.changes) {
    if (!c.toSkuId) {
      notes.push(`${from(c)}: no target offer chosen yet, left as it is.`);
      continue;
    }
    const pair = pairLabel(names, c);
    if (!c.direct) {
      notes.push(`${from(c)}: licensed through group ${c.groups.join(', ')}; change the group's license instead.${pairNote(pair)}`);
      continue;
    }
    if (c.groups.length > 0) notes.push(groupAlsoNote(from(c), c) + pairNote(pair));
    for (const target of targetsOf(c)) {
      const before = add.get(target.skuId);
      // Two old SKUs onto one new SKU: a plan stays off only if both had it off.
      add.set(target.skuId, before ? before.filter((p) => target.disabledPlansCarried.includes(p)) : [...target.disabledPlansCarried]);
    }
    if (!remove.includes(c.fromSkuId)) remove.push(c.fromSkuId);
    parts.push(`${from(c)} -> ${pair || productWithPartNumber(names, { skuId: c.toSkuId, partNumber: c.toSkuPartNumber })}`);
  }
  return { add: [...add].map(([skuId, disabledPlans]) => ({ skuId, disabledPlans })), remove, description: parts.join(', '), notes };
}

function pairNote(pair: string): string {
  return pair ? ` The group must assign both licenses of the pair ${pair}.` : '';
}

function groupAlsoNote(from: string, c: ExportLicenseChange): string {
  return `${from}: also assigned through group ${c.groups.join(', ')}; change the group's license too, or the user keeps ${from}.`;
}

/** "#   <SKU id>  <name (part number)>" for every SKU the script adds or removes, in order of first use. */
function productLegend(users: readonly ExportUserChanges[], names: ProductNames | null): string[] {
  const seen = new Map<string, string>();
  const note = (skuId: string, partNumber: string) => {
    if (!seen.has(skuId)) seen.set(skuId, productWithPartNumber(names, { skuId, partNumber }));
  };
  for (const u of users) {
    for (const c of u.changes) {
      if (!c.toSkuId || !c.direct) continue;
      note(c.fromSkuId, c.fromSkuPartNumber);
      for (const t of targetsOf(c)) note(t.skuId, t.skuPartNumber);
    }
  }
  if (seen.size === 0) return [];
  return ['# Products by SKU id:', ...[...seen].map(([id, label]) => `#   ${psComment(id)}  ${psComment(label)}`), '#'];
}

const HELPER = String.raw`function Invoke-LicenseChange {
    param(
        [Parameter(Mandatory)] [string]$UserPrincipalName,
        [Parameter(Mandatory)] [string]$Description,
        [Parameter(Mandatory)] [scriptblock]$Change
    )
    if ($DryRun) {
        Write-Host "[dry run] $($UserPrincipalName): $Description"
        $script:Planned++
        return
    }
    try {
        & $Change
        $script:Changed++
        Write-Host "Changed $($UserPrincipalName): $Description"
    } catch {
        $script:Failed.Add("$($UserPrincipalName): $($_.Exception.Message)")
        Write-Warning "Could not change $($UserPrincipalName): $($_.Exception.Message)"
    }
}`;

export function reassignmentScript(ctx: ScriptContext, users: readonly ExportUserChanges[]): string {
  const calls = users.map((u) => ({ user: u, call: planCall(u, ctx.products) }));
  const toChange = calls.filter((c) => c.call.add.length > 0).length;
  const skipped = calls.length - toChange;
  const planText = ctx.plan ? `plan ${ctx.plan.id} (${ctx.plan.status}, as of ${ctx.plan.asOf})` : 'no saved plan: the offers the app matched';
  const out: string[] = [
    '# License reassignment for the move to the Cloud Solution Provider program (Microsoft Graph PowerShell).',
    `# Customer: ${psComment(ctx.customerName)}`,
    `# Plan: ${psComment(planText)}`,
    `# Generated: ${psComment(ctx.generatedAt)} by CSP Migration Workspace`,
    `# Users changed by this script: ${toChange}. Users left out (group-based or no target): ${skipped}.`,
    '#',
    ...productLegend(users, ctx.products),
    '# Run it with -DryRun first: it prints every change and does not connect to Microsoft Graph.',
    `#   .\\${psComment(ctx.fileName)} -DryRun`,
    `#   .\\${psComment(ctx.fileName)}`,
    `# Needs the Microsoft Graph PowerShell modules ${REQUIRED_MODULES.join(' and ')}:`,
    `#   Install-Module ${REQUIRED_MODULES.join(', ')} -Scope CurrentUser`,
    '# and an account that may assign licenses in the customer tenant (scope User.ReadWrite.All).',
    '',
    '[CmdletBinding()]',
    'param(',
    '    # Print what would change without calling Microsoft Graph.',
    '    [switch]$DryRun',
    ')',
    '',
    'Set-StrictMode -Version Latest',
    "$ErrorActionPreference = 'Stop'",
    '',
    ...requireModules(REQUIRED_MODULES),
    '',
    '$script:Planned = 0',
    '$script:Changed = 0',
    '$script:Failed = [System.Collections.Generic.List[string]]::new()',
    '',
    ...HELPER.split('\n'),
    '',
    'if (-not $DryRun) {',
    // With the tenant id, a partner's account that can reach several tenants cannot change the wrong one.
    ctx.tenantId && /^[0-9a-f-]{36}$/i.test(ctx.tenantId)
      ? `    Connect-MgGraph -TenantId ${psQuote(ctx.tenantId)} -Scopes User.ReadWrite.All -NoWelcome`
      : '    Connect-MgGraph -Scopes User.ReadWrite.All -NoWelcome',
    '}',
    '',
  ];
  for (const { user, call } of calls) {
    out.push(`# ${psComment(user.userPrincipalName)} (${psComment(user.userId)})`);
    for (const note of call.notes) out.push(`# ${psComment(note)}`);
    if (call.add.length === 0) {
      out.push('# SKIPPED: nothing this script can change for this user.', '');
      continue;
    }
    const adds = call.add.map((a) => `@{SkuId = ${psQuote(a.skuId)}; DisabledPlans = ${psArray(a.disabledPlans)}}`).join(', ');
    out.push(
      `Invoke-LicenseChange -UserPrincipalName ${psQuote(user.userPrincipalName)} -Description ${psQuote(call.description)} -Change {`,
      `    Set-MgUserLicense -UserId ${psQuote(user.userId)} -AddLicenses @(${adds}) -RemoveLicenses ${psArray(call.remove)} -ErrorAction Stop | Out-Null`,
      '}',
      '',
    );
  }
  out.push(
    "Write-Host ''",
    'if ($DryRun) {',
    // The count is known only when the script runs: the plural is chosen there.
    "    $usersWord = if ($script:Planned -eq 1) { 'user' } else { 'users' }",
    '    Write-Host "Dry run: $($script:Planned) $usersWord would be changed. Nothing was sent to Microsoft Graph."',
    '} else {',
    '    Write-Host "Changed: $($script:Changed). Failed: $($script:Failed.Count)."',
    '    foreach ($failure in $script:Failed) { Write-Host "  $failure" }',
    '}',
    `Write-Host 'Left out (licensed through a group, or no target chosen): ${skipped}. See the comments in this script.'`,
    'if (-not $DryRun -and $script:Failed.Count -gt 0) { exit 1 }',
    '',
  );
  return out.join('\r\n');
}
