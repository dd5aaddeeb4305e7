// Partner Center from the main process: the partner user's token for Partner Center comes from the
// Microsoft sign-in here and never crosses to the renderer; only Partner Center's answer (or its
// refusal as a code and parameters, worded by the renderer) does.
import {
  HostError,
  type ConnectorParams,
  type PartnerCenterAgreement,
  type PartnerCenterAgreementResult,
  type PartnerCenterCreateTransferArgs,
  type PartnerCenterCustomersResult,
  type PartnerCenterLinkResult,
  type PartnerCenterRecordAgreementArgs,
  type PartnerCenterRecordAgreementResult,
  type PartnerCenterTransferResult,
  type PartnerCenterTransferSummary,
  type PartnerCenterTransfersResult,
} from '../../shared/ipc/contract';
import {
  PARTNER_CENTER_SCOPE,
  PartnerCenterError,
  partnerCenterClient,
  type CustomerAgreement,
  type PartnerCenterClient,
  type PartnerCenterTransfer,
} from '../../shared/connectors/partnerCenter';
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
  /** The customer's Microsoft Customer Agreement attestation as Partner Center holds it (the newest). */
  agreement(args: { customerTenantId: string }): Promise<PartnerCenterAgreementResult>;
  /** Records the attestation a person entered, with the template id of the agreement in force. */
  recordAgreement(args: PartnerCenterRecordAgreementArgs): Promise<PartnerCenterRecordAgreementResult>;
  /** One new-commerce transfer request of at most 25 subscriptions from one current partner. */
  createTransfer(args: PartnerCenterCreateTransferArgs): Promise<PartnerCenterTransferResult>;
  /** The customer's transfers and their statuses, mapped onto the case file's. */
  transfers(args: { customerTenantId: string }): Promise<PartnerCenterTransfersResult>;
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

  /** Partner Center's refusal is an answer (a code and parameters the renderer words); anything else stays a failure. */
  async function answer<T>(read: () => Promise<T>): Promise<T | { ok: false; code: string; params: ConnectorParams }> {
    try {
      return await read();
    } catch (e) {
      if (e instanceof PartnerCenterError) return { ok: false, code: e.code, params: e.params };
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
          refused: list.refused.map((r) => ({ position: r.position, id: r.id, reason: r.reason, params: r.params })),
          duplicates: list.duplicates,
          pages: list.pages,
        };
      });
    },

    agreement: ({ customerTenantId }) =>
      answer(async () => {
        const pc = client();
        const all = (await pc.customerAgreements(customerTenantId)).map(agreementOf).filter((a) => a !== null);
        // Several attestations can exist (a new template version): the newest acceptance is the one in force.
        const newest = all.sort((a, b) => (a.dateAgreed < b.dateAgreed ? 1 : -1))[0] ?? null;
        return { ok: true as const, agreement: newest };
      }),

    recordAgreement: ({ customerTenantId, dateAgreed, firstName, lastName, email }) =>
      answer(async () => {
        const pc = client();
        // The template id of the agreement version in force, read rather than written into the app.
        const template = await pc.agreementTemplate();
        const created = await pc.createCustomerAgreement(customerTenantId, { templateId: template.templateId, dateAgreed, primaryContact: { firstName, lastName, email } });
        // Partner Center echoes what it stored; an echo without a readable date keeps the date the person entered.
        return { ok: true as const, agreement: agreementOf(created) ?? { dateAgreed, contact: { firstName, lastName, email }, templateId: template.templateId } };
      }),

    createTransfer: ({ customerTenantId, sourcePartnerTenantId, subscriptionIds }) =>
      answer(async () => ({ ok: true as const, transfer: summaryOf(await client().createTransfer(customerTenantId, { sourcePartnerTenantId, subscriptionIds })) })),

    transfers: ({ customerTenantId }) => answer(async () => ({ ok: true as const, transfers: (await client().transfers(customerTenantId)).map(summaryOf) })),
  };
}

function agreementOf(a: CustomerAgreement): PartnerCenterAgreement | null {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(a.dateAgreed)?.[0];
  if (!day) return null;
  const c = a.primaryContact;
  return { dateAgreed: day, contact: c ? { firstName: c.firstName, lastName: c.lastName, email: c.email } : null, templateId: a.templateId };
}

function summaryOf(t: PartnerCenterTransfer): PartnerCenterTransferSummary {
  return {
    id: t.id,
    partnerCenterStatus: t.partnerCenterStatus,
    status: t.status,
    partial: t.partial,
    sourcePartnerTenantId: t.sourcePartnerTenantId,
    sourcePartnerName: t.sourcePartnerName,
    lastModifiedTime: t.lastModifiedTime,
    lines: t.lines.map((l) => ({ subscriptionId: l.subscriptionId, name: l.name, quantity: l.quantity, status: l.status, error: l.error })),
  };
}
