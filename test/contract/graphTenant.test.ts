// The Graph tenant reader against a real HTTP server on this machine that speaks Graph's documented
// contract (test/contract/graphServer.ts). Microsoft's cloud cannot be reached from here: these
// tests prove the client's protocol handling, not Microsoft's answers.
import { describe, expect, it } from 'vitest';
import { GraphReadError, USER_SELECT, readGraphTenant, type GraphProgress } from '../../shared/connectors/graphTenant';
import { parseTenantExports } from '../../shared/import/graph';
import { fixtureUsers, generatedUsers, readGraphFixture, startGraphServer } from './graphServer';
import { graphWords } from '../support/connectorWords';
import { closedAfterEach, fastRetry, nodeFetch, tokens } from './support';

const server = closedAfterEach(startGraphServer);

const fast = fastRetry;

describe('Graph tenant reader (local Graph contract server)', () => {
  it('reads the documented payloads into the same inventory as importing the fixture files', async () => {
    const graph = await server();
    const result = await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken });

    const fromFiles = parseTenantExports({
      organization: { text: graph.organizationText, file: 'organization.json' },
      subscribedSkus: { text: readGraphFixture('subscribedSkus.list.response.json'), file: 'subscribedSkus.json' },
      subscriptions: { text: readGraphFixture('directory.subscriptions.list.response.json'), file: 'subscriptions.json' },
      users: { text: readGraphFixture('user.licenseAssignmentStates.example.json'), file: 'users.json' },
    });
    const live = parseTenantExports(result);
    expect(live).toEqual(fromFiles);
    expect(live.skus.length).toBeGreaterThan(0);
    expect(live.users).toHaveLength(fixtureUsers().length);
    expect(live.countryLetterCode).toBe('JP');
    // The collections are kept as Graph sent them, byte for byte.
    expect(result.subscribedSkus).toEqual([{ text: readGraphFixture('subscribedSkus.list.response.json'), file: 'Microsoft Graph /v1.0/subscribedSkus page 1' }]);

    expect(graph.requests.map((r) => r.path)).toEqual(['/v1.0/organization', '/v1.0/subscribedSkus', '/v1.0/directory/subscriptions', '/v1.0/users']);
    const users = graph.requests.find((r) => r.path === '/v1.0/users');
    expect(users?.query.$select?.split(',')).toEqual([...USER_SELECT]);
    expect(users?.query.$select).toContain('licenseAssignmentStates');
    expect(users?.query.$top).toBe('999');
    expect(graph.requests.every((r) => r.method === 'GET' && r.authorization === 'Bearer token-1')).toBe(true);
  });

  it('pages a 5,000-user tenant 999 at a time, progress only going up, every user read once', async () => {
    const graph = await server({ users: generatedUsers(5000) });
    const progress: GraphProgress[] = [];
    const result = await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, onProgress: (p) => progress.push(p) });

    const userPages = graph.requests.filter((r) => r.path === '/v1.0/users');
    expect(userPages).toHaveLength(6); // 5 × 999 + 5
    expect(userPages[0]?.query.$skiptoken).toBeUndefined();
    expect(userPages.slice(1).every((r) => r.query.$skiptoken && r.query.$select === USER_SELECT.join(','))).toBe(true);

    const users = progress.filter((p) => p.collection === 'users');
    expect(users.map((p) => p.pages)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(users.map((p) => p.items)).toEqual([999, 1998, 2997, 3996, 4995, 5000]);
    const inventory = parseTenantExports(result);
    expect(inventory.users).toHaveLength(5000);
    expect(new Set(inventory.users.map((u) => u.id)).size).toBe(5000);
    expect(inventory.users.at(-1)?.userPrincipalName).toBe('user5000@contoso.onmicrosoft.com');
  });

  it('waits as long as Retry-After says on a 429 (seconds) and on a 503 (an HTTP date), then goes on', async () => {
    // The date is measured against the server's Date header (whole seconds): the next whole
    // second plus one is 1 to 2 s after the Date the 503 carries.
    const retryAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString();
    const graph = await server({ throttle: [{ onRequest: 2, retryAfter: '0.3' }], unavailable: [{ onRequest: 4, retryAfter: retryAt }] });
    const result = await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, retry: fast });

    const [, throttled, retried, down, afterDown] = graph.requests;
    expect(throttled?.path).toBe('/v1.0/subscribedSkus');
    expect(retried?.path).toBe('/v1.0/subscribedSkus');
    expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(290);
    expect(down?.path).toBe('/v1.0/directory/subscriptions');
    expect(afterDown?.path).toBe('/v1.0/directory/subscriptions');
    // Far above the tiny backoff steps (≤ 20 ms): the date was honoured.
    expect((afterDown?.at ?? 0) - (down?.at ?? 0)).toBeGreaterThanOrEqual(500);
    expect(parseTenantExports(result).skus.length).toBeGreaterThan(0);
  });

  it('retries a 503 without Retry-After with short backoff', async () => {
    const graph = await server({ unavailable: [{ onRequest: 1 }] });
    const result = await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, retry: fast });
    expect(graph.requests.slice(0, 2).map((r) => r.path)).toEqual(['/v1.0/organization', '/v1.0/organization']);
    expect(result.organization?.text).toBe(graph.organizationText);
  });

  it('gives up on a lasting 5xx after the capped tries, in words', async () => {
    const graph = await server({ unavailable: [1, 2, 3].map((onRequest) => ({ onRequest })) });
    const error = await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, retry: { ...fast, maxAttempts: 3 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphReadError);
    expect((error as GraphReadError).code).toBe('http');
    expect(graphWords(error as GraphReadError).en).toMatch(/503.*after 3 tries/);
    expect(graph.requests).toHaveLength(3);
  });

  it('caps the backoff steps and a long Retry-After', async () => {
    const graph = await server({ unavailable: [{ onRequest: 1 }, { onRequest: 2 }], throttle: [{ onRequest: 4, retryAfter: '3600' }] });
    await readGraphTenant({
      fetch: nodeFetch,
      baseUrl: graph.origin,
      getToken: tokens('token-1').getToken,
      random: () => 0.999,
      // An uncapped step would be 1 s, then 2 s; an uncut Retry-After an hour.
      retry: { baseDelayMs: 1000, maxDelayMs: 30, maxRetryAfterMs: 250 },
    });
    const at = graph.requests.map((r) => r.at);
    const gap = (i: number) => (at[i] ?? 0) - (at[i - 1] ?? 0);
    expect(gap(1)).toBeLessThan(500);
    expect(gap(2)).toBeLessThan(500);
    expect(gap(4)).toBeGreaterThanOrEqual(240);
    expect(gap(4)).toBeLessThan(1500);
  });

  it('gives up on lasting throttling after the capped tries, in words', async () => {
    const graph = await server({ throttle: [1, 2].map((onRequest) => ({ onRequest, retryAfter: '0' })) });
    const error = (await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, retry: { ...fast, maxAttempts: 2 } }).catch((e: unknown) => e)) as GraphReadError;
    expect(error.code).toBe('http');
    expect(error.status).toBe(429);
    // The error carries data only: the words come from the renderer's catalogs.
    expect(error.params).toEqual({ collection: 'organization', url: error.url, page: 1, status: 429, attempts: 2 });
    expect(graphWords(error).en).toMatch(/answered 429 when reading the organization .* after 2 tries; nothing was imported/);
    expect(graphWords(error).ja).toContain('429');
  });

  it('asks for a fresh token once when the token expires mid-read, and goes on with it', async () => {
    const graph = await server({ users: generatedUsers(30), pageSize: 10, validTokens: new Set(['token-1', 'token-2']), expireToken: { token: 'token-1', afterRequests: 4 } });
    const t = tokens('token-1', 'token-2');
    const result = await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: t.getToken });

    expect(t.calls).toEqual([undefined, { refresh: true }]);
    const auth = graph.requests.map((r) => r.authorization);
    expect(auth.slice(0, 5)).toEqual(Array(5).fill('Bearer token-1'));
    expect(auth.slice(5)).toEqual(Array(auth.length - 5).fill('Bearer token-2'));
    expect(parseTenantExports(result).users).toHaveLength(30);
  });

  it('says the sign-in is not accepted when a fresh token is refused too', async () => {
    const graph = await server({ validTokens: new Set(['someone-else']) });
    const t = tokens('token-1', 'token-2');
    const error = (await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: t.getToken, tenantLabel: 'contoso.onmicrosoft.com' }).catch((e: unknown) => e)) as GraphReadError;
    expect(error.code).toBe('unauthorized');
    expect(graphWords(error).en).toContain("not accepted by the customer's tenant contoso.onmicrosoft.com");
    expect(graphWords(error).en).toContain('no GDAP relationship');
    expect(graphWords(error).ja).toContain('GDAP 関係がない');
    expect(t.calls).toHaveLength(2);
    expect(graph.requests).toHaveLength(2);
  });

  it("passes the sign-in's own failure on as it is, at once: no request, no retry (the one retry loop of http.ts)", async () => {
    const graph = await server();
    const signedOut = new Error('Not signed in with Microsoft.');
    let asked = 0;
    const error = await readGraphTenant({
      fetch: nodeFetch,
      baseUrl: graph.origin,
      retry: fast,
      getToken: async () => {
        asked++;
        throw signedOut;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(signedOut);
    expect(asked).toBe(1);
    expect(graph.requests).toHaveLength(0);
  });

  it('names the GDAP role to ask the customer for on a 403, in English and Japanese', async () => {
    const graph = await server({ forbidden: new Set(['users']) });
    const error = (await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken }).catch((e: unknown) => e)) as GraphReadError;
    expect(error).toBeInstanceOf(GraphReadError);
    expect(error.code).toBe('forbidden');
    expect(error.collection).toBe('users');
    expect(error.status).toBe(403);
    expect(error.params).toEqual({ collection: 'users', url: error.url, page: 1, status: 403 });
    expect(graphWords(error).en).toMatch(/users.*403.*Ask the customer to approve a GDAP relationship with the Directory Readers \(or Global Reader\) role/);
    expect(graphWords(error).ja).toContain('「ディレクトリ閲覧者 (またはグローバル閲覧者)」ロールを含む GDAP 関係を承認するよう顧客に依頼');
    // Not retried: a missing role does not come back by asking again.
    expect(graph.requests.filter((r) => r.path === '/v1.0/users')).toHaveLength(1);
  });

  it('names the URL and page of a page that is not JSON', async () => {
    const graph = await server({ users: generatedUsers(25), pageSize: 10, brokenUsersPage: 2 });
    const error = (await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken }).catch((e: unknown) => e)) as GraphReadError;
    expect(error.code).toBe('malformedPage');
    expect(error.page).toBe(2);
    expect(error.url).toContain('%24skiptoken=');
    expect(error.params).toEqual({ collection: 'users', url: error.url, page: 2, problem: 'notJson' });
    expect(graphWords(error).en).toContain(`page 2 of the users and their licenses (${error.url}) but it is not JSON`);
    expect(graphWords(error).ja).toContain('2 ページ目');
  });

  it('names the URL and page of a page without a value list', async () => {
    const graph = await server({ users: generatedUsers(35), pageSize: 10, valuelessUsersPage: 3 });
    const error = (await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken }).catch((e: unknown) => e)) as GraphReadError;
    expect(error.code).toBe('malformedPage');
    expect(error.page).toBe(3);
    expect(graphWords(error).en).toContain(`page 3 of the users and their licenses (${error.url}) but it has no "value" list`);
    expect(graphWords(error).ja).toContain('"value" のレコード一覧がありません');
  });

  it('retries when nothing answers, then says so', async () => {
    const gone = await startGraphServer();
    await gone.close();
    const started = performance.now();
    const error = (await readGraphTenant({ fetch: nodeFetch, baseUrl: gone.origin, getToken: tokens('token-1').getToken, retry: { ...fast, maxAttempts: 3 } }).catch((e: unknown) => e)) as GraphReadError;
    expect(error.code).toBe('network');
    expect(error.params).toMatchObject({ collection: 'organization', page: 1, attempts: 3, cause: expect.any(String) });
    expect(graphWords(error).en).toContain('could not be reached while reading the organization');
    expect(graphWords(error).en).toContain('after 3 tries');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('names a 404 in words', async () => {
    const graph = await server({ notFound: new Set(['organization']) });
    const error = (await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, tenantLabel: 'fabrikam.com' }).catch((e: unknown) => e)) as GraphReadError;
    expect(error.code).toBe('notFound');
    expect(error.params).toEqual({ collection: 'organization', url: error.url, page: 1, status: 404, tenant: 'fabrikam.com' });
    expect(graphWords(error).en).toContain("did not find the customer's tenant fabrikam.com");
    expect(graphWords(error).ja).toContain('顧客のテナント fabrikam.com');
    expect(graph.requests).toHaveLength(1);
  });

  it('refuses a next link to another host, and nothing is sent there', async () => {
    const elsewhere = await server({ validTokens: new Set() });
    const graph = await server({ users: generatedUsers(20), pageSize: 10, nextLinkOrigin: elsewhere.origin });
    const error = (await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken }).catch((e: unknown) => e)) as GraphReadError;
    expect(error.code).toBe('unsafeNextLink');
    expect(error.params).toMatchObject({ collection: 'users', page: 1, next: expect.stringContaining(`${elsewhere.origin}/v1.0/users`), origin: graph.origin });
    expect(graphWords(error).en).toContain(`at ${elsewhere.origin}/v1.0/users`);
    expect(graphWords(error).en).toContain('not followed');
    expect(elsewhere.requests).toEqual([]);
    expect(graph.requests.filter((r) => r.path === '/v1.0/users')).toHaveLength(1);
  });

  it('refuses a base address that is not https (but for this computer)', async () => {
    await expect(readGraphTenant({ fetch: nodeFetch, baseUrl: 'http://graph.example.com', getToken: tokens('token-1').getToken })).rejects.toThrow(/not https/);
  });

  it('stops on cancel mid-read with an AbortError, and sends no request after it', async () => {
    const graph = await server({ users: generatedUsers(100), pageSize: 10, latencyMs: 5 });
    const controller = new AbortController();
    const read = readGraphTenant({
      fetch: nodeFetch,
      baseUrl: graph.origin,
      getToken: tokens('token-1').getToken,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.collection === 'users' && p.pages === 3) controller.abort();
      },
    });
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    const sent = graph.requests.length;
    expect(graph.requests.filter((r) => r.path === '/v1.0/users')).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(graph.requests).toHaveLength(sent);
  });

  it('cancels a Retry-After wait at once', async () => {
    const graph = await server({ throttle: [{ onRequest: 1, retryAfter: '30' }] });
    const controller = new AbortController();
    const started = performance.now();
    const read = readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(graph.requests).toHaveLength(1);
  });

  it('only ever sends GET', async () => {
    const graph = await server({ users: generatedUsers(50), pageSize: 10, throttle: [{ onRequest: 3, retryAfter: '0' }], unavailable: [{ onRequest: 6 }] });
    await readGraphTenant({ fetch: nodeFetch, baseUrl: graph.origin, getToken: tokens('token-1').getToken, retry: fast });
    expect(graph.requests.length).toBeGreaterThan(8);
    expect(new Set(graph.requests.map((r) => r.method))).toEqual(new Set(['GET']));
  });
});
