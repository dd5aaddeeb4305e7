// Sign-in, token refresh with rotation and reuse detection, sign-out, and access-token checks.
// Token lifetimes are enforced by the database clock (now()), the same for every instance.
import type { FastifyBaseLogger } from 'fastify';
import { Role } from '../../shared/domain/roles';
import type { Database, Queryable } from '../db/types';
import { ApiError } from '../http/errors';
import { entraPerson, type AppRoleMapping } from './entraPeople';
import { EntraTokenError, EntraUnavailableError, type EntraVerifier } from './entraTokens';
import { burnPasswordCheck, verifyPassword } from './password';
import { getOrganization, operatorFindUserByEmail, revokeSession, revokeSessionFamily, type Organization, type User } from './store';
import { ACCESS_PREFIX, REFRESH_PREFIX, hashToken, looksLike, newToken } from './tokens';

/** Who is calling, set on `request.actor` by the authenticate hook. */
export interface RequestActor {
  userId: string;
  orgId: string;
  role: Role;
  sessionId: string;
  name: string;
  email: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshExpiresIn: number;
}

export interface SignInResult extends TokenPair {
  user: { id: string; email: string; name: string; role: Role };
  organization: { id: string; name: string };
}

export interface AuthOptions {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Email and password sign-in on (default) or off. */
  localPasswords?: boolean;
  /** Sign-in with a Microsoft Entra ID token; absent: off. */
  entra?: { verifier: EntraVerifier; appRoles: AppRoleMapping };
  log?: FastifyBaseLogger;
}

/**
 * The one rule of a live session, as SQL over `sessions s JOIN users u ON u.id = s.user_id AND
 * u.org_id = s.org_id`: not revoked, access token unexpired, user enabled, signed in by a method
 * this server honours (the text[] parameter numbered `methods`). Every check of a session uses it:
 * the authenticate hook, the poke streams' checks, and a push's own transaction (sqlGroups.ts).
 */
export const liveSession = (methods: number) =>
  `s.revoked_at IS NULL AND s.access_expires_at > now() AND NOT u.disabled AND s.sign_in_method = ANY($${methods}::text[])`;

/** How long a push may go on the session this process last checked upfront (see authenticatePush). */
const PUSH_SESSION_RECHECK_MS = 60_000;
/** Sessions remembered for pushes at most (the oldest is forgotten first). */
const PUSH_SESSIONS_MAX = 10_000;

/** The caller of a push whose session its group's transaction checks (see authenticatePush). */
export interface PushCaller {
  actor: RequestActor;
  /** Set when the session was not checked upfront: the push's transaction checks it, with the
   * person's current role and name, and refuses the push with 401 if it is no longer live. */
  checkInTransaction: boolean;
  /** The token's hash, to forget it when that check fails. */
  tokenHash: string;
}

const invalidCredentials = () => new ApiError(401, 'INVALID_CREDENTIALS', 'wrong email or password');
export const invalidToken = () => new ApiError(401, 'INVALID_TOKEN', 'the token is invalid, expired or revoked');
const invalidRefresh = () => new ApiError(401, 'INVALID_REFRESH_TOKEN', 'the refresh token is invalid, expired or revoked: sign in again');

export type SignInMethod = 'password' | 'entra';

export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly opts: AuthOptions,
  ) {}

  /** The sign-in methods whose sessions count: a server that stopped taking passwords ends theirs. */
  honoured(): SignInMethod[] {
    return this.opts.localPasswords === false ? ['entra'] : ['password', 'entra'];
  }

  private honours(method: SignInMethod): boolean {
    return this.honoured().includes(method);
  }

  private async issue(
    q: Queryable,
    user: { id: string; orgId: string },
    familyId: string | null,
    rotatedFrom: string | null,
    userAgent: string | undefined,
    method: SignInMethod,
  ): Promise<TokenPair & { sessionId: string }> {
    const accessToken = newToken(ACCESS_PREFIX);
    const refreshToken = newToken(REFRESH_PREFIX);
    const { rows } = await q.query<{ id: string }>(
      `INSERT INTO sessions (id, family_id, user_id, org_id, access_token_hash, refresh_token_hash,
         access_expires_at, refresh_expires_at, user_agent, rotated_from, sign_in_method)
       SELECT x.id, COALESCE($1::uuid, x.id), $2, $3, $4, $5,
         now() + make_interval(secs => $6), now() + make_interval(secs => $7), $8, $9, $10
       FROM (SELECT gen_random_uuid() AS id) x
       RETURNING id`,
      [
        familyId,
        user.id,
        user.orgId,
        hashToken(accessToken),
        hashToken(refreshToken),
        this.opts.accessTtlSeconds,
        this.opts.refreshTtlSeconds,
        userAgent?.slice(0, 300) ?? null,
        rotatedFrom,
        method,
      ],
    );
    return {
      sessionId: rows[0]!.id,
      accessToken,
      refreshToken,
      expiresIn: this.opts.accessTtlSeconds,
      refreshExpiresIn: this.opts.refreshTtlSeconds,
    };
  }

  async signIn(email: string, password: string, userAgent?: string): Promise<SignInResult> {
    if (this.opts.localPasswords === false) {
      throw new ApiError(403, 'PASSWORD_SIGN_IN_DISABLED', 'this server does not take passwords: sign in with Microsoft (Entra ID)');
    }
    const user = await operatorFindUserByEmail(this.db, email);
    if (!user?.passwordHash) {
      await burnPasswordCheck(password); // the same time as a wrong password: no user enumeration
      throw invalidCredentials();
    }
    if (!(await verifyPassword(password, user.passwordHash))) throw invalidCredentials();
    // Only someone who knows the password learns that the account is disabled.
    if (user.disabled) throw new ApiError(403, 'ACCOUNT_DISABLED', 'this account is disabled: ask your admin agent');
    const org = (await getOrganization(this.db, user.orgId)) as Organization;
    return this.startSession(user, org, 'password', userAgent);
  }

  /** Exchanges a Microsoft Entra ID token (ID token, or access token for this server) for a session
   * of this server: the same tokens, refresh and revocation as a password sign-in. */
  async signInWithEntra(token: string, userAgent?: string): Promise<SignInResult> {
    const entra = this.opts.entra;
    if (!entra) throw new ApiError(403, 'ENTRA_SIGN_IN_DISABLED', 'this server does not sign in with Microsoft (Entra ID): sign in with email and password');
    let identity;
    try {
      identity = await entra.verifier.verify(token);
    } catch (e) {
      if (e instanceof EntraTokenError) {
        this.opts.log?.info({ reason: e.reason }, 'Entra token refused');
        throw new ApiError(401, 'INVALID_ENTRA_TOKEN', e.message);
      }
      if (e instanceof EntraUnavailableError) {
        this.opts.log?.error({ err: e }, 'Entra metadata or keys unavailable');
        throw new ApiError(503, 'ENTRA_UNAVAILABLE', `Microsoft sign-in cannot be checked now: ${e.message}`);
      }
      throw e;
    }
    const { org, user } = await entraPerson(this.db, identity, entra.appRoles);
    return this.startSession(user, org, 'entra', userAgent);
  }

  private async startSession(user: User, org: Organization, method: SignInMethod, userAgent: string | undefined): Promise<SignInResult> {
    const pair = await this.issue(this.db, user, null, null, userAgent, method);
    this.opts.log?.info({ userId: user.id, orgId: user.orgId, sessionId: pair.sessionId, method }, 'signed in');
    const { sessionId: _, ...tokens } = pair;
    return { ...tokens, user: publicUser(user), organization: { id: org.id, name: org.name } };
  }

  /** Rotates: the old pair is revoked and a new one issued in the same family. A refresh token
   * that was already rotated away is a stolen or replayed one: the whole family is revoked. */
  async refresh(refreshToken: string, userAgent?: string): Promise<TokenPair> {
    if (!looksLike(refreshToken, REFRESH_PREFIX)) throw invalidRefresh();
    const outcome = await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{
        id: string;
        family_id: string;
        user_id: string;
        org_id: string;
        revoked_reason: string | null;
        revoked: boolean;
        expired: boolean;
        disabled: boolean;
        sign_in_method: SignInMethod;
      }>(
        `SELECT s.id, s.family_id, s.user_id, s.org_id, s.revoked_reason, s.revoked_at IS NOT NULL AS revoked,
           s.refresh_expires_at <= now() AS expired, u.disabled, s.sign_in_method
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.refresh_token_hash = $1 FOR UPDATE OF s`,
        [hashToken(refreshToken)],
      );
      const s = rows[0];
      if (!s) return { ok: false as const };
      if (s.revoked) {
        if (s.revoked_reason === 'rotated') {
          const n = await revokeSessionFamily(tx, s.org_id, s.family_id, 'reuse-detected');
          return { ok: false as const, reuse: { familyId: s.family_id, orgId: s.org_id, userId: s.user_id, revoked: n } };
        }
        return { ok: false as const };
      }
      if (s.expired || s.disabled || !this.honours(s.sign_in_method)) return { ok: false as const };
      await revokeSession(tx, s.org_id, s.id, 'rotated');
      const pair = await this.issue(tx, { id: s.user_id, orgId: s.org_id }, s.family_id, s.id, userAgent, s.sign_in_method);
      return { ok: true as const, pair };
    });
    if (!outcome.ok) {
      if ('reuse' in outcome) this.opts.log?.warn(outcome.reuse, 'refresh token reused: session family revoked');
      throw invalidRefresh();
    }
    const { sessionId: _, ...tokens } = outcome.pair;
    return tokens;
  }

  async signOut(actor: RequestActor): Promise<void> {
    await revokeSession(this.db, actor.orgId, actor.sessionId, 'signed-out');
    this.opts.log?.info({ userId: actor.userId, sessionId: actor.sessionId }, 'signed out');
  }

  /** Of these sessions, those still live: not revoked, access token unexpired, user enabled. */
  async liveSessions(sessionIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id
       WHERE s.id = ANY($1::uuid[]) AND ${liveSession(2)}`,
      [sessionIds, this.honoured()],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The caller of a live, unexpired access token whose user is enabled; else 401. */
  async authenticate(accessToken: string): Promise<RequestActor> {
    if (!looksLike(accessToken, ACCESS_PREFIX)) throw invalidToken();
    return this.authenticateHash(hashToken(accessToken));
  }

  /**
   * The caller of a push. A session this process checked upfront within the last minute is not
   * read again here: the push's own transaction checks it (checkInTransaction), in the statement
   * that opens its group, so a push costs no round trip of its own for its session, and a session
   * revoked, expired or disabled meanwhile (by any server process) has its push refused with 401 by
   * that check, which is later, so stricter, than one made upfront. Any other token is checked
   * upfront as for every route (authenticate), which also keeps last_used_at to the minute.
   */
  async authenticatePush(accessToken: string): Promise<PushCaller> {
    if (!looksLike(accessToken, ACCESS_PREFIX)) throw invalidToken();
    const tokenHash = hashToken(accessToken);
    const known = this.pushSessions.get(tokenHash);
    if (known && performance.now() - known.at < PUSH_SESSION_RECHECK_MS) return { actor: known.actor, checkInTransaction: true, tokenHash };
    this.pushSessions.delete(tokenHash);
    const actor = await this.authenticateHash(tokenHash);
    if (this.pushSessions.size >= PUSH_SESSIONS_MAX) this.pushSessions.delete(this.pushSessions.keys().next().value!);
    this.pushSessions.set(tokenHash, { actor, at: performance.now() });
    return { actor, checkInTransaction: false, tokenHash };
  }

  /** A push's transaction found its session no longer live: its next push is checked upfront. */
  forgetPushSession(tokenHash: string): void {
    this.pushSessions.delete(tokenHash);
  }

  private readonly pushSessions = new Map<string, { actor: RequestActor; at: number }>();

  private async authenticateHash(tokenHash: string): Promise<RequestActor> {
    const { rows } = await this.db.query<{
      session_id: string;
      user_id: string;
      org_id: string;
      role: string;
      name: string;
      email: string;
      stale: boolean;
    }>(
      `SELECT s.id AS session_id, u.id AS user_id, u.org_id, u.role, u.name, u.email,
         s.last_used_at < now() - interval '60 seconds' AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id
       WHERE s.access_token_hash = $1 AND ${liveSession(2)}`,
      [tokenHash, this.honoured()],
    );
    const r = rows[0];
    if (!r) throw invalidToken();
    // last_used_at at minute precision: no write on every request.
    if (r.stale) await this.db.query('UPDATE sessions SET last_used_at = now() WHERE id = $1', [r.session_id]);
    return { userId: r.user_id, orgId: r.org_id, role: Role.parse(r.role), sessionId: r.session_id, name: r.name, email: r.email };
  }
}

export const publicUser = (u: Pick<User, 'id' | 'email' | 'name' | 'role'>) => ({ id: u.id, email: u.email, name: u.name, role: u.role });
