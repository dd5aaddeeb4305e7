// Partner Center's REST API (App+User token, https://api.partnercenter.microsoft.com) for what the
// case file needs from it: the reseller relationship link, the partner's customers, the Microsoft
// Customer Agreement attestation and the new-commerce partner-to-partner transfers. Pure TypeScript
// over the fetch the caller hands in; every answer is checked with zod before the app sees it, and
// every failure becomes a PartnerCenterError: a code and parameters the renderer words (what
// happened and what to do, renderer/words/connectorErrors). Creates (POST) are sent once: after a
// 5xx or a lost answer they may have been carried out, so the person is told to check before
// trying again rather than the app trying for them.
import { z } from 'zod';
import type { TransferStatus } from '../domain/commerce';
import { isGuid, normalizeId } from '../domain/ids';
import { parseResellerInvitationLink } from '../domain/invitation';
import { TRANSFER_MAX_ITEMS } from '../domain/transfers';
import { causeOf, paramsOf, type ConnectorParams } from './errors';
import { DEFAULT_RETRY, sendWithRetry, serviceBaseUrl, type AbortSignalLike, type Fetch, type RetryPolicy } from './http';

export const DEFAULT_PARTNER_CENTER_BASE_URL = 'https://api.partnercenter.microsoft.com';
/** The delegated scope an App+User token for Partner Center is asked with. */
export const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';

export interface PartnerCenterOptions {
  /**
   * The partner user's bearer token for Partner Center. Called once, and again with
   * `{ refresh: true }` after a 401 (an expired token); a second 401 ends the call.
   */
  getToken: (request?: { refresh: boolean }) => Promise<string>;
  /** Partner Center's root, without /v1; Microsoft's by default. */
  baseUrl?: string;
  /** The runtime's fetch (the Electron main process passes its own): shared/ reaches no network by itself. */
  fetch: Fetch;
  signal?: AbortSignalLike;
  retry?: Partial<RetryPolicy>;
  /** Customers per page of the customer list (Partner Center's own examples use 40). */
  pageSize?: number;
  onProgress?: (progress: { pages: number; customers: number }) => void;
  /** 0 ≤ x < 1, for the backoff jitter. */
  random?: () => number;
  /** Epoch milliseconds; only for a Retry-After date when the response carries no Date header. */
  now?: () => number;
  /** MS-RequestId of each request; a random UUID by default. */
  requestId?: () => string;
}

// ---- Errors -------------------------------------------------------------------------------------

export type PartnerCenterCall =
  | 'relationshipLink'
  | 'customers'
  | 'agreementTemplate'
  | 'customerAgreements'
  | 'createAgreement'
  | 'transferEligibility'
  | 'createTransfer'
  | 'transfer'
  | 'transfers';

export type PartnerCenterErrorCode =
  | 'unauthorized' // 401 with a fresh token: the sign-in expired or is not for Partner Center
  | 'forbidden' // 403: not an Admin agent, or the app lacks the Partner Center permission
  | 'notFound' // 404
  | 'conflict' // 409
  | 'throttled' // 429 after every wait
  | 'server' // a 5xx on a read after every retry
  | 'uncertain' // a 5xx or no answer to a create: it may have been done
  | 'badRequest' // another 4xx
  | 'redirected' // a 3xx, not followed
  | 'network' // no answer to a read after every retry
  | 'malformed' // an answer that is not the documented shape
  | 'invalidInput'; // refused before anything was sent

/** Why an answer is not the documented one (`malformed`). */
export type PartnerCenterAnswerProblem = 'notJson' | 'notDocumented' | 'noContinuation' | 'keepsPointing' | 'noTemplate' | 'notRelationshipLink';
/** What was refused before anything was sent (`invalidInput`). */
export type PartnerCenterInputProblem = 'agreementInput' | 'transferInput' | 'transferId' | 'customerTenantId';

/**
 * A call that failed, as a code and parameters (worded by renderer/words/connectorErrors): always
 * `call`; `url` once there is one; `status`, `requestId`, `attempts` for an answer or none;
 * Partner Center's own `description` and `partnerCenterCode` when its body gave them; `wait`
 * (seconds) when a 429 said; `cause` (the runtime's English message) for no answer; `problem` and
 * its facts for a malformed answer or a refused input.
 */
export class PartnerCenterError extends Error {
  readonly code: PartnerCenterErrorCode;
  readonly call: PartnerCenterCall;
  readonly url: string;
  readonly status: number | undefined;
  /** The MS-RequestId sent: Microsoft support finds the request by it. */
  readonly requestId: string | undefined;
  /** Partner Center's own error code from the answer's body, when it gave one. */
  readonly partnerCenterCode: string | undefined;
  /** What a 429 asked to wait, in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;
  readonly params: ConnectorParams;

  constructor(details: {
    code: PartnerCenterErrorCode;
    call: PartnerCenterCall;
    url: string;
    status?: number | undefined;
    requestId?: string | undefined;
    partnerCenterCode?: string | undefined;
    retryAfterMs?: number | undefined;
    params?: Record<string, string | number | undefined>;
  }) {
    const params = paramsOf({
      call: details.call,
      url: details.url || undefined,
      status: details.status,
      requestId: details.requestId,
      partnerCenterCode: details.partnerCenterCode,
      wait: details.retryAfterMs !== undefined ? Math.ceil(details.retryAfterMs / 1000) : undefined,
      ...details.params,
    });
    super(
      `Partner Center ${details.call} failed (${details.code}${details.status !== undefined ? ` ${details.status}` : ''})${details.url ? ` at ${details.url}` : ''}` +
        `${typeof params.problem === 'string' ? `: ${params.problem}` : ''}${typeof params.description === 'string' ? `: ${params.description}` : ''}${typeof params.cause === 'string' ? `: ${params.cause}` : ''}`,
    );
    this.name = 'PartnerCenterError';
    this.code = details.code;
    this.call = details.call;
    this.url = details.url;
    this.status = details.status;
    this.requestId = details.requestId;
    this.partnerCenterCode = details.partnerCenterCode;
    this.retryAfterMs = details.retryAfterMs;
    this.params = params;
  }
}

/** Creates are sent once (see the top); the renderer words each call (what it asks for, and the role it needs). */
const CREATES: Record<PartnerCenterCall, boolean> = {
  relationshipLink: false,
  customers: false,
  agreementTemplate: false,
  customerAgreements: false,
  createAgreement: true,
  transferEligibility: false,
  createTransfer: true,
  transfer: false,
  transfers: false,
};

// Partner Center's error body (docs: "Partner Center REST error codes"): a numeric code and a description.
const ErrorBody = z.object({ code: z.union([z.number(), z.string()]).optional(), description: z.string().optional() }).passthrough();

function errorDetailOf(text: string): { code?: string; description?: string } {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (!parsed.success) return {};
    const description = parsed.data.description?.trim().slice(0, 300);
    return { ...(parsed.data.code !== undefined ? { code: String(parsed.data.code) } : {}), ...(description ? { description } : {}) };
  } catch {
    return {};
  }
}

// ---- Answers ------------------------------------------------------------------------------------

export interface RelationshipLink {
  /** The link as Partner Center gave it, to send to the customer's Global Admin. */
  url: string;
  partnerTenantId: string;
  /** The link also asks for legacy delegated admin (DAP=true). */
  legacyDap: boolean;
}

/** One customer of the partner, with what `customer.createMany` needs (and the country, for the customer's record). */
export interface PartnerCenterListedCustomer {
  tenantId: string;
  companyName: string;
  /** Lower case; '' when Partner Center gives none. */
  domain: string;
  /** ISO 3166 alpha-2, upper case; null when Partner Center gives none (the list often does not). */
  country: string | null;
  /** As Partner Center writes it (reseller, advisor, ...); '' when absent. */
  relationship: string;
}

/** Why a record of the customer list cannot become a customer (`tenant`, `length`, `max` its facts). */
export type PartnerCenterRecordProblem = 'notCustomerRecord' | 'tenantNotGuid' | 'noCompanyName' | 'companyNameTooLong';

export interface PartnerCenterCustomerList {
  customers: PartnerCenterListedCustomer[];
  /** Records that cannot become a customer, kept out with the reason (1-based position in the whole list). */
  refused: { position: number; id: string; reason: PartnerCenterRecordProblem; params: ConnectorParams }[];
  /** Records whose tenant id an earlier record already had: the first one is kept. */
  duplicates: { position: number; tenantId: string; companyName: string }[];
  pages: number;
}

export interface AgreementContact {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
}

export interface AgreementTemplate {
  templateId: string;
  agreementType: string;
  agreementLink: string | null;
}

export interface CustomerAgreement {
  templateId: string;
  type: string;
  /** As Partner Center writes it (a date, or a date and time). */
  dateAgreed: string;
  primaryContact: AgreementContact | null;
  agreementLink: string | null;
}

export interface TransferEligibility {
  subscriptionId: string;
  eligible: boolean;
  /** Why not, as Partner Center says it (English only: Partner Center does not translate it). */
  reason: string | null;
}

export interface PartnerCenterTransferLine {
  subscriptionId: string;
  offerId: string | null;
  name: string;
  quantity: number;
  /** Partner Center's status of this line once the transfer ran (Complete, Failed); null before. */
  status: string | null;
  error: string | null;
}

export interface PartnerCenterTransfer {
  id: string;
  /** Partner Center's own word (Active, Complete, Reject, ...). */
  partnerCenterStatus: string;
  /** The case file's status; null for a word this app does not know (shown as Partner Center wrote it). */
  status: TransferStatus | null;
  /** Completed, but some lines failed (PartiallyComplete): `lines` say which and why. */
  partial: boolean;
  customerTenantId: string | null;
  sourcePartnerTenantId: string | null;
  targetPartnerTenantId: string | null;
  sourcePartnerName: string | null;
  createdTime: string | null;
  lastModifiedTime: string | null;
  lines: PartnerCenterTransferLine[];
}

// ---- Schemas (the documented shapes, only what the app reads) ----------------------------------

const Link = z.object({ url: z.string() });

const ContinuationHeader = z.object({ key: z.string(), value: z.string() });
const CustomerPage = z.object({
  totalCount: z.number().optional(),
  items: z.array(z.unknown()),
  continuationToken: z.string().optional(),
  links: z.object({ next: z.object({ uri: z.string().optional(), headers: z.array(ContinuationHeader).optional() }).optional() }).optional(),
});
const Address = z.object({ country: z.string().nullish() }).nullish();
const CustomerItem = z.object({
  id: z.string(),
  companyProfile: z.object({ tenantId: z.string().nullish(), domain: z.string().nullish(), companyName: z.string().nullish(), address: Address }).nullish(),
  billingProfile: z.object({ defaultAddress: Address }).nullish(),
  relationshipToPartner: z.string().nullish(),
});

const Contact = z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phoneNumber: z.string().nullish() });
const Agreement = z.object({ templateId: z.string(), type: z.string(), dateAgreed: z.string(), primaryContact: Contact.nullish(), agreementLink: z.string().nullish() });
const Agreements = z.object({ items: z.array(Agreement) });
const Templates = z.object({ items: z.array(z.object({ templateId: z.string(), agreementType: z.string(), agreementLink: z.string().nullish(), versionRank: z.number().nullish() })) });

const Eligibility = z.array(z.object({ id: z.string(), isEligible: z.boolean(), reason: z.string().nullish() }));
const TransferLine = z.object({
  subscriptionId: z.string(),
  offerId: z.string().nullish(),
  friendlyName: z.string().nullish(),
  quantity: z.number().int().nonnegative(),
  status: z.string().nullish(),
  transferError: z.string().nullish(),
});
const Transfer = z.object({
  id: z.string(),
  status: z.string(),
  customerTenantId: z.string().nullish(),
  sourcePartnerTenantId: z.string().nullish(),
  targetPartnerTenantId: z.string().nullish(),
  sourcePartnerName: z.string().nullish(),
  createdTime: z.string().nullish(),
  lastModifiedTime: z.string().nullish(),
  lineItems: z.array(TransferLine).default([]),
});
// The documentation's list example is a bare array; Partner Center's collections are usually `{items}`.
const Transfers = z.union([z.array(Transfer), z.object({ items: z.array(Transfer) }).transform((c) => c.items)]);

// ---- Status mapping ------------------------------------------------------------------------------

/**
 * Partner Center's transfer status onto the case file's. "Active"/"InProgress"/"Pending": waiting
 * for the current partner; "Accepted": the current partner agreed; "Complete" (also
 * "PartiallyComplete": some lines failed, said per line); the ends that free the subscriptions
 * ("Reject", "Expired", "Cancel", "Failed") are all "rejected". An unknown word maps to null: the
 * app shows it as Partner Center wrote it rather than guess.
 */
export function transferStatusOf(partnerCenterStatus: string): { status: TransferStatus | null; partial: boolean } {
  const s = partnerCenterStatus.trim().toLowerCase();
  if (['active', 'inprogress', 'pending', 'created'].includes(s)) return { status: 'requested', partial: false };
  if (['accepted', 'accept', 'approved'].includes(s)) return { status: 'approved', partial: false };
  if (['complete', 'completed'].includes(s)) return { status: 'completed', partial: false };
  if (['partiallycomplete', 'completedwitherrors'].includes(s)) return { status: 'completed', partial: true };
  if (['reject', 'rejected', 'declined', 'expired', 'cancel', 'canceled', 'cancelled', 'failed'].includes(s)) return { status: 'rejected', partial: false };
  return { status: null, partial: false };
}

function transferOf(t: z.infer<typeof Transfer>): PartnerCenterTransfer {
  const { status, partial } = transferStatusOf(t.status);
  const id = (v: string | null | undefined) => (v ? normalizeId(v) : null);
  return {
    id: normalizeId(t.id),
    partnerCenterStatus: t.status,
    status,
    partial,
    customerTenantId: id(t.customerTenantId),
    sourcePartnerTenantId: id(t.sourcePartnerTenantId),
    targetPartnerTenantId: id(t.targetPartnerTenantId),
    sourcePartnerName: t.sourcePartnerName ?? null,
    createdTime: t.createdTime ?? null,
    lastModifiedTime: t.lastModifiedTime ?? null,
    lines: t.lineItems.map((l) => ({
      subscriptionId: normalizeId(l.subscriptionId),
      offerId: l.offerId ? normalizeId(l.offerId) : null,
      name: l.friendlyName ?? '',
      quantity: l.quantity,
      status: l.status ?? null,
      error: l.transferError ?? null,
    })),
  };
}

// ---- The client ----------------------------------------------------------------------------------

export interface CreateAgreementInput {
  /** From `agreementTemplate()`. */
  templateId: string;
  /** The day the customer's person accepted, YYYY-MM-DD. */
  dateAgreed: string;
  /** The customer's person who accepted. */
  primaryContact: AgreementContact;
}

export interface CreateTransferInput {
  /** The partner that sells the subscriptions now. */
  sourcePartnerTenantId: string;
  /** This partner; Partner Center takes the signed-in partner when left out. */
  targetPartnerTenantId?: string;
  /** Partner Center's subscription ids of the lines to move, at most 25. */
  subscriptionIds: readonly string[];
  /** The customer's address for Partner Center's notice, when the partner wants one sent. */
  customerEmailId?: string;
}

export interface PartnerCenterClient {
  relationshipLink(): Promise<RelationshipLink>;
  customers(): Promise<PartnerCenterCustomerList>;
  agreementTemplate(agreementType?: string): Promise<AgreementTemplate>;
  customerAgreements(customerTenantId: string, agreementType?: string): Promise<CustomerAgreement[]>;
  createCustomerAgreement(customerTenantId: string, input: CreateAgreementInput): Promise<CustomerAgreement>;
  transferEligibility(customerTenantId: string, transferType?: string): Promise<TransferEligibility[]>;
  createTransfer(customerTenantId: string, input: CreateTransferInput): Promise<PartnerCenterTransfer>;
  transfer(customerTenantId: string, transferId: string): Promise<PartnerCenterTransfer>;
  transfers(customerTenantId: string): Promise<PartnerCenterTransfer[]>;
}

/** The token getter failed: not a network failure, so neither retried nor put into Partner Center's words. */
class TokenFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('the Partner Center token could not be had');
    this.name = 'TokenFailure';
  }
}

const MCA = 'MicrosoftCustomerAgreement';
/** Partner Center's transfer type of new-commerce transfers ("3 indicates New Commerce"). */
export const NEW_COMMERCE_TRANSFER_TYPE = 3;
/** A guard against a service that keeps answering "there is more": 200,000 customers at 40 a page. */
const MAX_PAGES = 5000;

export function partnerCenterClient(options: PartnerCenterOptions): PartnerCenterClient {
  const base = serviceBaseUrl(options.baseUrl ?? DEFAULT_PARTNER_CENTER_BASE_URL, 'Partner Center');
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const newRequestId = options.requestId ?? (() => crypto.randomUUID());
  // One correlation id per client: Partner Center's logs tie the calls of one task together by it.
  const correlationId = newRequestId();
  let token: string | undefined;

  const tokenOf = async (refresh: boolean): Promise<string> => {
    if (refresh || token === undefined) token = await options.getToken(refresh ? { refresh: true } : undefined);
    return token;
  };

  const urlOf = (path: string, query?: Record<string, string>): string => {
    const url = new URL(`/v1${path}`, base);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url.href;
  };

  /** One call's answer body, through an expired token, throttling and (for reads) passing failures. */
  async function call(name: PartnerCenterCall, url: string, init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> }): Promise<string> {
    const create = CREATES[name];
    // A create keeps its request id over its own retries (a 429, a refreshed token): Partner Center
    // treats the same MS-RequestId as the same request.
    const createId = newRequestId();
    let requestId = createId;
    let refreshed = false;
    for (;;) {
      let outcome: Awaited<ReturnType<typeof sendWithRetry>>;
      try {
        outcome = await sendWithRetry({
          idempotent: !create,
          policy,
          random,
          ...(options.now ? { now: options.now } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          what: `The Partner Center request ${name}`,
          fatal: (error) => error instanceof TokenFailure,
          send: async () => {
            let bearer: string;
            try {
              bearer = await tokenOf(false);
            } catch (error) {
              throw new TokenFailure(error);
            }
            requestId = create ? createId : newRequestId();
            return options.fetch(url, {
              method: init.method,
              headers: {
                Authorization: `Bearer ${bearer}`,
                Accept: 'application/json',
                'MS-CorrelationId': correlationId,
                'MS-RequestId': requestId,
                ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
                ...init.headers,
              },
              ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
              // A redirect would carry the token elsewhere; Partner Center does not redirect API calls.
              redirect: 'manual',
              ...(options.signal ? { signal: options.signal } : {}),
            });
          },
        });
      } catch (error) {
        // The sign-in's own failure (signed out, not configured) is the caller's to show as it is.
        if (error instanceof TokenFailure) throw error.cause;
        throw error;
      }
      if (outcome.kind === 'unreached') throw failure(name, url, create ? 'uncertain' : 'network', { requestId, attempts: outcome.attempts, cause: outcome.error });
      const { response } = outcome;
      const status = response.status;
      if (status >= 200 && status < 300) return response.text();
      if (status === 401 && !refreshed) {
        // An expired token: a 401 means nothing was done, so even a create is sent again.
        refreshed = true;
        await tokenOf(true);
        continue;
      }
      const detail = errorDetailOf(await response.text().catch(() => ''));
      const retryAfter = response.headers.get('retry-after');
      throw failure(name, url, codeOf(status, create), {
        status,
        requestId,
        attempts: outcome.attempts,
        ...detail,
        ...(retryAfter && /^\d+$/.test(retryAfter.trim()) ? { retryAfterMs: Number(retryAfter.trim()) * 1000 } : {}),
      });
    }
  }

  function parsed<S extends z.ZodType>(name: PartnerCenterCall, url: string, schema: S, text: string): z.output<S> {
    let body: unknown;
    try {
      body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      throw malformed(name, url, 'notJson');
    }
    const result = schema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : '';
      // `at` and `issue` only when zod named a place.
      throw malformed(name, url, 'notDocumented', where ? { at: where, issue: issue?.message ?? '' } : {});
    }
    return result.data;
  }

  function malformed(name: PartnerCenterCall, url: string, problem: PartnerCenterAnswerProblem, facts: Record<string, string | number> = {}): PartnerCenterError {
    return new PartnerCenterError({ code: 'malformed', call: name, url, params: { problem, ...facts } });
  }

  function invalid(name: PartnerCenterCall, problem: PartnerCenterInputProblem, facts: Record<string, string | number | undefined> = {}): PartnerCenterError {
    return new PartnerCenterError({ code: 'invalidInput', call: name, url: '', params: { problem, ...facts } });
  }

  function customerPath(name: PartnerCenterCall, customerTenantId: string): string {
    if (!isGuid(customerTenantId)) throw invalid(name, 'customerTenantId', { id: customerTenantId });
    return `/customers/${normalizeId(customerTenantId)}`;
  }

  return {
    async relationshipLink() {
      const url = urlOf('/customers/relationshiprequests');
      const body = parsed('relationshipLink', url, Link, await call('relationshipLink', url, { method: 'GET' }));
      const link = parseResellerInvitationLink(body.url);
      if (!link) throw malformed('relationshipLink', url, 'notRelationshipLink', { link: body.url.slice(0, 200) });
      return { url: body.url, partnerTenantId: link.partnerTenantId, legacyDap: link.legacyDap };
    },

    async customers() {
      const size = String(Math.max(1, Math.min(options.pageSize ?? 40, 500)));
      const customers: PartnerCenterListedCustomer[] = [];
      const refused: PartnerCenterCustomerList['refused'] = [];
      const duplicates: PartnerCenterCustomerList['duplicates'] = [];
      const seen = new Set<string>();
      const tokens = new Set<string>();
      let continuation: string | undefined;
      let position = 0;
      let pages = 0;
      do {
        // The next page is asked on the same address with seekOperation=Next and the token as a
        // header (not by following the answer's link), so the token never goes to another host.
        const url = urlOf('/customers', continuation === undefined ? { size } : { size, seekOperation: 'Next' });
        const text = await call('customers', url, { method: 'GET', ...(continuation !== undefined ? { headers: { 'MS-ContinuationToken': continuation } } : {}) });
        const page = parsed('customers', url, CustomerPage, text);
        pages++;
        for (const raw of page.items) {
          position++;
          const item = CustomerItem.safeParse(raw);
          const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as { id: unknown }).id) : '';
          if (!item.success) {
            refused.push({ position, id, reason: 'notCustomerRecord', params: {} });
            continue;
          }
          const c = item.data;
          const tenant = c.companyProfile?.tenantId ?? c.id;
          if (!isGuid(tenant)) {
            refused.push({ position, id: c.id, reason: 'tenantNotGuid', params: { tenant } });
            continue;
          }
          const companyName = (c.companyProfile?.companyName ?? '').trim();
          if (companyName === '' || companyName.length > 200) {
            refused.push({
              position,
              id: c.id,
              ...(companyName === '' ? { reason: 'noCompanyName' as const, params: {} } : { reason: 'companyNameTooLong' as const, params: { length: companyName.length, max: 200 } }),
            });
            continue;
          }
          const tenantId = normalizeId(tenant);
          if (seen.has(tenantId)) {
            duplicates.push({ position, tenantId, companyName });
            continue;
          }
          seen.add(tenantId);
          const country = (c.billingProfile?.defaultAddress?.country ?? c.companyProfile?.address?.country ?? '').trim().toUpperCase();
          customers.push({
            tenantId,
            companyName,
            domain: (c.companyProfile?.domain ?? '').trim().toLowerCase(),
            country: /^[A-Z]{2}$/.test(country) ? country : null,
            relationship: c.relationshipToPartner ?? '',
          });
        }
        options.onProgress?.({ pages, customers: customers.length });
        const next = page.links?.next;
        const nextToken = next ? (next.headers?.find((h) => h.key.toLowerCase() === 'ms-continuationtoken')?.value ?? page.continuationToken) : undefined;
        if (next && !nextToken) throw malformed('customers', url, 'noContinuation');
        if (nextToken !== undefined && (tokens.has(nextToken) || pages >= MAX_PAGES)) {
          throw malformed('customers', url, 'keepsPointing', { pages });
        }
        if (nextToken !== undefined) tokens.add(nextToken);
        continuation = nextToken;
      } while (continuation !== undefined);
      return { customers, refused, duplicates, pages };
    },

    async agreementTemplate(agreementType = MCA) {
      const url = urlOf('/agreements', { agreementType });
      const body = parsed('agreementTemplate', url, Templates, await call('agreementTemplate', url, { method: 'GET' }));
      // versionRank 0 is the version in force; older ones rank higher.
      const current = [...body.items].filter((t) => t.agreementType.toLowerCase() === agreementType.toLowerCase()).sort((a, b) => (a.versionRank ?? 0) - (b.versionRank ?? 0))[0];
      if (!current) throw malformed('agreementTemplate', url, 'noTemplate', { agreementType });
      return { templateId: normalizeId(current.templateId), agreementType: current.agreementType, agreementLink: current.agreementLink ?? null };
    },

    async customerAgreements(customerTenantId, agreementType = MCA) {
      const url = urlOf(`${customerPath('customerAgreements', customerTenantId)}/agreements`, { agreementType });
      const body = parsed('customerAgreements', url, Agreements, await call('customerAgreements', url, { method: 'GET' }));
      return body.items.map(agreementOf);
    },

    async createCustomerAgreement(customerTenantId, input) {
      const path = `${customerPath('createAgreement', customerTenantId)}/agreements`;
      const contact = input.primaryContact;
      const missing = (['firstName', 'lastName', 'email'] as const).filter((k) => contact[k].trim() === '');
      if (missing.length > 0 || !/^\d{4}-\d{2}-\d{2}$/.test(input.dateAgreed) || !isGuid(input.templateId)) {
        throw invalid('createAgreement', 'agreementInput', { missing: missing.length > 0 ? missing.join(', ') : undefined });
      }
      const url = urlOf(path);
      const body = {
        primaryContact: { firstName: contact.firstName.trim(), lastName: contact.lastName.trim(), email: contact.email.trim(), ...(contact.phoneNumber ? { phoneNumber: contact.phoneNumber.trim() } : {}) },
        templateId: input.templateId,
        dateAgreed: input.dateAgreed,
        type: MCA,
      };
      return agreementOf(parsed('createAgreement', url, Agreement, await call('createAgreement', url, { method: 'POST', body })));
    },

    async transferEligibility(customerTenantId, transferType = String(NEW_COMMERCE_TRANSFER_TYPE)) {
      const url = urlOf(`${customerPath('transferEligibility', customerTenantId)}/transferseligibility`, { transferType });
      const list = parsed('transferEligibility', url, Eligibility, await call('transferEligibility', url, { method: 'GET' }));
      return list.map((e) => ({ subscriptionId: normalizeId(e.id), eligible: e.isEligible, reason: e.reason ?? null }));
    },

    async createTransfer(customerTenantId, input) {
      const path = `${customerPath('createTransfer', customerTenantId)}/transfers`;
      const ids = input.subscriptionIds.map(normalizeId);
      const bad = ids.filter((id) => !isGuid(id));
      const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (ids.length === 0 || ids.length > TRANSFER_MAX_ITEMS || bad.length > 0 || twice.length > 0 || !isGuid(input.sourcePartnerTenantId) || (input.targetPartnerTenantId !== undefined && !isGuid(input.targetPartnerTenantId))) {
        throw invalid('createTransfer', 'transferInput', {
          max: TRANSFER_MAX_ITEMS,
          count: ids.length,
          bad: bad.length > 0 ? bad.slice(0, 3).join(', ') : undefined,
          twice: twice.length > 0 ? twice.slice(0, 3).join(', ') : undefined,
          source: !isGuid(input.sourcePartnerTenantId) ? input.sourcePartnerTenantId : undefined,
        });
      }
      const url = urlOf(path);
      const body = {
        sourcePartnerTenantId: normalizeId(input.sourcePartnerTenantId),
        ...(input.targetPartnerTenantId ? { targetPartnerTenantId: normalizeId(input.targetPartnerTenantId) } : {}),
        ...(input.customerEmailId ? { customerEmailId: input.customerEmailId } : {}),
        transferType: NEW_COMMERCE_TRANSFER_TYPE,
        lineItems: ids.map((subscriptionId) => ({ subscriptionId })),
      };
      return transferOf(parsed('createTransfer', url, Transfer, await call('createTransfer', url, { method: 'POST', body })));
    },

    async transfer(customerTenantId, transferId) {
      if (!isGuid(transferId)) throw invalid('transfer', 'transferId', { id: transferId });
      const url = urlOf(`${customerPath('transfer', customerTenantId)}/transfers/${normalizeId(transferId)}`);
      return transferOf(parsed('transfer', url, Transfer, await call('transfer', url, { method: 'GET' })));
    },

    async transfers(customerTenantId) {
      const url = urlOf(`${customerPath('transfers', customerTenantId)}/transfers`);
      return parsed('transfers', url, Transfers, await call('transfers', url, { method: 'GET' })).map(transferOf);
    },
  };
}

function agreementOf(a: z.infer<typeof Agreement>): CustomerAgreement {
  const c = a.primaryContact;
  return {
    templateId: normalizeId(a.templateId),
    type: a.type,
    dateAgreed: a.dateAgreed,
    primaryContact: c ? { firstName: c.firstName, lastName: c.lastName, email: c.email, ...(c.phoneNumber ? { phoneNumber: c.phoneNumber } : {}) } : null,
    agreementLink: a.agreementLink ?? null,
  };
}

type ResponseCode = Exclude<PartnerCenterErrorCode, 'malformed' | 'invalidInput'>;

function codeOf(status: number, create: boolean): ResponseCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status >= 500) return create ? 'uncertain' : 'server';
  if (status >= 300 && status < 400) return 'redirected';
  return 'badRequest';
}

function failure(
  call: PartnerCenterCall,
  url: string,
  code: ResponseCode,
  facts: { status?: number; requestId: string; attempts: number; code?: string; description?: string; retryAfterMs?: number; cause?: unknown },
): PartnerCenterError {
  const unreached = facts.status === undefined;
  return new PartnerCenterError({
    code,
    call,
    url,
    status: facts.status,
    requestId: facts.requestId,
    partnerCenterCode: facts.code,
    retryAfterMs: facts.retryAfterMs,
    params: { attempts: facts.attempts, description: facts.description, cause: unreached ? causeOf(facts.cause) : undefined },
  });
}
