// The benchmark's admin-center export is in the real export's exact layout: the fixture's header
// byte for byte, a BOM, LF line ends, 29 fields on every row, and it imports whole.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseAdminCenterUsers } from '../../shared/import/adminCenterUsers';
import { parseCatalogCsv } from '../../shared/import/catalogCsv';
import { adminCenterCsv } from './adminCenterWorkload';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const real = readFileSync(path.join(fixtures, 'm365-admin-center/users_12_1_2026 9_30_12 AM.csv'), 'utf8');
const catalog = parseCatalogCsv(readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8'), 'licensing.csv');

describe('the admin-center benchmark workload', () => {
  const csv = adminCenterCsv(catalog, 2000);

  it("has the real export's header, BOM and line ends, and 29 fields on every row", () => {
    expect(csv.slice(0, csv.indexOf('\n'))).toBe(real.slice(0, real.indexOf('\n')));
    expect(csv).not.toContain('\r');
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: 'greedy' }).data;
    expect(rows).toHaveLength(2001);
    expect(rows.every((r) => r.length === 29)).toBe(true);
    expect(adminCenterCsv(catalog, 2000)).toBe(csv);
  });

  it('imports every user, with bought products, free ones left aside and some users unlicensed', () => {
    const { inventory, report } = parseAdminCenterUsers(csv, 'bench.csv', catalog);
    expect(report.layout).toBe(29);
    expect(inventory.users).toHaveLength(2000);
    expect(report.ambiguous).toEqual([]);
    expect(report.notInCatalog).toEqual([]);
    expect(report.freeOrTrial.length).toBeGreaterThan(0);
    expect(inventory.users.filter((u) => u.licenses.length === 0).length).toBeGreaterThan(0);
    expect(inventory.skus.length).toBeGreaterThanOrEqual(6);
  });
});
