// Hostile input and hostile colleagues (issue 12, item 9), against the real server over HTTP, on
// PGlite and, with DATABASE_URL, on PostgreSQL: a client id belongs to one person; text the
// database cannot hold is refused at the edge with the field named, and a queued change holding it
// is withdrawn, not retried forever; database errors are logged without record values; the served
// OpenAPI document validates; poke streams end with their session and are capped per person;
// sign-in failures count per email and address, successes not at all; /me and /sync/poke are limited.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../shared/sync/client';
import { httpTransport } from '../shared/sync/httpTransport';
import { MemoryClientStore } from '../shared/sync/memoryClientStore';
import { SCHEMA_VERSION, type PushRequest } from '../shared/sync/protocol';
import { capturedLog, signInOverHttp, startTestServer, TEST_PASSWORD as PW, testApp, type TestServer } from './testing';

let server: TestServer;

beforeAll(async () => {
  const people = [['aiko@fabrikam.example', 'Aiko'], ['ben@fabrikam.example', 'Ben'], ['dora@fabrikam.example', 'Dora'], ['ivy@fabrikam.example', 'Ivy']] as const;
  server = await startTestServer({ Fabrikam: people.map(([email, name]) => ({ email, name, role: 'admin-agent' as const })) }, { POKE_SESSION_CHECK_SECONDS: '1' });
});
afterAll(() => server?.stop());

const signIn = (email: string, at = server.base) => signInOverHttp(at, email);

const call = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
const push = (token: string, req: PushRequest) => call(token, '/sync/push', { method: 'POST', body: JSON.stringify(req) });

let made = 0;
async function syncClient(email: string, clientId = `hostile-${++made}-${Date.now()}`) {
  const { token, actor } = await signIn(email);
  const store = new MemoryClientStore(clientId);
  const transport = httpTransport({ baseUrl: server.base, fetch: (u, i) => fetch(u, i as RequestInit), accessToken: async () => token });
  const sync = new SyncClient(store, transport, { actor: () => actor, now: () => new Date().toISOString(), newClientId: () => `fresh-${++made}-${Date.now()}` });
  return { store, sync, token, actor };
}

describe('a client id belongs to one person', () => {
  it("refuses a push or pull under a colleague's client id with 403 CLIENT_NOT_YOURS, and the colleague's next change still applies", async () => {
    const aiko = await syncClient('aiko@fabrikam.example', 'aiko-laptop-0001');
    await aiko.sync.sync();
    expect(await aiko.sync.mutate('customer.create', { id: 'c-own', name: 'Contoso' })).toEqual({ ok: true });
    await aiko.sync.sync();
    const { token } = await signIn('ben@fabrikam.example');
    // Ben read Aiko's client id in the activity and pushes her next mutation id.
    const intrusion = await push(token, {
      clientId: 'aiko-laptop-0001',
      schemaVersion: SCHEMA_VERSION,
      mutations: [{ id: 2, name: 'customer.update', args: { id: 'c-own', notes: 'Ben was here' }, baseVersions: {} }],
    });
    expect(intrusion.status).toBe(403);
    expect(await intrusion.json()).toMatchObject({ error: { code: 'CLIENT_NOT_YOURS' } });
    expect((await call(token, `/sync/pull?cursor=0&clientId=aiko-laptop-0001&schemaVersion=${SCHEMA_VERSION}`)).status).toBe(403);
    expect(await aiko.sync.mutate('customer.update', { id: 'c-own', notes: 'Aiko, for real' })).toEqual({ ok: true });
    await aiko.sync.sync();
    expect(aiko.store.rejections()).toEqual([]);
    expect(aiko.store.rows('customers').find((c) => c.id === 'c-own')?.notes).toBe('Aiko, for real');
    const owner = await server.t.db.query<{ user_id: string }>("SELECT user_id FROM sync_clients WHERE client_id = 'aiko-laptop-0001'");
    expect(owner.rows[0]?.user_id).toBe(aiko.actor.id);
  });

  it('a different person signing in on the same computer gets a new client id, and their pending change goes through as theirs', async () => {
    const store = new MemoryClientStore('shared-desk-0001');
    const client = async (email: string) => {
      const { token, actor } = await signIn(email);
      const transport = httpTransport({ baseUrl: server.base, fetch: (u, i) => fetch(u, i as RequestInit), accessToken: async () => token });
      return { actor, sync: new SyncClient(store, transport, { actor: () => actor, now: () => new Date().toISOString() }) };
    };
    const aiko = await client('aiko@fabrikam.example');
    await aiko.sync.claimFor(aiko.actor.id, () => 'unused-0001');
    expect(await aiko.sync.mutate('customer.create', { id: 'c-desk', name: 'Desk' })).toEqual({ ok: true });
    await aiko.sync.sync();
    const dora = await client('dora@fabrikam.example');
    expect(await dora.sync.mutate('customer.update', { id: 'c-desk', notes: 'Dora, signed in after Aiko' })).toEqual({ ok: true });
    await dora.sync.claimFor(dora.actor.id, () => 'shared-desk-0002');
    const meta = await store.transaction((tx) => tx.meta());
    expect(meta).toMatchObject({ clientId: 'shared-desk-0002', userId: dora.actor.id, lastAcknowledged: 0 });
    await dora.sync.sync();
    expect(await store.pendingCount()).toBe(0);
    expect(store.rows('customers').find((c) => c.id === 'c-desk')?.notes).toBe('Dora, signed in after Aiko');
    const owners = await server.t.db.query<{ client_id: string; user_id: string }>("SELECT client_id, user_id FROM sync_clients WHERE client_id LIKE 'shared-desk-%' ORDER BY client_id");
    expect(owners.rows).toEqual([{ client_id: 'shared-desk-0001', user_id: aiko.actor.id }, { client_id: 'shared-desk-0002', user_id: dora.actor.id }]);
  });

  it('an app that finds its client id taken (an older install) takes a new one by itself and syncs', async () => {
    const ben = await syncClient('ben@fabrikam.example', 'aiko-laptop-0001');
    expect(await ben.sync.mutate('customer.create', { id: 'c-ben', name: 'Made by Ben' })).toEqual({ ok: true });
    await ben.sync.sync(); // the push is refused (403), a new id taken, the change sent under it
    expect(await ben.store.pendingCount()).toBe(0);
    expect(ben.store.rejections()).toEqual([]);
    expect((await ben.store.transaction((tx) => tx.meta())).clientId).not.toBe('aiko-laptop-0001');
    expect(ben.store.rows('customers').find((c) => c.id === 'c-own')?.notes).toBe('Aiko, for real');
    const stored = await server.t.db.query<{ updated_by: string }>("SELECT updated_by FROM records WHERE tbl = 'customers' AND id = 'c-ben'");
    expect(stored.rows).toEqual([{ updated_by: ben.actor.id }]);
  });
});

describe('text the database cannot hold', () => {
  const cases: { name: string; request: (token: string) => Promise<Response>; path: string; mutationId?: number }[] = [
    {
      name: 'NUL in a mutation argument',
      request: (token) => push(token, { clientId: 'text-0001-nul', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.create', args: { id: 'c-t1', name: 'a\u0000b' }, baseVersions: {} }] }),
      path: 'body.mutations[0].args.name',
      mutationId: 1,
    },
    {
      name: 'a lone surrogate in a mutation argument',
      request: (token) => push(token, { clientId: 'text-0002-sur', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.create', args: { id: 'c-t2', name: 'a\ud800b' }, baseVersions: {} }] }),
      path: 'body.mutations[0].args.name',
      mutationId: 1,
    },
    {
      name: 'NUL in a mutation name',
      request: (token) => push(token, { clientId: 'text-0003-nam', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.cre\u0000ate', args: { id: 'c-t3', name: 'ok' }, baseVersions: {} }] }),
      path: 'body.mutations[0].name',
      mutationId: 1,
    },
    {
      name: 'a lone low surrogate in an object key',
      request: (token) => push(token, { clientId: 'text-0004-key', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.create', args: { id: 'c-t4', name: 'ok', ['x\udc00']: 1 }, baseVersions: {} }] }),
      path: 'body.mutations[0].args["x\\udc00"]',
      mutationId: 1,
    },
    {
      name: 'NUL in a sign-in email',
      request: () => fetch(`${server.base}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'aiko@fabrikam.example\u0000', password: PW }) }),
      path: 'body.email',
    },
  ];
  for (const c of cases) {
    it(`answers 400 INVALID_TEXT naming the field, every time: ${c.name}`, async () => {
      const { token } = await signIn('aiko@fabrikam.example');
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await c.request(token);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: { code: string; path: string; mutationId?: number; message: string } };
        expect(body.error).toMatchObject({ code: 'INVALID_TEXT', path: c.path });
        expect(body.error.mutationId).toBe(c.mutationId);
      }
    });
  }

  it('withdraws a queued change the server refuses for its text, keeps its reason, and sends the rest renumbered', async () => {
    const aiko = await syncClient('aiko@fabrikam.example');
    await aiko.sync.sync();
    expect(await aiko.sync.mutate('customer.create', { id: 'c-before', name: 'Before' })).toEqual({ ok: true });
    // The app refuses such text itself now; an older app may have queued it.
    expect(await aiko.sync.mutate('customer.create', { id: 'c-bad', name: 'a\u0000b' })).toMatchObject({ ok: false, code: 'INVALID', message: expect.stringContaining('args.name') as unknown });
    await aiko.store.transaction(async (tx) => {
      const meta = await tx.meta();
      await tx.addOutbox({ id: meta.nextMutationId, name: 'customer.create', args: { id: 'c-bad', name: 'a\ud800b' }, baseVersions: {}, undo: [{ table: 'customers', id: 'c-bad', before: null, version: 0 }], createdAt: new Date().toISOString() });
      await tx.put('customers', { id: 'c-bad', name: 'a\ud800b' } as never);
      await tx.setMeta({ nextMutationId: meta.nextMutationId + 1 });
    });
    expect(await aiko.sync.mutate('customer.create', { id: 'c-after', name: 'After' })).toEqual({ ok: true });
    await aiko.sync.sync();
    expect(await aiko.store.pendingCount()).toBe(0);
    expect(aiko.store.rejections()).toEqual([
      expect.objectContaining({
        mutationId: 2,
        code: 'INVALID',
        name: 'customer.create',
        reason: 'change.refusedText',
        params: { path: 'body.mutations[1].args.name' },
        message: expect.stringContaining('body.mutations[1].args.name') as unknown,
      }),
    ]);
    const ids = aiko.store.rows('customers').map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['c-before', 'c-after']));
    expect(ids).not.toContain('c-bad');
    const meta = await aiko.store.transaction((tx) => tx.meta());
    const row = await server.t.db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM sync_clients WHERE client_id = $1', [meta.clientId]);
    expect(row.rows[0]?.last_mutation_id).toBe(2);
  });
});

describe('database errors in the log', () => {
  it('are logged by their code, never with the values of the record', async () => {
    const log = capturedLog();
    const logged = await testApp(server.t.db, { LOG_LEVEL: 'info' }, log.stream);
    const secret = 'Confidential-Customer-Note-7731';
    // A constraint the push will break: PostgreSQL's error then quotes the failing row.
    await server.t.db.exec(`ALTER TABLE records ADD CONSTRAINT hostile_test_check CHECK (data ->> 'name' IS DISTINCT FROM '${secret}')`);
    try {
      const { token } = await signIn('aiko@fabrikam.example');
      const res = await logged.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${token}` },
        payload: { clientId: 'db-error-0001', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.create', args: { id: 'c-secret', name: secret, domain: 'secret-co.example' }, baseVersions: {} }] },
      });
      expect(res.statusCode, res.body).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal server error' } });
    } finally {
      await server.t.db.exec('ALTER TABLE records DROP CONSTRAINT hostile_test_check');
      await logged.close();
    }
    const failed = log.lines<{ msg?: string; dbError?: { code?: string; constraint?: string } }>().find((l) => l.msg === 'request failed');
    expect(failed?.dbError).toMatchObject({ code: '23514' });
    expect(log.text()).not.toContain(secret);
    expect(log.text()).not.toContain('secret-co.example');
  });
});

describe('the served OpenAPI document', () => {
  it('validates against the OpenAPI schema, and every $ref resolves (components.schemas.Error is defined)', async () => {
    const doc = (await (await fetch(`${server.base}/openapi.json`)).json()) as { components: { schemas: Record<string, unknown> } };
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object' });
    expect(() => validator.resolveRefs()).not.toThrow();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
  });
});

/** Opens a poke stream and collects what it says until it ends. */
async function openPokes(token: string) {
  const controller = new AbortController();
  const res = await fetch(`${server.base}/sync/poke`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  let text = '';
  const ended = (async () => {
    if (!res.body || res.status !== 200) return text;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += decoder.decode(value);
      }
    } catch {
      return text;
    }
  })();
  return { res, ended, close: () => controller.abort() };
}

describe('poke streams', () => {
  it('end when the session is signed out, the user disabled or the token expired; the app is told why', async () => {
    const dora = await signIn('dora@fabrikam.example');
    const signedOut = await openPokes(dora.token);
    expect(signedOut.res.status).toBe(200);
    expect((await call(dora.token, '/auth/sign-out', { method: 'POST', body: '{}' })).status).toBe(204);
    expect(await signedOut.ended).toMatch(/event: end\ndata: session-ended/);

    const expiring = await signIn('dora@fabrikam.example');
    const expired = await openPokes(expiring.token);
    expect(expired.res.status).toBe(200);
    await server.t.db.query("UPDATE sessions SET access_expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = 'dora@fabrikam.example') AND revoked_at IS NULL");
    expect(await expired.ended).toMatch(/event: end/);

    const ivy = await signIn('ivy@fabrikam.example');
    const disabled = await openPokes(ivy.token);
    expect(disabled.res.status).toBe(200);
    await server.t.db.query("UPDATE users SET disabled = true WHERE email = 'ivy@fabrikam.example'");
    expect(await disabled.ended).toMatch(/event: end/);
  });

  it('are at most 10 per person: the 11th is refused with 429, and closing one makes room', async () => {
    const ben = await signIn('ben@fabrikam.example');
    const open = [];
    for (let i = 0; i < 10; i++) {
      const s = await openPokes(ben.token);
      expect(s.res.status).toBe(200);
      open.push(s);
    }
    const eleventh = await openPokes(ben.token);
    expect(eleventh.res.status).toBe(429);
    expect(await eleventh.res.json()).toMatchObject({ error: { code: 'TOO_MANY_STREAMS' } });
    // Another person is not affected.
    const aiko = await openPokes((await signIn('aiko@fabrikam.example')).token);
    expect(aiko.res.status).toBe(200);
    aiko.close();
    open.pop()!.close();
    await expect.poll(async () => {
      const s = await openPokes(ben.token);
      s.close();
      return s.res.status;
    }).toBe(200);
    for (const s of open) s.close();
  });
});

describe('rate limits', () => {
  it('count failed sign-ins per email and address: successes never lock anyone out, and a wrong password from one address does not lock out another', async () => {
    const limited = await testApp(server.t.db, { SIGN_IN_RATE_PER_EMAIL: '3', SIGN_IN_RATE_PER_IP: '1000' });
    try {
      const attempt = (password: string, remoteAddress: string) =>
        limited.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: 'aiko@fabrikam.example', password }, remoteAddress });
      for (let i = 0; i < 12; i++) expect((await attempt(PW, '10.0.0.1')).statusCode).toBe(200);
      for (let i = 0; i < 3; i++) expect((await attempt('wrong password', '10.0.0.66')).statusCode).toBe(401);
      const locked = await attempt(PW, '10.0.0.66');
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt(PW, '10.0.0.1')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('limit /me and /sync/poke per person', async () => {
    const limited = await testApp(server.t.db, { SYNC_RATE_PER_USER: '3' });
    const at = await limited.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { token } = await signIn('aiko@fabrikam.example', at);
      const me = () => fetch(`${at}/me`, { headers: { authorization: `Bearer ${token}` } });
      for (let i = 0; i < 3; i++) expect((await me()).status).toBe(200);
      expect((await me()).status).toBe(429);
      const poke = await fetch(`${at}/sync/poke`, { headers: { authorization: `Bearer ${token}` } });
      expect(poke.status).toBe(429);
      expect(await poke.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    } finally {
      await limited.close();
    }
  });
});
