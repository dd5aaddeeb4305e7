// Sign-in with Microsoft Entra ID against a real OpenID provider running here (npm oidc-provider,
// shaped like Entra's v2.0 endpoint; Microsoft's cloud cannot be reached from these machines). Its
// tokens come from real authorization code flows with PKCE and a loopback redirect, are signed with
// its keys and published through its metadata and JWKS; the server checks them with jose.
import type { FastifyInstance } from 'fastify';
import { SignJWT, generateKeyPair, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/mutators/define';
import { SyncClient } from '../../shared/sync/client';
import { httpTransport } from '../../shared/sync/httpTransport';
import { MemoryClientStore } from '../../shared/sync/memoryClientStore';
import { newSigningKeys, startLocalOpenIdProvider, type LocalOpenIdProvider, type LocalPerson } from '../../test/support/localOpenIdProvider';
import { buildApp } from '../app';
import { readConfig } from '../config';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { seedOrg, seedUser } from '../testing';
import { entraPerson, roleFromAppRoles } from './entraPeople';
import { createUser, getUser, operatorSetOrganizationEntraTenant, setUserDisabled, type Organization } from './store';

const TENANT = crypto.randomUUID();
const OTHER_TENANT = crypto.randomUUID();
const DESKTOP = 'cspw-desktop';
const API = 'api://cspw-server';
const TTL = 3600;
const PW = 'correct horse battery staple';

const person = (sub: string, over: Partial<LocalPerson> = {}): LocalPerson => ({
  sub,
  tid: TENANT,
  oid: crypto.randomUUID(),
  preferredUsername: `${sub}@fabrikam.example`,
  name: sub[0]!.toUpperCase() + sub.slice(1),
  ...over,
});
const aiko = person('aiko'); // mapped by object id
const ben = person('ben'); // mapped by user principal name until the first sign-in
const dora = person('dora'); // nobody added her
const ivy = person('ivy'); // mapped, then disabled
const eve = person('eve', { roles: ['SalesAgent'] }); // added by her app roles
const nora = person('nora', { roles: [] }); // no app role
const stranger = person('stranger', { tid: OTHER_TENANT }); // another tenant, same issuer
const benAgain = person('ben-again', { preferredUsername: 'ben@fabrikam.example' }); // a later account given Ben's old name

let t: TestDatabase;
let org: Organization;
let provider: LocalOpenIdProvider;
let app: FastifyInstance;
let base: string;
let skewMs = 0; // the server's clock, moved by the expiry test

const people = [aiko, ben, dora, ivy, eve, nora, stranger, benAgain];
const clients = [{ clientId: DESKTOP }, { clientId: 'other-app' }, { clientId: 'cspw-es', idTokenAlg: 'ES256' as const }];
const startProvider = (opts: { port?: number; keys?: JWK[] } = {}) =>
  startLocalOpenIdProvider({ tenantId: TENANT, people, clients, api: { resource: API, audience: API }, tokenTtlSeconds: TTL, ...opts });

async function entraApp(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = readConfig({
    LOG_LEVEL: 'silent',
    SIGN_IN_RATE_PER_IP: '10000',
    ENTRA_TENANT_IDS: TENANT,
    ENTRA_ISSUER: `http://127.0.0.1:${provider.port}/{tenantid}/v2.0`,
    ENTRA_AUDIENCES: `${DESKTOP},cspw-es,${API}`,
    ENTRA_JWKS_COOLDOWN_SECONDS: '0',
    ...env,
  });
  const a = await buildApp({ config, db: t.db, version: 't', entraClock: () => new Date(Date.now() + skewMs) });
  await a.ready();
  return a;
}

beforeAll(async () => {
  t = await openTestDatabase();
  provider = await startProvider();
  org = await seedOrg(t.db, 'Fabrikam');
  await operatorSetOrganizationEntraTenant(t.db, org.id, TENANT);
  await createUser(t.db, org.id, { email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent', passwordHash: null, entraObjectId: aiko.oid });
  await createUser(t.db, org.id, { email: 'ben@fabrikam.example', name: 'Ben', role: 'sales-agent', passwordHash: null, entraUpn: 'BEN@fabrikam.example' });
  await createUser(t.db, org.id, { email: 'ivy@fabrikam.example', name: 'Ivy', role: 'sales-agent', passwordHash: null, entraObjectId: ivy.oid });
  app = await entraApp();
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
  await provider?.stop();
  await t?.drop();
});

interface SignedIn {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; name: string; role: Actor['role'] };
  organization: { id: string; name: string };
}
const entraSignIn = (token: string, on = base) =>
  fetch(`${on}/auth/entra/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
const me = (accessToken: string) => fetch(`${base}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
async function refused(res: Response, status: number, code: string): Promise<string> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
  return body.error.message;
}

function syncClient(s: SignedIn, name: string) {
  const store = new MemoryClientStore(`entra-${name}`);
  const transport = httpTransport({ baseUrl: base, fetch: (u, i) => fetch(u, i as RequestInit), accessToken: async () => s.accessToken });
  const actor = { id: s.user.id, name: s.user.name, role: s.user.role };
  return { store, sync: new SyncClient(store, transport, { actor: () => actor, now: () => '2099-01-01T00:00:00.000Z' }) };
}

describe('sign-in with Entra ID (local OpenID provider)', () => {
  it('an ID token from an authorization code flow with PKCE and a loopback redirect opens a session that pushes and pulls', async () => {
    const tokens = await provider.signIn(DESKTOP, aiko);
    const res = await entraSignIn(tokens.id_token);
    expect(res.status).toBe(200);
    const a = (await res.json()) as SignedIn;
    expect(a.accessToken).toMatch(/^cspw_at_/);
    expect(a.refreshToken).toMatch(/^cspw_rt_/);
    expect(a.user).toMatchObject({ email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent' });
    expect(a.organization).toEqual({ id: org.id, name: 'Fabrikam' });
    expect(await (await me(a.accessToken)).json()).toMatchObject({ user: { role: 'admin-agent' }, organization: { id: org.id } });

    // Ben signs in with an access token for the server's API; both work in one workspace.
    const b = (await (await entraSignIn((await provider.signIn(DESKTOP, ben)).access_token)).json()) as SignedIn;
    const aikoApp = syncClient(a, 'aiko');
    const benApp = syncClient(b, 'ben');
    expect(await aikoApp.sync.mutate('customer.create', { id: 'c-entra', name: 'Contoso', country: 'JP' })).toEqual({ ok: true });
    await aikoApp.sync.sync();
    await benApp.sync.sync();
    expect(benApp.store.rows('customers').map((c) => c.name)).toEqual(['Contoso']);
    expect(benApp.store.rows('activity').find((x) => x.mutation === 'customer.create')).toMatchObject({ actor: 'Aiko', role: 'admin-agent' });

    // The server's own refresh works on an Entra session as on a password one.
    const r = await fetch(`${base}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: a.refreshToken }) });
    expect(r.status).toBe(200);
  });

  it('binds the object id of a person mapped by user principal name at their first sign-in; tokens after a refresh grant work too', async () => {
    const { rows } = await t.db.query<{ entra_object_id: string | null }>("SELECT entra_object_id FROM users WHERE email = 'ben@fabrikam.example'");
    expect(rows[0]!.entra_object_id).toBe(ben.oid); // bound by the sign-in of the test before
    const first = await provider.signIn(DESKTOP, ben, { offlineAccess: true });
    expect(first.refresh_token).toBeTruthy();
    const renewed = await provider.refresh(DESKTOP, first.refresh_token!);
    expect(renewed.access_token).not.toBe(first.access_token);
    expect(renewed.refresh_token).toBeTruthy();
    for (const token of [renewed.id_token, renewed.access_token]) {
      const res = await entraSignIn(token);
      expect(res.status).toBe(200);
      expect(((await res.json()) as SignedIn).user).toMatchObject({ email: 'ben@fabrikam.example', role: 'sales-agent' });
    }
    // Another account that later takes Ben's user principal name is not Ben: the object id decides.
    await refused(await entraSignIn((await provider.signIn(DESKTOP, benAgain)).id_token), 403, 'ENTRA_PERSON_UNKNOWN');
  });

  it('refuses a token for another audience, from another issuer, or for another tenant', async () => {
    const wrongAudience = await provider.signIn('other-app', aiko);
    expect(await refused(await entraSignIn(wrongAudience.id_token), 401, 'INVALID_ENTRA_TOKEN')).toMatch(/is for .*other-app.*, not for this server/);

    const elsewhere = await startLocalOpenIdProvider({ tenantId: TENANT, people, clients, api: { resource: API, audience: API } });
    try {
      const foreign = await elsewhere.signIn(DESKTOP, aiko);
      expect(await refused(await entraSignIn(foreign.id_token), 401, 'INVALID_ENTRA_TOKEN')).toContain(`issued by "${elsewhere.issuer}", not by the tenant this server trusts`);
    } finally {
      await elsewhere.stop();
    }

    const otherTenant = await provider.signIn(DESKTOP, stranger);
    expect(await refused(await entraSignIn(otherTenant.id_token), 401, 'INVALID_ENTRA_TOKEN')).toContain(`tenant ${OTHER_TENANT}, which may not sign in`);
  });

  it('refuses an expired token past the clock tolerance, and accepts one inside it', async () => {
    const tokens = await provider.signIn(DESKTOP, aiko);
    try {
      skewMs = (TTL + 30) * 1000; // 30 s past exp: inside the 60 s tolerance
      expect((await entraSignIn(tokens.id_token)).status).toBe(200);
      skewMs = (TTL + 61) * 1000;
      expect(await refused(await entraSignIn(tokens.id_token), 401, 'INVALID_ENTRA_TOKEN')).toMatch(/expired at .*: sign in again/);
      expect(await refused(await entraSignIn(tokens.access_token), 401, 'INVALID_ENTRA_TOKEN')).toMatch(/expired/);
    } finally {
      skewMs = 0;
    }
  });

  it("accepts RS256 only, and no key but the issuer's", async () => {
    const es = await provider.signIn('cspw-es', aiko); // a real token of the provider, for an accepted audience
    expect(await refused(await entraSignIn(es.id_token), 401, 'INVALID_ENTRA_TOKEN')).toContain('only RS256');
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const forged = await new SignJWT({ tid: TENANT, oid: aiko.oid })
      .setProtectedHeader({ alg: 'RS256', kid: provider.keys[0]!.kid! })
      .setIssuer(provider.issuer)
      .setAudience(DESKTOP)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    expect(await refused(await entraSignIn(forged), 401, 'INVALID_ENTRA_TOKEN')).toContain('signature is not valid');
    const unsigned = `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ iss: provider.issuer, aud: DESKTOP, tid: TENANT, oid: aiko.oid, exp: 9e9 }))}.`.replaceAll('=', '');
    expect(await refused(await entraSignIn(unsigned), 401, 'INVALID_ENTRA_TOKEN')).toBeTruthy();
    await refused(await entraSignIn('not a token'), 401, 'INVALID_ENTRA_TOKEN');
  });

  it('tells a person nobody added that they are unknown, as a code with the data the app words it with', async () => {
    const tokens = await provider.signIn(DESKTOP, dora);
    const res = await entraSignIn(tokens.id_token);
    const body = (await res.clone().json()) as { error: { params?: unknown } };
    expect(body.error.params).toEqual({ account: 'dora@fabrikam.example', organization: 'Fabrikam' });
    const message = await refused(res, 403, 'ENTRA_PERSON_UNKNOWN');
    // The English detail, for developers and for apps that show it as it is.
    expect(message).toBe(`dora@fabrikam.example (object id ${dora.oid}) is not a member of Fabrikam on this server: ask your admin agent to add you (server:admin add-entra-user)`);
    expect((await t.db.query("SELECT 1 FROM users WHERE email = 'dora@fabrikam.example'")).rows).toEqual([]);
  });

  it('ends the sessions of a person disabled on the server, and refuses their next Entra sign-in', async () => {
    const s = (await (await entraSignIn((await provider.signIn(DESKTOP, ivy)).id_token)).json()) as SignedIn;
    expect((await me(s.accessToken)).status).toBe(200);
    const user = (await getUser(t.db, org.id, s.user.id))!;
    expect(await setUserDisabled(t.db, org.id, user.id, true)); // what server:admin disable-user does
    expect((await me(s.accessToken)).status).toBe(401);
    const r = await fetch(`${base}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: s.refreshToken }) });
    expect(r.status).toBe(401);
    const again = await provider.signIn(DESKTOP, ivy); // Entra still lets her in; this server does not
    await refused(await entraSignIn(again.id_token), 403, 'ACCOUNT_DISABLED');
  });

  it('adds people by their app roles and keeps their role in step with the token, when ENTRA_APP_ROLES is on', async () => {
    const roles = await entraApp({ ENTRA_APP_ROLES: 'true' });
    const on = await roles.listen({ host: '127.0.0.1', port: 0 });
    try {
      const first = await entraSignIn((await provider.signIn(DESKTOP, eve)).id_token, on);
      expect(first.status).toBe(200);
      expect(((await first.json()) as SignedIn).user).toMatchObject({ email: 'eve@fabrikam.example', name: 'Eve', role: 'sales-agent' });
      eve.roles = ['BillingAgent', 'AdminAgent']; // the Entra admin assigns her more: the broader one wins
      const second = (await (await entraSignIn((await provider.signIn(DESKTOP, eve)).access_token, on)).json()) as SignedIn;
      expect(second.user.role).toBe('admin-agent');
      expect((await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE email = 'eve@fabrikam.example'")).rows[0]!.n).toBe(1);

      const none = await entraSignIn((await provider.signIn(DESKTOP, nora)).id_token, on);
      expect(await refused(none, 403, 'ENTRA_NO_ROLE')).toContain("holds none of this server's app roles (AdminAgent, SalesAgent, BillingAgent)");
      // Without app roles, the same person is unknown until an admin adds her.
      await refused(await entraSignIn((await provider.signIn(DESKTOP, nora)).id_token), 403, 'ENTRA_PERSON_UNKNOWN');
    } finally {
      await roles.close();
    }
  });

  it('rotated keys: a token signed with the new key verifies after the key set is fetched again; one signed with a removed key fails', async () => {
    const before = await provider.signIn(DESKTOP, aiko);
    expect((await entraSignIn(before.id_token)).status).toBe(200); // the old key is now cached
    const fetched = provider.jwksFetches;
    expect((await entraSignIn(before.access_token)).status).toBe(200);
    expect(provider.jwksFetches).toBe(fetched); // from the cache
    await provider.stop();
    provider = await startProvider({ port: provider.port, keys: await newSigningKeys() }); // same issuer, new keys
    const after = await provider.signIn(DESKTOP, aiko);
    const res = await entraSignIn(after.id_token);
    expect(res.status).toBe(200);
    expect(provider.jwksFetches).toBe(1); // the unknown key id fetched the new key set
    expect(await refused(await entraSignIn(before.id_token), 401, 'INVALID_ENTRA_TOKEN')).toContain('a key the issuer does not publish');
  });
});

describe('sign-in options (local OpenID provider)', () => {
  it('with LOCAL_PASSWORDS=false the password sign-in says to sign in with Microsoft, password sessions end; Entra sign-in still works', async () => {
    await seedUser(t.db, org.id, { email: 'pat@fabrikam.example', password: PW });
    const before = await app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: 'pat@fabrikam.example', password: PW } });
    const patSession = before.json<SignedIn>(); // opened while the server still took passwords
    const noPasswords = await entraApp({ LOCAL_PASSWORDS: 'false' });
    try {
      const res = await noPasswords.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: 'pat@fabrikam.example', password: PW } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'PASSWORD_SIGN_IN_DISABLED', message: 'this server does not take passwords: sign in with Microsoft (Entra ID)' } });
      const entra = await noPasswords.inject({ method: 'POST', url: '/auth/entra/sign-in', payload: { token: (await provider.signIn(DESKTOP, aiko)).id_token } });
      expect(entra.statusCode).toBe(200);
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
      expect((await noPasswords.inject({ method: 'GET', url: '/me', headers: bearer(entra.json<SignedIn>().accessToken) })).statusCode).toBe(200);
      expect((await noPasswords.inject({ method: 'GET', url: '/me', headers: bearer(patSession.accessToken) })).statusCode).toBe(401);
      const refresh = await noPasswords.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: patSession.refreshToken } });
      expect(refresh.statusCode).toBe(401);
      // A refreshed Entra session stays an Entra session.
      const renewed = await noPasswords.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: entra.json<SignedIn>().refreshToken } });
      expect((await noPasswords.inject({ method: 'GET', url: '/me', headers: bearer(renewed.json<SignedIn>().accessToken) })).statusCode).toBe(200);
    } finally {
      await noPasswords.close();
    }
    // With passwords on, a person added for Entra only has no password to guess.
    const res = await app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: 'aiko@fabrikam.example', password: PW } });
    expect(res.statusCode).toBe(401);
  });

  it('the exchange is in the OpenAPI document with its answers', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, { post?: { responses: Record<string, unknown> } }> }>();
    expect(Object.keys(doc.paths['/auth/entra/sign-in']!.post!.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '429', '503']));
  });

  it('a server without Entra configuration says so; one whose issuer cannot be reached answers 503', async () => {
    const plain = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent' }), db: t.db, version: 't' });
    try {
      const res = await plain.inject({ method: 'POST', url: '/auth/entra/sign-in', payload: { token: 'x' } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'ENTRA_SIGN_IN_DISABLED' } });
    } finally {
      await plain.close();
    }
    const closed = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent', ENTRA_TENANT_IDS: TENANT, ENTRA_ISSUER: 'http://127.0.0.1:9/{tenantid}/v2.0', ENTRA_AUDIENCES: DESKTOP }),
      db: t.db,
      version: 't',
    });
    try {
      const token = await selfSigned({ iss: `http://127.0.0.1:9/${TENANT}/v2.0`, aud: DESKTOP, tid: TENANT, oid: aiko.oid }, provider.keys[0]!);
      const res = await closed.inject({ method: 'POST', url: '/auth/entra/sign-in', payload: { token } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: 'ENTRA_UNAVAILABLE', message: expect.stringContaining('cannot read the sign-in metadata') } });
    } finally {
      await closed.close();
    }
  });
});

describe('who an Entra identity is', () => {
  const identity = (over: Partial<Parameters<typeof entraPerson>[1]>) => ({
    tenantId: TENANT,
    objectId: crypto.randomUUID(),
    username: undefined,
    email: undefined,
    name: undefined,
    roles: [],
    ...over,
  });
  const appRoles = { enabled: true, map: readConfig({}).ENTRA_ROLE_MAP };

  it('an allowed tenant no organization is linked to, and an app-role newcomer whose email a local person has, are refused in words', async () => {
    await expect(entraPerson(t.db, identity({ tenantId: OTHER_TENANT }), appRoles)).rejects.toMatchObject({
      statusCode: 403,
      code: 'ENTRA_TENANT_NOT_LINKED',
      message: expect.stringContaining(`no organization on this server is linked to Entra tenant ${OTHER_TENANT}`),
      detail: { params: { tenantId: OTHER_TENANT } },
    });
    const newcomer = identity({ username: 'Aiko@fabrikam.example', roles: ['SalesAgent'] });
    await expect(entraPerson(t.db, newcomer, appRoles)).rejects.toMatchObject({
      statusCode: 403,
      code: 'ENTRA_EMAIL_TAKEN',
      message: expect.stringContaining('aiko@fabrikam.example is already the email of a person on this server who is not mapped to'),
      detail: { params: { email: 'aiko@fabrikam.example', account: 'Aiko@fabrikam.example' } },
    });
  });
});

describe('Entra configuration', () => {
  it('is off without tenants; checks tenants, audiences, issuer, role map and the password switch in words', () => {
    const off = readConfig({});
    expect(off.ENTRA_TENANT_IDS).toEqual([]);
    expect(off.LOCAL_PASSWORDS).toBe(true);
    const on = readConfig({ ENTRA_TENANT_IDS: ` ${TENANT.toUpperCase()} `, ENTRA_AUDIENCES: 'client-id, api://server' });
    expect(on).toMatchObject({ ENTRA_TENANT_IDS: [TENANT], ENTRA_AUDIENCES: ['client-id', 'api://server'], ENTRA_ISSUER: 'https://login.microsoftonline.com/{tenantid}/v2.0' });
    expect(on.ENTRA_ROLE_MAP).toEqual({ AdminAgent: 'admin-agent', SalesAgent: 'sales-agent', BillingAgent: 'billing-agent' });
    expect(() => readConfig({ ENTRA_TENANT_IDS: 'contoso.onmicrosoft.com', ENTRA_AUDIENCES: 'x' })).toThrow('ENTRA_TENANT_IDS.0: each must be a tenant id (a GUID)');
    expect(() => readConfig({ ENTRA_TENANT_IDS: TENANT })).toThrow(/ENTRA_AUDIENCES: is required with ENTRA_TENANT_IDS/);
    expect(() => readConfig({ ENTRA_ISSUER: 'http://login.example/{tenantid}/v2.0' })).toThrow('ENTRA_ISSUER: must be an https URL');
    expect(() => readConfig({ ENTRA_ROLE_MAP: 'Owner=owner' })).toThrow(/"Owner=owner" is not Value=role/);
    expect(() => readConfig({ LOCAL_PASSWORDS: 'false' })).toThrow(/LOCAL_PASSWORDS: false leaves no way to sign in/);
  });

  it('maps app roles to the broadest role held, ignoring roles it does not know', () => {
    const map = readConfig({}).ENTRA_ROLE_MAP;
    expect(roleFromAppRoles(['BillingAgent', 'SalesAgent'], map)).toBe('sales-agent');
    expect(roleFromAppRoles(['Reader', 'BillingAgent'], map)).toBe('billing-agent');
    expect(roleFromAppRoles(['Reader'], map)).toBeUndefined();
  });
});

/** A token signed with `key` (a private JWK), valid for ten minutes. */
async function selfSigned(claims: Record<string, unknown>, key: JWK): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid! })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(await importJWK(key, 'RS256'));
}
