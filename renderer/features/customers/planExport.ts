// The plan as a table anyone can open: one row per plan line (source, target, quantities, dates,
// match kind, findings), then written as CSV or XLSX. Pure: the case file hands it the engine's plan
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
}

/** One cell per finding kind: "CODE: message", several joined on new lines (Excel shows them wrapped). */
export function findingsText(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.code}: ${f.message}`).join('\n');
}

/** The plan's rows: one per engine line, its saved choices (order date) joined by line id. */
export function planExportTable(plan: TenantPlan, savedLines: readonly PlanLine[], words: ExportWords): ExportTable {
  const byLine = new Map<string, Finding[]>();
  for (const f of plan.findings) {
    if (!f.lineId) continue;
    const list = byLine.get(f.lineId);
    if (list) list.push(f);
    else byLine.set(f.lineId, [f]);
  }
  const saved = new Map(savedLines.map((l) => [l.sourceSubscriptionId ?? `sku:${l.sourceSkuId}`, l]));
  const rows = plan.lines.map((l): ExportCell[] => {
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
      orderDate: saved.get(l.lineId)?.orderDate ?? null,
      usersToReassign: l.usersToReassign,
      findings: findingsText(byLine.get(l.lineId) ?? []),
    };
    return EXPORT_COLUMNS.map((c) => cells[c]);
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
    columns: EXPORT_COLUMNS.map((c) => ({ width: c === 'findings' ? 80 : c === 'line' || c.endsWith('SkuId') ? 38 : 16 })),
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** A file name from the customer's name and the date: letters kept (Japanese too), the rest dashes. */
export function exportFileName(customerName: string, date: string, extension: 'csv' | 'xlsx'): string {
  const base = customerName.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'customer';
  return `${base}-plan-${date}.${extension}`;
}
