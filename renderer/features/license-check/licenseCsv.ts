// The reassignment as a spreadsheet: one row per user and license change, for the customer's admin
// to review or to feed their own tooling. Column names are fixed English identifiers (tools read them).
// A Teams pair gives the user two licenses for one: one row per license the user gets, both rows
// naming the pair (column "pair", added last so tools that read the older columns still work).
// The products by their catalog names (format.ts) in the columns after it, for the people reading it.
import Papa from 'papaparse';
import { productName, type ProductNames } from '../../../shared/domain/format';
import { pairName, type ExportUserChanges } from './pairTargets';

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
  'pair',
  // Added for people (#16), after the identifiers tools read: the products by their catalog names.
  'fromProduct',
  'toProduct',
] as const;

/**
 * CSV text with a BOM (Excel then reads it as UTF-8). Lists inside a cell are separated by "; ".
 * Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function licenseChangesCsv(users: readonly ExportUserChanges[], names: ProductNames | null): string {
  const data: string[][] = [];
  for (const u of users) {
    for (const c of u.changes) {
      const pair = pairName(c);
      const groupBased = c.groups.length > 0 ? 'yes' : 'no';
      const fromProduct = productName(names, { skuId: c.fromSkuId, partNumber: c.fromSkuPartNumber });
      data.push([
        u.userPrincipalName,
        u.userId,
        c.fromSkuId,
        c.fromSkuPartNumber,
        c.toSkuId ?? '',
        c.toSkuPartNumber,
        c.disabledPlansCarried.join('; '),
        c.lostServicePlans.map((p) => p.friendlyName || p.servicePlanName).join('; '),
        groupBased,
        c.groups.join('; '),
        pair,
        fromProduct,
        c.toSkuId ? productName(names, { skuId: c.toSkuId, partNumber: c.toSkuPartNumber }) : '',
      ]);
      // The services lost are the pair's, together: said once, on the main target's row.
      for (const also of c.alsoTo ?? []) {
        data.push([u.userPrincipalName, u.userId, c.fromSkuId, c.fromSkuPartNumber, also.skuId, also.skuPartNumber, also.disabledPlansCarried.join('; '), '', groupBased, c.groups.join('; '), pair, fromProduct, productName(names, { skuId: also.skuId, partNumber: also.skuPartNumber })]);
      }
    }
  }
  return '\uFEFF' + Papa.unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}
