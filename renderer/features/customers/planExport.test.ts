import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../../../shared/import/catalogCsv';
import { parseTenantExports } from '../../../shared/import/graph';
import { planTenant, prepareCatalog } from '../../../shared/domain/engine';
import type { PlanLine } from '../../../shared/workspace/tables';
import { EXPORT_COLUMNS, exportFileName, planExportTable, toCsv, toXlsx, type ExportWords } from './planExport';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const read = (p: string) => readFileSync(path.join(fixtures, p), 'utf8');
const catalog = prepareCatalog(parseCatalogCsv(read('microsoft/Product names and service plan identifiers for licensing.csv'), 'licensing.csv'));
const inventory = parseTenantExports({
  subscribedSkus: { text: read('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' },
  subscriptions: { text: read('graph/directory.subscriptions.list.response.json'), file: 'subscriptions.json' },
});
const plan = planTenant(inventory, catalog, { partnerTenantId: '11111111-2222-3333-4444-555555555555', partnerCountry: 'JP', asOf: '2023-01-15' });

const words: ExportWords = {
  columns: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, `col:${c}`])) as ExportWords['columns'],
  channel: (c) => `channel:${c}`,
  match: (k) => `match:${k}`,
};

const saved: PlanLine = {
  id: 'l1',
  planId: 'p1',
  customerId: 'c1',
  sourceSkuId: plan.lines[0]!.sourceSkuId,
  sourceSubscriptionId: plan.lines[0]!.subscriptionId,
  targetSkuId: null,
  quantity: 25,
  orderDate: '2023-01-20',
  decisionNote: '',
};

describe('planExportTable', () => {
  const table = planExportTable(plan, [saved], words);
  const column = (row: number, c: (typeof EXPORT_COLUMNS)[number]) => table.rows[row]![EXPORT_COLUMNS.indexOf(c)];

  it('has one row per plan line with the header in the given words', () => {
    expect(table.header).toEqual(EXPORT_COLUMNS.map((c) => `col:${c}`));
    expect(table.rows).toHaveLength(plan.lines.length);
    expect(table.rows.map((_, i) => column(i, 'sourceSku'))).toEqual(['MyPartNumber', 'ENTERPRISEPREMIUM', 'CRMSTANDARD']);
  });

  it('carries source, quantities, dates, match kind, the saved order date and the line findings', () => {
    expect(column(0, 'channel')).toBe('channel:other-partner');
    expect(column(0, 'quantity')).toBe(25);
    expect(column(0, 'expires')).toBe('2023-02-01');
    expect(column(0, 'deadline')).toBe('2023-03-03');
    expect(column(0, 'match')).toBe('match:none');
    expect(column(0, 'orderDate')).toBe('2023-01-20');
    expect(column(1, 'orderDate')).toBeNull();
    const findings = String(column(0, 'findings'));
    expect(findings).toContain('UNKNOWN_SKU: MyPartNumber is not in the licensing catalog');
    expect(findings).toContain('EXPIRY_DEADLINE: MyPartNumber expires on 2023-02-01');
    // Tenant-wide findings (the region rule) belong to no line.
    expect(table.rows.some((r) => String(r[EXPORT_COLUMNS.indexOf('findings')]).includes('REGION_MISMATCH'))).toBe(false);
    // ENTERPRISEPREMIUM is in the catalog and purchasable: kept as it is.
    expect(column(1, 'match')).toBe('match:same');
    expect(column(1, 'targetSku')).toBe('ENTERPRISEPREMIUM');
  });
});

describe('toCsv', () => {
  it('reads back as the same table, with a BOM and formulas defused', () => {
    const csv = toCsv({ header: ['a', 'b'], rows: [['=HYPERLINK("x")', 2], ['日本語, "quoted"\nline', null]] });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['a', 'b'],
      [`'=HYPERLINK("x")`, '2'],
      ['日本語, "quoted"\nline', ''],
    ]);
  });

  it('exports the real plan with every line', () => {
    const parsed = Papa.parse<string[]>(toCsv(planExportTable(plan, [], words)).slice(1), { skipEmptyLines: true });
    expect(parsed.data).toHaveLength(plan.lines.length + 1);
    expect(parsed.data[1]![EXPORT_COLUMNS.indexOf('line')]).toBe(plan.lines[0]!.lineId);
  });
});

describe('toXlsx', () => {
  it('writes a workbook whose sheet holds the header, the numbers and the texts', async () => {
    const bytes = await toXlsx(planExportTable(plan, [saved], words), 'Plan');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toContain('xl/worksheets/sheet1.xml');
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="Plan"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const strings = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : '';
    const all = sheet + strings;
    for (const text of ['col:findings', 'MyPartNumber', 'ENTERPRISEPREMIUM', '2023-03-03', '2023-01-20', 'UNKNOWN_SKU: MyPartNumber']) expect(all).toContain(text);
    // Quantities are numeric cells, not text.
    expect(sheet).toMatch(/<c r="F2"[^>]*><v>25<\/v><\/c>/);
    expect(sheet.match(/<row /g)).toHaveLength(plan.lines.length + 1);
  });
});

describe('exportFileName', () => {
  it('keeps letters of any script and drops path characters', () => {
    expect(exportFileName('Contoso / 東京 Ltd.', '2026-01-02', 'csv')).toBe('Contoso-東京-Ltd-plan-2026-01-02.csv');
    expect(exportFileName('../..', '2026-01-02', 'xlsx')).toBe('customer-plan-2026-01-02.xlsx');
  });
});
