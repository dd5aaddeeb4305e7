// Microsoft's "Product names and service plan identifiers for licensing" CSV, exactly as downloaded:
// a BOM, CRLF, exact duplicate rows, String_Ids with stray spaces, mixed-case GUIDs and friendly
// names prefixed "RETIRED - ". One row per product x service plan.
import type { CatalogData, CatalogSku } from '../domain/catalog';
import { isGuid, normalizeId } from '../domain/ids';
import { readCsvTable } from './csvTable';
import { ImportError } from './errors';

export const CATALOG_COLUMNS = [
  'Product_Display_Name',
  'String_Id',
  'GUID',
  'Service_Plan_Name',
  'Service_Plan_Id',
  'Service_Plans_Included_Friendly_Names',
] as const;

const RETIRED = /^\s*RETIRED\s*-\s*/i;

export interface CatalogImport extends CatalogData {
  /** Rows read (without the header). */
  rows: number;
  /** Exact duplicate rows skipped. */
  duplicateRows: number;
}

/** Collapses the stray spaces of some String_Ids (`Microsoft_365_ Business_ Premium_(no Teams)`). */
export function cleanPartNumber(s: string): string {
  return s.trim().replace(/_\s+/g, '_').replace(/\s+_/g, '_');
}

export function parseCatalogCsv(text: string, file: string): CatalogImport {
  const rows = readCsvTable(text, file);
  const header = rows[0];
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const idx = {} as Record<(typeof CATALOG_COLUMNS)[number], number>;
  for (const c of CATALOG_COLUMNS) {
    const i = col.get(c);
    if (i === undefined) throw new ImportError({ code: 'INVALID_CSV', file, row: 1, field: c, reason: 'CATALOG_COLUMN_MISSING' });
    idx[c] = i;
  }

  const skus = new Map<string, CatalogSku & { planIds: Set<string> }>();
  const nameVotes = new Map<string, Map<string, number>>();
  const friendlyVotes = new Map<string, Map<string, number>>();
  const seenRows = new Set<string>();
  let duplicateRows = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as string[];
    const rowNumber = r + 1; // spreadsheet row: the header is row 1
    const cell = (c: (typeof CATALOG_COLUMNS)[number]): string => (row[idx[c]] ?? '').trim();
    const rowKey = row.join('\u0000');
    if (seenRows.has(rowKey)) {
      duplicateRows++;
      continue;
    }
    seenRows.add(rowKey);
    const guid = cell('GUID');
    if (!isGuid(guid)) {
      throw new ImportError({ code: 'INVALID_VALUE', file, row: rowNumber, field: 'GUID', reason: 'NOT_A_GUID', params: { value: guid } });
    }
    const planId = cell('Service_Plan_Id');
    if (!isGuid(planId)) {
      throw new ImportError({ code: 'INVALID_VALUE', file, row: rowNumber, field: 'Service_Plan_Id', reason: 'NOT_A_GUID', params: { value: planId } });
    }
    const partNumber = cleanPartNumber(cell('String_Id'));
    if (partNumber === '') {
      throw new ImportError({ code: 'INVALID_VALUE', file, row: rowNumber, field: 'String_Id', reason: 'EMPTY_VALUE' });
    }
    const id = normalizeId(guid);
    let sku = skus.get(id);
    if (!sku) {
      sku = { id, partNumber, name: cell('Product_Display_Name'), servicePlans: [], planIds: new Set() };
      skus.set(id, sku);
    }
    const pid = normalizeId(planId);
    if (sku.planIds.has(pid)) continue; // the same plan listed twice with different spelling
    sku.planIds.add(pid);
    const friendly = cell('Service_Plans_Included_Friendly_Names');
    const name = cleanPartNumber(cell('Service_Plan_Name')).replace(/\s+/g, ' ');
    const friendlyName = friendly.replace(RETIRED, '').replace(/\s+/g, ' ') || name;
    vote(nameVotes, pid, name);
    vote(friendlyVotes, pid, friendlyName);
    sku.servicePlans.push({ id: pid, name, friendlyName, retired: RETIRED.test(friendly) });
  }
  // One name per service plan id: the spelling most rows use. Products spell the same plan
  // differently (`Deskless`/`DESKLESS`, "EXCHANGE FOUNDATION"/"Exchange Foundation", and once
  // `EXCHANGE_S_FOUNDATION PBI_PREMIUM_EM1_ADDON` for two plans), and a plan's family must not
  // depend on which product it was read from.
  const canonicalName = winners(nameVotes);
  const canonicalFriendly = winners(friendlyVotes);
  return {
    skus: [...skus.values()].map(({ planIds: _planIds, ...sku }) => ({
      ...sku,
      servicePlans: sku.servicePlans.map((p) => ({
        ...p,
        name: canonicalName.get(p.id) ?? p.name,
        friendlyName: canonicalFriendly.get(p.id) ?? p.friendlyName,
      })),
    })),
    rows: rows.length - 1,
    duplicateRows,
  };
}

function vote(votes: Map<string, Map<string, number>>, id: string, value: string): void {
  let v = votes.get(id);
  if (!v) votes.set(id, (v = new Map()));
  v.set(value, (v.get(value) ?? 0) + 1);
}

/** The most frequent value per id; the first seen on a tie. */
function winners(votes: Map<string, Map<string, number>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, v] of votes) {
    let best = '';
    let n = -1;
    for (const [value, count] of v) if (count > n) [best, n] = [value, count];
    out.set(id, best);
  }
  return out;
}
