// Reads the partner's GDAP relationships (granular delegated admin privileges) from Microsoft
// Graph: `GET /v1.0/tenantRelationships/delegatedAdminRelationships` in the partner's OWN tenant,
// with the delegated permission DelegatedAdminRelationship.Read.All. Each relationship says which
// customer tenant it reaches, until when, and with which Microsoft Entra roles; the app uses it to
// show whether "Read from Microsoft" can read that customer's licenses. Paging follows
// @odata.nextLink (same host only: the token must not leak); retries are the connectors' one loop
// (http.ts sendWithRetry); a 401 asks once for a fresh token, as graphTenant.ts does.
import { z } from 'zod';
import { DEFAULT_RETRY, serviceBaseUrl, type AbortSignalLike, type Fetch, type RetryPolicy } from './http';
import { causeOf, paramsOf, type ConnectorParams } from './errors';
import { graphGet } from './graphGet';
import { DEFAULT_GRAPH_BASE_URL } from './graphTenant';

/** Microsoft documents up to 300 relationships a page for this list ($top). */
export const RELATIONSHIPS_PATH = '/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300';

// Template ids of the built-in Microsoft Entra roles (Microsoft's "Microsoft Entra built-in roles"
// page); the least privileged roles that read subscribedSkus, directory/subscriptions and users with
// their licenses are Directory Readers and Global Reader (see graphTenant.ts), Global Administrator
// reads everything.
export const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
export const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const LICENSE_READING_ROLES: readonly string[] = [DIRECTORY_READERS, GLOBAL_READER, GLOBAL_ADMINISTRATOR];

/** One GDAP relationship as the app shows it. */
export interface GdapRelationship {
  id: string;
  displayName: string;
  /** null while a created relationship names no customer yet (Microsoft fills it on approval). */
  customerTenantId: string | null;
  customerName: string | null;
  /** As Graph writes it: created, approvalPending, active, expiring, expired, terminated, ... */
  status: string;
  /** ISO 8601; null before the relationship is active. */
  endDateTime: string | null;
  /** ISO 8601 duration (`P180D`), `PT0S` or null: not extended. */
  autoExtendDuration: string | null;
  /** roleDefinitionId of each Microsoft Entra role the relationship grants. */
  roles: string[];
  /** Whether a role among them reads the customer's licenses (Directory Readers, Global Reader, Global Administrator). */
  readsLicenses: boolean;
}

export interface GdapRelationshipsResult {
  relationships: GdapRelationship[];
  pages: number;
}

export interface GdapRelationshipsOptions {
  /** A Graph token for the partner's own tenant; `{ refresh: true }` after a 401. */
  getToken: (request?: { refresh: boolean }) => Promise<string>;
  /** Graph's root, without the version; Microsoft's global cloud by default. */
  baseUrl?: string;
  signal?: AbortSignalLike;
  retry?: Partial<RetryPolicy>;
  fetch: Fetch;
  random?: () => number;
  now?: () => number;
  onProgress?: (progress: { pages: number; relationships: number }) => void;
}

export type GdapReadErrorCode = 'forbidden' | 'unauthorized' | 'notFound' | 'redirected' | 'http' | 'network' | 'malformedPage' | 'malformedRecord' | 'unsafeNextLink';

/** Why a page or a record of the list is not as documented. */
export type GdapPageProblem = 'notJson' | 'noValue';

/**
 * A read that cannot go on, as a code and parameters (worded by renderer/words/connectorErrors):
 * always `url` and `page`; `status` for an answer; `attempts` after retries (a 429 or 5xx, or no
 * answer); `cause` (the runtime's English message) for no answer; `problem` for a malformed page;
 * `position`, `id`, `field` and `issue` (zod's English message) for a malformed record; `next` and
 * `origin` for a next link that leaves the Graph host.
 */
export class GdapReadError extends Error {
  readonly code: GdapReadErrorCode;
  readonly url: string;
  /** 1-based page the error happened on. */
  readonly page: number;
  readonly status: number | undefined;
  readonly params: ConnectorParams;

  constructor(details: { code: GdapReadErrorCode; url: string; page: number; status?: number; params?: Record<string, string | number | undefined> }) {
    const params = paramsOf({ url: details.url, page: details.page, status: details.status, ...details.params });
    super(`The read of your GDAP relationships failed (${details.code}${details.status !== undefined ? ` ${details.status}` : ''}) at ${details.url}, page ${details.page}${typeof params.cause === 'string' ? `: ${params.cause}` : ''}`);
    this.name = 'GdapReadError';
    this.code = details.code;
    this.url = details.url;
    this.page = details.page;
    this.status = details.status;
    this.params = params;
  }
}

// The documented resource (delegatedAdminRelationship), only the fields the app shows. Graph writes
// an empty string for a date not reached yet (activatedDateTime in the fixture), so dates accept ''.
const DateText = z.union([z.string(), z.null()]).optional();
const Relationship = z.object({
  id: z.string().min(1),
  displayName: z.string(),
  customer: z
    .object({ tenantId: z.string().nullable().optional(), displayName: z.string().nullable().optional() })
    .nullable()
    .optional(),
  accessDetails: z.object({ unifiedRoles: z.array(z.object({ roleDefinitionId: z.string().min(1) })) }),
  status: z.string().min(1),
  endDateTime: DateText,
  autoExtendDuration: z.string().nullable().optional(),
});
const Page = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

const READ = 'The read of your GDAP relationships from Microsoft Graph';

export function readsLicenses(roles: readonly string[]): boolean {
  return roles.some((r) => LICENSE_READING_ROLES.includes(r.toLowerCase()));
}

export function relationshipOf(record: z.infer<typeof Relationship>): GdapRelationship {
  const roles = record.accessDetails.unifiedRoles.map((r) => r.roleDefinitionId);
  return {
    id: record.id,
    displayName: record.displayName,
    customerTenantId: record.customer?.tenantId || null,
    customerName: record.customer?.displayName || null,
    status: record.status,
    endDateTime: record.endDateTime || null,
    autoExtendDuration: record.autoExtendDuration || null,
    roles,
    readsLicenses: readsLicenses(roles),
  };
}

/** Every relationship of every page. */
export async function readGdapRelationships(options: GdapRelationshipsOptions): Promise<GdapRelationshipsResult> {
  const base = serviceBaseUrl(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL, 'Graph');
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const state = { token: undefined as string | undefined };
  const token = async (refresh: boolean) => {
    if (refresh || state.token === undefined) state.token = await options.getToken(refresh ? { refresh: true } : undefined);
    return state.token;
  };
  const relationships: GdapRelationship[] = [];
  let pages = 0;
  let url: string | undefined = new URL(RELATIONSHIPS_PATH, base).href;
  while (url !== undefined) {
    const page = pages + 1;
    const text = await getPage(options, retry, token, url, page);
    const envelope = pageOf(text, url, page);
    envelope.value.forEach((record, index) => {
      const parsed = Relationship.safeParse(record);
      if (!parsed.success) throw malformedRecord(record, index + 1, parsed.error, url as string, page);
      relationships.push(relationshipOf(parsed.data));
    });
    pages = page;
    options.onProgress?.({ pages, relationships: relationships.length });
    const next = envelope['@odata.nextLink'];
    url = next === undefined ? undefined : checkedNextLink(base, next, url, page);
  }
  return { relationships, pages };
}

function pageOf(text: string, url: string, page: number): z.infer<typeof Page> {
  const malformed = (problem: GdapPageProblem) => new GdapReadError({ code: 'malformedPage', url, page, params: { problem } });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw malformed('notJson');
  }
  const parsed = Page.safeParse(body);
  if (!parsed.success) throw malformed('noValue');
  return parsed.data;
}

function malformedRecord(record: unknown, position: number, error: z.ZodError, url: string, page: number): GdapReadError {
  const issue = error.issues[0];
  const id = typeof record === 'object' && record !== null && typeof (record as { id?: unknown }).id === 'string' ? (record as { id: string }).id : undefined;
  return new GdapReadError({
    code: 'malformedRecord',
    url,
    page,
    // `field` is '' when the record itself is wrong; `issue` is left out when zod gave none.
    params: { position, id, field: issue && issue.path.length > 0 ? issue.path.join('.') : '', issue: issue?.message },
  });
}

function checkedNextLink(base: URL, next: string, url: string, page: number): string {
  let target: URL | undefined;
  try {
    target = new URL(next);
  } catch {
    target = undefined;
  }
  if (target && target.origin === base.origin) return target.href;
  throw new GdapReadError({ code: 'unsafeNextLink', url, page, params: { next, origin: base.origin } });
}

async function getPage(options: GdapRelationshipsOptions, retry: RetryPolicy, token: (refresh: boolean) => Promise<string>, url: string, page: number): Promise<string> {
  const { signal, now } = options;
  const outcome = await graphGet({ url, fetch: options.fetch, token, policy: retry, random: options.random ?? Math.random, ...(now ? { now } : {}), ...(signal ? { signal } : {}), what: READ });
  if (outcome.kind === 'body') return outcome.text;
  if (outcome.kind === 'unreached') throw failure('network', url, page, retry, undefined, outcome.error);
  const { status } = outcome;
  throw failure(status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'notFound' : status >= 300 && status < 400 ? 'redirected' : 'http', url, page, retry, status);
}

type ResponseCode = Exclude<GdapReadErrorCode, 'malformedPage' | 'malformedRecord' | 'unsafeNextLink'>;

// The list is read in the partner's own tenant: a 403 means the app registration lacks the
// delegated permission (or its admin consent) or the signed-in user may not see GDAP relationships.
function failure(code: ResponseCode, url: string, page: number, retry: RetryPolicy, status?: number, cause?: unknown): GdapReadError {
  const retried = code === 'network' || (code === 'http' && status !== undefined && (status === 429 || status >= 500));
  return new GdapReadError({ code, url, page, ...(status !== undefined ? { status } : {}), params: { attempts: retried ? retry.maxAttempts : undefined, cause: code === 'network' ? causeOf(cause) : undefined } });
}
