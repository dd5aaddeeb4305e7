// The main process's Microsoft sign-in against a local Entra-shaped authority
// (test/support/localEntraAuthority), its secrets store in memory: what the main process's tests of
// Microsoft's services (tenant reads, GDAP relationships) sign in with.
import { createMicrosoftSignIn } from '../../electron/main/microsoftSignIn';
import { storedSignIn, type LocalEntraAuthority } from './localEntraAuthority';

export const DESKTOP_CLIENT = 'cspw-desktop';

/**
 * The sign-in, holding Aiko's (user `o` of tenant `utid`) as the app stores it unless `signedIn`
 * is false; `store` is the secrets store, to read the rotated refresh token from.
 */
export function mainSignIn(endpoint: LocalEntraAuthority, utid: string, signedIn = true) {
  const authority = `${endpoint.origin}/organizations`;
  const store = new Map<string, string>();
  if (signedIn) {
    store.set('microsoftTokens', storedSignIn({ clientId: DESKTOP_CLIENT, authority, environment: endpoint.host, uid: 'o', utid, username: 'aiko@fabrikam.example', name: 'Aiko' }));
  }
  const microsoft = createMicrosoftSignIn({
    settings: () => ({ clientId: DESKTOP_CLIENT, authority, scopes: ['openid', 'profile', 'offline_access'], serverScope: '' }),
    secrets: { get: async (name) => store.get(name) ?? null, set: async (name, value) => void store.set(name, value), delete: async (name) => void store.delete(name) },
    openExternal: async () => undefined,
    fetch: endpoint.fetch,
    knownAuthorities: [endpoint.host],
  });
  return { microsoft, store };
}
