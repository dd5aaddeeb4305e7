// Who an Entra token's person is on this server: the organization bound to their tenant, and the
// person of it mapped to their object id (or, until the first sign-in binds the object id, to the
// user principal name an admin gave). With app roles on, the token's roles decide the role on
// every sign-in and the first sign-in adds the person.
import type { Role } from '../../shared/domain/roles';
import type { Queryable } from '../db/types';
import { ApiError } from '../http/errors';
import type { EntraIdentity } from './entraTokens';
import {
  createUser,
  findUserByEntra,
  isUniqueViolation,
  normalizeEmail,
  operatorFindOrganizationByEntraTenant,
  setUserEntra,
  setUserRole,
  type Organization,
  type User,
} from './store';

export interface AppRoleMapping {
  /** Take the role from the token's app roles (and add unknown people); else admin-registered only. */
  enabled: boolean;
  /** App role value -> role. */
  map: Record<string, Role>;
}

// When a person holds several mapped app roles, the one that may do most wins.
const PRECEDENCE: Role[] = ['admin-agent', 'sales-agent', 'billing-agent'];

export function roleFromAppRoles(roles: string[], map: Record<string, Role>): Role | undefined {
  const held = new Set(roles.flatMap((r) => (map[r] ? [map[r]] : [])));
  return PRECEDENCE.find((r) => held.has(r));
}

const who = (id: EntraIdentity) => `${id.username ?? 'the Microsoft account'} (object id ${id.objectId})`;
/** The account as the app names it to its person: the user name, or the object id when the token has none. */
const account = (id: EntraIdentity) => id.username ?? id.objectId;

/** The organization and the enabled person the token names, or a 403 that says what to ask for. */
export async function entraPerson(q: Queryable, id: EntraIdentity, appRoles: AppRoleMapping): Promise<{ org: Organization; user: User }> {
  const org = await operatorFindOrganizationByEntraTenant(q, id.tenantId);
  if (!org) {
    throw new ApiError(
      403,
      'ENTRA_TENANT_NOT_LINKED',
      `no organization on this server is linked to Entra tenant ${id.tenantId}: the server's operator links it with server:admin set-org-tenant`,
      { params: { tenantId: id.tenantId } },
    );
  }
  const role = appRoles.enabled ? roleFromAppRoles(id.roles, appRoles.map) : undefined;
  if (appRoles.enabled && !role) {
    throw new ApiError(
      403,
      'ENTRA_NO_ROLE',
      `${who(id)} holds none of this server's app roles (${Object.keys(appRoles.map).join(', ')}): ask your Entra admin to assign one in Enterprise applications`,
      { params: { account: account(id), roles: Object.keys(appRoles.map).join(', ') } },
    );
  }
  let user = await findUserByEntra(q, org.id, id.objectId, id.username);
  if (!user && role) user = await addFromToken(q, org, id, role);
  if (!user) {
    throw new ApiError(
      403,
      'ENTRA_PERSON_UNKNOWN',
      `${who(id)} is not a member of ${org.name} on this server: ask your admin agent to add you (server:admin add-entra-user)`,
      { params: { account: account(id), organization: org.name } },
    );
  }
  if (user.disabled) throw new ApiError(403, 'ACCOUNT_DISABLED', 'this account is disabled: ask your admin agent');
  // Mapped by user principal name until now: the object id is the key from here on.
  if (user.entraObjectId === null) {
    await setUserEntra(q, org.id, user.id, { objectId: id.objectId, upn: user.entraUpn });
    user = { ...user, entraObjectId: id.objectId };
  }
  if (role && role !== user.role) {
    await setUserRole(q, org.id, user.id, role);
    user = { ...user, role };
  }
  return { org, user };
}

async function addFromToken(q: Queryable, org: Organization, id: EntraIdentity, role: Role): Promise<User> {
  const address = [id.email, id.username].find((v) => v !== undefined && /^[^@\s]+@[^@\s]+$/.test(v));
  const email = normalizeEmail(address ?? `${id.objectId}@${id.tenantId}`);
  try {
    // Keyed by object id alone: the user principal name column is for people an admin maps by it.
    return await createUser(q, org.id, { email, name: id.name?.trim() || email, role, passwordHash: null, entraObjectId: id.objectId });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Two first sign-ins at once: the other one added them.
    const added = await findUserByEntra(q, org.id, id.objectId, undefined);
    if (added) return added;
    // Never joined by email alone: an email claim proves nothing about who holds the local account.
    throw new ApiError(
      403,
      'ENTRA_EMAIL_TAKEN',
      `${email} is already the email of a person on this server who is not mapped to ${who(id)}: the operator maps them with server:admin link-entra`,
      { params: { email, account: account(id) } },
    );
  }
}
