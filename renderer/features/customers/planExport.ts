// The plan as a table anyone can open: one row per order of each plan line (source, target,
// quantities, dates, match kind, findings with the rule each applies), then written as CSV or XLSX.
// Products are named by the catalog (the engine's sourceSkuName / skuName, format.ts), and their part
// numbers and SKU ids stay in their own columns. Dates stay YYYY-MM-DD and numbers stay numbers: Excel
// and scripts read them as dates and numbers in every language.
// A Teams pair (DOMAIN.md rule 6) is two orders for one line: the line's row holds the main target,
// and a row per further SKU follows with that order only, so sums of target licenses per product stay
// right and the source quantities are counted once. Pure: the case file hands it the engine's plan
// and the saved lines, so what is exported is exactly what the screen shows.
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/universal';
import type { Finding, TenantPlan } from '../../../shared/domain/engine';
import type { PlanLine } from '../../../shared/workspace/tables';

export const EXPORT_COLUMNS = [
  'line',
  'channel',
  'status',
  'sourceSku',
  'sourceSkuId',
  'quantity',
  'consumed',
  'expires',
  'deadline',
  'match',
  'targetSku',
  'targetSkuId',
  'targetQuantity',
  'orderDate',
  'usersToReassign',
  'findings',
  // Added after the first edition (columns are only ever added at the end): the pair a row belongs
  // to, and per finding, on the same line of the cell as its message, the rule it applies.
  'pair',
  'ruleId',
  'ruleSince',
  'ruleSource',
  'ruleUrl',
  // Added for people (#16): the products by their catalog names; the part number columns above stay
  // for scripts and lookups (a product the catalog does not know shows its part number here too).
  'sourceProduct',
  'targetProduct',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export type ExportCell = string | number | null;
export interface ExportTable {
  header: string[];
  rows: ExportCell[][];
}

export interface ExportWords {
  /** The column titles in the UI language. */
  columns: Record<ExportColumn, string>;
  channel: (channel: string) => string;
  match: (kind: string) => string;
  /** A finding's text in the UI language (findingText). */
  finding: (finding: Finding) => string;
}

/** One cell per finding kind: "CODE: message", several joined on new lines (Excel shows them wrapped). */
export function findingsText(findings: readonly Finding[], text: (finding: Finding) => string): string {
  return findings.map((f) => `${f.code}: ${text(f)}`).join('\n');
}

/** Per finding, one line each in the order of findingsText: the rule id, since, source and link. */
function ruleCells(findings: readonly Finding[]): Pick<Record<ExportColumn, ExportCell>, 'ruleId' | 'ruleSince' | 'ruleSource' | 'ruleUrl'> {
  const join = (pick: (f: Finding) => string) => (findings.length === 0 ? null : findings.map(pick).join('\n'));
  return { ruleId: join((f) => f.ruleId), ruleSince: join((f) => f.ruleSince), ruleSource: join((f) => f.ruleSource), ruleUrl: join((f) => f.ruleUrl ?? '') };
}

/** The plan's rows: one per engine line and further order of a pair, its saved choices (order date) joined by line id. */
export function planExportTable(plan: TenantPlan, savedLines: readonly PlanLine[], words: ExportWords): ExportTable {
  const byLine = new Map<string, Finding[]>();
  for (const f of plan.findings) {
    if (!f.lineId) continue;
    const list = byLine.get(f.lineId);
    if (list) list.push(f);
    else byLine.set(f.lineId, [f]);
  }
  const saved = new Map(savedLines.map((l) => [l.sourceSubscriptionId ?? `sku:${l.sourceSkuId}`, l]));
  const rows = plan.lines.flatMap((l): ExportCell[][] => {
    const findings = byLine.get(l.lineId) ?? [];
    const pair = l.orders.length > 1 ? l.orders.map((o) => o.skuPartNumber).join(' + ') : null;
    const orderDate = saved.get(l.lineId)?.orderDate ?? null;
    const cells: Record<ExportColumn, ExportCell> = {
      line: l.lineId,
      channel: words.channel(l.channel),
      status: l.status,
      sourceSku: l.sourceSkuPartNumber,
      sourceSkuId: l.sourceSkuId,
      quantity: l.quantity,
      consumed: l.consumed,
      expires: l.expires,
      deadline: l.deadline,
      match: words.match(l.match.kind),
      targetSku: l.match.targetSkuPartNumber ?? null,
      targetSkuId: l.match.targetSkuId,
      targetQuantity: l.targetQuantity,
      orderDate,
      usersToReassign: l.usersToReassign,
      findings: findingsText(findings, words.finding),
      pair,
      ...ruleCells(findings),
      sourceProduct: l.sourceSkuName,
      targetProduct: l.orders[0]?.skuName ?? l.match.targetSkuPartNumber ?? null,
    };
    const further = l.orders.slice(1).map((o): Record<ExportColumn, ExportCell> => ({
      ...cells,
      quantity: null,
      consumed: null,
      targetSku: o.skuPartNumber,
      targetSkuId: o.skuId,
      targetProduct: o.skuName,
      targetQuantity: o.quantity,
      usersToReassign: null,
      findings: null,
      ruleId: null,
      ruleSince: null,
      ruleSource: null,
      ruleUrl: null,
    }));
    return [cells, ...further].map((row) => EXPORT_COLUMNS.map((c) => row[c]));
  });
  return { header: EXPORT_COLUMNS.map((c) => words.columns[c]), rows };
}

/**
 * CSV for Excel and for scripts: a BOM so Excel reads Japanese as UTF-8, CRLF line ends, and cells
 * that would start a formula (=, +, -, @) quoted with a leading apostrophe so opening the file never
 * runs anything from a customer's data.
 */
export function toCsv(table: ExportTable): string {
  return `\uFEFF${Papa.unparse({ fields: table.header, data: table.rows.map((r) => r.map((c) => c ?? '')) }, { newline: '\r\n', escapeFormulae: true })}`;
}

/** An .xlsx workbook of one sheet (bold header row kept in view, numbers as numbers). */
export async function toXlsx(table: ExportTable, sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const header = table.header.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = table.rows.map((r) => r.map((value) => (value === null ? null : { value, ...(typeof value === 'string' && value.includes('\n') ? { wrap: true } : {}) })));
  const blob = await writeXlsxFile([header, ...rows], {
    sheet: sheetName,
    stickyRowsCount: 1,
    columns: EXPORT_COLUMNS.map((c) => ({ width: c === 'findings' ? 80 : c === 'ruleSource' || c === 'ruleUrl' || c === 'pair' || c.endsWith('Product') ? 40 : c === 'line' || c.endsWith('SkuId') ? 38 : 16 })),
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** A file name from the customer's name and the date: letters kept (Japanese too), the rest dashes. */
export function exportFileName(customerName: string, date: string, extension: 'csv' | 'xlsx'): string {
  const base = customerName.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'customer';
  return `${base}-plan-${date}.${extension}`;
}
