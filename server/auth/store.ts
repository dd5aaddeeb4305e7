// Data access for tenants, users and sessions. Every helper that touches one organization's data
// takes `orgId` as a required parameter and puts it in its WHERE clause, so a caller cannot forget
// the tenant. The few lookups that cross organizations by design are grouped at the end under
// "Operator" (sign-in by email, and the admin command line) and say so in their names.
import { Role } from '../../shared/domain/roles';
import type { Queryable } from '../db/types';

export interface Organization {
  id: string;
  name: string;
  /** The partner's Microsoft Entra tenant whose people may sign in to this organization. */
  entraTenantId: string | null;
  createdAt: Date;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** The person's Entra object id (oid), once known. */
  entraObjectId: string | null;
  /** The Entra user principal name an admin mapped them by, until their first sign-in binds the oid. */
  entraUpn: string | null;
  createdAt: Date;
}

export interface Session {
  id: string;
  familyId: string;
  userId: string;
  orgId: string;
  userEmail: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
  createdAt: Date;
  lastUsedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  userAgent: string | null;
  rotatedFrom: string | null;
}

export type RevokeReason = 'signed-out' | 'rotated' | 'reuse-detected' | 'admin' | 'user-disabled' | 'password-reset';

interface OrgRow {
  id: string;
  name: string;
  entra_tenant_id: string | null;
  created_at: Date;
}
interface UserRow {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  entra_object_id: string | null;
  entra_upn: string | null;
  created_at: Date;
}
interface SessionRow {
  id: string;
  family_id: string;
  user_id: string;
  org_id: string;
  user_email: string;
  access_expires_at: Date;
  refresh_expires_at: Date;
  created_at: Date;
  last_used_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  user_agent: string | null;
  rotated_from: string | null;
}

const toOrg = (r: OrgRow): Organization => ({ id: r.id, name: r.name, entraTenantId: r.entra_tenant_id, createdAt: r.created_at });
const ORG_COLS = 'id, name, entra_tenant_id, created_at';
export const toUser = (r: UserRow): User => ({
  id: r.id,
  orgId: r.org_id,
  email: r.email,
  name: r.name,
  role: Role.parse(r.role),
  disabled: r.disabled,
  entraObjectId: r.entra_object_id,
  entraUpn: r.entra_upn,
  createdAt: r.created_at,
});
const toSession = (r: SessionRow): Session => ({
  id: r.id,
  familyId: r.family_id,
  userId: r.user_id,
  orgId: r.org_id,
  userEmail: r.user_email,
  accessExpiresAt: r.access_expires_at,
  refreshExpiresAt: r.refresh_expires_at,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  revokedReason: r.revoked_reason,
  userAgent: r.user_agent,
  rotatedFrom: r.rotated_from,
});

const USER_COLS = 'u.id, u.org_id, u.email, u.name, u.role, u.disabled, u.entra_object_id, u.entra_upn, u.created_at';
const SESSION_COLS = `s.id, s.family_id, s.user_id, s.org_id, u.email AS user_email, s.access_expires_at, s.refresh_expires_at,
  s.created_at, s.last_used_at, s.revoked_at, s.revoked_reason, s.user_agent, s.rotated_from`;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Unique-violation (23505) from either backend. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---- One organization ------------------------------------------------------------------------

export async function getOrganization(db: Queryable, orgId: string): Promise<Organization | undefined> {
  const { rows } = await db.query<OrgRow>(`SELECT ${ORG_COLS} FROM organizations WHERE id = $1`, [orgId]);
  return rows[0] && toOrg(rows[0]);
}

/** A person; `passwordHash` null: they sign in only with Entra (then give `entraObjectId` or `entraUpn`). */
export async function createUser(
  db: Queryable,
  orgId: string,
  u: { email: string; name: string; role: Role; passwordHash: string | null; entraObjectId?: string | null; entraUpn?: string | null },
): Promise<User> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users AS u (org_id, email, name, role, password_hash, entra_object_id, entra_upn)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${USER_COLS}`,
    [orgId, normalizeEmail(u.email), u.name.trim(), Role.parse(u.role), u.passwordHash, u.entraObjectId?.toLowerCase() ?? null, u.entraUpn ? normalizeUpn(u.entraUpn) : null],
  );
  return toUser(rows[0]!);
}

export const normalizeUpn = (upn: string): string => upn.trim().toLowerCase();

/** The person of this organization with this Entra object id; else the one an admin mapped by this
 * user principal name whose object id is not yet known. */
export async function findUserByEntra(db: Queryable, orgId: string, objectId: string, upn: string | undefined): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${USER_COLS} FROM users u
     WHERE u.org_id = $1 AND (u.entra_object_id = $2::uuid OR (u.entra_object_id IS NULL AND u.entra_upn = $3))
     ORDER BY u.entra_object_id IS NULL LIMIT 1`,
    [orgId, objectId.toLowerCase(), upn === undefined ? null : normalizeUpn(upn)],
  );
  return rows[0] && toUser(rows[0]);
}

/** Maps a person to an Entra account (object id and/or user principal name; null clears). */
export async function setUserEntra(db: Queryable, orgId: string, userId: string, e: { objectId: string | null; upn: string | null }): Promise<boolean> {
  const r = await db.query('UPDATE users SET entra_object_id = $3::uuid, entra_upn = $4, updated_at = now() WHERE org_id = $1 AND id = $2', [
    orgId,
    userId,
    e.objectId?.toLowerCase() ?? null,
    e.upn === null ? null : normalizeUpn(e.upn),
  ]);
  return r.rowCount > 0;
}

export async function setUserRole(db: Queryable, orgId: string, userId: string, role: Role): Promise<boolean> {
  const r = await db.query('UPDATE users SET role = $3, updated_at = now() WHERE org_id = $1 AND id = $2', [orgId, userId, Role.parse(role)]);
  return r.rowCount > 0;
}

export async function getUser(db: Queryable, orgId: string, userId: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLS} FROM users u WHERE u.org_id = $1 AND u.id = $2`, [orgId, userId]);
  return rows[0] && toUser(rows[0]);
}

export async function listUsers(db: Queryable, orgId: string): Promise<User[]> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLS} FROM users u WHERE u.org_id = $1 ORDER BY u.email`, [orgId]);
  return rows.map(toUser);
}

/** Sets a new password hash and revokes the user's live sessions. */
export async function setUserPassword(db: Queryable, orgId: string, userId: string, passwordHash: string): Promise<boolean> {
  const r = await db.query('UPDATE users SET password_hash = $3, updated_at = now() WHERE org_id = $1 AND id = $2', [orgId, userId, passwordHash]);
  if (r.rowCount === 0) return false;
  await revokeUserSessions(db, orgId, userId, 'password-reset');
  return true;
}

/** Disables (revoking the user's live sessions) or re-enables a user. */
export async function setUserDisabled(db: Queryable, orgId: string, userId: string, disabled: boolean): Promise<boolean> {
  const r = await db.query('UPDATE users SET disabled = $3, updated_at = now() WHERE org_id = $1 AND id = $2', [orgId, userId, disabled]);
  if (r.rowCount === 0) return false;
  if (disabled) await revokeUserSessions(db, orgId, userId, 'user-disabled');
  return true;
}

export async function listSessions(db: Queryable, orgId: string, opts: { activeOnly?: boolean } = {}): Promise<Session[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLS} FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.org_id = $1 ${opts.activeOnly ? 'AND s.revoked_at IS NULL AND s.refresh_expires_at > now()' : ''}
     ORDER BY s.created_at, s.id`,
    [orgId],
  );
  return rows.map(toSession);
}

export async function revokeSession(db: Queryable, orgId: string, sessionId: string, reason: RevokeReason): Promise<boolean> {
  const r = await db.query(
    'UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL',
    [orgId, sessionId, reason],
  );
  return r.rowCount > 0;
}

export async function revokeSessionFamily(db: Queryable, orgId: string, familyId: string, reason: RevokeReason): Promise<number> {
  const r = await db.query(
    'UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE org_id = $1 AND family_id = $2 AND revoked_at IS NULL',
    [orgId, familyId, reason],
  );
  return r.rowCount;
}

export async function revokeUserSessions(db: Queryable, orgId: string, userId: string, reason: RevokeReason): Promise<number> {
  const r = await db.query(
    'UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE org_id = $1 AND user_id = $2 AND revoked_at IS NULL',
    [orgId, userId, reason],
  );
  return r.rowCount;
}

// ---- Operator: across organizations, by design ----------------------------------------------

export async function operatorCreateOrganization(db: Queryable, name: string): Promise<Organization> {
  const { rows } = await db.query<OrgRow>(`INSERT INTO organizations (name) VALUES ($1) RETURNING ${ORG_COLS}`, [name.trim()]);
  const org = toOrg(rows[0]!);
  await db.query('INSERT INTO workspaces (org_id) VALUES ($1)', [org.id]);
  return org;
}

/** By id, or by name (case-insensitive). */
export async function operatorFindOrganization(db: Queryable, idOrName: string): Promise<Organization | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const { rows } = await db.query<OrgRow>(
    `SELECT ${ORG_COLS} FROM organizations WHERE ${isUuid ? 'id = $1::uuid' : 'lower(name) = lower($1)'}`,
    [idOrName.trim()],
  );
  return rows[0] && toOrg(rows[0]);
}

export async function operatorListOrganizations(db: Queryable): Promise<Organization[]> {
  const { rows } = await db.query<OrgRow>(`SELECT ${ORG_COLS} FROM organizations ORDER BY lower(name)`);
  return rows.map(toOrg);
}

/** Entra sign-in names the organization by the token's tenant id, before any organization is known. */
export async function operatorFindOrganizationByEntraTenant(db: Queryable, tenantId: string): Promise<Organization | undefined> {
  const { rows } = await db.query<OrgRow>(`SELECT ${ORG_COLS} FROM organizations WHERE entra_tenant_id = $1::uuid`, [tenantId.toLowerCase()]);
  return rows[0] && toOrg(rows[0]);
}

/** Binds an organization to its partner's Entra tenant (null unbinds). A tenant binds to one organization. */
export async function operatorSetOrganizationEntraTenant(db: Queryable, orgId: string, tenantId: string | null): Promise<boolean> {
  const r = await db.query('UPDATE organizations SET entra_tenant_id = $2::uuid WHERE id = $1', [orgId, tenantId?.toLowerCase() ?? null]);
  return r.rowCount > 0;
}

/** Sign-in names a person by email alone (emails are globally unique), before any organization is known. */
export async function operatorFindUserByEmail(db: Queryable, email: string): Promise<(User & { passwordHash: string | null }) | undefined> {
  const { rows } = await db.query<UserRow & { password_hash: string | null }>(
    `SELECT ${USER_COLS}, u.password_hash FROM users u WHERE u.email = $1`,
    [normalizeEmail(email)],
  );
  const r = rows[0];
  return r && { ...toUser(r), passwordHash: r.password_hash };
}

export async function operatorListSessions(db: Queryable, opts: { activeOnly?: boolean } = {}): Promise<Session[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLS} FROM sessions s JOIN users u ON u.id = s.user_id
     ${opts.activeOnly ? 'WHERE s.revoked_at IS NULL AND s.refresh_expires_at > now()' : ''}
     ORDER BY s.created_at, s.id`,
  );
  return rows.map(toSession);
}

/** The organization a session belongs to, so an operator can revoke it by id alone. */
export async function operatorSessionOrg(db: Queryable, sessionId: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return undefined;
  const { rows } = await db.query<{ org_id: string }>('SELECT org_id FROM sessions WHERE id = $1::uuid', [sessionId]);
  return rows[0]?.org_id;
}
