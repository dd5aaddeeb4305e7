// Another tenant's exports given for a customer (a folder mixed up, the wrong customer chosen) would
// replace the customer's inventory with a stranger's: refused before anything is written, in words
// naming the ids or domains. Graph's organization.json holds the tenant id and its verified domains;
// the admin center's users export holds no tenant id, but its users' sign-in names (UPNs) end in
// the tenant's domains.
import { z } from 'zod';
import { normalizeId } from '../domain/ids';
import type { TenantUser } from '../domain/tenant';
import { ImportError } from './errors';
import { collection, parseJsonText } from './json';
import { listOf as list } from './problemWords';

export interface CustomerIdentity {
  name: string;
  /** The customer's tenant id as recorded ('' when not known). */
  tenantId: string;
  /** The customer's domain as recorded ('' when not known). */
  domain: string;
  /** Sign-in domains of users imported before for this customer (a sample of its committed import). */
  importedDomains?: string[];
}

export interface OrganizationIdentity {
  file: string;
  tenantId: string | null;
  /** The tenant's verified domains (lower-case). */
  domains: string[];
}

const Organization = z.object({
  id: z.string().nullable().optional(),
  verifiedDomains: z
    .array(z.object({ name: z.string().nullable().optional() }).passthrough())
    .nullable()
    .optional(),
});

/** The tenant id and verified domains of organization.json (its first organization); what is not there is null/empty. */
export function organizationIdentity(text: string, file: string): OrganizationIdentity {
  const body = parseJsonText(text, file);
  const list = typeof body === 'object' && body !== null && !Array.isArray(body) && !('value' in body) ? [body] : collection(body, 'value', file);
  const org = Organization.safeParse(list[0]);
  if (!org.success) return { file, tenantId: null, domains: [] };
  const id = org.data.id?.trim() ?? '';
  return {
    file,
    tenantId: id === '' ? null : normalizeId(id),
    domains: (org.data.verifiedDomains ?? []).map((d) => d.name?.trim().toLowerCase() ?? '').filter((d) => d !== ''),
  };
}

/** The sign-in domains of some users (a sample is enough: a tenant's users share a few domains). */
export function domainsOf(users: readonly { userPrincipalName: string }[]): string[] {
  const out = new Set<string>();
  for (const u of users) {
    const d = domainOf(u.userPrincipalName);
    if (d) out.add(d);
  }
  return [...out];
}

/** The users file to compare: where its users come from, so an error can name the first one. */
export interface UsersToMatch {
  file: string;
  users: readonly TenantUser[];
  /** CSV rows (the header is row 1) or JSON records. */
  place: 'row' | 'record';
}

function domainOf(upn: string): string | null {
  const at = upn.lastIndexOf('@');
  return at < 0 ? null : upn.slice(at + 1).trim().toLowerCase() || null;
}

function cleanDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^@/, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');
}

/**
 * Throws an ImportError when the exports are another tenant's than the customer's: organization.json
 * of another tenant id than the customer's, or users none of whom sign in with one of the
 * customer's domains (the recorded domain, the tenant's verified domains, or its initial
 * `<name>.onmicrosoft.com`). Says nothing when nothing is known to compare with.
 */
export function checkSameTenant(customer: CustomerIdentity, organization: OrganizationIdentity | null, users: UsersToMatch | null): void {
  const customerTenant = customer.tenantId.trim() === '' ? null : normalizeId(customer.tenantId);
  if (organization?.tenantId && customerTenant && organization.tenantId !== customerTenant) {
    throw new ImportError({
      code: 'OTHER_TENANT',
      file: organization.file,
      record: 1,
      field: 'id',
      reason: 'OTHER_TENANT_ID',
      params: { tenantId: organization.tenantId, customer: customer.name, customerTenant },
    });
  }
  if (!users) return;
  const recorded = cleanDomain(customer.domain);
  const known = [...new Set([...(recorded ? [recorded] : []), ...(organization?.domains ?? []), ...(customer.importedDomains ?? [])])];
  if (known.length === 0) return;
  // The initial domain is named after the tenant: contoso.com's tenant signs in at contoso.onmicrosoft.com.
  const initial = recorded ? `${recorded.split('.')[0]}.onmicrosoft.com` : null;
  const belongs = (d: string) => d === initial || known.some((k) => d === k || d.endsWith(`.${k}`));
  const counts = new Map<string, number>();
  let firstIndex = -1;
  for (let i = 0; i < users.users.length; i++) {
    const d = domainOf(users.users[i]!.userPrincipalName);
    if (!d) continue;
    if (belongs(d)) return;
    if (firstIndex < 0) firstIndex = i;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  if (firstIndex < 0) return;
  const found = [...counts].sort((a, b) => b[1] - a[1]);
  // Where the known domains come from: the customer's details, organization.json, the users imported before.
  const sources = [
    ...(recorded ? ['details'] : []),
    ...(organization && organization.domains.length > 0 ? ['organization'] : []),
    ...((customer.importedDomains ?? []).length > 0 ? ['imported'] : []),
  ];
  throw new ImportError({
    code: 'OTHER_TENANT',
    file: users.file,
    ...(users.place === 'row' ? { row: firstIndex + 2 } : { record: firstIndex + 1 }),
    field: users.place === 'row' ? 'User principal name' : 'userPrincipalName',
    reason: 'OTHER_TENANT_DOMAINS',
    params: {
      customer: customer.name,
      known: list(known),
      sources: sources.join(','),
      ...(organization ? { organizationFile: organization.file } : {}),
      found: JSON.stringify(found.slice(0, 6)),
    },
  });
}
