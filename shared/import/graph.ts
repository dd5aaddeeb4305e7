// Microsoft Graph exports of the customer tenant, as response bodies (`{"value": [...]}`):
// subscribedSkus, directory/subscriptions, users (assignedLicenses, licenseAssignmentStates) and
// organization. Each parser takes the file's text and its name (for error messages).
import { z } from 'zod';
import type { TenantInventory, TenantSku, TenantSubscription, TenantUser, UserLicense } from '../domain/tenant';
import { isGuid, normalizeId } from '../domain/ids';
import { ImportError } from './errors';
import { DATE_TIME_MESSAGE, collection, isoDateTimeCheck, parseJsonText, parseRecord } from './json';

const Id = z.string().trim().min(1, 'must not be empty');
/** SKU, subscription and tenant ids are GUIDs in every Graph export; anything else is a broken file. */
const Guid = z.string().trim().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'is not a GUID');
/** Graph writes an empty collection as [] but some exports (and PowerShell) write null. */
const list = <T extends z.ZodType>(item: T) => z.array(item).nullable().default([]).transform((v) => v ?? []);
const Count = z.number().int('must be a whole number').nonnegative('must not be negative');
const DateTime = z.string().refine(isoDateTimeCheck, { message: DATE_TIME_MESSAGE });

const SubscribedSku = z.object({
  skuId: Guid,
  skuPartNumber: z.string().default(''),
  capabilityStatus: z.string().default('Enabled'),
  consumedUnits: Count.default(0),
  prepaidUnits: z
    .object({ enabled: Count.default(0), suspended: Count.default(0), warning: Count.default(0), lockedOut: Count.default(0) })
    .default({ enabled: 0, suspended: 0, warning: 0, lockedOut: 0 }),
  subscriptionIds: list(z.string()),
  servicePlans: list(z.object({ servicePlanId: Id, servicePlanName: z.string().nullable().default('').transform((v) => v ?? '') })),
});

export function parseSubscribedSkus(text: string, file: string): TenantSku[] {
  return collection(parseJsonText(text, file), 'value', file).map((raw, i) => {
    const s = parseRecord(SubscribedSku, raw, i, file, 'skuId');
    return {
      ...s,
      skuId: normalizeId(s.skuId),
      skuPartNumber: s.skuPartNumber.trim(),
      subscriptionIds: s.subscriptionIds.map(normalizeId),
      servicePlans: s.servicePlans.map((p) => ({ servicePlanId: normalizeId(p.servicePlanId), servicePlanName: p.servicePlanName.trim() })),
    };
  });
}

const CompanySubscription = z.object({
  id: Guid,
  skuId: Guid,
  skuPartNumber: z.string().default(''),
  status: z.string().default('Enabled'),
  totalLicenses: Count.default(0),
  isTrial: z.boolean().default(false),
  ownerTenantId: z.string().trim().regex(/^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'is not a GUID').nullable().default(null),
  ownerType: z.string().nullable().default(null),
  createdDateTime: DateTime.nullable().default(null),
  nextLifecycleDateTime: DateTime.nullable().default(null),
  commerceSubscriptionId: z.string().nullable().default(null),
});

export function parseDirectorySubscriptions(text: string, file: string): TenantSubscription[] {
  return collection(parseJsonText(text, file), 'value', file).map((raw, i) => {
    const s = parseRecord(CompanySubscription, raw, i, file);
    const owner = s.ownerTenantId?.trim() ? normalizeId(s.ownerTenantId) : null;
    return { ...s, id: normalizeId(s.id), skuId: normalizeId(s.skuId), skuPartNumber: s.skuPartNumber.trim(), status: s.status.trim(), ownerTenantId: owner };
  });
}

const AssignedLicense = z.object({ skuId: Guid, disabledPlans: list(z.string()) });
const AssignmentState = z.object({
  skuId: Guid,
  disabledPlans: list(z.string()),
  assignedByGroup: z.string().nullable().default(null),
  state: z.string().nullable().default(null),
  error: z.string().nullable().default(null),
});
export const User = z.object({
  id: Id,
  userPrincipalName: z.string().nullable().optional(),
  assignedLicenses: list(AssignedLicense),
  licenseAssignmentStates: z.array(AssignmentState).nullable().optional(),
  // The older AAD Graph name, kept by the documentation example.
  licenseAssignmentState: z.array(AssignmentState).nullable().optional(),
});

function intersect(lists: string[][]): string[] {
  const [first, ...rest] = lists;
  if (!first) return [];
  return first.filter((x) => rest.every((l) => l.includes(x)));
}

type UserRecord = z.input<typeof User>;

const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isOptionalText = (v: unknown) => v === undefined || v === null || typeof v === 'string';

function isPlainAssignment(v: unknown, withState: boolean): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  if (typeof a.skuId !== 'string' || !GUID_RE.test(a.skuId) || !isStringArray(a.disabledPlans)) return false;
  return !withState || (isOptionalText(a.assignedByGroup) && isOptionalText(a.state) && isOptionalText(a.error));
}

function isPlainStates(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.every((s) => isPlainAssignment(s, true)));
}

/**
 * A user record as Graph writes it (untrimmed GUIDs, arrays present): checked by hand, because a
 * 50,000-user export walked by zod costs most of an import in the renderer, where the CSP forbids
 * the eval zod compiles its parsers with. It accepts only records the `User` schema accepts, and
 * `userOf` reads them the same (parsers.property.test.ts checks both); anything else goes through
 * the schema, which also words the error.
 */
export function isPlainUser(raw: unknown): raw is UserRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const u = raw as Record<string, unknown>;
  if (typeof u.id !== 'string' || u.id.length === 0 || u.id.trim() !== u.id) return false;
  if (!isOptionalText(u.userPrincipalName) || !Array.isArray(u.assignedLicenses)) return false;
  return u.assignedLicenses.every((a) => isPlainAssignment(a, false)) && isPlainStates(u.licenseAssignmentStates) && isPlainStates(u.licenseAssignmentState);
}

/** The ids normalized; the list itself when they already are (Graph writes them so): no copy per user. */
function normalized(ids: string[]): string[] {
  return ids.every((id) => normalizeId(id) === id) ? ids : ids.map(normalizeId);
}

/** A user record accepted by `User` (parsed, or plain as checked by `isPlainUser`), as the app keeps it. */
export function userOf(u: UserRecord): TenantUser {
  const states = u.licenseAssignmentStates ?? u.licenseAssignmentState ?? [];
  const id = u.id.trim();
  const userPrincipalName = u.userPrincipalName?.trim() || id;
  // Most exports select no assignment states: each license is the user's own, assigned directly.
  if (states.length === 0) {
    const licenses: UserLicense[] = [];
    for (const a of u.assignedLicenses ?? []) {
      const skuId = normalizeId(a.skuId);
      const license = { skuId, disabledPlans: normalized(a.disabledPlans ?? []), assignedByGroups: [], direct: true };
      const same = licenses.findIndex((l) => l.skuId === skuId);
      if (same >= 0) licenses[same] = license;
      else licenses.push(license);
    }
    return { id: normalizeId(id), userPrincipalName, licenses };
  }
  const bySku = new Map<string, UserLicense>();
  for (const a of u.assignedLicenses ?? []) {
    const skuId = normalizeId(a.skuId);
    bySku.set(skuId, { skuId, disabledPlans: (a.disabledPlans ?? []).map(normalizeId), assignedByGroups: [], direct: false });
  }
  const statesBySku = new Map<string, typeof states>();
  for (const s of states) {
    const skuId = normalizeId(s.skuId);
    statesBySku.set(skuId, [...(statesBySku.get(skuId) ?? []), s]);
  }
  for (const [skuId, assignments] of statesBySku) {
    const groups = assignments.map((s) => s.assignedByGroup?.trim()).filter((g): g is string => !!g).map(normalizeId);
    const direct = assignments.some((s) => !s.assignedByGroup?.trim());
    const existing = bySku.get(skuId);
    // A plan is disabled for the user only when every assignment of the SKU disables it.
    const disabled = existing ? existing.disabledPlans : intersect(assignments.map((s) => (s.disabledPlans ?? []).map(normalizeId)));
    bySku.set(skuId, { skuId, disabledPlans: disabled, assignedByGroups: [...new Set(groups)], direct });
  }
  return { id: normalizeId(id), userPrincipalName, licenses: [...bySku.values()] };
}

const LOWER_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const noStates = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/**
 * The record as `userOf` reads it, in one pass, when Graph wrote it the common way (licenses
 * assigned directly, no assignment states, ids already lower-case); null for anything else, which
 * then takes `isPlainUser` and `userOf` (or the schema). Checking and building at once is a third of
 * their time on a 50,000-user export; parsers.property.test.ts checks it reads what they read.
 */
export function directUserOf(raw: unknown): TenantUser | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const u = raw as Record<string, unknown>;
  const { id, userPrincipalName: upn, assignedLicenses: assigned } = u;
  if (typeof id !== 'string' || id.length === 0 || id.trim() !== id) return null;
  if (upn !== undefined && upn !== null && typeof upn !== 'string') return null;
  if (!noStates(u.licenseAssignmentStates) || !noStates(u.licenseAssignmentState) || !Array.isArray(assigned)) return null;
  const licenses: UserLicense[] = [];
  for (const a of assigned as unknown[]) {
    if (typeof a !== 'object' || a === null) return null;
    const { skuId, disabledPlans } = a as Record<string, unknown>;
    if (typeof skuId !== 'string' || !LOWER_GUID.test(skuId) || !Array.isArray(disabledPlans)) return null;
    for (const p of disabledPlans as unknown[]) if (typeof p !== 'string' || !(LOWER_GUID.test(p) || normalizeId(p) === p)) return null;
    const license: UserLicense = { skuId, disabledPlans: disabledPlans as string[], assignedByGroups: [], direct: true };
    // A SKU listed twice: the last one stands, as in userOf.
    let same = -1;
    for (let i = 0; i < licenses.length; i++) if (licenses[i]!.skuId === skuId) same = i;
    if (same >= 0) licenses[same] = license;
    else licenses.push(license);
  }
  return { id: normalizeId(id), userPrincipalName: (typeof upn === 'string' ? upn.trim() : '') || id, licenses };
}

export function parseUsers(text: string, file: string): TenantUser[] {
  return collection(parseJsonText(text, file), 'value', file).map((raw, i) => directUserOf(raw) ?? userOf(isPlainUser(raw) ? raw : parseRecord(User, raw, i, file)));
}

const Organization = z.object({
  id: z.string().nullable().optional(),
  countryLetterCode: z.string().nullable().optional(),
  verifiedDomains: z.array(z.object({ name: z.string().nullable().optional(), isDefault: z.boolean().nullable().optional() })).nullable().optional(),
});

/** organization.json: the `value` collection or a single organization; the first one's country, id (the tenant id) and default domain. */
export function parseOrganization(text: string, file: string): { countryLetterCode: string | null; tenantId: string | null; defaultDomain: string | null } {
  const body = parseJsonText(text, file);
  const list = typeof body === 'object' && body !== null && !Array.isArray(body) && !('value' in body) ? [body] : collection(body, 'value', file);
  if (list.length === 0) throw new ImportError({ code: 'INVALID_SHAPE', file, field: 'value', reason: 'NO_ORGANIZATION' });
  const org = parseRecord(Organization, list[0], 0, file);
  const code = org.countryLetterCode?.trim().toUpperCase() ?? '';
  if (code !== '' && !/^[A-Z]{2}$/.test(code)) {
    throw new ImportError({ code: 'INVALID_VALUE', file, record: 1, field: 'countryLetterCode', reason: 'NOT_A_COUNTRY_CODE', params: { value: code } });
  }
  const id = org.id?.trim() ?? '';
  if (id !== '' && !isGuid(id)) {
    throw new ImportError({ code: 'INVALID_VALUE', file, record: 1, field: 'id', problem: `"${id}" is not a tenant id (a GUID)` });
  }
  const domain = org.verifiedDomains?.find((d) => d.isDefault)?.name?.trim().toLowerCase() ?? '';
  return { countryLetterCode: code === '' ? null : code, tenantId: id === '' ? null : normalizeId(id), defaultDomain: domain === '' ? null : domain };
}

/** One export file: its text and the name it is known by (for error messages). */
export interface ExportText {
  text: string;
  file: string;
}

/**
 * A collection the tenant returns in pages (`@odata.nextLink`) may come as one file per page, in
 * order: the app's collection script saves each page's body as Graph sent it.
 */
export type ExportPages = ExportText | readonly ExportText[];

/**
 * The import record's one "file" for a tenant read live from Microsoft Graph: with a '/' in it, no
 * file a person picks can carry this name, so the case file can tell a live read from files.
 */
export const GRAPH_READ_SOURCE = 'Microsoft Graph /v1.0 (read from Microsoft)';

export const isGraphRead = (files: readonly string[]): boolean => files.length === 1 && files[0] === GRAPH_READ_SOURCE;

export interface GraphExportFiles {
  subscribedSkus?: ExportPages;
  subscriptions?: ExportPages;
  users?: ExportPages;
  organization?: ExportText;
  /** Per-user licenseDetails responses, for users not in `users` (matched by user id). */
  licenseDetails?: { text: string; file: string; userName?: string }[];
}

function pages(files: ExportPages | undefined): readonly ExportText[] {
  return files === undefined ? [] : 'text' in files ? [files] : files;
}

/** The whole inventory from whichever exports are present. */
export function parseTenantExports(files: GraphExportFiles): TenantInventory {
  const subscriptions = pages(files.subscriptions);
  const org = files.organization ? parseOrganization(files.organization.text, files.organization.file) : null;
  return {
    countryLetterCode: org?.countryLetterCode ?? null,
    ...(org?.tenantId ? { tenantId: org.tenantId } : {}),
    ...(org?.defaultDomain ? { defaultDomain: org.defaultDomain } : {}),
    skus: pages(files.subscribedSkus).flatMap((f) => parseSubscribedSkus(f.text, f.file)),
    subscriptions: subscriptions.length > 0 ? subscriptions.flatMap((f) => parseDirectorySubscriptions(f.text, f.file)) : null,
    users: mergeUsers(
      pages(files.users).flatMap((f) => parseUsers(f.text, f.file)),
      (files.licenseDetails ?? []).map((f) => parseLicenseDetails(f.text, f.file, f.userName)),
    ),
  };
}

/** users.json wins; a licenseDetails user is added when no user of that id or name is known. */
function mergeUsers(users: TenantUser[], details: TenantUser[]): TenantUser[] {
  // Most imports have no licenseDetails: the users as they are, with no set of 100,000 names to build.
  if (details.length === 0) return users;
  const known = new Set(users.flatMap((u) => [u.id, u.userPrincipalName.toLowerCase()]));
  return [...users, ...details.filter((u) => !known.has(u.id) && !known.has(u.userPrincipalName.toLowerCase()))];
}

const LicenseDetail = z.object({
  skuId: Guid,
  skuPartNumber: z.string().nullable().optional(),
  servicePlans: list(z.object({ servicePlanId: Guid, provisioningStatus: z.string().nullable().default(null) })),
});
const LicenseDetailsBody = z.object({ '@odata.context': z.string().optional() }).passthrough();

/**
 * One user's `GET /users/{id}/licenseDetails` response. The user is named by the response's
 * `@odata.context` (`...users('{id}')/licenseDetails`) or, failing that, by `userName` (for
 * example the file name, `ann@contoso.com.json`). Plans whose provisioningStatus is Disabled are
 * the user's disabled plans; licenseDetails does not say whether a group assigned the license.
 */
export function parseLicenseDetails(text: string, file: string, userName?: string): TenantUser {
  const body = parseJsonText(text, file);
  const items = collection(body, 'value', file);
  const head = LicenseDetailsBody.safeParse(body);
  const fromContext = head.success ? /users\('([^']+)'\)/i.exec(head.data['@odata.context'] ?? '')?.[1] : undefined;
  const user = fromContext ?? userName;
  if (!user) throw new ImportError({ code: 'INVALID_SHAPE', file, field: '@odata.context', reason: 'NO_USER_NAMED' });
  const licenses: UserLicense[] = items.map((raw, i) => {
    const d = parseRecord(LicenseDetail, raw, i, file);
    return {
      skuId: normalizeId(d.skuId),
      disabledPlans: d.servicePlans.filter((p) => p.provisioningStatus?.trim().toLowerCase() === 'disabled').map((p) => normalizeId(p.servicePlanId)),
      assignedByGroups: [],
      direct: true,
    };
  });
  const id = normalizeId(fromContext ?? user);
  return { id, userPrincipalName: userName ?? user, licenses };
}
