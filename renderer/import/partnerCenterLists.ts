// Partner Center's lists on the page: which list a file is (by content), and what importing it would
// do, shown before anything is written: the customer list's new customers, those already in the
// workspace (same tenant id), repeats within the file and refused rows; a customer's own
// subscriptions from the subscriptions CSV or Partner Center's JSON. The customer list read from
// Partner Center's API (partnerCenter.customers) goes through the same preview and the same change.
import {
  BilingualImportError,
  isImportError,
  looksLikePartnerCenterCustomers,
  looksLikePartnerCenterSubscriptionsCsv,
  parsePartnerCenterCustomers,
  parsePartnerCenterSubscriptions,
  parsePartnerCenterSubscriptionsCsv,
  partnerCenterJsonKind,
  relationshipIsReseller,
  type OwnSubscriptionData,
  type PcCustomerList,
  type PcCustomerRow,
} from '../../shared/import/index';
import type { ConnectorParams, PartnerCenterCustomersResult } from '../../shared/ipc/contract';
import type { ImportFile } from './importProtocol';

export type PartnerCenterFileKind = 'customerList' | 'subscriptionsCsv' | 'subscriptionsJson' | 'customerJson';

/** The Partner Center list a file is, from its content (never its name); null: none of them. */
export function partnerCenterFileKind(text: string): PartnerCenterFileKind | null {
  if (looksLikePartnerCenterCustomers(text)) return 'customerList';
  if (looksLikePartnerCenterSubscriptionsCsv(text)) return 'subscriptionsCsv';
  const json = partnerCenterJsonKind(text);
  return json === 'subscriptions' ? 'subscriptionsJson' : json === 'customer' ? 'customerJson' : null;
}

/** A parse error in words, in the page's language (the parser's own sentence included). */
export interface FileProblem {
  en: string;
  ja: string;
}

export function problemOf(e: unknown): FileProblem {
  if (e instanceof BilingualImportError) return { en: e.message, ja: e.messageJa };
  if (isImportError(e)) return { en: e.message, ja: e.message };
  throw e;
}

/** A customer of the list; Partner Center's API may also say its country (the CSV export does not). */
export type ListedCustomerRow = PcCustomerRow & { country?: string };

/** Where a list came from: a Customers.csv (rows, columns) or Partner Center's API (records by position, ids). */
export type CustomerListSource = 'file' | 'partnerCenter';

/**
 * A record of Partner Center's API that cannot become a customer: `field` holds the record's id (a
 * record has no columns), the reason is a code and parameters (renderer/words/connectorErrors).
 */
export interface RefusedRecord {
  row: number;
  field: string;
  record: { reason: string; params: ConnectorParams };
}

/** A refused row of a file (its reason and params, from the parser) or a refused record of Partner Center's API. */
export type RefusedRow = PcCustomerList['refused'][number] | RefusedRecord;

/** A customer list as the preview groups it. */
export interface CustomerListRows {
  customers: ListedCustomerRow[];
  duplicates: PcCustomerList['duplicates'];
  refused: RefusedRow[];
}

/**
 * The import record's "file" for a list read from Partner Center's API: with a '/' in it, no file a
 * person picks carries this name; kept in English as every stored file name is.
 */
export const PARTNER_CENTER_LIST_SOURCE = 'Partner Center /v1/customers (read from Partner Center)';

export interface CustomerListPreview {
  file: string;
  source: CustomerListSource;
  /** The list as read: grouped again when the workspace changes while the preview is open. */
  parsed: CustomerListRows;
  /** Rows that become customers, with the stage their relationship says. */
  toCreate: (ListedCustomerRow & { stage: 'not-started' | 'accepted' })[];
  /** Rows whose tenant id a customer of the workspace already has: not created again. */
  inWorkspace: (ListedCustomerRow & { existingName: string })[];
  duplicates: PcCustomerList['duplicates'];
  refused: RefusedRow[];
}

/** What importing the list would do against the customers the workspace has now. */
export function previewCustomerList(file: ImportFile, existing: readonly { tenantId: string; name: string }[]): CustomerListPreview {
  return groupCustomerList(parsePartnerCenterCustomers(file.text, file.file), file.file, existing);
}

/**
 * Partner Center's answer as the rows the CSV import has: each record numbered by its place in
 * Partner Center's whole list (the client lists refused and repeated records by that place; the
 * customers it kept are the places left, in order), a repeat pointing to the record it repeats.
 */
export function customerListFromPartnerCenter(list: Extract<PartnerCenterCustomersResult, { ok: true }>): CustomerListRows {
  const total = list.customers.length + list.refused.length + list.duplicates.length;
  const taken = new Set([...list.refused.map((r) => r.position), ...list.duplicates.map((d) => d.position)]);
  const places: number[] = [];
  for (let p = 1; p <= total && places.length < list.customers.length; p++) if (!taken.has(p)) places.push(p);
  const customers = list.customers.map((c, i) => ({
    row: places[i] ?? i + 1,
    tenantId: c.tenantId,
    name: c.companyName,
    domain: c.domain,
    relationship: c.relationship,
    ...(c.country ? { country: c.country } : {}),
  }));
  const placeOf = new Map(customers.map((c) => [c.tenantId, c.row]));
  return {
    customers,
    duplicates: list.duplicates.map((d) => ({ row: d.position, firstRow: placeOf.get(d.tenantId) ?? 0, tenantId: d.tenantId, name: d.companyName })),
    refused: list.refused.map((r) => ({ row: r.position, field: r.id, record: { reason: r.reason, params: r.params } })),
  };
}

/** The list's rows split into new customers and those the workspace already has (by tenant id). */
export function groupCustomerList(parsed: CustomerListRows, file: string, existing: readonly { tenantId: string; name: string }[], source: CustomerListSource = 'file'): CustomerListPreview {
  const known = new Map(existing.filter((c) => c.tenantId !== '').map((c) => [c.tenantId.toLowerCase(), c.name]));
  const toCreate: CustomerListPreview['toCreate'] = [];
  const inWorkspace: CustomerListPreview['inWorkspace'] = [];
  for (const c of parsed.customers) {
    const existingName = known.get(c.tenantId);
    if (existingName !== undefined) inWorkspace.push({ ...c, existingName });
    else toCreate.push({ ...c, stage: relationshipIsReseller(c.relationship) ? 'accepted' : 'not-started' });
  }
  return { file, source, parsed, toCreate, inWorkspace, duplicates: parsed.duplicates, refused: parsed.refused };
}

/** The one change that creates the previewed customers (ids made here, UUIDv7). */
export function createManyArgs(preview: CustomerListPreview, newId: () => string) {
  return {
    file: preview.file.slice(0, 260),
    // The country only when the list gave one (Partner Center's API may; Customers.csv never does).
    customers: preview.toCreate.map((c) => ({ id: newId(), name: c.name, domain: c.domain, tenantId: c.tenantId, ...(c.country ? { country: c.country } : {}), stage: c.stage })),
  };
}

/** The partner's own subscriptions in a Partner Center file (CSV export or the API's JSON): all or nothing. */
export function readOwnSubscriptions(file: ImportFile): OwnSubscriptionData[] {
  if (looksLikePartnerCenterSubscriptionsCsv(file.text)) return parsePartnerCenterSubscriptionsCsv(file.text, file.file);
  return parsePartnerCenterSubscriptions(file.text, file.file).map((s) => ({
    id: s.id,
    name: s.name.slice(0, 300),
    offerId: s.offerId,
    quantity: s.quantity,
    status: s.status.slice(0, 40),
    commitmentEndDate: s.commitmentEndDate,
    reseller: '',
  }));
}
