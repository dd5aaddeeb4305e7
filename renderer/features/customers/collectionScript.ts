// The collection script the app writes for one customer: Microsoft Graph PowerShell that the
// customer's admin (or the partner through delegated admin) runs to get the tenant's data into the
// app. It only reads: three read-only scopes, GET requests, every page (@odata.nextLink); it saves
// each response body as Graph sent it (-OutputFilePath: no re-serialising, which in Windows
// PowerShell would rewrite dates as "\/Date(...)\/") and a manifest.json, in one zip the import takes as it is
// (shared/import/collectionZip.ts). -DryRun (or -WhatIf) prints what it would read and write,
// signs in to nothing and writes nothing. Pure: the caller passes the generation time.
import { COLLECTION_FORMAT, COLLECTION_MANIFEST, COLLECTION_SCRIPT_VERSION } from '../../../shared/import/collectionZip';
import { fileSlug } from '../../output/fileNames';
import { psComment, psQuote, requireModules } from '../../output/powershell';

/**
 * The least-privileged Microsoft Graph permissions that read what the import needs
 * (fixtures/README.md): subscribedSkus, directory/subscriptions and organization, users' licenses.
 */
export const COLLECTION_SCOPES = ['LicenseAssignment.Read.All', 'Organization.Read.All', 'User.Read.All'] as const;

/** Invoke-MgGraphRequest and Connect-MgGraph both live in the SDK's authentication module. */
export const COLLECTION_MODULES = ['Microsoft.Graph.Authentication'] as const;

/** The users' fields parseUsers reads, and what a person checking the zip recognises them by. */
export const USER_FIELDS = ['id', 'userPrincipalName', 'displayName', 'usageLocation', 'accountEnabled', 'assignedLicenses', 'licenseAssignmentStates'] as const;

/** Each request, and the name its pages are saved under (`users.json`, `users-2.json`, ...). */
export const COLLECTION_REQUESTS = [
  { name: 'organization', uri: 'v1.0/organization' },
  { name: 'subscribedSkus', uri: 'v1.0/subscribedSkus' },
  { name: 'subscriptions', uri: 'v1.0/directory/subscriptions' },
  // 999 is the largest page Graph gives for users.
  { name: 'users', uri: `v1.0/users?$select=${USER_FIELDS.join(',')}&$top=999` },
] as const;

export interface CollectionScriptContext {
  customerName: string;
  /** The customer's tenant id, when known: the script signs in to that tenant only and checks it. */
  tenantId?: string;
  /** ISO date-time of generation. */
  generatedAt: string;
  /** The name the file is saved under: the help's example commands name it. */
  fileName: string;
}

export function collectionScriptFileName(customerName: string, day: string): string {
  return `collect-tenant-${fileSlug(customerName)}-${day}.ps1`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SAVE_PAGES = String.raw`function Save-GraphPages {
    param(
        [Parameter(Mandatory)] [string]$Name,
        [Parameter(Mandatory)] [string]$Uri
    )
    $page = 1
    $next = $Uri
    while ($next) {
        if ($page -eq 1) { $file = "$Name.json" } else { $file = "$Name-$page.json" }
        Write-Host "Reading $Name, page $page"
        $path = Join-Path $workFolder $file
        # The body exactly as Graph sent it, saved by the SDK itself: the import reads these bytes.
        Invoke-MgGraphRequest -Method GET -Uri $next -OutputFilePath $path
        $script:files.Add($file)
        $nextLink = (Get-Content -LiteralPath $path -Raw -Encoding UTF8 | ConvertFrom-Json).PSObject.Properties['@odata.nextLink']
        if ($nextLink) { $next = [string]$nextLink.Value } else { $next = '' }
        $page++
    }
}`;

export function collectionScript(ctx: CollectionScriptContext): string {
  const tenantId = ctx.tenantId && GUID.test(ctx.tenantId) ? ctx.tenantId.toLowerCase() : '';
  const zipBase = `tenant-data-${fileSlug(ctx.customerName)}`;
  const file = psComment(ctx.fileName);
  const out: string[] = [
    "# Collects a customer's Microsoft 365 subscriptions, licenses and users for CSP Migration Workspace",
    '# (Microsoft Graph PowerShell, read only).',
    `# Customer: ${psComment(ctx.customerName)}`,
    tenantId ? `# Tenant: ${tenantId} (the script signs in to this tenant only)` : '# Tenant: not known to the app; the tenant of the account that signs in',
    `# Generated: ${psComment(ctx.generatedAt)} by CSP Migration Workspace, collection script version ${COLLECTION_SCRIPT_VERSION}`,
    '#',
    `# It only reads. It signs in with the read-only scopes ${COLLECTION_SCOPES.join(', ')},`,
    '# sends GET requests to Microsoft Graph (organization, subscribedSkus, directory/subscriptions, users',
    '# with their licenses, every page) and writes one zip: each response body as Graph sent it, and',
    `# ${COLLECTION_MANIFEST} (tenant id, time, script version). Import that zip in the app as it is.`,
    '# Run it with -DryRun (or -WhatIf) first: it prints what it would read and write, and does neither.',
    `#   .\\${file} -DryRun`,
    `#   .\\${file}`,
    `# Needs the Microsoft Graph PowerShell module ${COLLECTION_MODULES.join(', ')}:`,
    `#   Install-Module ${COLLECTION_MODULES.join(', ')} -Scope CurrentUser`,
    "# and an account of the customer's tenant that may read users and licenses (Global Reader is enough),",
    "# or a partner's account with delegated admin (GDAP) in the tenant.",
    '',
    '[CmdletBinding(SupportsShouldProcess)]',
    'param(',
    '    # Print what would be read and written, without signing in or writing anything.',
    '    [switch]$DryRun,',
    '    # The folder the zip is written to.',
    "    [string]$OutputFolder = '.'",
    ')',
    '',
    'Set-StrictMode -Version Latest',
    "$ErrorActionPreference = 'Stop'",
    // -WhatIf sets $WhatIfPreference in the script's scope: the same dry run as -DryRun.
    '$dryRunOnly = $DryRun.IsPresent -or [bool]$WhatIfPreference',
    '',
    ...requireModules(COLLECTION_MODULES),
    '',
    `$scriptVersion = ${COLLECTION_SCRIPT_VERSION}`,
    `$expectedTenantId = ${psQuote(tenantId)}`,
    `$scopes = @(${COLLECTION_SCOPES.map(psQuote).join(', ')})`,
    '$requests = @(',
    ...COLLECTION_REQUESTS.map((r) => `    @{ Name = ${psQuote(r.name)}; Uri = ${psQuote(r.uri)} }`),
    ')',
    "$stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture)",
    `$zipPath = Join-Path $OutputFolder "${zipBase}-$stamp.zip"`,
    '',
    ...SAVE_PAGES.split('\n'),
    '',
    'if ($dryRunOnly) {',
    '    Write-Host "[dry run] Would sign in to Microsoft Graph with the read-only scopes $($scopes -join \', \')."',
    "    if ($expectedTenantId) { Write-Host \"[dry run] Would sign in to tenant $expectedTenantId only, and stop if the account's tenant is another.\" }",
    '    foreach ($request in $requests) {',
    '        Write-Host "[dry run] Would read GET $($request.Uri), every page, into $($request.Name).json (then $($request.Name)-2.json, ...)."',
    '    }',
    `    Write-Host "[dry run] Would write $zipPath with those files and ${COLLECTION_MANIFEST}. Nothing was read and nothing was written."`,
    '    exit 0',
    '}',
    '',
    tenantId ? `Connect-MgGraph -TenantId $expectedTenantId -Scopes $scopes -NoWelcome` : 'Connect-MgGraph -Scopes $scopes -NoWelcome',
    '$tenantId = [string](Get-MgContext).TenantId',
    'if ($expectedTenantId -and $tenantId -ne $expectedTenantId) {',
    '    Write-Host "Signed in to tenant $tenantId, but this script is for tenant $expectedTenantId. Nothing was written." -ForegroundColor Red',
    '    exit 1',
    '}',
    '',
    "$workFolder = Join-Path ([System.IO.Path]::GetTempPath()) ('csp-collection-' + [guid]::NewGuid().ToString('N'))",
    'New-Item -ItemType Directory -Path $workFolder | Out-Null',
    '$utf8 = [System.Text.UTF8Encoding]::new($false)',
    '$script:files = [System.Collections.Generic.List[string]]::new()',
    '$failure = $null',
    'try {',
    '    foreach ($request in $requests) {',
    '        Save-GraphPages -Name $request.Name -Uri $request.Uri',
    '    }',
    '    $manifest = [ordered]@{',
    `        format = ${psQuote(COLLECTION_FORMAT)}`,
    '        scriptVersion = $scriptVersion',
    '        tenantId = $tenantId',
    "        collectedAt = (Get-Date).ToUniversalTime().ToString(\"yyyy-MM-dd'T'HH:mm:ss'Z'\", [System.Globalization.CultureInfo]::InvariantCulture)",
    '        files = $script:files.ToArray()',
    '    }',
    `    [System.IO.File]::WriteAllText((Join-Path $workFolder ${psQuote(COLLECTION_MANIFEST)}), (ConvertTo-Json -InputObject $manifest -Depth 3), $utf8)`,
    "    Compress-Archive -Path (Join-Path $workFolder '*') -DestinationPath $zipPath",
    '} catch {',
    '    $failure = $_',
    '} finally {',
    // Only the script's own temporary folder: the zip is all it leaves behind.
    '    Remove-Item -LiteralPath $workFolder -Recurse -Force',
    '}',
    'if ($failure) {',
    '    Write-Host "Could not collect the data: $($failure.Exception.Message). No zip was written." -ForegroundColor Red',
    '    exit 1',
    '}',
    'Write-Host "Wrote $zipPath ($($script:files.Count) file(s) from Microsoft Graph and ' + COLLECTION_MANIFEST + '). Import it in CSP Migration Workspace as it is."',
    '',
  ];
  return out.join('\r\n');
}
