// The sync transport over HTTP. `fetch` is passed in (every runtime has one, but shared/ names no
// runtime global), and so is the access token, which the caller refreshes through the host.
import { SyncHttpError, type SyncTransport } from './client';
import { PushResponse, SyncError, type PushRequest } from './protocol';
import { pullPage } from './pullPage';

export interface FetchLike {
  (url: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array; signal?: unknown }): Promise<{
    status: number;
    ok: boolean;
    text(): Promise<string>;
  }>;
}

export interface HttpTransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  accessToken: () => Promise<string | null>;
  /**
   * Gzips a push body (the app: CompressionStream). Given, a push of `compressFrom` bytes or more (an
   * import's chunks) travels compressed, with Content-Encoding: gzip; the server decodes it.
   */
  gzip?: (text: string) => Promise<Uint8Array>;
  /** Characters of JSON from which a push is compressed (default 16 KiB: below, it is not worth the time). */
  compressFrom?: number;
}

async function answer<T>(res: Awaited<ReturnType<FetchLike>>, schema: { parse(v: unknown): T }): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new SyncHttpError(res.status, 'INTERNAL', `the server answered ${res.status} with something that is not JSON`);
  }
  if (res.ok) return schema.parse(body);
  const error = SyncError.safeParse(body);
  if (error.success) {
    const { code, message, ...detail } = error.data.error;
    throw new SyncHttpError(res.status, code, message, detail);
  }
  throw new SyncHttpError(res.status, res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL', `the server answered ${res.status}`);
}

export function httpTransport(options: HttpTransportOptions): SyncTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers = async (): Promise<Record<string, string>> => {
    const token = await options.accessToken();
    return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };
  return {
    async push(request: PushRequest) {
      const json = JSON.stringify(request);
      const h = await headers();
      let body: string | Uint8Array = json;
      if (options.gzip && json.length >= (options.compressFrom ?? 16 * 1024)) {
        body = await options.gzip(json);
        h['content-encoding'] = 'gzip';
      }
      const res = await options.fetch(`${base}/sync/push`, { method: 'POST', headers: h, body });
      return answer(res, PushResponse);
    },
    async pull(cursor, clientId, schemaVersion) {
      const query = new URLSearchParams({ cursor: String(cursor), clientId, schemaVersion: String(schemaVersion) });
      const res = await options.fetch(`${base}/sync/pull?${query.toString()}`, { method: 'GET', headers: await headers() });
      return answer(res, pullPage);
    },
  };
}
