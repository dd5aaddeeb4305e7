// Partner Center from the main process: the partner user's token for Partner Center comes from the
// Microsoft sign-in here and never crosses to the renderer; only Partner Center's answer (or its
// refusal in words) does.
import { HostError, type PartnerCenterLinkResult } from '../../shared/ipc/contract';
import { PARTNER_CENTER_SCOPE, PartnerCenterError, partnerCenterClient } from '../../shared/connectors/partnerCenter';
import type { Fetch } from '../../shared/connectors/http';
import type { MicrosoftSignIn } from './microsoftSignIn';

export interface PartnerCenterServiceDeps {
  /** Partner Center's REST root from Settings. */
  baseUrl: () => string;
  microsoft: Pick<MicrosoftSignIn, 'getAccessToken'>;
  /** Electron's net.fetch in the app (the system's proxy settings apply); Node's fetch in tests. */
  fetch: Fetch;
}

export interface PartnerCenterService {
  relationshipLink(): Promise<PartnerCenterLinkResult>;
}

export function createPartnerCenterService(deps: PartnerCenterServiceDeps): PartnerCenterService {
  return {
    async relationshipLink() {
      let baseUrl: string;
      try {
        baseUrl = new URL(deps.baseUrl()).href;
      } catch {
        throw new HostError('INVALID_ARGS', `The Partner Center address in Settings (${deps.baseUrl()}) is not an address`);
      }
      const client = partnerCenterClient({
        baseUrl,
        fetch: deps.fetch,
        // A signed-out or unconfigured sign-in is the host's HostError, passed on as it is.
        getToken: async () => (await deps.microsoft.getAccessToken([PARTNER_CENTER_SCOPE])).accessToken,
      });
      try {
        const link = await client.relationshipLink();
        return { ok: true, url: link.url, partnerTenantId: link.partnerTenantId, legacyDap: link.legacyDap };
      } catch (e) {
        if (e instanceof PartnerCenterError) return { ok: false, code: e.code, en: e.words.en, ja: e.words.ja };
        throw e;
      }
    },
  };
}
