// The app's session against this server over real HTTP: sign-in, refresh with rotation (one at a
// time), the refresh token kept by the host, sign-out. The secret-keeping host is an in-memory one
// (named so): safeStorage itself needs Electron and is tested in electron/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostError } from '../../shared/ipc/contract';
import { Session } from '../../shared/sync/session';
import { AIKO, startTestServer, TEST_PASSWORD as PW, type TestServer } from '../testing';
import { inMemorySecretHost } from '../../test/support/inMemorySecretHost';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ Fabrikam: [AIKO] }, { ACCESS_TOKEN_TTL_SECONDS: '60' });
});
afterAll(() => server?.stop());

describe('session (in-memory secret host, real server)', () => {
  it('signs in, keeps the refresh token with the host, refreshes once for concurrent callers, signs out', async () => {
    const { host, secrets } = inMemorySecretHost();
    let now = 1_000_000;
    const session = new Session({ host, backendUrl: () => server.base, fetch: (u, i) => fetch(u, i as RequestInit), now: () => now });
    const me = await session.signIn('AIKO@fabrikam.example', PW);
    expect(me.user).toMatchObject({ name: 'Aiko', role: 'admin-agent' });
    expect(secrets.get('refreshToken')).toMatch(/^cspw_rt_/);
    const first = await session.accessToken();
    expect(first).toMatch(/^cspw_at_/);
    const firstRefresh = secrets.get('refreshToken');

    now += 59_000; // inside 30 s of expiry: the next call refreshes
    const [a, b, c] = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(a).not.toBe(first);
    expect(secrets.get('refreshToken')).not.toBe(firstRefresh);
    const res = await fetch(`${server.base}/me`, { headers: { authorization: `Bearer ${a}` } });
    expect(res.status).toBe(200);
    // A new page resumes the kept sign-in: the same session finds out whom it belongs to.
    const resumed = new Session({ host, backendUrl: () => server.base, fetch: (u, i) => fetch(u, i as RequestInit), now: () => now });
    expect(await resumed.me()).toMatchObject({ email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent' });

    await session.signOut();
    expect(await session.me()).toBeNull();
    expect(secrets.has('refreshToken')).toBe(false);
    expect((await fetch(`${server.base}/me`, { headers: { authorization: `Bearer ${a}` } })).status).toBe(401);
    expect(await session.accessToken()).toBeNull();
  });

  it('keeps the refresh token in memory only, and says so, when the host has no safe storage', async () => {
    const host = {
      getSecret: async () => Promise.reject(new HostError('SECRET_STORAGE_UNAVAILABLE', 'no safe storage')),
      setSecret: async () => Promise.reject(new HostError('SECRET_STORAGE_UNAVAILABLE', 'no safe storage')),
      deleteSecret: async () => null,
    };
    let now = 5_000_000;
    const session = new Session({ host, backendUrl: () => server.base, fetch: (u, i) => fetch(u, i as RequestInit), now: () => now });
    await session.signIn('aiko@fabrikam.example', PW);
    expect(session.persisted).toBe(false);
    now += 120_000;
    expect(await session.accessToken()).toMatch(/^cspw_at_/);
  });

  it('refuses a wrong password in words and needs a configured server', async () => {
    const { host } = inMemorySecretHost();
    const session = new Session({ host, backendUrl: () => server.base, fetch: (u, i) => fetch(u, i as RequestInit), now: () => 0 });
    await expect(session.signIn('aiko@fabrikam.example', 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const none = new Session({ host, backendUrl: () => '', fetch: (u, i) => fetch(u, i as RequestInit), now: () => 0 });
    await expect(none.signIn('a@b.c', 'x')).rejects.toMatchObject({ code: 'NO_BACKEND' });
  });
});
