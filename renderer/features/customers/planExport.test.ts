import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../../../shared/import/catalogCsv';
import { parseTenantExports } from '../../../shared/import/graph';
import { findingText, planTenant, prepareCatalog } from '../../../shared/domain/engine';
import type { PlanLine } from '../../../shared/workspace/tables';
import { licensingData, OTHER_PARTNER, PARTNER, skuOf, subscription, tenantOf, userWith } from '../../../test/support/licensing';
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
  finding: (f) => findingText(f, 'en'),
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
    expect(findings).toContain('EXPIRY_DEADLINE: MyPartNumber expires on Feb 1, 2023');
    // Tenant-wide findings (the region rule) belong to no line.
    expect(table.rows.some((r) => String(r[EXPORT_COLUMNS.indexOf('findings')]).includes('REGION_MISMATCH'))).toBe(false);
    // ENTERPRISEPREMIUM is in the catalog and purchasable: kept as it is.
    expect(column(1, 'match')).toBe('match:same');
    expect(column(1, 'targetSku')).toBe('ENTERPRISEPREMIUM');
  });

  it('names the products by the catalog, the part numbers kept in their own columns', () => {
    expect(table.rows.map((_, i) => column(i, 'sourceProduct'))).toEqual(['MyPartNumber', 'Office 365 E5', 'Microsoft Dynamics CRM Online']);
    expect(column(1, 'targetProduct')).toBe('Office 365 E5');
    // No target yet: no target name either.
    expect(column(0, 'targetProduct')).toBeNull();
  });
});

describe('the rule of each finding', () => {
  it('has the rule id, the day it took effect, the source and its link, one line per finding as in the findings cell', () => {
    const table = planExportTable(plan, [], words);
    const cell = (c: (typeof EXPORT_COLUMNS)[number]) => String(table.rows[0]![EXPORT_COLUMNS.indexOf(c)] ?? '').split('\n');
    const lineFindings = plan.findings.filter((f) => f.lineId === plan.lines[0]!.lineId);
    expect(lineFindings.length).toBeGreaterThan(1);
    expect(cell('findings')).toHaveLength(lineFindings.length);
    expect(cell('ruleId')).toEqual(lineFindings.map((f) => f.ruleId));
    expect(cell('ruleSince')).toEqual(lineFindings.map((f) => f.ruleSince));
    expect(cell('ruleSource')).toEqual(lineFindings.map((f) => f.ruleSource));
    expect(cell('ruleUrl')).toEqual(lineFindings.map((f) => f.ruleUrl ?? ''));
    for (const since of cell('ruleSince')) expect(since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const expiry = cell('findings').findIndex((f) => f.startsWith('EXPIRY_DEADLINE'));
    // Planned as of 2023-01-15: the 30-day window of the 2023 edition, not the Extended Service Term.
    expect(cell('ruleId')[expiry]).toBe('expired-window-30-days');
  });
});

describe('a Teams pair (the with-Teams suite cannot be bought)', () => {
  const E3 = skuOf('ENTERPRISEPACK');
  const NO_TEAMS = skuOf('Office_365_E3_(no_Teams)');
  const TEAMS = skuOf('Microsoft_Teams_EEA_New');
  const offers = [NO_TEAMS, TEAMS].map((s) => ({ productId: s.id, isAvailableForPurchase: true }));
  const withOffers = prepareCatalog(licensingData(), { offers: [...offers, { productId: E3.id, isAvailableForPurchase: false }] });
  const inv = tenantOf(
    [subscription('e3', 'ENTERPRISEPACK', { ownerTenantId: OTHER_PARTNER, totalLicenses: 4, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })],
    [userWith('ann', 'ENTERPRISEPACK'), userWith('bob', 'ENTERPRISEPACK')],
  );
  const pairPlan = planTenant(inv, withOffers, { partnerTenantId: PARTNER, partnerCountry: 'DE', asOf: '2026-12-01', agreementAcceptedOn: '2024-01-01', targetOverrides: { e3: { commerce: 'legacy' } } });
  const savedPair: PlanLine = { ...saved, sourceSkuId: E3.id, sourceSubscriptionId: 'e3', orderDate: '2027-03-15' };
  const table = planExportTable(pairPlan, [savedPair], words);
  const col = (c: (typeof EXPORT_COLUMNS)[number]) => table.rows.map((r) => r[EXPORT_COLUMNS.indexOf(c)]);
  const PAIR = 'Office_365_E3_(no_Teams) + Microsoft_Teams_EEA_New';

  it('lists both orders of the line, each with its product and quantity, the source counted once', () => {
    expect(pairPlan.lines).toHaveLength(1);
    expect(col('line')).toEqual(['e3', 'e3']);
    expect(col('targetSku')).toEqual(['Office_365_E3_(no_Teams)', 'Microsoft_Teams_EEA_New']);
    expect(col('targetSkuId')).toEqual([NO_TEAMS.id, TEAMS.id]);
    expect(col('targetQuantity')).toEqual([pairPlan.lines[0]!.targetQuantity, pairPlan.lines[0]!.targetQuantity]);
    expect(col('pair')).toEqual([PAIR, PAIR]);
    expect(col('targetProduct')).toEqual([NO_TEAMS.name, TEAMS.name]);
    expect(col('sourceProduct')).toEqual([E3.name, E3.name]);
    expect(col('orderDate')).toEqual(['2027-03-15', '2027-03-15']);
    expect(col('sourceSku')).toEqual(['ENTERPRISEPACK', 'ENTERPRISEPACK']);
    expect(col('quantity')).toEqual([4, null]);
    expect(col('usersToReassign')).toEqual([2, null]);
  });

  it("keeps the line's findings on its first row, the pair's finding with its rule", () => {
    const findings = String(col('findings')[0]).split('\n');
    const at = findings.findIndex((f) => f.startsWith('TEAMS_PAIR: '));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(String(col('ruleId')[0]).split('\n')[at]).toBe('teams-unbundling');
    expect(String(col('ruleSince')[0]).split('\n')[at]).toBe('2024-04-01');
    expect(String(col('ruleSource')[0]).split('\n')[at]!.length).toBeGreaterThan(10);
    expect(findings.some((f) => f.startsWith('DATA_LOSS_RISK'))).toBe(false);
    expect([col('findings')[1], col('ruleId')[1]]).toEqual([null, null]);
  });

  it('writes both rows to CSV and XLSX', async () => {
    const parsed = Papa.parse<string[]>(toCsv(table).slice(1), { skipEmptyLines: true });
    expect(parsed.data.slice(1).map((r) => r[EXPORT_COLUMNS.indexOf('targetSkuId')])).toEqual([NO_TEAMS.id, TEAMS.id]);
    const files = unzipSync(await toXlsx(table, 'Plan'));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const all = sheet + (files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : '');
    expect(sheet.match(/<row /g)).toHaveLength(3);
    for (const text of [NO_TEAMS.id, TEAMS.id, PAIR, 'teams-unbundling']) expect(all).toContain(text);
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
