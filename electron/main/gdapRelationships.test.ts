// The main process reading the partner's GDAP relationships: against the local Graph contract
// server (test/contract/graphServer) and a small local Entra-shaped authority over https
// (test/support/localEntraAuthority: discovery and `/{tenant}/oauth2/v2.0/token`, the refresh-token
// grant MSAL's acquireTokenSilent sends). Faked is only the secrets store (in memory, holding the
// partner's sign-in as the app stores it: MSAL's serialized cache).
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphServer } from '../../test/contract/graphServer';
import { startLocalEntraAuthority, storedRefreshToken } from '../../test/support/localEntraAuthority';
import { mainSignIn } from '../../test/support/mainSignIn';
import { rejectionOf } from '../../test/support/rejection';
import { GraphRelationshipsResult, HostError } from '../../shared/ipc/contract';
import { gdapWords } from '../../test/support/connectorWords';
import { createGdapRelationships } from './gdapRelationships';

const PARTNER_TENANT = '0f0e0d0c-0b0a-4909-8807-060504030201';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function setup(graphOptions: Parameters<typeof startGraphServer>[0], tokens = ['token-1'], signedIn = true) {
  const graph = await startGraphServer(graphOptions);
  cleanup.push(() => graph.close());
  const endpoint = await startLocalEntraAuthority(tokens, { uid: 'o', utid: PARTNER_TENANT });
  cleanup.push(() => endpoint.close());
  const { microsoft, store } = mainSignIn(endpoint, PARTNER_TENANT, signedIn);
  const service = createGdapRelationships({ microsoft, baseUrl: () => graph.origin, retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 } });
  return { graph, endpoint, service, store };
}

describe('graph.relationships in main (local Graph contract server, local token endpoint)', () => {
  it("redeems the partner's refresh token in the partner's own tenant and lists every page of relationships", async () => {
    const { graph, endpoint, service, store } = await setup({});
    const answer = await service.relationships();
    if (!answer.ok) throw new Error(answer.code);
    expect(answer.pages).toBe(2);
    expect(answer.relationships).toHaveLength(5);
    expect(answer.relationships.filter((r) => r.readsLicenses)).toHaveLength(3);
    expect(endpoint.calls).toHaveLength(1);
    expect(endpoint.calls[0]!.path).toBe(`/${PARTNER_TENANT}/oauth2/v2.0/token`);
    expect(endpoint.calls[0]!.body.get('scope')).toContain('https://graph.microsoft.com/.default');
    expect(graph.requests.every((r) => r.authorization === 'Bearer token-1')).toBe(true);
    // Nothing the renderer receives carries a token.
    expect(JSON.stringify(answer)).not.toMatch(/token-1|rt-/);
    expect(storedRefreshToken(store.get('microsoftTokens')!)).toBe('rt-2');
  });

  it('asks for a fresh token once when Graph says the first expired', async () => {
    const { endpoint, service } = await setup({ validTokens: new Set(['token-1', 'token-2']), expireToken: { token: 'token-1', afterRequests: 1 } }, ['token-1', 'token-2']);
    const answer = await service.relationships();
    expect(answer.ok).toBe(true);
    expect(endpoint.calls).toHaveLength(2);
  });

  it("answers Graph's 403 as a code and parameters, worded in both languages naming the permission", async () => {
    const { graph, service } = await setup({ forbidden: new Set(['relationships']) });
    const answer = await service.relationships();
    if (answer.ok) throw new Error('expected a refusal');
    expect(answer.code).toBe('forbidden');
    expect(answer.params).toEqual({ url: `${graph.origin}/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300`, page: 1, status: 403 });
    expect(GraphRelationshipsResult.safeParse(answer).success).toBe(true);
    expect(gdapWords(answer).en).toContain('DelegatedAdminRelationship.Read.All');
    expect(gdapWords(answer).ja).toContain('DelegatedAdminRelationship.Read.All');
  });

  it('refuses with MICROSOFT_SIGNED_OUT when nobody is signed in, asking Graph nothing', async () => {
    const { graph, service } = await setup({}, ['token-1'], false);
    const e = await rejectionOf(service.relationships(), HostError);
    expect(e.code).toBe('MICROSOFT_SIGNED_OUT');
    expect(graph.requests).toHaveLength(0);
  });
});
