// The reassignment as a spreadsheet: one row per user and license change, for the customer's admin
// to review or to feed their own tooling. Column names are fixed English identifiers (tools read them).
import Papa from 'papaparse';
import type { UserLicenseChanges } from '../../../shared/domain/licenseChanges';

export const CSV_COLUMNS = [
  'userPrincipalName',
  'userId',
  'fromSkuId',
  'fromSkuPartNumber',
  'toSkuId',
  'toSkuPartNumber',
  'disabledPlansCarriedOver',
  'servicesLost',
  'groupBased',
  'groups',
] as const;

/**
 * CSV text with a BOM (Excel then reads it as UTF-8). Lists inside a cell are separated by "; ".
 * Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function licenseChangesCsv(users: readonly UserLicenseChanges[]): string {
  const data: string[][] = [];
  for (const u of users) {
    for (const c of u.changes) {
      data.push([
        u.userPrincipalName,
        u.userId,
        c.fromSkuId,
        c.fromSkuPartNumber,
        c.toSkuId ?? '',
        c.toSkuPartNumber,
        c.disabledPlansCarried.join('; '),
        c.lostServicePlans.map((p) => p.friendlyName || p.servicePlanName).join('; '),
        c.groups.length > 0 ? 'yes' : 'no',
        c.groups.join('; '),
      ]);
    }
  }
  return '\uFEFF' + Papa.unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}
