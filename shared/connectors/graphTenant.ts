// Reads a customer's tenant through Microsoft Graph (the partner user's GDAP roles, a delegated
// token for the customer's tenant) into the same page bodies the file import takes
// (`GraphExportFiles`), so a live read goes through `parseTenantExports` like the files do.
// Pure TypeScript over the web-standard fetch: it runs in Electron's main process, in a worker or
// in Node. It reads only (GET), and sends the token to the Graph host it was given and nowhere else.
import { z } from 'zod';
import type { ExportText, GraphExportFiles } from '../import/graph';
import type { Bilingual } from '../mutators/words';
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
  /** The tenant as the partner knows it (domain or id), for the error sentences. */
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

const COLLECTION_WORDS: Record<GraphCollection, Bilingual> = {
  organization: { en: 'the organization', ja: '組織情報' },
  subscribedSkus: { en: 'the subscribed SKUs', ja: '契約中の SKU' },
  subscriptions: { en: 'the directory subscriptions', ja: 'ディレクトリのサブスクリプション' },
  users: { en: 'the users and their licenses', ja: 'ユーザーとそのライセンス' },
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

/** A read that cannot go on, said in English and Japanese. */
export class GraphReadError extends Error {
  readonly code: GraphReadErrorCode;
  readonly collection: GraphCollection;
  readonly url: string;
  /** 1-based page of the collection the error happened on. */
  readonly page: number;
  readonly status: number | undefined;
  readonly words: Bilingual;

  constructor(details: { code: GraphReadErrorCode; collection: GraphCollection; url: string; page: number; status?: number; words: Bilingual }) {
    super(details.words.en);
    this.name = 'GraphReadError';
    this.code = details.code;
    this.collection = details.collection;
    this.url = details.url;
    this.page = details.page;
    this.status = details.status;
    this.words = details.words;
  }

  get messageJa(): string {
    return this.words.ja;
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
  const malformed = (en: string, ja: string) =>
    new GraphReadError({
      code: 'malformedPage',
      collection,
      url,
      page,
      words: {
        en: `Microsoft Graph sent page ${page} of ${COLLECTION_WORDS[collection].en} (${url}) ${en}; nothing was imported. Try again later.`,
        ja: `Microsoft Graph から受け取った${COLLECTION_WORDS[collection].ja}の ${page} ページ目 (${url}) ${ja}。何も取り込んでいません。時間をおいてやり直してください。`,
      },
    });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw malformed('but it is not JSON', 'は JSON ではありません');
  }
  const parsed = PageEnvelope.safeParse(body);
  if (!parsed.success) throw malformed('but it has no "value" list of records', 'に "value" のレコード一覧がありません');
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
  throw new GraphReadError({
    code: 'unsafeNextLink',
    collection,
    url,
    page,
    words: {
      en: `Page ${page} of ${COLLECTION_WORDS[collection].en} (${url}) points to its next page at ${next}, which is not on ${ctx.base.origin}; it was not followed, so the sign-in is not sent there, and nothing was imported.`,
      ja: `${COLLECTION_WORDS[collection].ja}の ${page} ページ目 (${url}) が次のページとして ${next} を示していますが、${ctx.base.origin} 上のアドレスではありません。サインイン情報を送らないよう読みに行かず、何も取り込んでいません。`,
    },
  });
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

// The least privileged built-in Microsoft Entra roles that read subscribedSkus and
// directory/subscriptions are Directory Readers and Global Reader (also Dynamics 365 Business
// Central Administrator, for standard properties only):
//   https://learn.microsoft.com/en-us/graph/api/subscribedsku-list
//   https://learn.microsoft.com/graph/api/directory-list-subscriptions?view=graph-rest-1.0
// Directory Readers also reads users with their assigned licenses. For GDAP role choice per task:
//   https://learn.microsoft.com/en-us/partner-center/gdap-least-privileged-roles-by-task
const ROLE: Bilingual = { en: 'Directory Readers (or Global Reader)', ja: 'ディレクトリ閲覧者 (またはグローバル閲覧者)' };

type ResponseErrorCode = Exclude<GraphReadErrorCode, 'malformedPage' | 'unsafeNextLink'>;

function failure(ctx: Context, code: ResponseErrorCode, collection: GraphCollection, url: string, page: number, status?: number, cause?: unknown): GraphReadError {
  const what = COLLECTION_WORDS[collection];
  const tenant: Bilingual = ctx.options.tenantLabel
    ? { en: `the customer's tenant ${ctx.options.tenantLabel}`, ja: `顧客のテナント ${ctx.options.tenantLabel}` }
    : { en: "the customer's tenant", ja: '顧客のテナント' };
  const where: Bilingual = { en: `(${url}, page ${page})`, ja: `(${url}、${page} ページ目)` };
  const words: Record<ResponseErrorCode, Bilingual> = {
    forbidden: {
      en: `Microsoft Graph refused to show ${what.en} of ${tenant.en} (403 Forbidden) ${where.en}: your GDAP relationship with this customer does not include a role that can read it. Ask the customer to approve a GDAP relationship with the ${ROLE.en} role, then sign in again.`,
      ja: `Microsoft Graph が${tenant.ja}の${what.ja}の表示を拒否しました (403 Forbidden) ${where.ja}。この顧客との GDAP 関係に、これを読めるロールが含まれていません。「${ROLE.ja}」ロールを含む GDAP 関係を承認するよう顧客に依頼し、もう一度サインインしてください。`,
    },
    unauthorized: {
      en: `The sign-in is not accepted by ${tenant.en} (401 Unauthorized, also with a fresh token) ${where.en}: there may be no GDAP relationship with this customer, or it has ended. Check the relationship in Partner Center.`,
      ja: `${tenant.ja}がサインインを受け付けません (401 Unauthorized、新しいトークンでも同じ) ${where.ja}。この顧客との GDAP 関係がないか、終了している可能性があります。パートナー センターで関係を確認してください。`,
    },
    notFound: {
      en: `Microsoft Graph did not find ${tenant.en} or ${what.en} (404 Not Found) ${where.en}: check the tenant id or domain, and that the sign-in was for this customer.`,
      ja: `Microsoft Graph で${tenant.ja}または${what.ja}が見つかりません (404 Not Found) ${where.ja}。テナント ID またはドメインと、この顧客としてサインインしたかを確認してください。`,
    },
    redirected: {
      en: `Microsoft Graph answered ${what.en} with a redirect (${status ?? ''}) ${where.en}; it was not followed, so the sign-in is not sent elsewhere, and nothing was imported.`,
      ja: `Microsoft Graph が${what.ja}の要求を別のアドレスへ転送しようとしました (${status ?? ''}) ${where.ja}。サインイン情報を送らないよう転送先には行かず、何も取り込んでいません。`,
    },
    http: {
      en: `Microsoft Graph answered ${status ?? ''} when reading ${what.en} of ${tenant.en} ${where.en}${status !== undefined && (status === 429 || status >= 500) ? ` after ${ctx.retry.maxAttempts} tries` : ''}; nothing was imported. Try again later.`,
      ja: `${tenant.ja}の${what.ja}を読む際に Microsoft Graph が ${status ?? ''} を返しました ${where.ja}${status !== undefined && (status === 429 || status >= 500) ? ` (${ctx.retry.maxAttempts} 回試行)` : ''}。何も取り込んでいません。時間をおいてやり直してください。`,
    },
    network: {
      en: `Microsoft Graph could not be reached while reading ${what.en} ${where.en} after ${ctx.retry.maxAttempts} tries${cause instanceof Error ? ` (${cause.message})` : ''}; nothing was imported. Check the network and try again.`,
      ja: `${what.ja}を読む際に Microsoft Graph に接続できませんでした ${where.ja} (${ctx.retry.maxAttempts} 回試行)。何も取り込んでいません。ネットワークを確認してやり直してください。`,
    },
  };
  return new GraphReadError({ code, collection, url, page, ...(status !== undefined ? { status } : {}), words: words[code] });
}
