// Microsoft sign-in through MSAL for Node against a real OpenID provider (npm oidc-provider,
// test/support) on 127.0.0.1 over HTTPS, with a self-signed certificate made by the openssl command
// line (test/support/selfSignedCertificate) that MSAL's network client, and only it, trusts: the
// authorize, token and JWKS endpoints, PKCE and refresh tokens are the provider's own. MSAL is told
// the provider's host is a known authority (it is not Microsoft's, so instance discovery would fail);
// its authority metadata comes from the provider's discovery document. Faked are only what cannot run
// here: Electron's shell.openExternal (a "browser" that follows the URL with fetch, logs in through the
// provider's interaction and posts the answer to MSAL's loopback) and safeStorage (a named fake cipher).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browse, startLocalOpenIdProvider, type LocalOpenIdProvider, type LocalPerson } from '../../test/support/localOpenIdProvider';
import { selfSignedCertificate, type SelfSignedCertificate } from '../../test/support/selfSignedCertificate';
import { createMicrosoftSignIn, type MicrosoftSettings, type MicrosoftSignInDeps } from './microsoftSignIn';
import { createHandlers, type HandlerServices } from './ipc/handlers';
import { dispatch, type Handlers } from './ipc/register';
import { createSecretsService, type SafeStorageLike } from './secrets';

const TENANT = '7d1c2a3b-0000-4000-8000-00000000f00d';
const DESKTOP = 'cspw-desktop';
const API = 'api://cspw-server';
const aiko: LocalPerson = { sub: 'aiko', tid: TENANT, oid: 'oid-aiko', preferredUsername: 'aiko@fabrikam.example', name: 'Aiko Tanaka' };
const ken: LocalPerson = { sub: 'ken', tid: TENANT, oid: 'oid-ken', preferredUsername: 'ken@fabrikam.example', name: 'Ken Sato' };

/** Fake safeStorage: XOR with a fixed key and a version prefix, so the file provably differs from the text. */
function fakeSafeStorage(): SafeStorageLike {
  const key = 0x5a;
  return {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text) => Buffer.from(Buffer.from(`v1:${text}`, 'utf8').map((b) => b ^ key)),
    decryptStringAsync: async (buffer) => ({ result: Buffer.from(buffer.map((b) => b ^ key)).toString('utf8').slice(3), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
}

let provider: LocalOpenIdProvider;
let tls: SelfSignedCertificate;
let dir: string;
beforeAll(async () => {
  tls = selfSignedCertificate();
  provider = await startLocalOpenIdProvider({
    tenantId: TENANT,
    people: [aiko, ken],
    clients: [{ clientId: DESKTOP }],
    api: { resource: API, audience: API },
    tokenTtlSeconds: 600,
    tls,
    fetch: tls.fetch,
  });
});
afterAll(() => provider.stop());
beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'csp-msal-')), 'secrets');
  // Only Date is faked, to move MSAL's and the provider's clock together past a token's expiry.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

/** A fake system browser: follows the authorize URL, logs in, and lets the redirect reach the app (or not). */
function fakeBrowser(mode: 'return' | 'forge-state' | 'never-return' = 'return') {
  const opened: string[] = [];
  const openExternal = async (url: string) => {
    opened.push(url);
    const redirectUri = new URL(url).searchParams.get('redirect_uri')!;
    if (mode === 'never-return') return; // the user closed the tab
    // Like a browser, openExternal returns before the person has signed in.
    void browse(
      url,
      redirectUri,
      (back) => {
        if (mode !== 'forge-state') return back;
        const u = new URL(back);
        u.searchParams.set('state', 'someone-elses-state');
        return u.href;
      },
      tls.fetch,
    ).catch(() => undefined);
  };
  return { opened, openExternal };
}

function setup({ settings: settingsOver, ...over }: Partial<Omit<MicrosoftSignInDeps, 'settings'>> & { settings?: Partial<MicrosoftSettings> } = {}) {
  const browser = fakeBrowser();
  const secrets = createSecretsService({ safeStorage: fakeSafeStorage(), platform: 'linux', dir, insecureAllowed: () => false });
  const settings: MicrosoftSettings = {
    clientId: DESKTOP,
    authority: provider.issuer.replace(/\/v2\.0$/, ''),
    scopes: ['openid', 'profile', 'offline_access'],
    serverScope: 'access_as_user',
    ...settingsOver,
  };
  const ms = createMicrosoftSignIn({
    settings: () => settings,
    secrets,
    openExternal: browser.openExternal,
    fetch: tls.fetch,
    knownAuthorities: [`127.0.0.1:${provider.port}`],
    // The provider issues refresh tokens only with prompt=consent (OpenID Connect Core 11); login_hint picks the person.
    authorizeParams: { prompt: 'consent', login_hint: aiko.sub },
    ...over,
  });
  return { ms, secrets, browser, settings, advance: (ms: number) => vi.setSystemTime(Date.now() + ms), file: () => readFileSync(path.join(dir, 'microsoftTokens.bin')) };
}

describe('Microsoft sign-in through MSAL (local OpenID provider over https; fake shell.openExternal and fake safeStorage)', () => {
  it('signs in with MSAL: the code flow, PKCE S256 and a loopback redirect (local OpenID provider)', async () => {
    const { ms, browser } = setup();
    expect(await ms.state()).toEqual({ available: true, configured: true, account: null });
    const account = await ms.signIn();
    expect(account).toEqual({ oid: 'oid-aiko', tenantId: TENANT, username: 'aiko@fabrikam.example', name: 'Aiko Tanaka' });
    expect(await ms.state()).toEqual({ available: true, configured: true, account });
    const asked = new URL(browser.opened[0]!);
    expect(asked.origin + asked.pathname).toBe(`${provider.issuer}/auth`);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(asked.searchParams.get('response_mode')).toBe('form_post');
    expect(asked.searchParams.get('client_id')).toBe(DESKTOP);
    expect(asked.searchParams.get('scope')!.split(' ').sort()).toEqual(['access_as_user', 'offline_access', 'openid', 'profile']);

    const { accessToken } = await ms.getAccessToken([]);
    const claims = decodeJwt(accessToken);
    expect(claims).toMatchObject({ aud: API, tid: TENANT, oid: 'oid-aiko', iss: provider.issuer });

    // The listener took one request and closed.
    const port = new URL(asked.searchParams.get('redirect_uri')!).port;
    await expect(fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } })).rejects.toThrow();
  });

  it('keeps the tokens encrypted: the file holds no token in clear (local OpenID provider, fake safeStorage)', async () => {
    const { ms, file, secrets } = setup();
    await ms.signIn();
    const { accessToken } = await ms.getAccessToken([]);
    const stored = file().toString('utf8');
    // The decrypted cache (what MSAL serializes) does hold the refresh token; the file does not.
    const msal = JSON.parse((JSON.parse((await secrets.get('microsoftTokens'))!) as { msal: string }).msal) as { RefreshToken: Record<string, { secret: string }> };
    const refreshToken = Object.values(msal.RefreshToken)[0]!.secret;
    expect(refreshToken.length).toBeGreaterThan(10);
    expect(stored).not.toContain(refreshToken);
    expect(stored).not.toContain(accessToken);
    expect(stored).not.toContain('RefreshToken');
    expect(stored).not.toContain('secret');
    expect(stored).not.toContain('aiko');
    expect(readdirSync(dir)).toEqual(['microsoftTokens.bin']);
    // Another instance (the app started again) finds the sign-in in the encrypted cache.
    const again = setup();
    expect((await again.ms.state()).account?.username).toBe('aiko@fabrikam.example');
    expect((await again.ms.getAccessToken([])).accessToken).toBe(accessToken);
  });

  it('refreshes silently once the access token has expired, and keeps the rotated refresh token (local OpenID provider)', async () => {
    const { ms, advance, file } = setup();
    await ms.signIn();
    const first = await ms.getAccessToken(['access_as_user']);
    expect((await ms.getAccessToken(['access_as_user'])).accessToken).toBe(first.accessToken); // cached
    const before = file().toString('hex');
    advance(11 * 60_000); // past the provider's 10-minute lifetime
    const [second, third] = await Promise.all([ms.getAccessToken(['access_as_user']), ms.getAccessToken(['access_as_user'])]);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(third.accessToken).toBe(second.accessToken); // one refresh for both callers
    expect(decodeJwt(second.accessToken)).toMatchObject({ aud: API, oid: 'oid-aiko' });
    expect(file().toString('hex')).not.toBe(before);
    advance(11 * 60_000);
    const fourth = await ms.getAccessToken(['access_as_user']); // the rotated refresh token still works
    expect(fourth.accessToken).not.toBe(second.accessToken);
  });

  it('refuses an answer with another state, keeps waiting for its own, and stores nothing (local OpenID provider)', async () => {
    // MSAL's listener answers a forged state with 400 and goes on waiting: the attempt then runs out of time.
    const forged = fakeBrowser('forge-state');
    const { ms } = setup({ openExternal: forged.openExternal, signInTimeoutMs: 1500 });
    await expect(ms.signIn()).rejects.toMatchObject({ code: 'MICROSOFT_SIGN_IN_CANCELLED', message: expect.stringMatching(/in time/) });
    expect(forged.opened).toHaveLength(1);
    expect((await ms.state()).account).toBeNull();
    expect(readdirSync(path.dirname(dir))).toEqual([]);
  });

  it("asks a customer tenant's authority with the partner's refresh token for Graph (local OpenID provider)", async () => {
    // The local provider serves one tenant and has no Graph: this fetch routes the customer tenant's
    // paths on the same host (as at Entra) to it, so MSAL redeems the partner's refresh token at the
    // customer's token endpoint, answered by the real provider, which refuses Graph's `.default` scope
    // (invalid_scope). A granted tenant token through MSAL is in graphRead.test.ts (a local Entra-shaped authority).
    const CUSTOMER = 'c0ffee00-0000-4000-8000-000000000001';
    const asked: string[] = [];
    const { ms } = setup({
      fetch: async (url, init) => {
        const href = String(url);
        const body = new URLSearchParams(String(init?.body ?? ''));
        asked.push(`${init?.method ?? 'GET'} ${href.replace(/\?.*$/, '')}${body.get('grant_type') === 'refresh_token' ? ` refresh_token scope=${body.get('scope')}` : ''}`);
        return tls.fetch(href.replace(`/${CUSTOMER}/v2.0/`, `/${TENANT}/v2.0/`), init);
      },
    });
    await expect(ms.getTenantAccessToken(CUSTOMER)).rejects.toMatchObject({ code: 'MICROSOFT_SIGNED_OUT' });
    await ms.signIn();
    asked.length = 0;
    await expect(ms.getTenantAccessToken(CUSTOMER)).rejects.toMatchObject({ code: 'MICROSOFT_SIGN_IN_FAILED', message: expect.stringMatching(/invalid_scope/) });
    // MSAL derives the customer authority's endpoints from the metadata it already holds for this host.
    expect(asked).toEqual([`POST https://127.0.0.1:${provider.port}/${CUSTOMER}/v2.0/token refresh_token scope=https://graph.microsoft.com/.default openid profile offline_access`]);
    // A refusal for one customer is not a sign-out: the partner's own tokens still come.
    expect((await ms.state()).account?.oid).toBe('oid-aiko');
    expect((await ms.getAccessToken([])).accessToken.length).toBeGreaterThan(20);
  });

  it('ends a sign-in the browser never returns from: on timeout, and on cancel (local OpenID provider)', async () => {
    const away = fakeBrowser('never-return');
    const timed = setup({ openExternal: away.openExternal, signInTimeoutMs: 200 });
    await expect(timed.ms.signIn()).rejects.toMatchObject({ code: 'MICROSOFT_SIGN_IN_CANCELLED', message: expect.stringMatching(/in time/) });

    const cancelled = setup({ openExternal: away.openExternal });
    // The timed attempt may have ended before MSAL opened the browser (then it never opens it).
    const before = away.opened.length;
    const attempt = cancelled.ms.signIn();
    attempt.catch(() => undefined); // awaited below, once the browser has been opened
    await vi.waitFor(() => expect(away.opened).toHaveLength(before + 1), { timeout: 10_000 });
    const redirect = new URL(away.opened.at(-1)!).searchParams.get('redirect_uri')!;
    cancelled.ms.cancelSignIn();
    await expect(attempt).rejects.toMatchObject({ code: 'MICROSOFT_SIGN_IN_CANCELLED' });
    await expect(fetch(redirect)).rejects.toThrow(); // the listener is gone
    expect((await cancelled.ms.state()).account).toBeNull();

    // Cancelled before MSAL hands over the URL: the browser is never opened, and the call still ends.
    const early = setup({ openExternal: away.openExternal });
    const opened = away.opened.length;
    const quick = early.ms.signIn();
    early.ms.cancelSignIn();
    await expect(quick).rejects.toMatchObject({ code: 'MICROSOFT_SIGN_IN_CANCELLED' });
    expect(away.opened).toHaveLength(opened);
  });

  it('keeps only the person who signed in last (local OpenID provider)', async () => {
    const params = { prompt: 'consent', login_hint: aiko.sub };
    const { ms, secrets } = setup({ authorizeParams: params });
    await ms.signIn();
    params.login_hint = ken.sub;
    expect(await ms.signIn()).toMatchObject({ oid: 'oid-ken', username: 'ken@fabrikam.example' });
    expect((await ms.state()).account?.oid).toBe('oid-ken');
    expect(decodeJwt((await ms.getAccessToken([])).accessToken)).toMatchObject({ oid: 'oid-ken' });
    const msal = JSON.parse((JSON.parse((await secrets.get('microsoftTokens'))!) as { msal: string }).msal) as { Account: object; RefreshToken: object };
    expect(Object.keys(msal.Account)).toHaveLength(1);
    expect(Object.keys(msal.RefreshToken)).toHaveLength(1);
  });

  it('signs out: the cache file is gone and tokens are refused (local OpenID provider)', async () => {
    const { ms } = setup();
    await ms.signIn();
    await ms.signOut();
    expect(readdirSync(dir)).toEqual([]);
    expect((await ms.state()).account).toBeNull();
    await expect(ms.getAccessToken([])).rejects.toMatchObject({ code: 'MICROSOFT_SIGNED_OUT' });
  });

  it('does not write a refresh back that finished after sign-out (local OpenID provider)', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let holdRefreshes = false;
    const { ms, advance } = setup({
      fetch: async (url, init) => {
        if (holdRefreshes && String(init?.body ?? '').includes('grant_type=refresh_token')) await gate;
        return tls.fetch(url, init);
      },
    });
    await ms.signIn();
    advance(11 * 60_000);
    holdRefreshes = true;
    const renewing = ms.getAccessToken([]);
    await new Promise((r) => setTimeout(r, 50));
    await ms.signOut();
    release();
    await expect(renewing).rejects.toMatchObject({ code: 'MICROSOFT_SIGNED_OUT' });
    expect(readdirSync(dir)).toEqual([]);
    expect((await ms.state()).account).toBeNull();
  });

  it('says what is missing when no client id is set (local OpenID provider)', async () => {
    const { ms } = setup({ settings: { clientId: '' } });
    expect(await ms.state()).toEqual({ available: true, configured: false, account: null });
    await expect(ms.signIn()).rejects.toMatchObject({ code: 'MICROSOFT_NOT_CONFIGURED', message: expect.stringMatching(/client id/) });
  });

  it('says so when a token is asked for the team server but its scope is not set (local OpenID provider)', async () => {
    const { ms, browser } = setup({ settings: { serverScope: '' } });
    await ms.signIn();
    expect(new URL(browser.opened[0]!).searchParams.get('scope')).toBe('openid profile offline_access');
    await expect(ms.getAccessToken([])).rejects.toMatchObject({ code: 'MICROSOFT_SCOPE_MISSING', message: expect.stringMatching(/team server API scope/) });
  });
});

describe('Microsoft sign-in over IPC (local OpenID provider; fake Electron)', () => {
  it('gives the renderer who signed in and access tokens, never the refresh or ID token (local OpenID provider)', async () => {
    const { ms, secrets, advance } = setup();
    const handlers: Handlers = createHandlers({ microsoft: ms, secrets } as unknown as HandlerServices);
    const trusted = { isTrustedSender: () => true };
    const event = { sender: {}, senderFrame: { url: 'app://workspace/index.html' } };
    const call = (channel: keyof Handlers, args: unknown = {}) =>
      dispatch(channel, handlers[channel] as never, event, args, trusted);

    const payloads = [await call('microsoft.signIn'), await call('microsoft.account'), await call('microsoft.getAccessToken', { scopes: [] })];
    advance(11 * 60_000);
    payloads.push(await call('microsoft.getAccessToken', { scopes: ['access_as_user'] }));
    expect(payloads.every((p) => p.ok)).toBe(true);
    const stored = JSON.parse((await secrets.get('microsoftTokens'))!) as { msal: string };
    const msal = JSON.parse(stored.msal) as { RefreshToken: Record<string, { secret: string }>; IdToken: Record<string, { secret: string }> };
    const [refreshToken] = Object.values(msal.RefreshToken).map((t) => t.secret);
    const [idToken] = Object.values(msal.IdToken).map((t) => t.secret);
    expect(refreshToken!.length).toBeGreaterThan(10);
    const seen = JSON.stringify(payloads);
    expect(seen).not.toContain(refreshToken);
    expect(seen).not.toContain(idToken);
    expect(seen).not.toMatch(/refresh|id_?token/i);
    expect(payloads[1]).toEqual({ ok: true, value: { available: true, configured: true, account: expect.objectContaining({ oid: 'oid-aiko' }) } });
    expect(Object.keys((payloads[2] as { value: object }).value).sort()).toEqual(['accessToken', 'expiresAt']);

    // The token cache is not a secret the renderer may name.
    expect(await call('secrets.get', { name: 'microsoftTokens' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await call('microsoft.getAccessToken', { scopes: ['has space'] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });

    expect(await call('microsoft.signOut')).toEqual({ ok: true, value: null });
    expect(await call('microsoft.getAccessToken', { scopes: [] })).toMatchObject({ ok: false, error: { code: 'MICROSOFT_SIGNED_OUT' } });
  });
});
