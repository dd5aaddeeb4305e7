// Sign in with Microsoft (Entra ID) from the main process through MSAL for Node, as a native public
// client: acquireTokenInteractive runs the authorization code flow with PKCE (RFC 7636) in the system
// browser (Electron's shell.openExternal) and takes the answer on MSAL's one-shot loopback listener
// on 127.0.0.1 and a port the OS picks (RFC 8252, sections 7.3 and 8.3); acquireTokenSilent renews
// tokens and redeems the refresh token at a customer tenant's authority (GDAP). MSAL's token cache is
// kept in the secrets store (safeStorage-encrypted) through an ICachePlugin; the renderer is only ever
// given an access token and who is signed in, never the refresh token or the ID token.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  InteractionRequiredAuthError,
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type ICachePlugin,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
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
  /** MSAL's network client is built on this fetch (tests: one trusting the local provider's certificate). */
  fetch?: typeof fetch;
  /** How long the browser may take to come back before the attempt ends (default 5 minutes). */
  signInTimeoutMs?: number;
  /** Extra authorize parameters; Entra: `prompt=select_account` by default. */
  authorizeParams?: Record<string, string>;
  /**
   * Hosts MSAL may trust without asking Microsoft's instance discovery (`127.0.0.1:<port>` for the
   * local OpenID provider in tests); empty for Entra, whose hosts MSAL knows.
   */
  knownAuthorities?: string[];
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
/** Scopes every sign-in asks for that name no resource: MSAL adds them itself. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const HTTP_TIMEOUT_MS = 30_000;

/** What the secrets store holds: MSAL's cache, tagged with the registration and authority it belongs to. */
const Stored = z.object({ clientId: z.string(), authority: z.string(), msal: z.string() });

/** The access token's key: the resource scopes asked for, in a stable order. */
function keyOf(scopes: string[]): string {
  return [...new Set(scopes.filter((s) => !OIDC_SCOPES.has(s)))].sort().join(' ');
}

/** MSAL's INetworkModule over fetch (the main process's fetch in the app; in tests one trusting the local provider's certificate). */
export function fetchNetworkModule(doFetch: typeof fetch): INetworkModule {
  async function send<T>(url: string, init: RequestInit, timeout?: number): Promise<NetworkResponse<T>> {
    const res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeout ?? HTTP_TIMEOUT_MS) });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => (headers[name] = value));
    const text = await res.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = {};
    }
    // An error without an OAuth error body (a 404 page, a proxy's 502) must not read as an empty success.
    if (!res.ok && (typeof body !== 'object' || body === null || !('error' in body))) {
      body = { error: `HTTP ${res.status}`, error_description: `${url} answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}` };
    }
    return { headers, body: body as T, status: res.status };
  }
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) => send<T>(url, { method: 'GET', headers: options?.headers }, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, { method: 'POST', headers: options?.headers, body: options?.body }),
  };
}

function toAccount(account: AccountInfo): MicrosoftAccount {
  const claims = account.idTokenClaims ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    oid: str(claims.oid) || str(claims.sub) || account.localAccountId,
    tenantId: str(claims.tid) || account.tenantId,
    username: str(claims.preferred_username) || str(claims.email) || account.username,
    name: str(claims.name) || account.name || str(claims.preferred_username),
  };
}

/** MSAL's errors in the app's words (the renderer shows the message; the code picks its action). */
function hostError(e: unknown, context: 'sign-in' | 'token'): HostError {
  if (e instanceof HostError) return e;
  const code = (e as { errorCode?: string }).errorCode ?? '';
  if (e instanceof InteractionRequiredAuthError || code === 'invalid_grant' || code === 'interaction_required' || code === 'login_required') {
    // invalid_grant and friends: the refresh token expired, was revoked, or the password changed.
    return new HostError('MICROSOFT_SIGNED_OUT', 'The Microsoft sign-in has ended: sign in with Microsoft again.');
  }
  const err = e as { errorMessage?: string; message?: string };
  if (code === 'access_denied') return new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'Microsoft sign-in was cancelled in the browser.');
  if (code === 'state_mismatch') {
    return new HostError('MICROSOFT_SIGN_IN_FAILED', 'The browser came back with an answer to another sign-in (its state did not match): it was refused. Try again.');
  }
  const detail = `${code || 'error'}${err.errorMessage ? `: ${err.errorMessage}` : err.message ? `: ${err.message}` : ''}`;
  return new HostError(
    'MICROSOFT_SIGN_IN_FAILED',
    context === 'sign-in' ? `Microsoft refused the sign-in (${detail}).` : `Microsoft refused the token request (${detail}).`,
  );
}

export function createMicrosoftSignIn(deps: MicrosoftSignInDeps): MicrosoftSignIn {
  const network = fetchNetworkModule(deps.fetch ?? fetch);
  /** One MSAL client per (client id, authority): Settings may change them while the app runs. */
  const clients = new Map<string, PublicClientApplication>();
  let pending: { cancel: (error: HostError) => void } | null = null;
  let refreshing = new Map<string, Promise<AccessTokenResult>>();
  /** Bumped by every sign-in and sign-out: an operation that began before must not write its tokens back. */
  let generation = 0;
  /** The generation an MSAL call began in, seen by the cache plugin (which MSAL calls without context). */
  const began = new AsyncLocalStorage<number>();

  function configured(): MicrosoftSettings {
    const s = deps.settings();
    if (!s.clientId) {
      throw new HostError('MICROSOFT_NOT_CONFIGURED', 'Microsoft sign-in is not set up: enter the app registration’s client id in Settings.');
    }
    return s;
  }

  async function readStored(s: MicrosoftSettings): Promise<string | null> {
    const raw = await deps.secrets.get(SECRET).catch(() => null);
    if (!raw) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null;
    }
    const parsed = Stored.safeParse(json);
    // Tokens of another registration or authority (or of the app before MSAL) are not this sign-in.
    if (!parsed.success || parsed.data.clientId !== s.clientId || parsed.data.authority !== s.authority) return null;
    return parsed.data.msal;
  }

  function client(s: MicrosoftSettings): PublicClientApplication {
    const key = `${s.clientId}\n${s.authority}`;
    let found = clients.get(key);
    if (!found) {
      const cachePlugin: ICachePlugin = {
        async beforeCacheAccess(context) {
          // MSAL merges what it reads into what it holds, so forgetting is done by dropping the
          // client (forget(), at sign-out); here the store's newer tokens replace the held ones.
          const stored = await readStored(s);
          if (stored) context.tokenCache.deserialize(stored);
        },
        async afterCacheAccess(context) {
          if (!context.cacheHasChanged) return;
          const since = began.getStore();
          if (since !== undefined && since !== generation) return; // signed out or in again meanwhile
          await deps.secrets.set(SECRET, JSON.stringify({ clientId: s.clientId, authority: s.authority, msal: context.tokenCache.serialize() }));
        },
      };
      found = new PublicClientApplication({
        auth: { clientId: s.clientId, authority: s.authority, knownAuthorities: deps.knownAuthorities ?? [] },
        cache: { cachePlugin },
        system: {
          networkClient: network,
          // MSAL's log would carry personal data at higher levels; errors reach the user as HostErrors.
          loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
        },
      });
      clients.set(key, found);
    }
    return found;
  }

  /** Ends the sign-in: the encrypted cache is deleted and the MSAL clients holding it in memory dropped. */
  async function forget(): Promise<void> {
    clients.clear();
    await deps.secrets.delete(SECRET);
  }

  /** Runs an MSAL call in the current generation; a sign-in or sign-out during it voids its result. */
  async function inGeneration<T>(run: () => Promise<T>, context: 'sign-in' | 'token'): Promise<T> {
    const g = generation;
    let result: T;
    try {
      result = await began.run(g, run);
    } catch (e) {
      const error = hostError(e, context);
      if (error.code === 'MICROSOFT_SIGNED_OUT' && g === generation) await forget();
      throw error;
    }
    if (g !== generation) throw new HostError('MICROSOFT_SIGNED_OUT', 'The Microsoft sign-in changed while a token was being renewed: ask again.');
    return result;
  }

  async function currentAccount(s: MicrosoftSettings): Promise<AccountInfo | null> {
    const accounts = await client(s).getAllAccounts();
    return accounts[0] ?? null;
  }

  function signInScopes(s: MicrosoftSettings): string[] {
    return [...new Set([...s.scopes, ...(s.serverScope ? [s.serverScope] : [])])];
  }

  async function signIn(): Promise<MicrosoftAccount> {
    const s = configured();
    pending?.cancel(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'A new Microsoft sign-in replaced this one.'));
    const pca = client(s);
    const { prompt, login_hint: loginHint, ...extraQueryParameters } = deps.authorizeParams ?? { prompt: 'select_account' };
    /** Where MSAL listens and the state it waits for, known once it hands the browser the URL. */
    let opened: { redirectUri: string; state: string } | null = null;
    let stop: ((error: HostError) => void) | null = null;
    const stopped = new Promise<never>((_resolve, reject) => (stop = reject));
    stopped.catch(() => undefined);
    let ended: HostError | null = null;
    // MSAL's listener has no cancel: it ends when the browser posts an answer with its state, so the
    // app posts the refusal a browser would (access_denied) to close it. It listens on 127.0.0.1.
    const closeListener = () => {
      if (!opened) return;
      const at = new URL(opened.redirectUri);
      at.hostname = '127.0.0.1';
      void fetch(at.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', connection: 'close' },
        body: new URLSearchParams({ error: 'access_denied', error_description: 'cancelled in the app', state: opened.state }),
      }).then(
        (r) => r.body?.cancel(),
        () => undefined,
      );
    };
    const end = (error: HostError) => {
      if (ended) return;
      ended = error;
      stop?.(error);
      closeListener();
    };
    const attempt = { cancel: end };
    pending = attempt;
    const timer = setTimeout(
      () => end(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'The browser did not come back from Microsoft sign-in in time: try again.')),
      deps.signInTimeoutMs ?? 5 * 60_000,
    );
    const g = generation;
    const interactive = began.run(g, () =>
      pca.acquireTokenInteractive({
        scopes: signInScopes(s).filter((x) => !OIDC_SCOPES.has(x) || x === 'email'),
        ...(prompt ? { prompt } : {}),
        ...(loginHint ? { loginHint } : {}),
        extraQueryParameters,
        successTemplate: loopbackPage(true),
        errorTemplate: loopbackPage(false),
        openBrowser: async (url) => {
          const asked = new URL(url);
          opened = { redirectUri: asked.searchParams.get('redirect_uri') ?? '', state: asked.searchParams.get('state') ?? '' };
          if (ended) {
            closeListener(); // cancelled before the browser opened: no browser, and the listener closes now
            return;
          }
          await deps.openExternal(url);
        },
      }),
    );
    interactive.catch(() => undefined);
    try {
      let result: AuthenticationResult;
      try {
        result = await Promise.race([interactive, stopped]);
      } catch (e) {
        throw hostError(ended ?? e, 'sign-in');
      }
      const account = result.account;
      if (!account) throw new HostError('MICROSOFT_SIGN_IN_FAILED', 'Microsoft gave no ID token: the "openid" scope is missing from the sign-in scopes in Settings.');
      // One person at a time: MSAL keeps every account it has seen, the app only the one just signed in.
      await began.run(g, async () => {
        const cache = pca.getTokenCache();
        for (const other of await cache.getAllAccounts()) {
          if (other.homeAccountId !== account.homeAccountId) await cache.removeAccount(other);
        }
      });
      generation++;
      refreshing = new Map();
      return toAccount(account);
    } finally {
      clearTimeout(timer);
      if (pending === attempt) pending = null;
      await interactive.catch(() => undefined); // MSAL closes its listener when its call ends
    }
  }

  return {
    signIn,
    cancelSignIn() {
      pending?.cancel(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'Microsoft sign-in was cancelled.'));
    },
    async state() {
      const s = deps.settings();
      const account = s.clientId ? await currentAccount(s).catch(() => null) : null;
      return { available: true, configured: s.clientId !== '', account: account ? toAccount(account) : null };
    },
    async getAccessToken(asked) {
      const s = configured();
      const scopes = asked.length > 0 ? asked : s.serverScope ? [s.serverScope] : [];
      if (scopes.length === 0) {
        throw new HostError('MICROSOFT_SCOPE_MISSING', 'No scope was asked for and no team server API scope is set in Settings.');
      }
      const account = await currentAccount(s);
      if (!account) throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft.');
      // One renewal per resource at a time: two would race to rotate the same refresh token.
      const key = keyOf(scopes);
      const flights = refreshing;
      let flight = flights.get(key);
      if (!flight) {
        flight = inGeneration(() => client(s).acquireTokenSilent({ account, scopes }), 'token')
          .then((r) => ({ accessToken: r.accessToken, expiresAt: r.expiresOn?.getTime() ?? Date.now() }))
          .finally(() => flights.delete(key));
        flights.set(key, flight);
      }
      return flight;
    },
    async getTenantAccessToken(tenantId, options = {}) {
      const s = configured();
      const account = await currentAccount(s);
      if (!account) throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft: sign in with Microsoft in Settings, then read the tenant again.');
      // `https://login.microsoftonline.com/organizations` -> `https://login.microsoftonline.com/<customer tenant>`
      const authority = `${s.authority.replace(/\/+$/, '').replace(/\/[^/]*$/, '')}/${encodeURIComponent(tenantId)}`;
      const result = await inGeneration(
        () => client(s).acquireTokenSilent({ account, scopes: [GRAPH_SCOPE], authority, forceRefresh: options.refresh ?? false }),
        'token',
      );
      return result.accessToken;
    },
    async signOut() {
      pending?.cancel(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'Signed out during the Microsoft sign-in.'));
      generation++;
      refreshing = new Map();
      await forget();
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
