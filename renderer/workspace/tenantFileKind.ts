// Which tenant export a file is, from its content, never its name: a customer's admin names files
// as they like ("export (3).csv"), and the admin center names its export by the time of day.
import { decodeCsvBytes, looksLikeAdminCenterUsers } from '../../shared/import/index';
import type { ImportFile } from './importProtocol';

export type TenantFileKind = 'subscribedSkus' | 'subscriptions' | 'users' | 'organization' | 'adminCenterUsers';

/** The kind of a tenant export, or null when the content is none of them. */
export function tenantFileKind(text: string): TenantFileKind | null {
  if (looksLikeAdminCenterUsers(text)) return 'adminCenterUsers';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trimStart().startsWith('{')) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const context = String((json as Record<string, unknown>)['@odata.context'] ?? '');
  if (/\$metadata#subscribedSkus/i.test(context)) return 'subscribedSkus';
  if (/\$metadata#directory\/subscriptions|companySubscription/i.test(context)) return 'subscriptions';
  if (/\$metadata#organization/i.test(context)) return 'organization';
  if (/\$metadata#users/i.test(context) && !/licenseDetails/i.test(context)) return 'users';
  const value = (json as { value?: unknown }).value;
  const first: Record<string, unknown> | null = Array.isArray(value) ? ((value[0] as Record<string, unknown> | undefined) ?? null) : (json as Record<string, unknown>);
  if (!first) return null;
  if ('prepaidUnits' in first || 'consumedUnits' in first) return 'subscribedSkus';
  if ('ownerTenantId' in first || 'totalLicenses' in first || 'nextLifecycleDateTime' in first) return 'subscriptions';
  if ('assignedLicenses' in first || 'licenseAssignmentStates' in first || 'licenseAssignmentState' in first) return 'users';
  if ('countryLetterCode' in first || 'verifiedDomains' in first) return 'organization';
  return null;
}

/** A picked or dropped file as the worker takes it: decoded from its bytes (UTF-8, UTF-16 or Shift_JIS). */
export async function readTenantFile(file: File): Promise<ImportFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { file: file.name, text: decodeCsvBytes(bytes, file.name).text };
  } catch {
    // Not text in any encoding known: the importer then says so, naming the file, in both languages.
    return { file: file.name, text: new TextDecoder().decode(bytes) };
  }
}
