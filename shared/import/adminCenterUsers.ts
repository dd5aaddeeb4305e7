// The Microsoft 365 admin center's Users > Active users > "Export users" CSV, read as the customer's
// admin saves it (fixtures/README.md, m365-admin-center): three header layouts (28, 29 or 32
// columns), a BOM, `Licenses` as product DISPLAY names joined by "+", free and trial products mixed
// in, `Unlicensed` for none. The result has the shape the Graph import produces, so the tenant import
// (tenant.importChunk / importCommit) takes it as it is. What the file cannot say is said:
// no expiry dates and no channel (who sold each subscription), no seats bought, no disabled plans,
// and no group-based assignment.
import type { CatalogData, CatalogSku } from '../domain/catalog';
import { normalizeId } from '../domain/ids';
import type { TenantInventory, TenantSku, TenantUser } from '../domain/tenant';
import { CsvCursor, delimiterOf, type CsvErrorKind } from './csvRows';
import { checkDecodedText, decodeTextBytes, sniffEncoding, withoutBom, type TextEncodingName } from './decode';
import { ByteCsvCursor, isUtf8, ProjectedCsvRows } from './utf8Csv';
import { ImportError, type ImportErrorInit } from './errors';

const TWO_LETTERS = /^[A-Za-z]{2}$/;

/** The layout of an export made in 2026 (the fixture's header, in its order). */
export const ADMIN_CENTER_COLUMNS_29 = [
  'Display name', 'DirSyncEnabled', 'User principal name', 'Object Id', 'First name', 'Last name', 'When created',
  'Soft deletion time stamp', 'AgeGroup', 'Title', 'Department', 'Preferred data location', 'City', 'CountryOrRegion',
  'Office', 'StateOrProvince', 'Usage location', 'Last dirsync time', 'Block credential', 'Licenses',
  'Password never expires', 'Last password change time stamp', 'Mobile Phone', 'Phone number', 'Postal code',
  'Preferred language', 'Street address', 'Fax', 'Proxy addresses',
] as const;
/** Older admin centers: the same without AgeGroup. */
export const ADMIN_CENTER_COLUMNS_28 = ADMIN_CENTER_COLUMNS_29.filter((c) => c !== 'AgeGroup');
/** Another admin-center version: alphabetical, with Country/Region, State and License assignment details as well. */
export const ADMIN_CENTER_COLUMNS_32 = [...ADMIN_CENTER_COLUMNS_29, 'Country/Region', 'State', 'License assignment details'].sort((a, b) =>
  a.localeCompare(b, 'en'),
);
export const ADMIN_CENTER_LAYOUTS = { 28: ADMIN_CENTER_COLUMNS_28, 29: [...ADMIN_CENTER_COLUMNS_29], 32: ADMIN_CENTER_COLUMNS_32 } as const;
export type AdminCenterLayout = keyof typeof ADMIN_CENTER_LAYOUTS;

/** The columns the import reads: enough to recognise the file by its content, whatever its name. */
const NEEDED = ['User principal name', 'Object Id', 'Licenses', 'Usage location'] as const;

/** An ImportError of the files read on the page, worded in either language from its reason. */
export class BilingualImportError extends ImportError {
  constructor(details: ImportErrorInit) {
    super(details);
  }
}

function fail(details: ImportErrorInit): never {
  throw new BilingualImportError(details);
}

/**
 * The file's bytes as text. The admin center writes UTF-8 with a BOM; Excel, once the file was
 * opened and saved again, may write UTF-16 ("Unicode text") or Shift_JIS (Japanese Windows): those
 * are decoded here rather than read as garbage (decode.ts).
 */
export function decodeCsvBytes(bytes: Uint8Array, file: string): { text: string; encoding: TextEncodingName } {
  return decodeTextBytes(bytes, file, 'csv');
}

/** True when the text's header is an admin-center users export (any known layout): recognition by content. */
export function looksLikeAdminCenterUsers(text: string): boolean {
  // The header line only (a few hundred characters): a 50,000-row file is not scanned.
  const head = withoutBom(text).slice(0, 4096);
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  const header = firstLine.split(delimiterOf(firstLine)).map((h) => h.trim().replace(/^"|"$/g, ''));
  return NEEDED.every((c) => header.includes(c)) && header.includes('Display name');
}

function layoutOf(header: string[], file: string): AdminCenterLayout {
  const have = new Set(header);
  for (const [n, cols] of Object.entries(ADMIN_CENTER_LAYOUTS)) {
    if (cols.length === header.length && cols.every((c) => have.has(c))) return Number(n) as AdminCenterLayout;
  }
  // The nearest known layout names what is missing.
  const nearest = Object.values(ADMIN_CENTER_LAYOUTS)
    .map((cols) => ({ cols, missing: cols.filter((c) => !have.has(c)) }))
    .sort((a, b) => a.missing.length - b.missing.length)[0]!;
  const extra = header.filter((h) => !(nearest.cols as readonly string[]).includes(h));
  const missing = nearest.missing.join(', ') || 'none';
  return fail({
    code: 'INVALID_CSV',
    file,
    row: 1,
    field: nearest.missing[0] ?? extra[0] ?? '',
    reason: 'ADMIN_LAYOUT_UNKNOWN',
    params: { columns: String(header.length), missing, ...(extra.length > 0 ? { extra: extra.join(', ') } : {}) },
  });
}

/** Self-service free and trial products: never bought, so never moved (listed, then left aside). */
export function isFreeOrTrial(name: string, partNumber = ''): boolean {
  return /\b(free|trial|exploratory)\b/i.test(name) || /(^|_)(FREE|VIRAL|TRIAL|EXPLORATORY)($|_)/i.test(partNumber) || partNumber === 'POWER_BI_STANDARD';
}

export interface AdminCenterOptions {
  /** The tenant's subscribed SKU ids, when known (an earlier Graph import): they decide a name that stands for several SKUs. */
  subscribedSkuIds?: readonly string[];
  /** The user's own choice for a name that stands for several SKUs: display name -> SKU id. */
  chosen?: Readonly<Record<string, string>>;
}

export interface NamedCount {
  name: string;
  users: number;
}

export interface AdminCenterReport {
  layout: AdminCenterLayout;
  delimiter: ',' | ';' | '\t';
  rows: number;
  /** Free and trial products found, left out of the inventory. */
  freeOrTrial: NamedCount[];
  /** Names that stand for several SKUs that neither the tenant's SKUs nor a choice decided: left out until chosen. */
  ambiguous: (NamedCount & { candidates: { skuId: string; partNumber: string }[] })[];
  /** Names resolved with the tenant's subscribed SKUs. */
  resolvedBySubscription: (NamedCount & { skuId: string })[];
  /** Names the licensing catalog does not know (a newer product): left out, never an error. */
  notInCatalog: NamedCount[];
  /** Users with no usage location: a license cannot be assigned to them until one is set. */
  noUsageLocation: { row: number; userPrincipalName: string }[];
  /** What this file never holds, so the case file says it instead of guessing. */
  lacks: ('expiryDates' | 'channel' | 'seatsBought' | 'disabledPlans' | 'groupAssignment')[];
}

export interface AdminCenterImport {
  inventory: TenantInventory;
  report: AdminCenterReport;
}

/** Catalog SKUs by display name (lower-cased, spaces collapsed). */
function byName(catalog: CatalogData): Map<string, CatalogSku[]> {
  const out = new Map<string, CatalogSku[]>();
  for (const sku of catalog.skus) {
    const key = nameKey(sku.name);
    out.set(key, [...(out.get(key) ?? []), sku]);
  }
  return out;
}

function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The `Licenses` cell as display names. Names are joined by "+", and a few names hold a "+"
 * themselves ("Microsoft 365 F5 Security + Compliance Add-on"): the longest run of parts that is a
 * catalog name wins.
 */
export function splitLicenses(cell: string, known: (name: string) => boolean): string[] {
  const value = cell.trim();
  if (value === '' || value.toLowerCase() === 'unlicensed') return [];
  const parts = value.split('+');
  const names: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let taken = 1;
    for (let j = parts.length; j > i + 1; j--) {
      if (known(parts.slice(i, j).join('+'))) {
        taken = j - i;
        break;
      }
    }
    const name = parts.slice(i, i + taken).join('+').trim();
    if (name !== '') names.push(name);
    i += taken;
  }
  return names;
}

/** Records as the import reads them: CsvCursor over decoded text, or ProjectedCsvRows over UTF-8 bytes. */
interface UserRows {
  next(): boolean;
  row: number;
  count: number;
  error: CsvErrorKind | undefined;
  field(i: number): string;
}

/** Where the fields the import reads are, for `UserRows.field`. */
interface NeededAt {
  upn: number;
  id: number;
  usage: number;
  licenses: number;
}

function unreadableRow(file: string, rows: { row: number; error: CsvErrorKind | undefined }): never {
  return fail({ code: 'INVALID_CSV', file, row: rows.row, reason: rows.error === 'unclosed-quote' ? 'UNCLOSED_QUOTE' : 'TEXT_AFTER_QUOTE' });
}

function neededColumns(header: string[]): NeededAt {
  const col = new Map(header.map((h, i) => [h, i]));
  const at = (c: string) => col.get(c)!;
  return { upn: at('User principal name'), id: at('Object Id'), usage: at('Usage location'), licenses: at('Licenses') };
}

/**
 * An export read as far as it can be without the licensing catalog: the header checked against the
 * known layouts and the records found. The import does this while the catalog is still being read
 * from the workspace; `adminCenterUsers` then reads the users against the catalog.
 */
export interface AdminCenterRows {
  file: string;
  rows: UserRows;
  needed: NeededAt;
  columns: number;
  layout: AdminCenterLayout;
  delimiter: ',' | ';' | '\t';
  /** The encoding the bytes were read with (text given as text: utf-8). */
  encoding: TextEncodingName;
}

export function adminCenterRowsFromText(text: string, file: string, encoding: TextEncodingName = 'utf-8'): AdminCenterRows {
  checkDecodedText(text, file);
  const body = withoutBom(text);
  const firstLine = body.slice(0, Math.max(0, body.search(/\r?\n|$/)));
  if (firstLine.trim() === '') fail({ code: 'INVALID_CSV', file, reason: 'EMPTY_FILE' });
  const delimiter = delimiterOf(firstLine);
  const cursor = new CsvCursor(body, delimiter);
  if (!cursor.next() && cursor.error) unreadableRow(file, cursor);
  const header = cursor.fields().map((h) => h.trim());
  const layout = layoutOf(header, file);
  return { file, rows: cursor, needed: neededColumns(header), columns: header.length, layout, delimiter, encoding };
}

/**
 * The same from the file's bytes, as read from the disk: UTF-8 (the admin center's own) is read
 * without decoding the whole file (utf8Csv.ts); UTF-16 or Shift_JIS (Excel's) is decoded first.
 */
export function adminCenterRowsFromBytes(bytes: Uint8Array, file: string): AdminCenterRows {
  // The byte order marks the decoded text would not hold: decodeTextBytes skips one, its TextDecoder
  // the next, and adminCenterRowsFromText (withoutBom) a third.
  let bom = 0;
  while (bom < 9 && bytes[bom] === 0xef && bytes[bom + 1] === 0xbb && bytes[bom + 2] === 0xbf) bom += 3;
  if (sniffEncoding(bytes) !== 'utf-8' || !isUtf8(bytes, bom)) {
    const { text, encoding } = decodeCsvBytes(bytes, file);
    return adminCenterRowsFromText(text, file, encoding);
  }
  // The head as the decoded text starts (a BOM dropped): 800 bytes hold at least the 200 characters checked.
  checkDecodedText(new TextDecoder('utf-8').decode(bytes.subarray(bom, bom + 800)), file);
  let lineEnd = bytes.indexOf(10, bom);
  if (lineEnd < 0) lineEnd = bytes.length;
  if (lineEnd > bom && bytes[lineEnd - 1] === 13) lineEnd--;
  const firstLine = new TextDecoder('utf-8').decode(bytes.subarray(bom, lineEnd));
  if (firstLine.trim() === '') fail({ code: 'INVALID_CSV', file, reason: 'EMPTY_FILE' });
  const delimiter = delimiterOf(firstLine);
  const cursor = new ByteCsvCursor(bytes, delimiter, bom);
  if (!cursor.next() && cursor.error) unreadableRow(file, cursor);
  const decoder = new TextDecoder('utf-8');
  const header = Array.from({ length: cursor.count }, (_, i) => {
    const value = decoder.decode(bytes.subarray(cursor.starts[i], cursor.ends[i]));
    return (cursor.doubled[i] === 1 ? value.replaceAll('""', '"') : value).trim();
  });
  const layout = layoutOf(header, file);
  const at = neededColumns(header);
  const rows = new ProjectedCsvRows(bytes, cursor, [at.upn, at.id, at.usage, at.licenses]);
  return { file, rows, needed: { upn: 0, id: 1, usage: 2, licenses: 3 }, columns: header.length, layout, delimiter, encoding: 'utf-8' };
}

export function parseAdminCenterUsers(text: string, file: string, catalog: CatalogData, options: AdminCenterOptions = {}): AdminCenterImport {
  return adminCenterUsers(adminCenterRowsFromText(text, file), catalog, options);
}

/** parseAdminCenterUsers from the file's bytes, with the encoding they were read with (as decodeCsvBytes says it). */
export function parseAdminCenterUsersBytes(
  bytes: Uint8Array,
  file: string,
  catalog: CatalogData,
  options: AdminCenterOptions = {},
): { parsed: AdminCenterImport; encoding: TextEncodingName } {
  const rows = adminCenterRowsFromBytes(bytes, file);
  return { parsed: adminCenterUsers(rows, catalog, options), encoding: rows.encoding };
}

/** True for a lower-case GUID (GUID_RE, without a regular expression: 50,000 rows). */
function isLowerGuid(s: string): boolean {
  if (s.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** The users of an export read so far (adminCenterRowsFrom...), their licenses named by the catalog. Reads the rows once. */
export function adminCenterUsers(read: AdminCenterRows, catalog: CatalogData, options: AdminCenterOptions = {}): AdminCenterImport {
  const { rows: cursor, columns, layout, delimiter, file } = read;
  const { upn: upnAt, id: idAt, usage: usageAt, licenses: licensesAt } = read.needed;
  const names = byName(catalog);
  const subscribed = new Set((options.subscribedSkuIds ?? []).map(normalizeId));
  const chosen = new Map(Object.entries(options.chosen ?? {}).map(([k, v]) => [nameKey(k), normalizeId(v)]));
  const tally = () => new Map<string, { name: string; users: number }>();
  const free = tally();
  const unknown = tally();
  const ambiguous = new Map<string, { name: string; users: number; candidates: CatalogSku[] }>();
  const bySubscription = new Map<string, { name: string; users: number; skuId: string }>();
  /**
   * A note that counts one more user of `name` in `m` (entries by nameKey, the first spelling kept).
   * The entry is found on the first count and kept: a note runs once per user holding the name.
   */
  const counter = <E extends { name: string; users: number }>(m: Map<string, E>, name: string, entry: () => E) => {
    const key = nameKey(name);
    let e: E | undefined;
    return () => {
      if (!e) {
        e = m.get(key);
        if (!e) m.set(key, (e = entry()));
      }
      e.users++;
    };
  };
  const count = (m: Map<string, { name: string; users: number }>, name: string) => counter(m, name, () => ({ name, users: 0 }));

  /** What one name means: a SKU, or a note (free, not in the catalog, ambiguous) counted per user. */
  type Meaning = { skuId?: string; note?: () => void };
  const meaningOf = (name: string): Meaning => {
    const candidates = names.get(nameKey(name)) ?? [];
    if (candidates.length === 0) return { note: count(isFreeOrTrial(name) ? free : unknown, name) };
    if (candidates.every((s) => isFreeOrTrial(s.name, s.partNumber))) return { note: count(free, name) };
    if (candidates.length === 1) return { skuId: candidates[0]!.id };
    const choice = chosen.get(nameKey(name));
    if (choice && candidates.some((s) => s.id === choice)) return { skuId: choice };
    const inTenant = candidates.filter((s) => subscribed.has(s.id));
    if (inTenant.length === 1) {
      const skuId = inTenant[0]!.id;
      return { skuId, note: counter(bySubscription, name, () => ({ name, users: 0, skuId })) };
    }
    return { note: counter(ambiguous, name, () => ({ name, users: 0, candidates })) };
  };
  // A tenant has a few license combinations for thousands of users: each distinct cell is read once.
  const cells = new Map<string, { skuIds: string[]; notes: (() => void)[] }>();
  const readCell = (cell: string) => {
    let read = cells.get(cell);
    if (!read) {
      const skuIds: string[] = [];
      const notes: (() => void)[] = [];
      for (const name of splitLicenses(cell, (n) => names.has(nameKey(n)))) {
        const meaning = meaningOf(name);
        if (meaning.note) notes.push(meaning.note);
        if (meaning.skuId && !skuIds.includes(meaning.skuId)) skuIds.push(meaning.skuId);
      }
      read = { skuIds, notes };
      cells.set(cell, read);
    }
    return read;
  };

  const users: TenantUser[] = [];
  const skuUsers = new Map<string, number>();
  const noUsageLocation: AdminCenterReport['noUsageLocation'] = [];
  const seenIds = new Set<string>();
  let rows = 0;
  while (cursor.next()) {
    rows++;
    const rowNumber = cursor.row;
    if (cursor.count !== columns) {
      fail({ code: 'INVALID_CSV', file, row: rowNumber, reason: 'FIELD_COUNT', params: { fields: String(cursor.count), columns: String(columns) } });
    }
    const upn = cursor.field(upnAt).trim();
    if (upn === '') fail({ code: 'INVALID_VALUE', file, row: rowNumber, field: 'User principal name', reason: 'EMPTY_VALUE' });
    const objectId = cursor.field(idAt).trim();
    // normalizeId and isGuid in one step (the field is trimmed): 50,000 rows.
    const id = objectId.toLowerCase();
    if (!isLowerGuid(id)) {
      fail({ code: 'INVALID_VALUE', file, row: rowNumber, field: 'Object Id', reason: 'NOT_A_GUID', params: { value: objectId } });
    }
    if (seenIds.has(id)) {
      fail({ code: 'INVALID_VALUE', file, row: rowNumber, field: 'Object Id', reason: 'DUPLICATE_ID', params: { id } });
    }
    seenIds.add(id);
    const usage = cursor.field(usageAt).trim();
    if (usage === '') noUsageLocation.push({ row: rowNumber, userPrincipalName: upn });
    else if (!TWO_LETTERS.test(usage)) {
      fail({ code: 'INVALID_VALUE', file, row: rowNumber, field: 'Usage location', reason: 'NOT_TWO_LETTERS', params: { value: usage } });
    }

    const { skuIds, notes } = readCell(cursor.field(licensesAt));
    for (const note of notes) note();
    for (const s of skuIds) skuUsers.set(s, (skuUsers.get(s) ?? 0) + 1);
    // The export does not say whether a group assigned a license: taken as direct, and said in `lacks`.
    users.push({ id, userPrincipalName: upn, licenses: skuIds.map((skuId) => ({ skuId, disabledPlans: [], assignedByGroups: [], direct: true })) });
  }
  if (cursor.error) unreadableRow(file, cursor);

  const catalogById = new Map(catalog.skus.map((s) => [s.id, s]));
  const skus: TenantSku[] = [...skuUsers].map(([skuId, consumed]) => {
    const sku = catalogById.get(skuId)!;
    return {
      skuId,
      skuPartNumber: sku.partNumber,
      capabilityStatus: 'Enabled',
      consumedUnits: consumed,
      // Seats bought are not in the file: at least the seats in use.
      prepaidUnits: { enabled: consumed, suspended: 0, warning: 0, lockedOut: 0 },
      subscriptionIds: [],
      servicePlans: sku.servicePlans.map((p) => ({ servicePlanId: p.id, servicePlanName: p.name })),
    };
  });
  const list = (m: Map<string, { name: string; users: number }>) => [...m.values()].map(({ name, users: n }) => ({ name, users: n }));
  return {
    inventory: { countryLetterCode: null, skus, subscriptions: null, users },
    report: {
      layout,
      delimiter,
      rows,
      freeOrTrial: list(free),
      ambiguous: [...ambiguous.values()].map((a) => ({ name: a.name, users: a.users, candidates: a.candidates.map((s) => ({ skuId: s.id, partNumber: s.partNumber })) })),
      resolvedBySubscription: [...bySubscription.values()],
      notInCatalog: list(unknown),
      noUsageLocation,
      lacks: ['expiryDates', 'channel', 'seatsBought', 'disabledPlans', 'groupAssignment'],
    },
  };
}
