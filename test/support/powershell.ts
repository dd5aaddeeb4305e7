// PowerShell cannot run where the tests run, so the scripts the app writes are parsed with the
// maintained tree-sitter PowerShell grammar (airbus-cert, loaded as WebAssembly) and every command
// they call is checked against the module Microsoft documents for it.
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';

/**
 * Cmdlet -> module, as Microsoft's reference documents them. Sources (Microsoft Learn, PowerShell
 * module reference; the module is the path segment before the cmdlet):
 * - https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/connect-mggraph
 * - https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/get-mgcontext
 * - https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/invoke-mggraphrequest
 * - https://learn.microsoft.com/powershell/module/microsoft.graph.users.actions/set-mguserlicense
 * - https://learn.microsoft.com/powershell/module/microsoft.graph.users/get-mguser
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.core/get-module
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.core/import-module
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.core/set-strictmode
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.core/where-object
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.core/out-null
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/write-host
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/write-warning
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/get-date
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertfrom-json
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertto-json
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-content
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.management/join-path
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.management/new-item
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.management/remove-item
 * - https://learn.microsoft.com/powershell/module/microsoft.powershell.archive/compress-archive
 * - https://learn.microsoft.com/powershell/module/powershellget/install-module
 */
export const DOCUMENTED_MODULE: Record<string, string> = {
  'connect-mggraph': 'Microsoft.Graph.Authentication',
  'get-mgcontext': 'Microsoft.Graph.Authentication',
  'invoke-mggraphrequest': 'Microsoft.Graph.Authentication',
  'set-mguserlicense': 'Microsoft.Graph.Users.Actions',
  'get-mguser': 'Microsoft.Graph.Users',
  'get-module': 'Microsoft.PowerShell.Core',
  'import-module': 'Microsoft.PowerShell.Core',
  'set-strictmode': 'Microsoft.PowerShell.Core',
  'where-object': 'Microsoft.PowerShell.Core',
  'out-null': 'Microsoft.PowerShell.Core',
  'write-host': 'Microsoft.PowerShell.Utility',
  'write-warning': 'Microsoft.PowerShell.Utility',
  'get-date': 'Microsoft.PowerShell.Utility',
  'convertfrom-json': 'Microsoft.PowerShell.Utility',
  'convertto-json': 'Microsoft.PowerShell.Utility',
  'get-content': 'Microsoft.PowerShell.Management',
  'join-path': 'Microsoft.PowerShell.Management',
  'new-item': 'Microsoft.PowerShell.Management',
  'remove-item': 'Microsoft.PowerShell.Management',
  'compress-archive': 'Microsoft.PowerShell.Archive',
  'install-module': 'PowerShellGet',
};

/** Modules that ship with PowerShell itself (5.1 and 7): never to be checked or installed. */
export const BUILT_IN = new Set(['Microsoft.PowerShell.Core', 'Microsoft.PowerShell.Utility', 'Microsoft.PowerShell.Management', 'Microsoft.PowerShell.Archive', 'PowerShellGet']);

export async function loadPowerShellParser(): Promise<Parser> {
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(createRequire(import.meta.url).resolve('tree-sitter-powershell/tree-sitter-powershell.wasm')));
  return parser;
}

export function nodes(root: Node, type: string): Node[] {
  return root.descendantsOfType(type).filter((n): n is Node => n !== null);
}

export function syntaxErrors(root: Node): string[] {
  const found: string[] = [];
  const walk = (n: Node) => {
    if (n.isError || n.isMissing) found.push(`${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.text.slice(0, 60)}`);
    for (const c of n.children) if (c) walk(c);
  };
  walk(root);
  return found;
}
