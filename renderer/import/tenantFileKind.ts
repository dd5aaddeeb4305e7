// Which tenant export a file is, from its content, never its name: a customer's admin names files
// as they like ("export (3).csv"), and the admin center names its export by the time of day.
import { looksLikeAdminCenterUsers, partnerCenterJsonKind } from '../../shared/import/index';
import { looksLikeZip } from '../../shared/import/collectionZip';
import { decodeTextBytes, sniffEncoding, withoutBom } from '../../shared/import/decode';
import { checkFileSize } from '../../shared/import/limits';
import type { ImportBlob, ImportFile, ImportZip } from './importProtocol';

/** `collectionZip`: the zip the app's collection script writes (recognised by its bytes, `PK`). */
export type TenantFileKind = 'subscribedSkus' | 'subscriptions' | 'users' | 'organization' | 'adminCenterUsers' | 'collectionZip' | 'partnerCenterCustomer';

/**
 * The kind of a tenant export, or null when the content is none of them. Only the file's start is
 * read (the context and the first record's keys): a 50,000-user export is not parsed twice.
 */
export function tenantFileKind(text: string): Exclude<TenantFileKind, 'collectionZip'> | null {
  if (looksLikeAdminCenterUsers(text)) return 'adminCenterUsers';
  const head = withoutBom(text).slice(0, 8192);
  if (!head.trimStart().startsWith('{')) return null;
  const context = /"@odata\.context"\s*:\s*"([^"]*)"/.exec(head)?.[1] ?? '';
  if (/\$metadata#subscribedSkus/i.test(context)) return 'subscribedSkus';
  if (/\$metadata#directory\/subscriptions|companySubscription/i.test(context)) return 'subscriptions';
  if (/\$metadata#organization/i.test(context)) return 'organization';
  if (/\$metadata#users/i.test(context) && !/licenseDetails/i.test(context)) return 'users';
  // Partner Center's customer (GET /v1/customers/{id}): its tenant id, domain and country.
  if (context === '' && partnerCenterJsonKind(head) === 'customer') return 'partnerCenterCustomer';
  const has = (key: string) => new RegExp(`"${key}"\\s*:`).test(head);
  if (has('prepaidUnits') || has('consumedUnits')) return 'subscribedSkus';
  if (has('ownerTenantId') || has('totalLicenses') || has('nextLifecycleDateTime')) return 'subscriptions';
  if (has('assignedLicenses') || has('licenseAssignmentStates') || has('licenseAssignmentState')) return 'users';
  if (has('countryLetterCode') || has('verifiedDomains')) return 'organization';
  return null;
}

/**
 * A picked or dropped file as the worker takes it: its size checked against the largest of its kind
 * before a byte is read, then decoded from its bytes (UTF-8, UTF-16 or Shift_JIS). Throws the
 * ImportError that says, in both languages, why a file is refused.
 */
export async function readTenantFile(file: File, kind: TenantFileKind = 'users'): Promise<ImportFile> {
  checkFileSize(file, kind);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { text, encoding } = decodeTextBytes(bytes, file.name, kind === 'adminCenterUsers' ? 'csv' : 'json');
  return { file: file.name, text, encoding };
}

/**
 * A picked or dropped file as an import sends it to the worker: its size checked against the largest
 * of its kind before a byte is read; then the File itself (read and decoded in the worker, where a
 * file no encoding reads is refused in the same words as readTenantFile's), or the collection
 * script's zip (its kind from its first bytes) as bytes: the worker unpacks it.
 */
export async function sendTenantFile(file: File, kind: TenantFileKind): Promise<ImportBlob | ImportZip> {
  checkFileSize(file, kind);
  if (kind === 'collectionZip') return { file: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  return { file: file.name, blob: file, decodeAs: kind === 'adminCenterUsers' ? 'csv' : 'json' };
}

/** The kind of a picked or dropped file from its first bytes only: cheap on a 50,000-user export. */
export async function sniffTenantFile(file: File): Promise<TenantFileKind | null> {
  const bytes = new Uint8Array(await file.slice(0, 16_384).arrayBuffer());
  if (looksLikeZip(bytes)) return 'collectionZip';
  const encoding = sniffEncoding(bytes);
  // Not fatal: the slice may end inside a character; the header and first record are what count.
  return tenantFileKind(new TextDecoder(encoding).decode(bytes));
}
