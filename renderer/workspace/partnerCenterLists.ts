// Partner Center's lists on the page: which list a file is (by content), and what importing it would
// do, shown before anything is written: the customer list's new customers, those already in the
// workspace (same tenant id), repeats within the file and refused rows; a customer's own
// subscriptions from the subscriptions CSV or Partner Center's JSON.
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

export interface CustomerListPreview {
  file: string;
  /** The file as read: grouped again when the workspace changes while the preview is open. */
  parsed: PcCustomerList;
  /** Rows that become customers, with the stage their relationship says. */
  toCreate: (PcCustomerRow & { stage: 'not-started' | 'accepted' })[];
  /** Rows whose tenant id a customer of the workspace already has: not created again. */
  inWorkspace: (PcCustomerRow & { existingName: string })[];
  duplicates: PcCustomerList['duplicates'];
  refused: PcCustomerList['refused'];
}

/** What importing the list would do against the customers the workspace has now. */
export function previewCustomerList(file: ImportFile, existing: readonly { tenantId: string; name: string }[]): CustomerListPreview {
  return groupCustomerList(parsePartnerCenterCustomers(file.text, file.file), file.file, existing);
}

/** The list's rows split into new customers and those the workspace already has (by tenant id). */
export function groupCustomerList(parsed: PcCustomerList, file: string, existing: readonly { tenantId: string; name: string }[]): CustomerListPreview {
  const known = new Map(existing.filter((c) => c.tenantId !== '').map((c) => [c.tenantId.toLowerCase(), c.name]));
  const toCreate: CustomerListPreview['toCreate'] = [];
  const inWorkspace: CustomerListPreview['inWorkspace'] = [];
  for (const c of parsed.customers) {
    const existingName = known.get(c.tenantId);
    if (existingName !== undefined) inWorkspace.push({ ...c, existingName });
    else toCreate.push({ ...c, stage: relationshipIsReseller(c.relationship) ? 'accepted' : 'not-started' });
  }
  return { file, parsed, toCreate, inWorkspace, duplicates: parsed.duplicates, refused: parsed.refused };
}

/** The one change that creates the previewed customers (ids made here, UUIDv7). */
export function createManyArgs(preview: CustomerListPreview, newId: () => string) {
  return {
    file: preview.file.slice(0, 260),
    customers: preview.toCreate.map((c) => ({ id: newId(), name: c.name, domain: c.domain, tenantId: c.tenantId, stage: c.stage })),
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
