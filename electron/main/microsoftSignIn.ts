// Sign in with Microsoft (Entra ID) from the main process, as a native public client: the
// authorization code flow with PKCE (RFC 7636) in the system browser, the answer taken on a
// one-shot loopback listener on 127.0.0.1 and a random port (RFC 8252, sections 7.3 and 8.3).
// Tokens are kept in the secrets store (safeStorage-encrypted); the renderer is only ever given
// an access token and who is signed in, never the refresh token or the ID token.
//
// Written with fetch + jose rather than @azure/msal-node: msal-common refuses any authority that is
// not https (ClientConfigurationError authority_uri_insecure), so MSAL could not be pointed at the
// real OpenID provider the tests run on 127.0.0.1; the flow here is the one MSAL runs for
// acquireTokenInteractive with a loopback client, and Entra's endpoints are read from its metadata.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { HostError, type AccessTokenResult, type MicrosoftAccount, type MicrosoftState } from '../../shared/ipc/contract';
import type { SecretsService } from './secrets';

export interface MicrosoftSettings {
  clientId: string;
  /** `https://login.microsoftonline.com/organizations`; metadata at `<authority>/v2.0/.well-known/openid-configuration`. */
  authority: string;
  scopes: string[];
  serverScope: string;
}

export interface MicrosoftSignInDeps {
  settings: () => MicrosoftSettings;
  secrets: Pick<SecretsService, 'get' | 'set' | 'delete'>;
  /** Electron's shell.openExternal: the user's own browser, where their Entra session and MFA live. */
  openExternal: (url: string) => Promise<void>;
  fetch?: typeof fetch;
  now?: () => number;
  /** How long the browser may take to come back before the attempt ends (default 5 minutes). */
  signInTimeoutMs?: number;
  /** Extra authorize parameters; Entra: `prompt=select_account` by default. */
  authorizeParams?: Record<string, string>;
}

export interface MicrosoftSignIn {
  signIn(): Promise<MicrosoftAccount>;
  /** Ends a sign-in waiting for the browser (the user closed the tab or changed their mind). */
  cancelSignIn(): void;
  state(): Promise<MicrosoftState>;
  getAccessToken(scopes: string[]): Promise<AccessTokenResult>;
  /**
   * A Graph token for a CUSTOMER's tenant: the partner's refresh token redeemed at that tenant's
   * authority, which is how GDAP grants the partner user its roles there. Stays in main.
   */
  getTenantAccessToken(tenantId: string, options?: { refresh?: boolean }): Promise<string>;
  signOut(): Promise<void>;
}

/** Graph's delegated permissions as the app registration grants them (README: Directory.Read.All, ...). */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

const SECRET = 'microsoftTokens' as const;
/** Scopes every sign-in asks for that name no resource: they are not part of an access token's key. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
/** An access token this close to its end is refreshed rather than handed out. */
const EXPIRY_SKEW_MS = 60_000;
const HTTP_TIMEOUT_MS = 30_000;

const Metadata = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
});
type Metadata = z.infer<typeof Metadata>;

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().min(1).optional(),
});

const CachedAccessToken = z.object({ token: z.string(), expiresAt: z.number() });
const Cache = z.object({
  clientId: z.string(),
  authority: z.string(),
  refreshToken: z.string(),
  account: z.object({ oid: z.string(), tenantId: z.string(), username: z.string(), name: z.string() }),
  accessTokens: z.record(z.string(), CachedAccessToken),
});
type Cache = z.infer<typeof Cache>;

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** The access token's key: the resource scopes asked for, in a stable order. */
function keyOf(scopes: string[]): string {
  return [...new Set(scopes.filter((s) => !OIDC_SCOPES.has(s)))].sort().join(' ');
}

export function createMicrosoftSignIn(deps: MicrosoftSignInDeps): MicrosoftSignIn {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const metadataCache = new Map<string, Promise<Metadata>>();
  const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  let pending: { cancel: (error: HostError) => void } | null = null;
  let refreshing = new Map<string, Promise<AccessTokenResult>>();
  /** Bumped by every sign-in and sign-out: a refresh that began before must not write its tokens back. */
  let generation = 0;

  function configured(): MicrosoftSettings {
    const s = deps.settings();
    if (!s.clientId) {
      throw new HostError('MICROSOFT_NOT_CONFIGURED', 'Microsoft sign-in is not set up: enter the app registration’s client id in Settings.');
    }
    return s;
  }

  function metadata(authority: string): Promise<Metadata> {
    let found = metadataCache.get(authority);
    if (!found) {
      const url = `${authority.replace(/\/+$/, '')}/v2.0/.well-known/openid-configuration`;
      found = (async () => {
        const res = await doFetch(url, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        const parsed = Metadata.safeParse(await res.json());
        if (!parsed.success) throw new Error(`${url} is not OpenID metadata`);
        return parsed.data;
      })().catch((e: unknown) => {
        metadataCache.delete(authority);
        throw new HostError('MICROSOFT_SIGN_IN_FAILED', `Microsoft sign-in cannot be reached: ${e instanceof Error ? e.message : String(e)}`);
      });
      metadataCache.set(authority, found);
    }
    return found;
  }

  async function tokenRequest(meta: Metadata, body: Record<string, string>): Promise<z.infer<typeof TokenAnswer>> {
    let res: Response;
    try {
      res = await doFetch(meta.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
        signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      });
    } catch (e) {
      throw new HostError('MICROSOFT_SIGN_IN_FAILED', `Microsoft’s token endpoint cannot be reached: ${e instanceof Error ? e.message : String(e)}`);
    }
    const json = (await res.json().catch(() => null)) as { error?: string; error_description?: string } | null;
    if (!res.ok) {
      const code = json?.error ?? `HTTP ${res.status}`;
      // invalid_grant: the refresh token expired, was revoked, or the password changed.
      if (body.grant_type === 'refresh_token' && code === 'invalid_grant') {
        throw new HostError('MICROSOFT_SIGNED_OUT', 'The Microsoft sign-in has ended: sign in with Microsoft again.');
      }
      throw new HostError('MICROSOFT_SIGN_IN_FAILED', `Microsoft refused the token request (${code}${json?.error_description ? `: ${json.error_description}` : ''}).`);
    }
    const parsed = TokenAnswer.safeParse(json);
    if (!parsed.success) throw new HostError('MICROSOFT_SIGN_IN_FAILED', 'Microsoft’s token endpoint gave an answer without an access token.');
    return parsed.data;
  }

  /** Checks the ID token as Entra's multi-tenant endpoint issues it: the issuer names the person's tenant. */
  async function verifyIdToken(meta: Metadata, idToken: string, clientId: string, nonce: string): Promise<JWTPayload> {
    let jwks = jwksCache.get(meta.jwks_uri);
    if (!jwks) {
      jwks = createRemoteJWKSet(new URL(meta.jwks_uri));
      jwksCache.set(meta.jwks_uri, jwks);
    }
    try {
      const tid = decodeJwt(idToken).tid;
      const issuer = meta.issuer.replace('{tenantid}', typeof tid === 'string' ? tid : '{tenantid}');
      const { payload } = await jwtVerify(idToken, jwks, { audience: clientId, issuer, clockTolerance: 60 });
      if (payload.nonce !== nonce) throw new Error('the nonce is not the one this sign-in sent');
      return payload;
    } catch (e) {
      throw new HostError('MICROSOFT_SIGN_IN_FAILED', `Microsoft’s ID token was refused: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function readCache(s: MicrosoftSettings): Promise<Cache | null> {
    const raw = await deps.secrets.get(SECRET).catch(() => null);
    if (!raw) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null;
    }
    const parsed = Cache.safeParse(json);
    // Tokens of another registration or authority are not this configuration's sign-in.
    if (!parsed.success || parsed.data.clientId !== s.clientId || parsed.data.authority !== s.authority) return null;
    return parsed.data;
  }

  const writeCache = (cache: Cache) => deps.secrets.set(SECRET, JSON.stringify(cache));

  function signInScopes(s: MicrosoftSettings): string[] {
    return [...new Set([...s.scopes, ...(s.serverScope ? [s.serverScope] : [])])];
  }

  async function signIn(): Promise<MicrosoftAccount> {
    const s = configured();
    pending?.cancel(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'A new Microsoft sign-in replaced this one.'));
    const meta = await metadata(s.authority);
    const verifier = base64url(randomBytes(32));
    const state = base64url(randomBytes(16));
    const nonce = base64url(randomBytes(16));
    const loopback = await listenOnce(state);
    const attempt = { cancel: (error: HostError) => loopback.fail(error) };
    pending = attempt;
    const timer = setTimeout(
      () => loopback.fail(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'The browser did not come back from Microsoft sign-in in time: try again.')),
      deps.signInTimeoutMs ?? 5 * 60_000,
    );
    try {
      const scopes = signInScopes(s);
      const url = new URL(meta.authorization_endpoint);
      url.search = new URLSearchParams({
        client_id: s.clientId,
        response_type: 'code',
        redirect_uri: loopback.redirectUri,
        scope: scopes.join(' '),
        state,
        nonce,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        ...(deps.authorizeParams ?? { prompt: 'select_account' }),
      }).toString();
      await deps.openExternal(url.href);
      const code = await loopback.code;
      const answer = await tokenRequest(meta, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: loopback.redirectUri,
        client_id: s.clientId,
        code_verifier: verifier,
      });
      if (!answer.id_token) throw new HostError('MICROSOFT_SIGN_IN_FAILED', 'Microsoft gave no ID token: the "openid" scope is missing from the sign-in scopes in Settings.');
      if (!answer.refresh_token) throw new HostError('MICROSOFT_SIGN_IN_FAILED', 'Microsoft gave no refresh token: the "offline_access" scope is missing from the sign-in scopes in Settings.');
      const claims = await verifyIdToken(meta, answer.id_token, s.clientId, nonce);
      const str = (v: unknown) => (typeof v === 'string' ? v : '');
      const account: MicrosoftAccount = {
        oid: str(claims.oid) || str(claims.sub),
        tenantId: str(claims.tid),
        username: str(claims.preferred_username) || str(claims.email),
        name: str(claims.name) || str(claims.preferred_username),
      };
      await writeCache({
        clientId: s.clientId,
        authority: s.authority,
        refreshToken: answer.refresh_token,
        account,
        accessTokens: { [keyOf(scopes)]: { token: answer.access_token, expiresAt: now() + answer.expires_in * 1000 } },
      });
      generation++;
      refreshing = new Map();
      return account;
    } finally {
      clearTimeout(timer);
      if (pending === attempt) pending = null;
      await loopback.close();
    }
  }

  async function refresh(s: MicrosoftSettings, cache: Cache, scopes: string[], key: string): Promise<AccessTokenResult> {
    const began = generation;
    const meta = await metadata(s.authority);
    let answer;
    try {
      answer = await tokenRequest(meta, {
        grant_type: 'refresh_token',
        refresh_token: cache.refreshToken,
        client_id: s.clientId,
        scope: [...new Set([...scopes, 'openid', 'profile', 'offline_access'])].join(' '),
      });
    } catch (e) {
      if (e instanceof HostError && e.code === 'MICROSOFT_SIGNED_OUT' && began === generation) await deps.secrets.delete(SECRET);
      throw e;
    }
    if (began !== generation) throw new HostError('MICROSOFT_SIGNED_OUT', 'The Microsoft sign-in changed while a token was being renewed: ask again.');
    const result = { accessToken: answer.access_token, expiresAt: now() + answer.expires_in * 1000 };
    // Entra rotates refresh tokens: the new one replaces the old, or the next refresh may be refused.
    const latest = (await readCache(s)) ?? cache;
    await writeCache({
      ...latest,
      refreshToken: answer.refresh_token ?? latest.refreshToken,
      accessTokens: { ...latest.accessTokens, [key]: { token: result.accessToken, expiresAt: result.expiresAt } },
    });
    return result;
  }

  return {
    signIn,
    cancelSignIn() {
      pending?.cancel(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'Microsoft sign-in was cancelled.'));
    },
    async state() {
      const s = deps.settings();
      const cache = s.clientId ? await readCache(s) : null;
      return { available: true, configured: s.clientId !== '', account: cache?.account ?? null };
    },
    async getAccessToken(asked) {
      const s = configured();
      const scopes = asked.length > 0 ? asked : s.serverScope ? [s.serverScope] : [];
      if (scopes.length === 0) {
        throw new HostError('MICROSOFT_SCOPE_MISSING', 'No scope was asked for and no team server API scope is set in Settings.');
      }
      const cache = await readCache(s);
      if (!cache) throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft.');
      const key = keyOf(scopes);
      const cached = cache.accessTokens[key];
      if (cached && cached.expiresAt - now() > EXPIRY_SKEW_MS) return { accessToken: cached.token, expiresAt: cached.expiresAt };
      // One refresh per resource at a time: two would race to rotate the same refresh token.
      const flights = refreshing;
      let flight = flights.get(key);
      if (!flight) {
        flight = refresh(s, cache, scopes, key).finally(() => flights.delete(key));
        flights.set(key, flight);
      }
      return flight;
    },
    async getTenantAccessToken(tenantId, options = {}) {
      const s = configured();
      const cache = await readCache(s);
      if (!cache) throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft: sign in with Microsoft in Settings, then read the tenant again.');
      const key = `tenant:${tenantId.toLowerCase()} ${GRAPH_SCOPE}`;
      const cached = cache.accessTokens[key];
      if (!options.refresh && cached && cached.expiresAt - now() > EXPIRY_SKEW_MS) return cached.token;
      const began = generation;
      // `https://login.microsoftonline.com/organizations` -> `https://login.microsoftonline.com/<customer tenant>`
      const host = s.authority.replace(/\/+$/, '').replace(/\/[^/]*$/, '');
      const tokenEndpoint = `${host}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
      let answer;
      try {
        answer = await tokenRequest(
          { issuer: host, authorization_endpoint: tokenEndpoint, token_endpoint: tokenEndpoint, jwks_uri: tokenEndpoint },
          { grant_type: 'refresh_token', refresh_token: cache.refreshToken, client_id: s.clientId, scope: `${GRAPH_SCOPE} openid profile offline_access` },
        );
      } catch (e) {
        if (e instanceof HostError && e.code === 'MICROSOFT_SIGNED_OUT' && began === generation) await deps.secrets.delete(SECRET);
        throw e;
      }
      if (began !== generation) throw new HostError('MICROSOFT_SIGNED_OUT', 'The Microsoft sign-in changed while the tenant was being read: read it again.');
      const latest = (await readCache(s)) ?? cache;
      await writeCache({
        ...latest,
        refreshToken: answer.refresh_token ?? latest.refreshToken,
        accessTokens: { ...latest.accessTokens, [key]: { token: answer.access_token, expiresAt: now() + answer.expires_in * 1000 } },
      });
      return answer.access_token;
    },
    async signOut() {
      pending?.cancel(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'Signed out during the Microsoft sign-in.'));
      generation++;
      refreshing = new Map();
      await deps.secrets.delete(SECRET);
    },
  };
}

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;line-height:1.5';

/** The page the browser shows after the redirect, in both languages: the app does not know the browser's. */
export function loopbackPage(ok: boolean): string {
  const [en, ja] = ok
    ? ['You are signed in with Microsoft. You can close this tab and return to CSP Migration Workspace.', 'Microsoft でサインインしました。このタブを閉じて CSP Migration Workspace に戻ってください。']
    : ['Microsoft sign-in did not complete. You can close this tab; the app says what happened.', 'Microsoft でのサインインは完了しませんでした。このタブを閉じてください。理由はアプリに表示されます。'];
  return `<!doctype html><html><head><meta charset="utf-8"><title>CSP Migration Workspace</title></head><body style="${PAGE_STYLE}"><p lang="en">${en}</p><p lang="ja">${ja}</p></body></html>`;
}

interface Loopback {
  redirectUri: string;
  /** The authorization code, once the redirect with the right state arrives. */
  code: Promise<string>;
  fail(error: HostError): void;
  close(): Promise<void>;
}

/** A one-shot listener on 127.0.0.1 and a port the OS picks: the first redirect to /callback ends it. */
async function listenOnce(state: string): Promise<Loopback> {
  let settle: { resolve: (code: string) => void; reject: (e: HostError) => void } | null = null;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // a failure before anyone awaits is still reported to the awaiting signIn
  const finish = (outcome: { code: string } | { error: HostError }) => {
    const s = settle;
    settle = null;
    if (!s) return;
    if ('code' in outcome) s.resolve(outcome.code);
    else s.reject(outcome.error);
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers also ask for /favicon.ico: only the redirect counts.
    if (req.method !== 'GET' || url.pathname !== '/callback' || !settle) {
      res.writeHead(404).end();
      return;
    }
    const q = url.searchParams;
    const send = (ok: boolean) => res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(loopbackPage(ok));
    if (q.get('state') !== state) {
      send(false);
      finish({ error: new HostError('MICROSOFT_SIGN_IN_FAILED', 'The browser came back with an answer to another sign-in (its state did not match): it was refused. Try again.') });
      return;
    }
    const error = q.get('error');
    const got = q.get('code');
    if (error || !got) {
      send(false);
      const description = q.get('error_description');
      finish({
        error:
          error === 'access_denied'
            ? new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'Microsoft sign-in was cancelled in the browser.')
            : new HostError('MICROSOFT_SIGN_IN_FAILED', `Microsoft refused the sign-in (${error ?? 'no code'}${description ? `: ${description}` : ''}).`),
      });
      return;
    }
    send(true);
    finish({ code: got });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    code,
    fail: (error) => finish({ error }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
