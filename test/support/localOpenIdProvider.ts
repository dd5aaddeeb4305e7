// A real OpenID provider (npm oidc-provider) on 127.0.0.1, standing in for Microsoft Entra ID in
// tests, since Microsoft's cloud cannot be reached from here. It is shaped like Entra's v2.0
// endpoint: the issuer is http://127.0.0.1:<port>/<tenant id>/v2.0, ID tokens carry tid, oid,
// preferred_username, name and roles, and access tokens for the server's API are RS256 JWTs for an
// audience of our choosing. A person signs in through a real authorization code flow with PKCE
// (RFC 7636) and a loopback redirect (RFC 8252): `signIn` plays the system browser with fetch, and the
// login page is replaced by a handler that logs in the person named by `login_hint` and consents.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Adapter, type AdapterPayload, type Configuration } from 'oidc-provider';

export interface LocalPerson {
  /** The key the provider knows the person by, and the `login_hint` that picks them. */
  sub: string;
  tid: string;
  oid: string;
  preferredUsername: string;
  name: string;
  email?: string;
  roles?: string[];
}

export interface LocalClient {
  clientId: string;
  /** Algorithm of its ID tokens (default RS256, as Entra's). */
  idTokenAlg?: 'RS256' | 'ES256';
}

export interface ProviderOptions {
  tenantId: string;
  people: LocalPerson[];
  clients: LocalClient[];
  /** The API's resource indicator and the audience of its access tokens (Entra: the app's client id or App ID URI). */
  api: { resource: string; audience: string };
  /** Listen on this port (a restart keeps the issuer); default a free one. */
  port?: number;
  /** Signing keys (private JWKs with kid); default a new RSA key and a new EC key. */
  keys?: JWK[];
  /** Seconds ID and access tokens live. */
  tokenTtlSeconds?: number;
  /** Serve over HTTPS with this certificate (test/support/selfSignedCertificate): MSAL accepts only https authorities. */
  tls?: { key: string; cert: string };
  /** The fetch the provider's own helpers (signIn, refresh) use: one that trusts `tls.cert` when set. */
  fetch?: typeof fetch;
}

export interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

export interface LocalOpenIdProvider {
  issuer: string;
  port: number;
  keys: JWK[];
  /** How many times its key set (jwks_uri) was fetched: shows a verifier's cache at work. */
  readonly jwksFetches: number;
  /** The whole flow: authorize (PKCE S256, loopback redirect), log in `person`, consent, redeem the code. */
  signIn(clientId: string, person: LocalPerson, opts?: { offlineAccess?: boolean }): Promise<TokenSet>;
  /** The refresh token grant, for a new ID token and access token. */
  refresh(clientId: string, refreshToken: string): Promise<TokenSet>;
  stop(): Promise<void>;
}

export async function newSigningKeys(): Promise<JWK[]> {
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const ec = await generateKeyPair('ES256', { extractable: true });
  const id = randomBytes(6).toString('hex');
  return [
    { ...(await exportJWK(rsa.privateKey)), kid: `rsa-${id}`, alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.privateKey)), kid: `ec-${id}`, alg: 'ES256', use: 'sig' },
  ];
}

/** The provider's state (codes, grants, sessions) in memory, per provider: what its built-in
 * development adapter does, without its warning on every start. */
function memoryAdapter(): (model: string) => Adapter {
  const store = new Map<string, AdapterPayload>();
  const grants = new Map<string, Set<string>>();
  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload) {
        store.set(key(id), payload);
        if (payload.grantId) grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set()).add(key(id)));
      },
      find: async (id) => store.get(key(id)),
      findByUserCode: async (code) => [...store.values()].find((p) => p.userCode === code),
      findByUid: async (uid) => [...store.entries()].find(([k, p]) => k.startsWith(`${model}:`) && p.uid === uid)?.[1],
      async consume(id) {
        const p = store.get(key(id));
        if (p) p.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const k of grants.get(grantId) ?? []) store.delete(k);
        grants.delete(grantId);
      },
    };
  };
}

const ENTRA_CLAIMS = ['sub', 'tid', 'oid', 'preferred_username', 'name', 'email', 'roles'];

export async function startLocalOpenIdProvider(o: ProviderOptions): Promise<LocalOpenIdProvider> {
  const keys = o.keys ?? (await newSigningKeys());
  const ttl = o.tokenTtlSeconds ?? 3600;
  const mount = `/${o.tenantId}/v2.0`;
  const people = new Map(o.people.map((p) => [p.sub, p]));
  const claimsOf = (p: LocalPerson) => ({
    sub: p.sub,
    tid: p.tid,
    oid: p.oid,
    preferred_username: p.preferredUsername,
    name: p.name,
    ...(p.email ? { email: p.email } : {}),
    ...(p.roles ? { roles: p.roles } : {}),
  });

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = o.tls ? createHttpsServer({ key: o.tls.key, cert: o.tls.cert }, (req, res) => handler(req, res)) : createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `${o.tls ? 'https' : 'http'}://127.0.0.1:${port}${mount}`;
  const doFetch = o.fetch ?? fetch;

  const configuration: Configuration = {
    adapter: memoryAdapter(),
    clients: o.clients.map((c) => ({
      client_id: c.clientId,
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // Native apps on a loopback address: any port matches (RFC 8252, section 7.3). MSAL for Node
      // listens on http://localhost:<port> and takes the answer as a form post to it.
      redirect_uris: ['http://127.0.0.1/callback', 'http://localhost'],
      id_token_signed_response_alg: c.idTokenAlg ?? 'RS256',
    })),
    jwks: { keys: keys as never },
    pkce: { required: () => true },
    claims: { openid: ENTRA_CLAIMS },
    // Entra puts the person's claims in the ID token of the code flow too.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const p = people.get(sub);
      return p ? { accountId: sub, claims: async () => claimsOf(p) } : undefined;
    },
    ttl: { IdToken: ttl, AccessToken: ttl, RefreshToken: 24 * 3600, Grant: 24 * 3600, Interaction: 600, Session: 3600 },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => o.api.resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: 'access_as_user',
          audience: o.api.audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: ttl,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // Entra's access tokens name the person's tenant, object id and app roles, like its ID tokens.
    extraTokenClaims: async (_ctx, token) => {
      const p = 'accountId' in token && typeof token.accountId === 'string' ? people.get(token.accountId) : undefined;
      return p ? { tid: p.tid, oid: p.oid, preferred_username: p.preferredUsername, name: p.name, ...(p.roles ? { roles: p.roles } : {}) } : {};
    },
    interactions: { url: async (_ctx, interaction) => `${mount}/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Tests read the provider's answers; its own log lines would only be noise.
    renderError: async (ctx, out) => {
      ctx.type = 'application/json';
      ctx.body = out;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  // Stands in for the login and consent pages: the person of login_hint signs in and consents to everything asked.
  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const sub = details.params.login_hint;
    if (typeof sub !== 'string' || !people.has(sub)) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`no person ${String(sub)} at this provider`);
      return;
    }
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId: sub, clientId: String(details.params.client_id) }))
      : new provider.Grant({ accountId: sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    grant.addResourceScope(o.api.resource, 'access_as_user');
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  let jwksFetches = 0;
  handler = (req, res) => {
    const url = req.url ?? '/';
    if (url === `${mount}/jwks`) jwksFetches++;
    if (!url.startsWith(mount)) {
      res.writeHead(404).end();
      return;
    }
    if (url.startsWith(`${mount}/interaction/`)) {
      interaction(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
      });
      return;
    }
    // The provider finds its mount path from the issuer and originalUrl (as under express).
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(mount.length) || '/';
    void callback(req, res);
  };

  const endpoint = (name: string) => `${issuer}/${name}`;
  async function tokenRequest(body: Record<string, string>): Promise<TokenSet> {
    const res = await doFetch(endpoint('token'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    const json = (await res.json()) as TokenSet & { error?: string; error_description?: string };
    if (!res.ok) throw new Error(`token endpoint: ${res.status} ${json.error}: ${json.error_description}`);
    return json;
  }

  return {
    issuer,
    port,
    keys,
    get jwksFetches() {
      return jwksFetches;
    },
    async signIn(clientId, person, opts = {}) {
      const loopback = await startLoopbackRedirect();
      try {
        const verifier = randomBytes(32).toString('base64url');
        const state = randomBytes(16).toString('base64url');
        const nonce = randomBytes(16).toString('base64url');
        const authorize = new URL(endpoint('auth'));
        authorize.search = new URLSearchParams({
          client_id: clientId,
          response_type: 'code',
          redirect_uri: loopback.redirectUri,
          scope: opts.offlineAccess ? 'openid offline_access' : 'openid',
          ...(opts.offlineAccess ? { prompt: 'consent' } : {}),
          state,
          nonce,
          login_hint: person.sub,
          code_challenge: createHash('sha256').update(verifier).digest('base64url'),
          code_challenge_method: 'S256',
          resource: o.api.resource,
        }).toString();
        await browse(authorize.href, loopback.redirectUri, undefined, doFetch);
        const back = await loopback.received;
        if (back.get('state') !== state) throw new Error('the redirect came back with another state');
        const code = back.get('code');
        if (!code) throw new Error(`the redirect came back without a code: ${back.get('error')} ${back.get('error_description')}`);
        return await tokenRequest({
          grant_type: 'authorization_code',
          code,
          redirect_uri: loopback.redirectUri,
          client_id: clientId,
          code_verifier: verifier,
          resource: o.api.resource,
        });
      } finally {
        await loopback.close();
      }
    },
    refresh: (clientId, refreshToken) => tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, resource: o.api.resource }),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The app's loopback listener (RFC 8252, section 7.3): a one-shot server on 127.0.0.1 that takes the redirect. */
async function startLoopbackRedirect(): Promise<{ redirectUri: string; received: Promise<URLSearchParams>; close(): Promise<void> }> {
  let deliver: (q: URLSearchParams) => void = () => {};
  const received = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('You are signed in: return to the app.');
    deliver(url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Follows redirects as a browser does, keeping the provider's cookies, until it lands on the loopback
 * redirect, by a redirect or by the provider's self-submitting form (response_mode=form_post, which
 * MSAL for Node asks for); `rewrite` changes that last answer first (a forged or stale answer), given
 * as a URL whose query is the answer. `doFetch` reaches the provider (one trusting its certificate). */
export async function browse(start: string, redirectUri: string, rewrite: (url: string) => string = (u) => u, doFetch: typeof fetch = fetch): Promise<void> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 20; hop++) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await doFetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (res.status === 200 && !location) {
      const html = await res.text();
      const form = /<form[^>]*action="([^"]+)"/i.exec(html);
      const action = form ? decodeHtml(form[1]!) : '';
      if (!form || !action.startsWith(redirectUri)) throw new Error(`the sign-in stopped at ${url}: ${res.status} ${html}`);
      const fields = new URLSearchParams();
      for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi)) fields.append(decodeHtml(m[1]!), decodeHtml(m[2]!));
      const answer = new URL(rewrite(`${action}?${fields.toString()}`));
      const body = answer.searchParams.toString();
      answer.search = '';
      // The browser posts the form to the app's loopback address.
      const done = await fetch(answer.href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      await done.body?.cancel();
      return;
    }
    if (res.status < 300 || res.status >= 400 || !location) {
      throw new Error(`the sign-in stopped at ${url}: ${res.status} ${await res.text()}`);
    }
    await res.body?.cancel();
    url = new URL(location, url).href;
    if (url.startsWith(redirectUri)) {
      const done = await fetch(rewrite(url)); // the browser opens the app's loopback address
      await done.body?.cancel();
      return;
    }
  }
  throw new Error('the sign-in redirected more than 20 times');
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|quot|lt|gt|#39|#x2F);/g, (_m, e: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x2F': '/' })[e]!);
}
