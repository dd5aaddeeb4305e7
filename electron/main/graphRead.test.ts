// The main process reading a customer's tenant: against the local Graph contract server
// (test/contract/graphServer) and a small local Entra authority over https (a self-signed
// certificate made with openssl, trusted only by MSAL's network client here): its discovery
// document and `/{tenant}/oauth2/v2.0/token`, the refresh-token grant GDAP uses, which MSAL's
// acquireTokenSilent calls at the customer tenant's authority. Faked is only the secrets store (in
// memory, holding the partner's sign-in as MSAL's serialized cache, as the app stores it).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { generatedUsers, startGraphServer, TENANT_ID, type GraphServer } from '../../test/contract/graphServer';
import { HostError, type GraphProgress } from '../../shared/ipc/contract';
import { createGraphRead } from './graphRead';
import { createMicrosoftSignIn } from './microsoftSignIn';
import { selfSignedCertificate } from '../../test/support/selfSignedCertificate';

const CLIENT = 'cspw-desktop';
const tls = selfSignedCertificate();

interface TokenEndpoint {
  origin: string;
  calls: { path: string; body: URLSearchParams }[];
  /** Access tokens handed out in order; then the last one again. */
  tokens: string[];
  refuse?: string;
  close(): Promise<void>;
}

async function startTokenEndpoint(tokens: string[]): Promise<TokenEndpoint> {
  const endpoint: TokenEndpoint = { origin: '', calls: [], tokens, close: async () => undefined };
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      // Entra's discovery document for any tenant path: what MSAL reads before the token request.
      const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.url ?? '');
      if (discovery) {
        const base = `${endpoint.origin}/${discovery[1]}`;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, token_endpoint: `${base}/oauth2/v2.0/token`, jwks_uri: `${base}/discovery/v2.0/keys` }));
        return;
      }
      const body = new URLSearchParams(raw);
      endpoint.calls.push({ path: (req.url ?? '').replace(/\?.*$/, ''), body });
      res.setHeader('content-type', 'application/json');
      if (endpoint.refuse) {
        res.statusCode = 400;
        res.end(JSON.stringify({ error: endpoint.refuse, error_description: 'AADSTS700082: The refresh token has expired.' }));
        return;
      }
      const n = endpoint.calls.length;
      // As Entra answers MSAL (which asks client_info=1): who the tokens belong to, as uid.utid.
      const clientInfo = Buffer.from(JSON.stringify({ uid: 'o', utid: 'partner' })).toString('base64url');
      res.end(JSON.stringify({ token_type: 'Bearer', access_token: endpoint.tokens[Math.min(n, endpoint.tokens.length) - 1], expires_in: 3600, refresh_token: `rt-${n + 1}`, client_info: clientInfo }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoint.close = () => new Promise((resolve) => server.close(() => resolve()));
  return endpoint;
}

/** The partner's sign-in as MSAL serializes it (an account, its ID token and refresh token rt-1). */
function signedInCache(environment: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const idToken = `${part({ alg: 'none' })}.${part({ sub: 'o', oid: 'o', tid: 'partner', preferred_username: 'aiko@fabrikam.example', name: 'Aiko' })}.`;
  const home = 'o.partner';
  return JSON.stringify({
    Account: { [`${home}-${environment}-organizations`]: { home_account_id: home, environment, realm: 'organizations', local_account_id: 'o', username: 'aiko@fabrikam.example', authority_type: 'MSSTS', name: 'Aiko' } },
    IdToken: { [`${home}-${environment}-idtoken-${CLIENT}-organizations--`]: { home_account_id: home, environment, credential_type: 'IdToken', client_id: CLIENT, secret: idToken, realm: 'organizations' } },
    AccessToken: {},
    RefreshToken: { [`${home}-${environment}-refreshtoken-${CLIENT}---`]: { home_account_id: home, environment, credential_type: 'RefreshToken', client_id: CLIENT, secret: 'rt-1' } },
    AppMetadata: {},
  });
}

/** The refresh token MSAL keeps in the stored cache. */
function storedRefreshToken(store: Map<string, string>): string | undefined {
  const msal = JSON.parse((JSON.parse(store.get('microsoftTokens')!) as { msal: string }).msal) as { RefreshToken: Record<string, { secret: string }> };
  return Object.values(msal.RefreshToken)[0]?.secret;
}

function setup(graph: GraphServer, tokens: TokenEndpoint) {
  const store = new Map<string, string>();
  const authority = `${tokens.origin}/organizations`;
  store.set('microsoftTokens', JSON.stringify({ clientId: CLIENT, authority, msal: signedInCache(new URL(tokens.origin).host) }));
  const microsoft = createMicrosoftSignIn({
    settings: () => ({ clientId: CLIENT, authority, scopes: ['openid', 'profile', 'offline_access'], serverScope: '' }),
    secrets: { get: async (name) => store.get(name) ?? null, set: async (name, value) => void store.set(name, value), delete: async (name) => void store.delete(name) },
    openExternal: async () => undefined,
    fetch: tls.fetch,
    knownAuthorities: [new URL(tokens.origin).host],
  });
  const progress: GraphProgress[] = [];
  const read = createGraphRead({ microsoft, baseUrl: () => graph.origin, progress: (p) => progress.push(p), retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 } });
  return { read, progress, store };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function servers(graphOptions: Parameters<typeof startGraphServer>[0], tokens = ['token-1']) {
  const graph = await startGraphServer(graphOptions);
  const endpoint = await startTokenEndpoint(tokens);
  cleanup.push(() => graph.close(), () => endpoint.close());
  return { graph, endpoint };
}

async function refusal(promise: Promise<unknown>): Promise<HostError> {
  const e = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(e instanceof HostError)) throw new Error(`expected a HostError, got ${String(e)}`);
  return e;
}

describe('graph.readTenant in main (local contract server, local token endpoint)', () => {
  it("redeems the partner's refresh token at the customer's tenant authority, reads every page with progress, and keeps the rotated refresh token in main", async () => {
    const { graph, endpoint } = await servers({ users: generatedUsers(2500), pageSize: 999 });
    const { read, progress, store } = setup(graph, endpoint);
    const pages = await read.readTenant(TENANT_ID);
    expect(endpoint.calls).toHaveLength(1);
    expect(endpoint.calls[0]!.path).toBe(`/${TENANT_ID}/oauth2/v2.0/token`);
    expect(endpoint.calls[0]!.body.get('grant_type')).toBe('refresh_token');
    expect(endpoint.calls[0]!.body.get('refresh_token')).toBe('rt-1');
    expect(endpoint.calls[0]!.body.get('scope')).toContain('https://graph.microsoft.com/.default');
    expect(pages.users).toHaveLength(3);
    expect(pages.organization?.text).toContain(TENANT_ID);
    expect(pages.subscribedSkus.length).toBeGreaterThan(0);
    expect(progress.filter((p) => p.collection === 'users').map((p) => p.items)).toEqual([999, 1998, 2500]);
    expect(storedRefreshToken(store)).toBe('rt-2');
    // Nothing the renderer receives carries a token.
    expect(JSON.stringify(pages)).not.toContain('rt-');
  });

  it('asks once more for a token when Graph says the first expired, and goes on', async () => {
    const { graph, endpoint } = await servers({ validTokens: new Set(['token-1', 'token-2']), expireToken: { token: 'token-1', afterRequests: 2 } }, ['token-1', 'token-2']);
    const { read } = setup(graph, endpoint);
    const pages = await read.readTenant(TENANT_ID);
    expect(pages.users.length).toBeGreaterThan(0);
    expect(endpoint.calls).toHaveLength(2);
  });

  it('says GRAPH_FORBIDDEN and names the role to ask the customer for when the GDAP relationship lacks it', async () => {
    const { graph, endpoint } = await servers({ forbidden: new Set(['subscribedSkus']) });
    const { read } = setup(graph, endpoint);
    const e = await refusal(read.readTenant(TENANT_ID));
    expect(e.code).toBe('GRAPH_FORBIDDEN');
    expect(e.message).toContain('Directory Readers (or Global Reader)');
  });

  it('says GRAPH_THROTTLED when Graph still throttles after every try', async () => {
    const { graph, endpoint } = await servers({ throttle: [1, 2, 3].map((n) => ({ onRequest: n, retryAfter: '0' })) });
    const { read } = setup(graph, endpoint);
    expect((await refusal(read.readTenant(TENANT_ID))).code).toBe('GRAPH_THROTTLED');
  });

  it('says MICROSOFT_SIGNED_OUT when the sign-in has expired (invalid_grant), and forgets it', async () => {
    const { graph, endpoint } = await servers({});
    endpoint.refuse = 'invalid_grant';
    const { read, store } = setup(graph, endpoint);
    expect((await refusal(read.readTenant(TENANT_ID))).code).toBe('MICROSOFT_SIGNED_OUT');
    expect(store.has('microsoftTokens')).toBe(false);
  });

  it('ends a read on cancel with GRAPH_READ_CANCELLED', async () => {
    const { graph, endpoint } = await servers({ latencyMs: 200 });
    const { read } = setup(graph, endpoint);
    const reading = refusal(read.readTenant(TENANT_ID));
    setTimeout(() => read.cancel(), 50);
    expect((await reading).code).toBe('GRAPH_READ_CANCELLED');
  });
});
