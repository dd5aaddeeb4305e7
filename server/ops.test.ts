// Operations: /health, OpenAPI and docs, rate limits (sign-in and the sync hook), redacted logs,
// a real listening port, and a graceful close that finishes in-flight requests before the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { readConfig } from './config';
import { openTestDatabase, type TestDatabase } from './db/testing';
import { capturedLog, seedOrg, seedUser, testApp } from './testing';

let t: TestDatabase;
const PW = 'operations password';
beforeAll(async () => {
  t = await openTestDatabase();
  const org = await seedOrg(t.db, 'Northwind Partners');
  await seedUser(t.db, org.id, { email: 'ops@northwind.example', password: PW });
  await seedUser(t.db, org.id, { email: 'ops2@northwind.example', password: PW });
});
afterAll(async () => {
  await t?.drop();
});

const signIn = (app: Awaited<ReturnType<typeof testApp>>, email: string, password = PW) =>
  app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email, password } });

describe('health and documentation', () => {
  it('/health checks the database and names the storage kind', async () => {
    const app = await testApp(t.db);
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', name: 'csp-migration-workspace-server', version: '0.0.0-test', storage: t.db.kind });
    await app.close();
  });

  it('publishes an OpenAPI document with the route schemas at /openapi.json, and docs at /docs', async () => {
    const app = await testApp(t.db);
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> }; security?: unknown; responses: Record<string, unknown> }>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/auth/sign-in', '/auth/refresh', '/auth/sign-out', '/me']));
    const signInBody = doc.paths['/auth/sign-in']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(signInBody.properties)).toEqual(['email', 'password']);
    expect(signInBody.required).toEqual(['email', 'password']);
    expect(Object.keys(doc.paths['/auth/sign-in']!.post!.responses)).toEqual(expect.arrayContaining(['200', '401', '429']));
    expect(doc.paths['/me']!.get!.security).toEqual([{ bearerAuth: [] }]);
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    await app.close();
  });
});

describe('rate limits', () => {
  it('answers 429 on sign-in past the limit per email, and past the limit per IP', async () => {
    const app = await testApp(t.db, { SIGN_IN_RATE_PER_EMAIL: '3', SIGN_IN_RATE_PER_IP: '6' });
    for (let i = 0; i < 3; i++) expect((await signIn(app, 'ops@northwind.example', 'wrong password')).statusCode).toBe(401);
    const limited = await signIn(app, 'OPS@northwind.example'); // the right password does not help, nor the case
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/retry in/) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another email from the same IP still gets through, until the per-IP limit.
    expect((await signIn(app, 'ops2@northwind.example')).statusCode).toBe(200);
    expect((await signIn(app, 'nobody1@northwind.example')).statusCode).toBe(401);
    const ipLimited = await signIn(app, 'nobody2@northwind.example');
    expect(ipLimited.statusCode).toBe(429);
    await app.close();
  });

  it('gives sync routes a per-user limit through app.syncRateLimit', async () => {
    const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent', SYNC_RATE_PER_USER: '2' }), db: t.db, version: 't' });
    app.get('/sync-probe', { onRequest: app.authenticate, preHandler: app.syncRateLimit }, async (req) => ({ user: req.actor.userId }));
    await app.ready();
    const { accessToken } = (await signIn(app, 'ops@northwind.example')).json<{ accessToken: string }>();
    const get = () => app.inject({ method: 'GET', url: '/sync-probe', headers: { authorization: `Bearer ${accessToken}` } });
    expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(200);
    const third = await get();
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await app.inject({ method: 'GET', url: '/sync-probe' })).statusCode).toBe(401); // authentication first
    await app.close();
  });
});

describe('logs', () => {
  it('are JSON lines that never contain passwords or tokens', async () => {
    const log = capturedLog();
    const app = await testApp(t.db, { LOG_LEVEL: 'trace' }, log.stream);
    const res = await signIn(app, 'ops@northwind.example');
    const { accessToken, refreshToken } = res.json<{ accessToken: string; refreshToken: string }>();
    await app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${accessToken}` } });
    const rotated = (await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } })).json<{ refreshToken: string }>();
    await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } }); // reuse: logged as a warning
    // Code that logs a request's headers or body gets them redacted too.
    app.log.info({ headers: { authorization: `Bearer ${accessToken}` }, body: { password: PW, refreshToken } }, 'careless');
    await app.close();
    const lines = log.lines<{ msg?: string }>();
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'signed in', 'refresh token reused: session family revoked', 'careless']));
    for (const secret of [PW, accessToken, refreshToken, rotated.refreshToken, accessToken.slice(8), refreshToken.slice(8)]) {
      expect(log.text()).not.toContain(secret);
    }
    expect(log.text()).toContain('[redacted]');
  });
});

describe('a real listening port', () => {
  it('serves sign-in and /me over HTTP, and close() finishes an in-flight request before closing the database', async () => {
    const own = await openTestDatabase();
    try {
      const org = await seedOrg(own.db, 'Port Partners');
      await seedUser(own.db, org.id, { email: 'port@partners.example', password: PW });
      const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent' }), db: own.db, version: 't', closeDatabase: true });
      app.get('/slow', async () => {
        await new Promise((r) => setTimeout(r, 400));
        return { rows: (await own.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n };
      });
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const signedIn = await fetch(`${address}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'port@partners.example', password: PW }),
      });
      expect(signedIn.status).toBe(200);
      const { accessToken } = (await signedIn.json()) as { accessToken: string };
      const me = await fetch(`${address}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe('port@partners.example');

      const inFlight = fetch(`${address}/slow`).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
      await new Promise((r) => setTimeout(r, 100));
      await app.close();
      expect(await inFlight).toEqual({ status: 200, body: { rows: 1 } });
      await expect(own.db.query('SELECT 1')).rejects.toThrow(); // closed after the request finished
      await expect(fetch(`${address}/health`)).rejects.toThrow(); // no longer listening
    } finally {
      await own.drop();
    }
  });
});
