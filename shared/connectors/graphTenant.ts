// Reads a customer's tenant through Microsoft Graph (the partner user's GDAP roles, a delegated
// token for the customer's tenant) into the same page bodies the file import takes
// (`GraphExportFiles`), so a live read goes through `parseTenantExports` like the files do.
// Pure TypeScript over the web-standard fetch: it runs in Electron's main process, in a worker or
// in Node. It reads only (GET), and sends the token to the Graph host it was given and nowhere else.
import { z } from 'zod';
import type { ExportText, GraphExportFiles } from '../import/graph';
import { causeOf, paramsOf, type ConnectorParams } from './errors';
import { DEFAULT_RETRY, serviceBaseUrl, type AbortSignalLike, type Fetch, type RetryPolicy } from './http';
import { graphGet } from './graphGet';

// The fetch shape is the connectors' one (http.ts); this reader sends GETs only.
export type { AbortSignalLike, Fetch, FetchInit, FetchResponse } from './http';

export type GraphCollection = 'organization' | 'subscribedSkus' | 'subscriptions' | 'users';

export interface GraphProgress {
  collection: GraphCollection;
  /** Pages of this collection read so far. */
  pages: number;
  /** Records of this collection read so far. */
  items: number;
}

export { DEFAULT_RETRY, type RetryPolicy } from './http';

export interface GraphTenantOptions {
  /**
   * The bearer token for the customer's tenant. Called once at the start, and again with
   * `{ refresh: true }` after a 401 (an expired token); a second 401 with the fresh token ends the read.
   */
  getToken: (request?: { refresh: boolean }) => Promise<string>;
  /** Graph's root, without the version; Microsoft's global cloud by default. */
  baseUrl?: string;
  /** The tenant as the partner knows it (domain or id), for the errors' words. */
  tenantLabel?: string;
  signal?: AbortSignalLike;
  onProgress?: (progress: GraphProgress) => void;
  retry?: Partial<RetryPolicy>;
  /** The runtime's fetch (the Electron main process passes its own): shared/ reaches no network by itself. */
  fetch: Fetch;
  /** 0 ≤ x < 1, for the backoff jitter. */
  random?: () => number;
  /** Epoch milliseconds; only for a Retry-After date when the response carries no Date header. */
  now?: () => number;
}

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';

/** The user fields the import reads; Graph returns only these (a 50,000-user tenant stays small). */
export const USER_SELECT = ['id', 'userPrincipalName', 'displayName', 'usageLocation', 'accountEnabled', 'assignedLicenses', 'licenseAssignmentStates'] as const;

const PATHS: Record<GraphCollection, string> = {
  organization: '/v1.0/organization',
  subscribedSkus: '/v1.0/subscribedSkus',
  subscriptions: '/v1.0/directory/subscriptions',
  users: `/v1.0/users?$select=${USER_SELECT.join(',')}&$top=999`,
};

export type GraphReadErrorCode =
  | 'forbidden' // 403: the GDAP relationship lacks a role
  | 'unauthorized' // 401 with a fresh token
  | 'notFound' // 404
  | 'malformedPage' // not JSON, or no `value` array
  | 'unsafeNextLink' // a next link to another host or scheme
  | 'redirected' // a 3xx, not followed
  | 'http' // another 4xx, or a 5xx after every retry
  | 'network'; // no answer after every retry

/** Why a read of a malformed page stopped. */
export type GraphPageProblem = 'notJson' | 'noValue';

/**
 * A read that cannot go on, as a code and parameters (worded by renderer/words/connectorErrors):
 * always `collection`, `url` and `page`; `tenant` (the tenant as the partner knows it) when given;
 * `status` for an answer; `attempts` after retries (a 429 or 5xx, or no answer); `cause` (the
 * runtime's English message) for no answer; `problem` for a malformed page; `next` and `origin`
 * for a next link that leaves the Graph host.
 */
export class GraphReadError extends Error {
  readonly code: GraphReadErrorCode;
  readonly collection: GraphCollection;
  readonly url: string;
  /** 1-based page of the collection the error happened on. */
  readonly page: number;
  readonly status: number | undefined;
  readonly params: ConnectorParams;

  constructor(details: { code: GraphReadErrorCode; collection: GraphCollection; url: string; page: number; status?: number; params?: Record<string, string | number | undefined> }) {
    const params = paramsOf({ collection: details.collection, url: details.url, page: details.page, status: details.status, ...details.params });
    super(`Microsoft Graph read of ${details.collection} failed (${details.code}${details.status !== undefined ? ` ${details.status}` : ''}) at ${details.url}, page ${details.page}${typeof params.cause === 'string' ? `: ${params.cause}` : ''}`);
    this.name = 'GraphReadError';
    this.code = details.code;
    this.collection = details.collection;
    this.url = details.url;
    this.page = details.page;
    this.status = details.status;
    this.params = params;
  }
}

// The page envelope of every Graph collection. The records themselves are checked by the import
// parsers (parseTenantExports), as they are for files; here only what paging needs.
const PageEnvelope = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

interface Context {
  readonly options: GraphTenantOptions;
  readonly base: URL;
  readonly fetch: Fetch;
  readonly retry: RetryPolicy;
  readonly random: () => number;
  token: string | undefined;
}

/** All four collections, each page as Graph sent it. */
export async function readGraphTenant(options: GraphTenantOptions): Promise<GraphExportFiles> {
  const base = serviceBaseUrl(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL, 'Graph');
  const fetch = options.fetch;
  const ctx: Context = {
    options,
    base,
    fetch,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    random: options.random ?? Math.random,
    token: undefined,
  };
  const [organization] = await readCollection(ctx, 'organization', false);
  const subscribedSkus = await readCollection(ctx, 'subscribedSkus', true);
  const subscriptions = await readCollection(ctx, 'subscriptions', true);
  const users = await readCollection(ctx, 'users', true);
  return { organization, subscribedSkus, subscriptions, users };
}

function fileName(collection: GraphCollection, page: number): string {
  return `Microsoft Graph ${PATHS[collection].split('?')[0]} page ${page}`;
}

async function readCollection(ctx: Context, collection: GraphCollection, follow: boolean): Promise<ExportText[]> {
  const pages: ExportText[] = [];
  let items = 0;
  let url: string | undefined = new URL(PATHS[collection], ctx.base).href;
  while (url !== undefined) {
    const page = pages.length + 1;
    const text = await getPage(ctx, collection, url, page);
    const envelope = envelopeOf(text, collection, url, page);
    pages.push({ text, file: fileName(collection, page) });
    items += envelope.value.length;
    ctx.options.onProgress?.({ collection, pages: pages.length, items });
    const next = envelope['@odata.nextLink'];
    url = follow && next !== undefined ? checkedNextLink(ctx, next, collection, url, page) : undefined;
  }
  return pages;
}

function envelopeOf(text: string, collection: GraphCollection, url: string, page: number): z.infer<typeof PageEnvelope> {
  const malformed = (problem: GraphPageProblem) => new GraphReadError({ code: 'malformedPage', collection, url, page, params: { problem } });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw malformed('notJson');
  }
  const parsed = PageEnvelope.safeParse(body);
  if (!parsed.success) throw malformed('noValue');
  return parsed.data;
}

/** A next link is followed only on the Graph host the read started on: the token must not leak. */
function checkedNextLink(ctx: Context, next: string, collection: GraphCollection, url: string, page: number): string {
  let target: URL | undefined;
  try {
    target = new URL(next);
  } catch {
    target = undefined;
  }
  if (target && target.origin === ctx.base.origin) return target.href;
  throw new GraphReadError({ code: 'unsafeNextLink', collection, url, page, params: { next, origin: ctx.base.origin } });
}

async function tokenOf(ctx: Context, refresh: boolean): Promise<string> {
  if (refresh || ctx.token === undefined) ctx.token = await ctx.options.getToken(refresh ? { refresh: true } : undefined);
  return ctx.token;
}

const READ = 'The read from Microsoft Graph';

/** One page's body, through expired tokens, throttling and passing failures (graphGet.ts). */
async function getPage(ctx: Context, collection: GraphCollection, url: string, page: number): Promise<string> {
  const { signal, now } = ctx.options;
  const outcome = await graphGet({
    url,
    fetch: ctx.fetch,
    token: (refresh) => tokenOf(ctx, refresh),
    policy: ctx.retry,
    random: ctx.random,
    ...(now ? { now } : {}),
    ...(signal ? { signal } : {}),
    what: READ,
  });
  if (outcome.kind === 'body') return outcome.text;
  if (outcome.kind === 'unreached') throw failure(ctx, 'network', collection, url, page, undefined, outcome.error);
  throw failure(ctx, codeOf(outcome.status), collection, url, page, outcome.status);
}

function codeOf(status: number): ResponseErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status >= 300 && status < 400) return 'redirected';
  return 'http';
}

type ResponseErrorCode = Exclude<GraphReadErrorCode, 'malformedPage' | 'unsafeNextLink'>;

// A 403 asks for the least privileged built-in Microsoft Entra roles that read subscribedSkus and
// directory/subscriptions: Directory Readers and Global Reader (also Dynamics 365 Business Central
// Administrator, for standard properties only); the renderer's words name them:
//   https://learn.microsoft.com/en-us/graph/api/subscribedsku-list
//   https://learn.microsoft.com/graph/api/directory-list-subscriptions?view=graph-rest-1.0
// Directory Readers also reads users with their assigned licenses. For GDAP role choice per task:
//   https://learn.microsoft.com/en-us/partner-center/gdap-least-privileged-roles-by-task
function failure(ctx: Context, code: ResponseErrorCode, collection: GraphCollection, url: string, page: number, status?: number, cause?: unknown): GraphReadError {
  const retried = code === 'network' || (code === 'http' && status !== undefined && (status === 429 || status >= 500));
  return new GraphReadError({
    code,
    collection,
    url,
    page,
    ...(status !== undefined ? { status } : {}),
    params: { tenant: ctx.options.tenantLabel || undefined, attempts: retried ? ctx.retry.maxAttempts : undefined, cause: code === 'network' ? causeOf(cause) : undefined },
  });
}
