// Reads a customer's tenant from Microsoft Graph in the main process (shared/connectors/graphTenant
// does the paging, throttling and retries): the token for the customer's tenant is redeemed here
// from the partner's refresh token and never leaves this process; the renderer receives the pages
// as Graph sent them and imports them like files (ImportRequest `graphPages`). One read at a time.
import { HostError, type GraphPages, type GraphProgress } from '../../shared/ipc/contract';
import { GraphReadError, readGraphTenant, type Fetch, type RetryPolicy } from '../../shared/connectors/graphTenant';
import type { MicrosoftSignIn } from './microsoftSignIn';

export interface GraphReadDeps {
  microsoft: Pick<MicrosoftSignIn, 'getTenantAccessToken'>;
  /** Settings' graphBaseUrl, read at the start of each read. */
  baseUrl: () => string;
  /** graph.progress to the window. */
  progress: (progress: GraphProgress) => void;
  fetch?: Fetch;
  retry?: Partial<RetryPolicy>;
}

export interface GraphRead {
  readTenant(tenantId: string): Promise<GraphPages>;
  cancel(): void;
}

export function createGraphRead(deps: GraphReadDeps): GraphRead {
  let running: AbortController | null = null;
  return {
    async readTenant(tenantId) {
      // A second read would double the throttling the tenant applies to the first: the newer one wins.
      running?.abort();
      const controller = new AbortController();
      running = controller;
      try {
        const files = await readGraphTenant({
          getToken: (request) => deps.microsoft.getTenantAccessToken(tenantId, { refresh: request?.refresh ?? false }),
          baseUrl: deps.baseUrl(),
          tenantLabel: tenantId,
          signal: controller.signal,
          onProgress: (p) => deps.progress({ collection: p.collection, pages: p.pages, items: p.items }),
          fetch: deps.fetch ?? ((url, init) => fetch(url, init as RequestInit)),
          ...(deps.retry ? { retry: deps.retry } : {}),
        });
        const list = <T>(v: T | readonly T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? [...(v as readonly T[])] : [v as T]);
        return {
          ...(files.organization ? { organization: files.organization } : {}),
          subscribedSkus: list(files.subscribedSkus),
          subscriptions: list(files.subscriptions),
          users: list(files.users),
        };
      } catch (e) {
        throw hostErrorOf(e, controller.signal.aborted);
      } finally {
        if (running === controller) running = null;
      }
    },
    cancel() {
      running?.abort();
    },
  };
}

/** The renderer words each code; the Graph error's code and parameters travel with it (its detail), its English message for the log. */
function hostErrorOf(e: unknown, aborted: boolean): unknown {
  if (aborted || (e instanceof Error && e.name === 'AbortError')) return new HostError('GRAPH_READ_CANCELLED', 'The read from Microsoft was cancelled; nothing was imported.');
  if (e instanceof HostError) return e;
  if (e instanceof GraphReadError) {
    const detail = { code: e.code, params: e.params };
    if (e.code === 'forbidden') return new HostError('GRAPH_FORBIDDEN', e.message, detail);
    if (e.code === 'unauthorized') return new HostError('MICROSOFT_SIGNED_OUT', e.message, detail);
    if (e.status === 429 || e.status === 503) return new HostError('GRAPH_THROTTLED', e.message, detail);
    return new HostError('GRAPH_READ_FAILED', e.message, detail);
  }
  return new HostError('GRAPH_READ_FAILED', `The tenant could not be read from Microsoft Graph: ${e instanceof Error ? e.message : String(e)}`);
}
