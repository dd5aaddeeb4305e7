// The whole desktop sign-in with Microsoft, end to end: the main process's Microsoft sign-in (MSAL for
// Node: code flow with PKCE, loopback redirect) against a real OpenID provider on 127.0.0.1 over https
// (npm oidc-provider; Microsoft's cloud cannot be reached here), its access token for the server's API
// exchanged by the app's session at POST /auth/entra/sign-in of a real server. The provider's
// certificate is self-signed (openssl): MSAL trusts it through its network client, and the server,
// unchanged, through this process's fetch dispatcher (as NODE_EXTRA_CA_CERTS would in deployment).
// Fakes: the system browser (shell.openExternal) and safeStorage, which need Electron, and the
// renderer's secret host (in memory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../shared/sync/session';
import { createMicrosoftSignIn } from '../../electron/main/microsoftSignIn';
import { createSecretsService } from '../../electron/main/secrets';
import { inMemorySecretHost } from '../../test/support/inMemorySecretHost';
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { browse, startLocalOpenIdProvider, type LocalOpenIdProvider, type LocalPerson } from '../../test/support/localOpenIdProvider';
import { selfSignedCertificate } from '../../test/support/selfSignedCertificate';
import { buildApp } from '../app';
import { createUser, operatorSetOrganizationEntraTenant } from '../auth/store';
import { readConfig } from '../config';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { seedOrg } from '../testing';

const TENANT = crypto.randomUUID();
const DESKTOP = 'cspw-desktop';
const API = 'api://cspw-server';
const aiko: LocalPerson = { sub: 'aiko', tid: TENANT, oid: crypto.randomUUID(), preferredUsername: 'aiko@fabrikam.example', name: 'Aiko' };
const stranger: LocalPerson = { sub: 'sam', tid: TENANT, oid: crypto.randomUUID(), preferredUsername: 'sam@fabrikam.example', name: 'Sam' };

let t: TestDatabase;
let provider: LocalOpenIdProvider;
let app: FastifyInstance;
let base: string;
let dir: string;
const tls = selfSignedCertificate();
let dispatcher: Dispatcher;

beforeAll(async () => {
  dispatcher = getGlobalDispatcher();
  setGlobalDispatcher(new Agent({ connect: { ca: [...rootCertificates, tls.cert] } }));
  t = await openTestDatabase();
  provider = await startLocalOpenIdProvider({ tenantId: TENANT, people: [aiko, stranger], clients: [{ clientId: DESKTOP }], api: { resource: API, audience: API }, tls, fetch: tls.fetch });
  const org = await seedOrg(t.db, 'Fabrikam');
  await operatorSetOrganizationEntraTenant(t.db, org.id, TENANT);
  await createUser(t.db, org.id, { email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent', passwordHash: null, entraObjectId: aiko.oid });
  const config = readConfig({
    LOG_LEVEL: 'silent',
    ENTRA_TENANT_IDS: TENANT,
    ENTRA_ISSUER: `https://127.0.0.1:${provider.port}/{tenantid}/v2.0`,
    ENTRA_AUDIENCES: API,
  });
  app = await buildApp({ config, db: t.db, version: 't' });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'csp-entra-session-'));
});
afterAll(async () => {
  await app?.close();
  await provider?.stop();
  await t?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  setGlobalDispatcher(dispatcher);
});

/** The desktop host's Microsoft sign-in for `person`, with a fake browser and a fake (XOR) safeStorage. */
function desktopSignIn(person: LocalPerson) {
  const key = 0x5a;
  const secrets = createSecretsService({
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ key)),
      decryptStringAsync: async (b) => ({ result: Buffer.from(b.map((x) => x ^ key)).toString('utf8'), shouldReEncrypt: false }),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    platform: 'linux',
    dir: path.join(dir, person.sub),
    insecureAllowed: () => false,
  });
  return createMicrosoftSignIn({
    settings: () => ({ clientId: DESKTOP, authority: provider.issuer.replace(/\/v2\.0$/, ''), scopes: ['openid', 'profile', 'offline_access'], serverScope: 'access_as_user' }),
    secrets,
    openExternal: async (url) => void browse(url, new URL(url).searchParams.get('redirect_uri')!, undefined, tls.fetch).catch(() => undefined),
    authorizeParams: { prompt: 'consent', login_hint: person.sub },
    fetch: tls.fetch,
    knownAuthorities: [`127.0.0.1:${provider.port}`],
  });
}

function session() {
  const { secrets, host } = inMemorySecretHost();
  return { secrets, session: new Session({ host, backendUrl: () => base, fetch: (u, i) => fetch(u, i as RequestInit), now: Date.now }) };
}

describe('session: sign in with Microsoft (local OpenID provider, real server; fake browser and safeStorage)', () => {
  it('exchanges the desktop sign-in’s access token for a server session (local OpenID provider)', async () => {
    const microsoft = desktopSignIn(aiko);
    await microsoft.signIn();
    const { accessToken } = await microsoft.getAccessToken([]);
    const { session: s, secrets } = session();
    const me = await s.signInWithEntra(accessToken);
    expect(me.user).toMatchObject({ name: 'Aiko', role: 'admin-agent', email: 'aiko@fabrikam.example' });
    expect(me.organization.name).toBe('Fabrikam');
    expect(secrets.get('refreshToken')).toMatch(/^cspw_rt_/);
    const serverToken = await s.accessToken();
    expect((await fetch(`${base}/me`, { headers: { authorization: `Bearer ${serverToken}` } })).status).toBe(200);
  });

  it('says in words when the person is not known to the server, or the token is not one it takes (local OpenID provider)', async () => {
    const microsoft = desktopSignIn(stranger);
    await microsoft.signIn();
    const { accessToken } = await microsoft.getAccessToken([]);
    const { session: s, secrets } = session();
    // The server's code and the data it names come with the refusal: the screen words them (renderer/words/serverErrors).
    await expect(s.signInWithEntra(accessToken)).rejects.toMatchObject({
      code: 'REFUSED',
      serverCode: 'ENTRA_PERSON_UNKNOWN',
      params: { organization: expect.any(String) as unknown },
      message: expect.stringMatching(/^Sign-in refused: .+/),
    });
    await expect(s.signInWithEntra('not-a-token')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', serverCode: 'INVALID_ENTRA_TOKEN', message: expect.stringMatching(/Microsoft sign-in/) });
    expect(secrets.size).toBe(0);
  });
});
