// The partner's GDAP relationships ("tenant connections" in Settings), read in the main process:
// Graph is asked in the partner's OWN tenant (the signed-in account's home tenant) with a Graph
// token redeemed from the partner's refresh token, which never leaves this process; the renderer
// receives the relationships, or Graph's refusal (a code and parameters the renderer words) as an
// answer to show.
import { HostError, type GraphRelationshipsResult } from '../../shared/ipc/contract';
import { GdapReadError, readGdapRelationships } from '../../shared/connectors/gdapRelationships';
import type { Fetch, RetryPolicy } from '../../shared/connectors/http';
import type { MicrosoftSignIn } from './microsoftSignIn';

export interface GdapRelationshipsDeps {
  microsoft: Pick<MicrosoftSignIn, 'state' | 'getTenantAccessToken'>;
  /** Settings' graphBaseUrl, read at the start of each read. */
  baseUrl: () => string;
  fetch?: Fetch;
  retry?: Partial<RetryPolicy>;
}

export interface GdapRelationshipsService {
  relationships(): Promise<GraphRelationshipsResult>;
}

export function createGdapRelationships(deps: GdapRelationshipsDeps): GdapRelationshipsService {
  return {
    async relationships() {
      const state = await deps.microsoft.state();
      const home = state.account?.tenantId;
      if (!home) throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft: sign in with Microsoft in Settings, then read your GDAP relationships again.');
      try {
        const { relationships, pages } = await readGdapRelationships({
          // The token for the partner's home tenant, through the same per-tenant redemption a
          // customer read uses: it can be refreshed after a 401, which a cached token cannot.
          getToken: (request) => deps.microsoft.getTenantAccessToken(home, { refresh: request?.refresh ?? false }),
          baseUrl: deps.baseUrl(),
          fetch: deps.fetch ?? ((url, init) => fetch(url, init as RequestInit)),
          ...(deps.retry ? { retry: deps.retry } : {}),
        });
        return { ok: true, relationships, pages };
      } catch (e) {
        if (e instanceof HostError) throw e;
        if (e instanceof GdapReadError) return { ok: false, code: e.code, params: e.params };
        throw new HostError('GRAPH_READ_FAILED', `Your GDAP relationships could not be read from Microsoft Graph: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
