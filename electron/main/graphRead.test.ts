// The main process reading a customer's tenant: against the local Graph contract server
// (test/contract/graphServer) and a small local Entra-shaped authority over https
// (test/support/localEntraAuthority: discovery and `/{tenant}/oauth2/v2.0/token`, the refresh-token
// grant GDAP uses, which MSAL's acquireTokenSilent calls at the customer tenant's authority). Faked
// is only the secrets store (in memory, holding the partner's sign-in as the app stores it: MSAL's
// serialized cache).
import { afterEach, describe, expect, it } from 'vitest';
import { generatedUsers, startGraphServer, TENANT_ID, type GraphServer } from '../../test/contract/graphServer';
import { startLocalEntraAuthority, storedRefreshToken, type LocalEntraAuthority } from '../../test/support/localEntraAuthority';
import { mainSignIn } from '../../test/support/mainSignIn';
import { HostError, type GraphProgress } from '../../shared/ipc/contract';
import { graphWords } from '../../test/support/connectorWords';
import { createGraphRead } from './graphRead';
import { rejectionOf } from '../../test/support/rejection';

function setup(graph: GraphServer, tokens: LocalEntraAuthority) {
  const { microsoft, store } = mainSignIn(tokens, 'partner');
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
  const endpoint = await startLocalEntraAuthority(tokens, { uid: 'o', utid: 'partner' });
  cleanup.push(() => graph.close(), () => endpoint.close());
  return { graph, endpoint };
}

const refusal = (promise: Promise<unknown>) => rejectionOf(promise, HostError);

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
    expect(storedRefreshToken(store.get('microsoftTokens')!)).toBe('rt-2');
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
    // Graph's error travels as its code and parameters, for the renderer to word.
    expect(e.detail).toEqual({ code: 'forbidden', params: { collection: 'subscribedSkus', url: `${graph.origin}/v1.0/subscribedSkus`, page: 1, status: 403, tenant: TENANT_ID } });
    expect(graphWords(e.detail!).en).toContain('Directory Readers (or Global Reader)');
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
