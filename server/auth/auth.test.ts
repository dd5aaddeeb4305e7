// Sign-in, tokens, refresh rotation, revocation and tenant scoping, through the HTTP routes on a
// real database (PGlite; the real PostgreSQL when DATABASE_URL is set).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { seedOrg, seedUser, testApp } from '../testing';
import { hashPassword, verifyPassword } from './password';
import { getUser, listSessions, listUsers, revokeSession, setUserDisabled, type Organization, type User } from './store';
import { hashToken } from './tokens';

let t: TestDatabase;
let app: FastifyInstance;
let orgA: Organization;
let orgB: Organization;
let alice: User;
let bob: User;
const PW = 'correct horse battery';

beforeAll(async () => {
  t = await openTestDatabase();
  app = await testApp(t.db);
  orgA = await seedOrg(t.db, 'Contoso Partners');
  orgB = await seedOrg(t.db, 'Fabrikam Reseller');
  alice = await seedUser(t.db, orgA.id, { email: 'Alice@Contoso.example', name: 'Alice', role: 'admin-agent', password: PW });
  bob = await seedUser(t.db, orgB.id, { email: 'bob@fabrikam.example', name: 'Bob', role: 'billing-agent', password: PW });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

interface Pair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}
async function signIn(email: string, password = PW) {
  return app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email, password } });
}
async function pairFor(email: string): Promise<Pair> {
  const res = await signIn(email);
  expect(res.statusCode).toBe(200);
  return res.json<Pair>();
}
const me = (token: string) => app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });
const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });
const sessionCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions')).rows[0]!.n;

describe('passwords', () => {
  it('hashes with scrypt in a self-describing string, salted, and verifies only the right password', async () => {
    const a = await hashPassword('s3cret-password');
    const b = await hashPassword('s3cret-password');
    expect(a).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret-password', a)).toBe(true);
    expect(await verifyPassword('s3cret-passwore', a)).toBe(false);
    expect(await verifyPassword('s3cret-password', 'plain')).toBe(false);
    expect(await verifyPassword('x', a.replace('N=32768', 'N=1073741824'))).toBe(false);
  });
});

describe('sign-in', () => {
  it('answers tokens, the user and the organization; the email is case-insensitive; tokens are stored only hashed', async () => {
    const res = await signIn('  ALICE@contoso.example ');
    expect(res.statusCode).toBe(200);
    const body = res.json<Pair & { user: unknown; organization: unknown }>();
    expect(body.accessToken).toMatch(/^cspw_at_[A-Za-z0-9_-]{43}$/);
    expect(body.refreshToken).toMatch(/^cspw_rt_[A-Za-z0-9_-]{43}$/);
    expect(body.expiresIn).toBe(900);
    expect(body.user).toEqual({ id: alice.id, email: 'alice@contoso.example', name: 'Alice', role: 'admin-agent' });
    expect(body.organization).toEqual({ id: orgA.id, name: 'Contoso Partners' });
    const { rows } = await t.db.query<Record<string, unknown>>('SELECT * FROM sessions WHERE access_token_hash = $1', [hashToken(body.accessToken)]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(body.accessToken.slice(8));
    expect(JSON.stringify(rows)).not.toContain(body.refreshToken.slice(8));
    const m = await me(body.accessToken);
    expect(m.statusCode).toBe(200);
    expect(m.json()).toMatchObject({ user: { id: alice.id, role: 'admin-agent' }, organization: { id: orgA.id } });
    expect(m.json<{ permissions: string[] }>().permissions).toContain('invite.delegatedAdmin');
  });

  it('gives the same answer for a wrong password and an unknown email (no user enumeration)', async () => {
    const before = await sessionCount();
    const wrong = await signIn('alice@contoso.example', 'not the password');
    const unknown = await signIn('nobody@contoso.example', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'wrong email or password' } });
    expect(unknown.json()).toEqual(wrong.json());
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a disabled user, and disabling revokes the sessions they had', async () => {
    const carol = await seedUser(t.db, orgA.id, { email: 'carol@contoso.example', password: PW });
    const pair = await pairFor('carol@contoso.example');
    expect(await setUserDisabled(t.db, orgA.id, carol.id, true)).toBe(true);
    expect((await me(pair.accessToken)).statusCode).toBe(401);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
    const res = await signIn('carol@contoso.example');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'ACCOUNT_DISABLED', message: expect.any(String) } });
    expect((await signIn('carol@contoso.example', 'wrong password')).statusCode).toBe(401); // no hint without the password
  });
});

describe('access tokens', () => {
  it('refuses a missing, malformed, forged, expired or signed-out token with 401', async () => {
    const none = await app.inject({ method: 'GET', url: '/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await me('garbage')).statusCode).toBe(401);
    expect((await me(`cspw_at_${'A'.repeat(43)}`)).json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
    const pair = await pairFor('alice@contoso.example');
    expect((await me(pair.refreshToken)).statusCode).toBe(401); // a refresh token is no access token

    await t.db.query(`UPDATE sessions SET access_expires_at = now() - interval '1 second' WHERE access_token_hash = $1`, [hashToken(pair.accessToken)]);
    expect((await me(pair.accessToken)).statusCode).toBe(401);

    const live = await pairFor('alice@contoso.example');
    const out = await app.inject({ method: 'POST', url: '/auth/sign-out', headers: { authorization: `Bearer ${live.accessToken}` } });
    expect(out.statusCode).toBe(204);
    expect((await me(live.accessToken)).statusCode).toBe(401);
    expect((await refresh(live.refreshToken)).statusCode).toBe(401);
  });
});

describe('refresh', () => {
  it('rotates: a new pair works, the old pair stops working', async () => {
    const first = await pairFor('alice@contoso.example');
    const res = await refresh(first.refreshToken);
    expect(res.statusCode).toBe(200);
    const second = res.json<Pair>();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    expect((await me(first.accessToken)).statusCode).toBe(401);
    const rows = await t.db.query<{ rotated_from: string | null; family_id: string; id: string }>(
      'SELECT id, family_id, rotated_from FROM sessions WHERE refresh_token_hash = ANY($1::text[]) ORDER BY created_at',
      [[hashToken(first.refreshToken), hashToken(second.refreshToken)]],
    );
    expect(rows.rows[1]!.rotated_from).toBe(rows.rows[0]!.id);
    expect(rows.rows[1]!.family_id).toBe(rows.rows[0]!.family_id);
  });

  it('detects reuse of a rotated refresh token and revokes the whole family', async () => {
    const first = await pairFor('alice@contoso.example');
    const second = (await refresh(first.refreshToken)).json<Pair>();
    const third = (await refresh(second.refreshToken)).json<Pair>();
    expect((await me(third.accessToken)).statusCode).toBe(200);
    const replay = await refresh(first.refreshToken); // a thief replays the first refresh token
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: { code: 'INVALID_REFRESH_TOKEN' } });
    expect((await me(third.accessToken)).statusCode).toBe(401);
    expect((await refresh(third.refreshToken)).statusCode).toBe(401);
    const { rows } = await t.db.query<{ revoked_reason: string }>(
      'SELECT revoked_reason FROM sessions WHERE refresh_token_hash = $1',
      [hashToken(third.refreshToken)],
    );
    expect(rows[0]!.revoked_reason).toBe('reuse-detected');
    // Another session of the same user is another family: untouched.
    const other = await pairFor('alice@contoso.example');
    expect((await me(other.accessToken)).statusCode).toBe(200);
  });

  it('refuses an expired or forged refresh token', async () => {
    const pair = await pairFor('alice@contoso.example');
    await t.db.query(`UPDATE sessions SET refresh_expires_at = now() - interval '1 second' WHERE refresh_token_hash = $1`, [hashToken(pair.refreshToken)]);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
    expect((await refresh(`cspw_rt_${'B'.repeat(43)}`)).statusCode).toBe(401);
    expect((await refresh('nope')).statusCode).toBe(401);
  });
});

describe('tenancy', () => {
  it('two organizations never see each other’s users or sessions', async () => {
    const bobPair = await pairFor('bob@fabrikam.example');
    await pairFor('alice@contoso.example');
    const usersA = await listUsers(t.db, orgA.id);
    const usersB = await listUsers(t.db, orgB.id);
    expect(usersA.map((u) => u.orgId)).toEqual(usersA.map(() => orgA.id));
    expect(usersA.map((u) => u.email)).not.toContain('bob@fabrikam.example');
    expect(usersB.map((u) => u.email)).toEqual(['bob@fabrikam.example']);
    expect(await getUser(t.db, orgA.id, bob.id)).toBeUndefined();
    expect((await getUser(t.db, orgB.id, bob.id))?.email).toBe('bob@fabrikam.example');

    const sessionsA = await listSessions(t.db, orgA.id);
    const sessionsB = await listSessions(t.db, orgB.id);
    expect(sessionsA.length).toBeGreaterThan(0);
    expect(sessionsA.every((s) => s.orgId === orgA.id && s.userId !== bob.id)).toBe(true);
    expect(sessionsB.every((s) => s.orgId === orgB.id && s.userId === bob.id)).toBe(true);

    // Revoking B's session while scoped to A does nothing.
    const bobSession = sessionsB.find((s) => s.revokedAt === null)!;
    expect(await revokeSession(t.db, orgA.id, bobSession.id, 'admin')).toBe(false);
    expect(await setUserDisabled(t.db, orgA.id, bob.id, true)).toBe(false);
    const m = await me(bobPair.accessToken);
    expect(m.statusCode).toBe(200);
    expect(m.json()).toMatchObject({ organization: { id: orgB.id, name: 'Fabrikam Reseller' }, user: { role: 'billing-agent' } });
  });

  it('refuses a second user with the same email, in any organization and any case', async () => {
    await expect(seedUser(t.db, orgB.id, { email: 'ALICE@contoso.example', password: PW })).rejects.toMatchObject({ code: '23505' });
  });
});

describe('bad requests change nothing', () => {
  it('answers malformed, invalid and oversized bodies with 4xx in the error shape', async () => {
    const before = await sessionCount();
    const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      app.inject({ method: 'POST', url: '/auth/sign-in', payload, headers });
    const malformed = await post('{"email": "alice@contoso.example", "password": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
    const missing = await post(JSON.stringify({ email: 'alice@contoso.example' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', message: expect.stringContaining('password') } });
    const extra = await post(JSON.stringify({ email: 'alice@contoso.example', password: PW, admin: true }));
    expect(extra.statusCode).toBe(400);
    const wrongType = await post(JSON.stringify({ email: 42, password: PW }));
    expect(wrongType.statusCode).toBe(400);
    const notJson = await post('email=alice', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(notJson.statusCode).toBe(415);
    expect(notJson.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const huge = await post(JSON.stringify({ email: 'alice@contoso.example', password: 'x'.repeat(1024 * 1024 + 10) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
    const tooLongPw = await post(JSON.stringify({ email: 'alice@contoso.example', password: 'x'.repeat(2000) }));
    expect(tooLongPw.statusCode).toBe(400);
    expect(await sessionCount()).toBe(before);
    const unknownRoute = await app.inject({ method: 'GET', url: '/nope' });
    expect(unknownRoute.statusCode).toBe(404);
    expect(unknownRoute.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
