// Reads the partner's GDAP relationships (granular delegated admin privileges) from Microsoft
// Graph: `GET /v1.0/tenantRelationships/delegatedAdminRelationships` in the partner's OWN tenant,
// with the delegated permission DelegatedAdminRelationship.Read.All. Each relationship says which
// customer tenant it reaches, until when, and with which Microsoft Entra roles; the app uses it to
// show whether "Read from Microsoft" can read that customer's licenses. Paging follows
// @odata.nextLink (same host only: the token must not leak); retries are the connectors' one loop
// (http.ts sendWithRetry); a 401 asks once for a fresh token, as graphTenant.ts does.
import { z } from 'zod';
import type { Bilingual } from '../mutators/words';
import { DEFAULT_RETRY, serviceBaseUrl, type AbortSignalLike, type Fetch, type RetryPolicy } from './http';
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

/** The role to ask the customer for when a relationship cannot read licenses. */
export const ROLE_TO_ASK: Bilingual = { en: 'Directory Readers (or Global Reader)', ja: 'ディレクトリ閲覧者 (またはグローバル閲覧者)' };

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

/** A read that cannot go on, said in English and Japanese. */
export class GdapReadError extends Error {
  readonly code: GdapReadErrorCode;
  readonly url: string;
  /** 1-based page the error happened on. */
  readonly page: number;
  readonly status: number | undefined;
  readonly words: Bilingual;

  constructor(details: { code: GdapReadErrorCode; url: string; page: number; status?: number; words: Bilingual }) {
    super(details.words.en);
    this.name = 'GdapReadError';
    this.code = details.code;
    this.url = details.url;
    this.page = details.page;
    this.status = details.status;
    this.words = details.words;
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
const LIST: Bilingual = { en: 'your GDAP relationships', ja: 'GDAP 関係の一覧' };

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
  const malformed = (en: string, ja: string) =>
    new GdapReadError({
      code: 'malformedPage',
      url,
      page,
      words: {
        en: `Microsoft Graph sent page ${page} of ${LIST.en} (${url}) ${en}. Try again later.`,
        ja: `Microsoft Graph から受け取った${LIST.ja}の ${page} ページ目 (${url}) ${ja}。時間をおいてやり直してください。`,
      },
    });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw malformed('but it is not JSON', 'は JSON ではありません');
  }
  const parsed = Page.safeParse(body);
  if (!parsed.success) throw malformed('but it has no "value" list of relationships', 'に "value" の関係一覧がありません');
  return parsed.data;
}

function malformedRecord(record: unknown, position: number, error: z.ZodError, url: string, page: number): GdapReadError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(the record)';
  const id = typeof record === 'object' && record !== null && typeof (record as { id?: unknown }).id === 'string' ? ` (id ${(record as { id: string }).id})` : '';
  return new GdapReadError({
    code: 'malformedRecord',
    url,
    page,
    words: {
      en: `Relationship ${position}${id} on page ${page} of ${LIST.en} (${url}) has no valid "${field}" (${issue?.message ?? 'not as documented'}); the list was not read. Try again later.`,
      ja: `${LIST.ja}の ${page} ページ目 (${url}) の ${position} 件目${id ? ` (id ${(record as { id: string }).id})` : ''}の「${field}」が正しくありません (${issue?.message ?? '仕様と異なります'})。一覧は読み込んでいません。時間をおいてやり直してください。`,
    },
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
  throw new GdapReadError({
    code: 'unsafeNextLink',
    url,
    page,
    words: {
      en: `Page ${page} of ${LIST.en} (${url}) points to its next page at ${next}, which is not on ${base.origin}; it was not followed, so the sign-in is not sent there.`,
      ja: `${LIST.ja}の ${page} ページ目 (${url}) が次のページとして ${next} を示していますが、${base.origin} 上のアドレスではありません。サインイン情報を送らないよう読みに行っていません。`,
    },
  });
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
  const where: Bilingual = { en: `(${url}, page ${page})`, ja: `(${url}、${page} ページ目)` };
  const retried = status !== undefined && (status === 429 || status >= 500);
  const words: Record<ResponseCode, Bilingual> = {
    forbidden: {
      en: `Microsoft Graph refused to list ${LIST.en} (403 Forbidden) ${where.en}: the app registration needs the delegated permission DelegatedAdminRelationship.Read.All with admin consent in your partner tenant, and your account needs a partner role that may see GDAP relationships (Admin agent in Partner Center, for example). Ask your partner tenant's administrator, then sign in again.`,
      ja: `Microsoft Graph が${LIST.ja}の表示を拒否しました (403 Forbidden) ${where.ja}。アプリ登録に委任されたアクセス許可 DelegatedAdminRelationship.Read.All とパートナー テナントでの管理者の同意が必要です。また、お使いのアカウントに GDAP 関係を閲覧できるパートナー ロール (パートナー センターの管理エージェントなど) が必要です。パートナー テナントの管理者に依頼し、もう一度サインインしてください。`,
    },
    unauthorized: {
      en: `Microsoft Graph did not accept your sign-in when listing ${LIST.en} (401 Unauthorized, also with a fresh token) ${where.en}. Sign out and sign in with Microsoft again.`,
      ja: `${LIST.ja}を読む際に Microsoft Graph がサインインを受け付けませんでした (401 Unauthorized、新しいトークンでも同じ) ${where.ja}。サインアウトしてから、もう一度 Microsoft でサインインしてください。`,
    },
    notFound: {
      en: `Microsoft Graph did not find ${LIST.en} (404 Not Found) ${where.en}: check the Microsoft Graph address in Settings.`,
      ja: `Microsoft Graph で${LIST.ja}が見つかりません (404 Not Found) ${where.ja}。設定の Microsoft Graph のアドレスを確認してください。`,
    },
    redirected: {
      en: `Microsoft Graph answered ${LIST.en} with a redirect (${status ?? ''}) ${where.en}; it was not followed, so the sign-in is not sent elsewhere.`,
      ja: `Microsoft Graph が${LIST.ja}の要求を別のアドレスへ転送しようとしました (${status ?? ''}) ${where.ja}。サインイン情報を送らないよう転送先には行っていません。`,
    },
    http: {
      en: `Microsoft Graph answered ${status ?? ''} when listing ${LIST.en} ${where.en}${retried ? ` after ${retry.maxAttempts} tries` : ''}. Try again later.`,
      ja: `${LIST.ja}を読む際に Microsoft Graph が ${status ?? ''} を返しました ${where.ja}${retried ? ` (${retry.maxAttempts} 回試行)` : ''}。時間をおいてやり直してください。`,
    },
    network: {
      en: `Microsoft Graph could not be reached while listing ${LIST.en} ${where.en} after ${retry.maxAttempts} tries${cause instanceof Error ? ` (${cause.message})` : ''}. Check the network and try again.`,
      ja: `${LIST.ja}を読む際に Microsoft Graph に接続できませんでした ${where.ja} (${retry.maxAttempts} 回試行)。ネットワークを確認してやり直してください。`,
    },
  };
  return new GdapReadError({ code, url, page, ...(status !== undefined ? { status } : {}), words: words[code] });
}
