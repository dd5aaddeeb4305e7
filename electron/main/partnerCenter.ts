// Partner Center from the main process: the partner user's token for Partner Center comes from the
// Microsoft sign-in here and never crosses to the renderer; only Partner Center's answer (or its
// refusal in words) does.
import { HostError, type PartnerCenterCustomersResult, type PartnerCenterLinkResult } from '../../shared/ipc/contract';
import { PARTNER_CENTER_SCOPE, PartnerCenterError, partnerCenterClient, type PartnerCenterClient } from '../../shared/connectors/partnerCenter';
import type { Fetch } from '../../shared/connectors/http';
import type { MicrosoftSignIn } from './microsoftSignIn';

export interface PartnerCenterServiceDeps {
  /** Partner Center's REST root from Settings. */
  baseUrl: () => string;
  microsoft: Pick<MicrosoftSignIn, 'getAccessToken'>;
  /** Electron's net.fetch in the app (the system's proxy settings apply); Node's fetch in tests. */
  fetch: Fetch;
  /** How far the customer list has come (pages and customers read so far); nothing by default. */
  onCustomersProgress?: (progress: { pages: number; customers: number }) => void;
}

export interface PartnerCenterService {
  relationshipLink(): Promise<PartnerCenterLinkResult>;
  /** Every page of the partner's customer list. */
  customers(): Promise<PartnerCenterCustomersResult>;
}

export function createPartnerCenterService(deps: PartnerCenterServiceDeps): PartnerCenterService {
  function client(extra: { onProgress?: (progress: { pages: number; customers: number }) => void } = {}): PartnerCenterClient {
    let baseUrl: string;
    try {
      baseUrl = new URL(deps.baseUrl()).href;
    } catch {
      throw new HostError('INVALID_ARGS', `The Partner Center address in Settings (${deps.baseUrl()}) is not an address`);
    }
    return partnerCenterClient({
      baseUrl,
      fetch: deps.fetch,
      // A signed-out or unconfigured sign-in is the host's HostError, passed on as it is.
      getToken: async () => (await deps.microsoft.getAccessToken([PARTNER_CENTER_SCOPE])).accessToken,
      ...extra,
    });
  }

  /** Partner Center's refusal is an answer in both languages; anything else stays a failure. */
  async function answer<T>(read: () => Promise<T>): Promise<T | { ok: false; code: string; en: string; ja: string }> {
    try {
      return await read();
    } catch (e) {
      if (e instanceof PartnerCenterError) return { ok: false, code: e.code, en: e.words.en, ja: e.words.ja };
      throw e;
    }
  }

  return {
    async relationshipLink() {
      const pc = client();
      return await answer(async () => {
        const link = await pc.relationshipLink();
        return { ok: true as const, url: link.url, partnerTenantId: link.partnerTenantId, legacyDap: link.legacyDap };
      });
    },

    async customers() {
      const pc = client(deps.onCustomersProgress ? { onProgress: deps.onCustomersProgress } : {});
      return await answer(async () => {
        const list = await pc.customers();
        return {
          ok: true as const,
          customers: list.customers,
          refused: list.refused.map((r) => ({ position: r.position, id: r.id, en: r.reason.en, ja: r.reason.ja })),
          duplicates: list.duplicates,
          pages: list.pages,
        };
      });
    },
  };
}
