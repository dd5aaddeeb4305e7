// Text placed into a PowerShell script the app writes (the license reassignment, the tenant
// collection script): values quoted so that no customer name or id can end a string or a comment.

/**
 * A PowerShell single-quoted string. PowerShell also ends such a string at the typographic single
 * quotes (U+2018..U+201B), so each of them is doubled like the ASCII one.
 */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

/** Text safe inside a `#` comment: a line break would end the comment and run the rest. */
export function psComment(value: string): string {
  return value.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');
}

/**
 * The lines that stop a script before anything else when a module it needs is missing, and say
 * how to install it. Run in the dry run too, so a missing module shows there rather than as one
 * failure per call in the real run.
 */
export function requireModules(modules: readonly string[]): string[] {
  return [
    `$requiredModules = @(${modules.map(psQuote).join(', ')})`,
    '$missingModules = @($requiredModules | Where-Object { -not (Get-Module -ListAvailable -Name $_) })',
    'if ($missingModules.Count -gt 0) {',
    '    Write-Host "This script needs the Microsoft Graph PowerShell module(s) $($missingModules -join \', \'), which are not installed." -ForegroundColor Red',
    '    Write-Host "Install them, then run the script again:" -ForegroundColor Red',
    '    Write-Host "    Install-Module $($missingModules -join \', \') -Scope CurrentUser" -ForegroundColor Red',
    '    exit 1',
    '}',
    'Import-Module -Name $requiredModules',
  ];
}
