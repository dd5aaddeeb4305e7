// A small Entra-shaped authority over https for tests of the main process's tenant reads: Entra's
// discovery document for any tenant path and `/{tenant}/oauth2/v2.0/token` answering the refresh
// token grant as Entra answers MSAL (client_info, rotated refresh tokens). The certificate is
// self-signed (test/support/selfSignedCertificate); `fetch` trusts it, for MSAL's network client.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './selfSignedCertificate';

export interface LocalEntraAuthority {
  origin: string;
  /** host:port, for MSAL's knownAuthorities. */
  host: string;
  /** The token requests (discovery requests are not counted), path without query. */
  calls: { path: string; body: URLSearchParams }[];
  /** Refuse every token request with this OAuth error (e.g. invalid_grant). */
  refuse?: string;
  fetch: typeof fetch;
  close(): Promise<void>;
}

let tls: ReturnType<typeof selfSignedCertificate> | null = null;

/** Hands out `tokens` in order (then the last again) and refresh tokens rt-2, rt-3, ... for user `uid` of tenant `utid`. */
export async function startLocalEntraAuthority(tokens: string[], who: { uid: string; utid: string }): Promise<LocalEntraAuthority> {
  tls ??= selfSignedCertificate();
  const authority: LocalEntraAuthority = { origin: '', host: '', calls: [], fetch: tls.fetch, close: async () => undefined };
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.url ?? '');
      if (discovery) {
        const base = `${authority.origin}/${discovery[1]}`;
        res.end(JSON.stringify({ issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, token_endpoint: `${base}/oauth2/v2.0/token`, jwks_uri: `${base}/discovery/v2.0/keys` }));
        return;
      }
      authority.calls.push({ path: (req.url ?? '').replace(/\?.*$/, ''), body: new URLSearchParams(raw) });
      if (authority.refuse) {
        res.statusCode = 400;
        res.end(JSON.stringify({ error: authority.refuse, error_description: 'AADSTS700082: The refresh token has expired.' }));
        return;
      }
      const n = authority.calls.length;
      // As Entra answers MSAL (which asks client_info=1): who the tokens belong to, as uid.utid.
      const clientInfo = Buffer.from(JSON.stringify(who)).toString('base64url');
      res.end(JSON.stringify({ token_type: 'Bearer', access_token: tokens[Math.min(n, tokens.length) - 1], expires_in: 3600, refresh_token: `rt-${n + 1}`, client_info: clientInfo }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  authority.origin = `https://${authority.host}`;
  authority.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return authority;
}

/** A partner's sign-in as the app stores it: MSAL's serialized cache (account, ID token, refresh token rt-1), tagged with the registration. */
export function storedSignIn(o: { clientId: string; authority: string; environment: string; uid: string; utid: string; username: string; name: string }): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const idToken = `${part({ alg: 'none' })}.${part({ sub: o.uid, oid: o.uid, tid: o.utid, preferred_username: o.username, name: o.name })}.`;
  const home = `${o.uid}.${o.utid}`;
  const env = o.environment;
  const msal = JSON.stringify({
    Account: { [`${home}-${env}-organizations`]: { home_account_id: home, environment: env, realm: 'organizations', local_account_id: o.uid, username: o.username, authority_type: 'MSSTS', name: o.name } },
    IdToken: { [`${home}-${env}-idtoken-${o.clientId}-organizations--`]: { home_account_id: home, environment: env, credential_type: 'IdToken', client_id: o.clientId, secret: idToken, realm: 'organizations' } },
    AccessToken: {},
    RefreshToken: { [`${home}-${env}-refreshtoken-${o.clientId}---`]: { home_account_id: home, environment: env, credential_type: 'RefreshToken', client_id: o.clientId, secret: 'rt-1' } },
    AppMetadata: {},
  });
  return JSON.stringify({ clientId: o.clientId, authority: o.authority, msal });
}

/** The refresh token MSAL keeps in a stored sign-in. */
export function storedRefreshToken(stored: string): string | undefined {
  const msal = JSON.parse((JSON.parse(stored) as { msal: string }).msal) as { RefreshToken: Record<string, { secret: string }> };
  return Object.values(msal.RefreshToken)[0]?.secret;
}
