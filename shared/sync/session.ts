// The signed-in session with the team's server. The refresh token lives with the host (Electron:
// encrypted with safeStorage in the main process), never in the renderer's storage; the short-lived
// access token lives in memory only. Refreshes are single-flight: the server treats a refresh token
// presented twice as stolen and ends the session.
import { z } from 'zod';
import { HostError, type HostApi } from '../ipc/contract';
import { Role } from '../domain/roles';
import type { FetchLike } from './httpTransport';

const Tokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().positive(),
});
const SignedIn = Tokens.extend({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: Role }),
  organization: z.object({ id: z.string(), name: z.string() }),
});
export type SessionUser = z.infer<typeof SignedIn>['user'];
export type SessionOrganization = z.infer<typeof SignedIn>['organization'];

/**
 * Why signing in or staying signed in failed, for the app to decide on. The server's own code
 * (SyncErrorCode) and its parameters come beside it, for the screen to word; the message is the
 * English detail, for developers.
 */
export const SessionErrorCode = z.enum(['INVALID_CREDENTIALS', 'REFUSED', 'SIGNED_OUT', 'NO_BACKEND', 'SERVER', 'NETWORK']);
export type SessionErrorCode = z.infer<typeof SessionErrorCode>;

export class SessionError extends Error {
  constructor(
    readonly code: SessionErrorCode,
    message: string,
    /** The server's error code, when it answered with one. */
    readonly serverCode: string | null = null,
    /** The data the server's code is worded with (who, which tenant), never a sentence. */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

const ServerErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
});

function serverMessage(json: unknown, status: number): string {
  return (json as { error?: { message?: string } } | null)?.error?.message ?? `the server answered ${status}`;
}

/** A refusal from the server: its message as the detail, its code and parameters for the screen. */
function refusedBy(code: SessionErrorCode, prefix: string, json: unknown, status: number): SessionError {
  const body = ServerErrorBody.safeParse(json);
  return new SessionError(code, `${prefix}${serverMessage(json, status)}`, body.success ? body.data.error.code : null, body.success ? (body.data.error.params ?? {}) : {});
}

type SecretHost = Pick<HostApi, 'getSecret' | 'setSecret' | 'deleteSecret'>;

export interface SessionOptions {
  host: SecretHost;
  backendUrl: () => string;
  fetch: FetchLike;
  now: () => number;
}

export class Session {
  private access: { token: string; expiresAt: number } | null = null;
  /** Used only when the host cannot keep secrets (a browser): gone when the page closes. */
  private memoryRefresh: string | null = null;
  private refreshing: Promise<string | null> | null = null;
  /** False when the refresh token could only be kept in memory. */
  persisted = true;

  constructor(private readonly options: SessionOptions) {}

  private url(path: string): string {
    const base = this.options.backendUrl().replace(/\/+$/, '');
    if (!base) throw new SessionError('NO_BACKEND', 'No sync server is configured: set its address in Settings.');
    return `${base}${path}`;
  }

  private async post(path: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
    let res;
    try {
      res = await this.options.fetch(this.url(path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    } catch (e) {
      if (e instanceof SessionError) throw e;
      throw new SessionError('NETWORK', `Could not reach the sync server: ${e instanceof Error ? e.message : String(e)}`);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json };
  }

  private async keepRefreshToken(token: string): Promise<void> {
    try {
      await this.options.host.setSecret({ name: 'refreshToken', value: token });
      this.memoryRefresh = null;
      this.persisted = true;
    } catch (e) {
      if (!(e instanceof HostError)) throw e;
      // No safe place on this host (a browser, or plaintext-only storage the user has not allowed):
      // keep it for this session only, and say so.
      this.memoryRefresh = token;
      this.persisted = false;
    }
  }

  private async storedRefreshToken(): Promise<string | null> {
    if (this.memoryRefresh) return this.memoryRefresh;
    try {
      return await this.options.host.getSecret({ name: 'refreshToken' });
    } catch (e) {
      if (e instanceof HostError) return null;
      throw e;
    }
  }

  async signIn(email: string, password: string): Promise<{ user: SessionUser; organization: SessionOrganization }> {
    const { status, json } = await this.post('/auth/sign-in', { email, password });
    if (status === 401) throw new SessionError('INVALID_CREDENTIALS', 'The email or password is not right.', ServerErrorBody.safeParse(json).data?.error.code ?? null);
    if (status === 403) throw refusedBy('REFUSED', 'Sign-in refused: ', json, status);
    return this.begin(status, json);
  }

  /**
   * Exchanges a Microsoft Entra token (the desktop host's access token for the server's API, or an
   * ID token issued to the desktop app) for the same server session a password gives.
   */
  async signInWithEntra(token: string): Promise<{ user: SessionUser; organization: SessionOrganization }> {
    const { status, json } = await this.post('/auth/entra/sign-in', { token });
    if (status === 401) throw refusedBy('INVALID_CREDENTIALS', 'The server did not accept the Microsoft sign-in: ', json, status);
    // 403: this server takes no Entra sign-in, or the person is not mapped (the message says whom to ask).
    if (status === 403) throw refusedBy('REFUSED', 'Sign-in refused: ', json, status);
    return this.begin(status, json);
  }

  private async begin(status: number, json: unknown): Promise<{ user: SessionUser; organization: SessionOrganization }> {
    const parsed = SignedIn.safeParse(json);
    if (status !== 200 || !parsed.success) {
      throw refusedBy('SERVER', 'Sign-in failed: ', json, status);
    }
    this.access = { token: parsed.data.accessToken, expiresAt: this.options.now() + parsed.data.expiresIn * 1000 };
    await this.keepRefreshToken(parsed.data.refreshToken);
    return { user: parsed.data.user, organization: parsed.data.organization };
  }

  /** A valid access token, refreshed when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.access && this.access.expiresAt - this.options.now() > 30_000) return this.access.token;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Drops the access token so the next call refreshes (after the server answered 401). */
  invalidateAccess(): void {
    this.access = null;
  }

  private async refresh(): Promise<string | null> {
    const refreshToken = await this.storedRefreshToken();
    if (!refreshToken) return null;
    const { status, json } = await this.post('/auth/refresh', { refreshToken });
    const parsed = Tokens.safeParse(json);
    if (status === 401 || status === 400) {
      await this.forget();
      return null;
    }
    if (status !== 200 || !parsed.success) throw new SessionError('SERVER', `Refreshing the session failed (${status}).`);
    this.access = { token: parsed.data.accessToken, expiresAt: this.options.now() + parsed.data.expiresIn * 1000 };
    await this.keepRefreshToken(parsed.data.refreshToken);
    return parsed.data.accessToken;
  }

  private async forget(): Promise<void> {
    this.access = null;
    this.memoryRefresh = null;
    try {
      await this.options.host.deleteSecret({ name: 'refreshToken' });
    } catch (e) {
      if (!(e instanceof HostError)) throw e;
    }
  }

  /** Who the kept sign-in belongs to (GET /me), or null when signed out, offline or not answered. */
  async me(): Promise<SessionUser | null> {
    const token = await this.accessToken().catch(() => null);
    if (!token) return null;
    let url: string;
    try {
      url = this.url('/me');
    } catch {
      return null;
    }
    const res = await this.options.fetch(url, { method: 'GET', headers: { authorization: `Bearer ${token}` } }).catch(() => null);
    if (!res?.ok) return null;
    const body = await res.text().catch(() => '');
    try {
      const parsed = SignedIn.shape.user.safeParse((JSON.parse(body) as { user?: unknown } | null)?.user);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async signOut(): Promise<void> {
    const token = this.access?.token ?? null;
    if (token) await this.post('/auth/sign-out', {}, token).catch(() => undefined);
    await this.forget();
  }
}
