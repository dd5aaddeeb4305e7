import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { cleanPartNumber, parseCatalogCsv } from './catalogCsv';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const csv = readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8');
const HEADER = 'Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names';

describe('licensing CSV import', () => {
  it('reads the real file as downloaded: BOM, duplicates, products and plans', () => {
    const data = parseCatalogCsv(csv, 'licensing.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(data.rows).toBe(5825);
    expect(data.duplicateRows).toBe(16);
    expect(data.skus.length).toBeGreaterThanOrEqual(600);
    expect(data.skus.length).toBeLessThanOrEqual(620);
    const planIds = new Set(data.skus.flatMap((s) => s.servicePlans.map((p) => p.id)));
    expect(planIds.size).toBe(769);
    const e3 = data.skus.find((s) => s.partNumber === 'ENTERPRISEPACK');
    expect(e3).toMatchObject({ id: '6fd2c87f-b296-42f0-b197-1e91e994b900', name: 'Office 365 E3' });
    // GUIDs are lower-cased, part numbers cleaned of stray spaces.
    expect(data.skus.every((s) => s.id === s.id.toLowerCase())).toBe(true);
    expect(data.skus.filter((s) => /_\s|\s_|^\s|\s$/.test(s.partNumber))).toEqual([]);
    expect(data.skus.map((s) => s.partNumber)).toContain('Microsoft_365_Business_Premium_(no Teams)');
  });

  it('keeps retired plans, marked and without the prefix', () => {
    const data = parseCatalogCsv(csv, 'licensing.csv');
    const spe = data.skus.find((s) => s.partNumber === 'SPE_E3')!;
    const bing = spe.servicePlans.find((p) => p.name === 'Bing_Chat_Enterprise')!;
    expect(bing).toMatchObject({ retired: true, friendlyName: 'Commercial data protection for Microsoft Copilot' });
  });

  it('cleans part numbers with odd spacing', () => {
    expect(cleanPartNumber('Microsoft_365_ Business_ Premium_(no Teams)')).toBe('Microsoft_365_Business_Premium_(no Teams)');
  });

  it('names file, spreadsheet row and column on bad data', () => {
    const text = `${HEADER}\r\nA,A_ID,6fd2c87f-b296-42f0-b197-1e91e994b900,P,113feb6c-3fe4-4440-bddc-54d774bf0318,Plan\r\nB,B_ID,not-a-guid,P,113feb6c-3fe4-4440-bddc-54d774bf0318,Plan\r\n`;
    let err: unknown;
    try {
      parseCatalogCsv(text, 'licensing.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toBe('licensing.csv: row 3: column GUID: "not-a-guid" is not a GUID');
    expect(() => parseCatalogCsv('a,b,c\r\n1,2,3', 'x.csv')).toThrow(/x\.csv: row 1: column Product_Display_Name: column missing from the header/);
    expect(() => parseCatalogCsv('', 'x.csv')).toThrow(ImportError);
  });
});

describe('one name per service plan', () => {
  const data = parseCatalogCsv(csv, 'licensing.csv');
  it('every plan id has one name and one friendly name across the catalog', () => {
    const names = new Map<string, Set<string>>();
    const friendly = new Map<string, Set<string>>();
    for (const s of data.skus) {
      for (const p of s.servicePlans) {
        names.set(p.id, (names.get(p.id) ?? new Set()).add(p.name));
        friendly.set(p.id, (friendly.get(p.id) ?? new Set()).add(p.friendlyName));
      }
    }
    expect([...names.values()].filter((v) => v.size > 1)).toEqual([]);
    expect([...friendly.values()].filter((v) => v.size > 1)).toEqual([]);
    expect(names.size).toBe(769);
  });

  it('repairs the spellings the file has: spaces around underscores, one name given to two plans', () => {
    const plans = new Map(data.skus.flatMap((s) => s.servicePlans.map((p) => [p.id, p] as const)));
    expect(plans.get('7d16094b-4db8-41ff-a182-372a90a85407')!.name).toBe('Auditing_10Year_Retention_Add_On');
    const em1 = data.skus.find((s) => s.partNumber === 'PBI_PREMIUM_EM1_ADDON')!;
    // Row 5357 names Exchange Foundation "EXCHANGE_S_FOUNDATION PBI_PREMIUM_EM1_ADDON"; every other row says EXCHANGE_S_FOUNDATION.
    expect(em1.servicePlans.find((p) => p.id === '113feb6c-3fe4-4440-bddc-54d774bf0318')!.name).toBe('EXCHANGE_S_FOUNDATION');
    expect(plans.get('113feb6c-3fe4-4440-bddc-54d774bf0318')!.friendlyName).toBe('Exchange Foundation');
  });
});
