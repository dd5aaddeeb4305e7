// Partner Center's own CSV lists, read as the partner downloads them (fixtures/README.md): the
// Customers page's "Export customers" (`Microsoft ID, Company name, Primary domain name,
// Relationship`) and a customer's subscriptions export (`Subscription ID, Subscription, Quantity,
// Status, Reseller`). Both layouts are documented as partial: other columns are accepted and left
// aside, a missing column the app needs is refused by name. Every problem names file, row and
// column, in English and Japanese.
import Papa from 'papaparse';
import { z } from 'zod';
import { isGuid, normalizeId } from '../domain/ids';
import { BilingualImportError } from './adminCenterUsers';
import { delimiterOf, firstLineOf } from './csvRows';
import { withoutBom } from './decode';
import type { ImportErrorInit, ImportParams, ImportReason } from './errors';

export const PC_CUSTOMER_COLUMNS = ['Microsoft ID', 'Company name', 'Primary domain name', 'Relationship'] as const;
/** Relationship is read when present: older exports and filtered views may lack it. */
const CUSTOMER_REQUIRED = ['Microsoft ID', 'Company name', 'Primary domain name'] as const;
export const PC_SUBSCRIPTION_COLUMNS = ['Subscription ID', 'Subscription', 'Quantity', 'Status', 'Reseller'] as const;
const SUBSCRIPTION_REQUIRED = ['Subscription ID', 'Subscription', 'Quantity', 'Status'] as const;

function fail(details: ImportErrorInit): never {
  throw new BilingualImportError(details);
}

const key = (c: string) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase();

function headerOf(text: string): string[] {
  const line = firstLineOf(withoutBom(text.slice(0, 4096)));
  return line.split(delimiterOf(line)).map(key);
}

/** Recognition by content: the header holds the columns the import needs, whatever the file's name. */
export function looksLikePartnerCenterCustomers(text: string): boolean {
  const header = headerOf(text);
  return CUSTOMER_REQUIRED.every((c) => header.includes(key(c)));
}

export function looksLikePartnerCenterSubscriptionsCsv(text: string): boolean {
  const header = headerOf(text);
  return SUBSCRIPTION_REQUIRED.every((c) => header.includes(key(c)));
}

interface Table {
  rows: { row: number; cell: (column: string) => string }[];
}

/** The CSV as rows addressed by column name; file-level problems (encoding, quoting, columns) refuse the whole file. */
function readTable(text: string, file: string, required: readonly string[], list: 'customers' | 'subscriptions'): Table {
  const head = withoutBom(text).slice(0, 200);
  if (head.includes('\u0000') || head.includes('\uFFFD')) {
    fail({ code: 'INVALID_CSV', file, row: 1, reason: 'NOT_UTF8_TEXT' });
  }
  const body = withoutBom(text);
  const firstLine = firstLineOf(body);
  if (firstLine.trim() === '') fail({ code: 'INVALID_CSV', file, reason: 'EMPTY_FILE' });
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', delimiter: delimiterOf(firstLine) });
  const quotes = parsed.errors.find((e) => e.type === 'Quotes');
  if (quotes) {
    const row = typeof quotes.row === 'number' ? quotes.row + 1 : undefined;
    fail({ code: 'INVALID_CSV', file, ...(row !== undefined ? { row } : {}), reason: 'CSV_QUOTES', params: { parserMessage: quotes.message } });
  }
  const header = (parsed.data[0] ?? []).map(key);
  const missing = required.filter((c) => !header.includes(key(c)));
  if (missing.length > 0) {
    fail({ code: 'INVALID_CSV', file, row: 1, field: missing[0]!, reason: 'NOT_THIS_LIST', params: { list, missing: missing.join(', ') } });
  }
  const index = new Map(header.map((h, i) => [h, i]));
  const rows = parsed.data.slice(1).map((cells, i) => ({
    row: i + 2,
    cell: (column: string) => {
      const at = index.get(key(column));
      return at === undefined ? '' : (cells[at] ?? '').trim();
    },
  }));
  return { rows };
}

// ---- Customers.csv -------------------------------------------------------------------------

export interface PcCustomerRow {
  /** 1-based row as a spreadsheet shows it (the header is row 1). */
  row: number;
  tenantId: string;
  name: string;
  domain: string;
  /** As written in the file (Reseller, Indirect reseller, Advisor ...); '' when the column is absent. */
  relationship: string;
}

export interface PcRefusedRow {
  row: number;
  field: string;
  /** What is wrong: a reason worded from shared/words (errors.ts's importProblemIn), and its values. */
  reason: ImportReason;
  params?: ImportParams;
}

export interface PcCustomerList {
  customers: PcCustomerRow[];
  /** Rows whose tenant id an earlier row of the file already holds: the first one is kept. */
  duplicates: { row: number; firstRow: number; tenantId: string; name: string }[];
  refused: PcRefusedRow[];
}

const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

/**
 * Partner Center > Customers > Export customers. A row that cannot become a customer (no tenant id,
 * a name too long) is refused on its own and listed with the reason; the others are kept, so one bad
 * row does not stop a list of hundreds. Tenant ids repeated in the file are kept once, and listed.
 */
export function parsePartnerCenterCustomers(text: string, file: string): PcCustomerList {
  const table = readTable(text, file, CUSTOMER_REQUIRED, 'customers');
  const customers: PcCustomerRow[] = [];
  const duplicates: PcCustomerList['duplicates'] = [];
  const refused: PcRefusedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cell } of table.rows) {
    const id = cell('Microsoft ID');
    const name = cell('Company name');
    const domain = cell('Primary domain name').toLowerCase();
    if (!isGuid(id)) {
      refused.push({
        row,
        field: 'Microsoft ID',
        ...(id === '' ? { reason: 'EMPTY_VALUE' as const } : { reason: 'NOT_A_TENANT_ID' as const, params: { value: id } }),
      });
      continue;
    }
    if (name === '') {
      refused.push({ row, field: 'Company name', reason: 'EMPTY_VALUE' });
      continue;
    }
    if (name.length > 200) {
      refused.push({ row, field: 'Company name', reason: 'TOO_LONG', params: { length: String(name.length), max: '200' } });
      continue;
    }
    if (domain !== '' && !DOMAIN.test(domain)) {
      refused.push({ row, field: 'Primary domain name', reason: 'NOT_A_DOMAIN', params: { value: domain } });
      continue;
    }
    const tenantId = normalizeId(id);
    const first = firstRowOf.get(tenantId);
    if (first !== undefined) {
      duplicates.push({ row, firstRow: first, tenantId, name });
      continue;
    }
    firstRowOf.set(tenantId, row);
    customers.push({ row, tenantId, name, domain, relationship: cell('Relationship') });
  }
  return { customers, duplicates, refused };
}

/** A reseller relationship (direct or indirect) means the customer accepted the partner's invitation. */
export function relationshipIsReseller(relationship: string): boolean {
  return /reseller/i.test(relationship);
}

// ---- A customer's subscriptions ------------------------------------------------------------

/** One subscription the partner itself sells the customer (Partner Center's view). */
export interface OwnSubscriptionData {
  /** Partner Center's subscription id, lower case. */
  id: string;
  /** The product as Partner Center names it (offer name or friendly name). */
  name: string;
  /** The offer id when the source says it (JSON), lower case. */
  offerId: string | null;
  quantity: number;
  /** As Partner Center writes it (Active, Suspended, ...). */
  status: string;
  /** The end of the commitment term, when the source says it (JSON). */
  commitmentEndDate: string | null;
  /** The indirect reseller, when the export names one. */
  reseller: string;
}

const Quantity = z.coerce.number().int().min(0).max(10_000_000);

/**
 * A customer's subscriptions as exported from Partner Center (Customers > the customer >
 * Subscriptions). Unlike the customer list it is all or nothing: a bad row refuses the file,
 * naming the row and column, because a partial list of the partner's own lines would tell the
 * engine to move what the partner already sells.
 */
export function parsePartnerCenterSubscriptionsCsv(text: string, file: string): OwnSubscriptionData[] {
  const table = readTable(text, file, SUBSCRIPTION_REQUIRED, 'subscriptions');
  const seen = new Map<string, number>();
  const out: OwnSubscriptionData[] = [];
  for (const { row, cell } of table.rows) {
    const id = cell('Subscription ID');
    if (!isGuid(id)) {
      fail(id === '' ? { code: 'INVALID_VALUE', file, row, field: 'Subscription ID', reason: 'EMPTY_VALUE' } : { code: 'INVALID_VALUE', file, row, field: 'Subscription ID', reason: 'NOT_A_SUBSCRIPTION_ID', params: { value: id } });
    }
    const norm = normalizeId(id);
    const first = seen.get(norm);
    if (first !== undefined) fail({ code: 'INVALID_VALUE', file, row, field: 'Subscription ID', reason: 'ALREADY_ON_ROW', params: { id: norm, firstRow: String(first) } });
    seen.set(norm, row);
    const name = cell('Subscription');
    if (name === '') fail({ code: 'INVALID_VALUE', file, row, field: 'Subscription', reason: 'EMPTY_VALUE' });
    const rawQuantity = cell('Quantity').replace(/[,\s]/g, '');
    const quantity = Quantity.safeParse(rawQuantity === '' ? Number.NaN : rawQuantity);
    if (!quantity.success) {
      fail({ code: 'INVALID_VALUE', file, row, field: 'Quantity', reason: 'NOT_A_QUANTITY', params: { value: cell('Quantity') } });
    }
    const status = cell('Status');
    if (status === '') fail({ code: 'INVALID_VALUE', file, row, field: 'Status', reason: 'EMPTY_VALUE' });
    out.push({ id: norm, name: name.slice(0, 300), offerId: null, quantity: quantity.data, status: status.slice(0, 40), commitmentEndDate: null, reseller: cell('Reseller').slice(0, 200) });
  }
  return out;
}
