// The GDAP relationship reader against a real HTTP server on this machine that speaks Graph's
// documented contract (test/contract/graphServer.ts). Microsoft's cloud cannot be reached from here:
// these tests prove the client's protocol handling, not Microsoft's answers.
import { describe, expect, it } from 'vitest';
import { DIRECTORY_READERS, GdapReadError, GLOBAL_READER, readGdapRelationships } from '../../shared/connectors/gdapRelationships';
import { fixtureRelationship, generatedRelationships, startGraphServer, TENANT_ID } from './graphServer';
import { gdapWords } from '../support/connectorWords';
import { closedAfterEach, fastRetry, nodeFetch, tokens } from './support';
import { rejectionOf } from '../support/rejection';

const server = closedAfterEach(startGraphServer);
const PATH = '/v1.0/tenantRelationships/delegatedAdminRelationships';

const refusal = (promise: Promise<unknown>) => rejectionOf(promise, GdapReadError);

describe('GDAP relationships reader (local Graph contract server)', () => {
  it("reads both pages: the fixture's relationship as documented, then the generated ones, with whether each reads licenses", async () => {
    const graph = await server();
    const progress: { pages: number; relationships: number }[] = [];
    const result = await readGdapRelationships({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, onProgress: (p) => progress.push(p) });

    expect(result.pages).toBe(2);
    expect(progress).toEqual([
      { pages: 1, relationships: 3 },
      { pages: 2, relationships: 5 },
    ]);
    const requests = graph.requests.filter((r) => r.path === PATH);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.query.$top).toBe('300');
    expect(requests[1]?.query.$skiptoken).toBeTruthy();
    expect(graph.requests.every((r) => r.method === 'GET' && r.authorization === 'Bearer token-1')).toBe(true);

    const [fromFixture, contoso, globalReader, noReader] = result.relationships;
    // The fixture: a created relationship with Exchange and Intune administrators, ending in 2024.
    expect(fromFixture).toEqual({
      id: '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836',
      displayName: 'Contoso admin relationship',
      customerTenantId: '4b827261-d21f-4aa9-b7db-7fa1f56fb163',
      customerName: 'Contoso subsidiary Inc',
      status: 'created',
      endDateTime: '2024-02-10T11:24:42.3148266Z',
      autoExtendDuration: 'P180D',
      roles: ['29232cdf-9323-42fd-ade2-1d097af3e4de', '3a2c62db-5318-420d-8d74-23affee5d9d5'],
      readsLicenses: false,
    });
    expect(contoso).toMatchObject({ customerTenantId: TENANT_ID, customerName: 'Contoso', status: 'active', readsLicenses: true });
    expect(contoso?.roles).toContain(DIRECTORY_READERS);
    expect(globalReader).toMatchObject({ roles: [GLOBAL_READER], readsLicenses: true, autoExtendDuration: 'PT0S' });
    expect(noReader?.readsLicenses).toBe(false);
    expect(result.relationships).toHaveLength(5);
  });

  it('reads a created relationship that names no customer yet and has no end date', async () => {
    const { customer: _customer, ...rest } = fixtureRelationship();
    const graph = await server({ relationships: [{ ...rest, endDateTime: null, autoExtendDuration: undefined }] });
    const { relationships } = await readGdapRelationships({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken });
    expect(relationships[0]).toMatchObject({ customerTenantId: null, customerName: null, endDateTime: null, autoExtendDuration: null });
  });

  it('waits out a 429 as Retry-After says and asks once for a fresh token when the first expired', async () => {
    const graph = await server({
      validTokens: new Set(['token-1', 'token-2']),
      expireToken: { token: 'token-1', afterRequests: 1 },
      throttle: [{ onRequest: 1, retryAfter: '0.2' }],
    });
    const issued = tokens('token-1', 'token-2');
    const result = await readGdapRelationships({ fetch: nodeFetch, baseUrl: graph.origin, getToken: issued.getToken, retry: fastRetry });
    expect(result.relationships).toHaveLength(5);
    const [throttled, retried] = graph.requests;
    expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(190);
    expect(issued.calls).toEqual([undefined, { refresh: true }]);
    expect(graph.requests.at(-1)?.authorization).toBe('Bearer token-2');
  });

  it('names the permission DelegatedAdminRelationship.Read.All on a 403, in English and Japanese', async () => {
    const graph = await server({ forbidden: new Set(['relationships']) });
    const e = await refusal(readGdapRelationships({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken }));
    expect(e.code).toBe('forbidden');
    expect(e.status).toBe(403);
    expect(e.params).toEqual({ url: e.url, page: 1, status: 403 });
    expect(gdapWords(e).en).toContain('DelegatedAdminRelationship.Read.All');
    expect(gdapWords(e).ja).toContain('DelegatedAdminRelationship.Read.All');
    expect(gdapWords(e).ja).toContain('403 Forbidden');
  });

  it('ends with "unauthorized" when a fresh token is refused as well', async () => {
    const graph = await server({ validTokens: new Set(['token-9']) });
    const issued = tokens('token-1', 'token-2');
    const e = await refusal(readGdapRelationships({ fetch: nodeFetch, baseUrl: graph.origin, getToken: issued.getToken }));
    expect(e.code).toBe('unauthorized');
    expect(issued.calls).toHaveLength(2);
  });

  it('says which relationship and which field is not as documented', async () => {
    const broken = generatedRelationships(2);
    delete (broken[1] as { accessDetails?: unknown }).accessDetails;
    const graph = await server({ relationships: broken });
    const e = await refusal(readGdapRelationships({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken }));
    expect(e.code).toBe('malformedRecord');
    expect(e.params).toMatchObject({ url: e.url, page: 1, position: 2, id: broken[1]!.id, field: 'accessDetails', issue: expect.any(String) });
    expect(gdapWords(e).en).toMatch(/^Relationship 2 \(id [^)]+\) on page 1 .* "accessDetails"/);
    expect(gdapWords(e).ja).toContain('2 件目');
  });

  it('does not follow a next link to another host (the token would go there)', async () => {
    const graph = await server({ nextLinkOrigin: 'http://127.0.0.2:9' });
    const e = await refusal(readGdapRelationships({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken }));
    expect(e.code).toBe('unsafeNextLink');
    expect(e.params).toMatchObject({ page: 1, next: expect.stringContaining('http://127.0.0.2:9'), origin: graph.origin });
    expect(gdapWords(e).en).toContain('it was not followed, so the sign-in is not sent there');
    expect(graph.requests).toHaveLength(1);
  });

  it('gives up after every try when Graph stays throttled, saying how many', async () => {
    const graph = await server({ throttle: [1, 2, 3].map((n) => ({ onRequest: n, retryAfter: '0' })) });
    const e = await refusal(readGdapRelationships({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, retry: { ...fastRetry, maxAttempts: 3 } }));
    expect(e.status).toBe(429);
    expect(e.params).toEqual({ url: e.url, page: 1, status: 429, attempts: 3 });
    expect(gdapWords(e).en).toContain('after 3 tries');
  });
});
