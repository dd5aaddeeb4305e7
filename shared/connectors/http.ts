// What every connector to a Microsoft REST service needs from HTTP, written once: the fetch shape
// the Electron main process hands in (shared/ reaches no network by itself), the https rule for base
// addresses, and the retry policy (Retry-After honoured, else exponential backoff with full jitter,
// cancel at any wait). Creates are never retried after a server error or a lost answer: the request
// may have been carried out, and a second one would act twice.

/** The part of a fetch `Response` a connector uses. */
export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of an `AbortSignal` a connector uses. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface FetchInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  redirect: 'manual';
  signal?: AbortSignalLike;
}

export type Fetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface RetryPolicy {
  /** Tries per request, the first included. */
  maxAttempts: number;
  /** First backoff step; each retry doubles it, with full jitter. */
  baseDelayMs: number;
  /** No backoff step is longer than this. */
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it (a stuck service should not hang the app for hours). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 300_000 };

export function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** A service root the sign-in token may be sent to: https, or http to this computer only (tests). */
export function serviceBaseUrl(text: string, service: string): URL {
  const url = new URL(text);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new Error(`The ${service} address ${text} is not https: the sign-in token is sent only over https (http only to this computer, for tests)`);
  }
  return url;
}

/** Full jitter: anywhere between 0 and the doubled step, so many clients do not retry in step. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * step);
}

/**
 * Retry-After in seconds, or as an HTTP date measured against the response's own Date header (the
 * server's clock, so a skewed local clock does not matter), else against `now`.
 */
export function retryAfterMs(response: FetchResponse, policy: RetryPolicy, now?: () => number): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  let ms: number | undefined;
  if (/^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else {
    const at = Date.parse(value);
    const dateHeader = response.headers.get('date');
    const reference = dateHeader ? Date.parse(dateHeader) : now?.();
    if (!Number.isNaN(at) && reference !== undefined && !Number.isNaN(reference)) ms = Math.max(0, at - reference);
  }
  return ms === undefined ? undefined : Math.min(ms, policy.maxRetryAfterMs);
}

export function abortError(signal: AbortSignalLike, what: string): unknown {
  const reason = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error(`${what} was cancelled`);
  error.name = 'AbortError';
  return error;
}

/** A wait that a cancel ends at once. */
export function sleep(ms: number, signal: AbortSignalLike | undefined, what: string): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal, what));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignalLike, what));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** How one request ended after its retries. */
export type SendOutcome =
  | { kind: 'answer'; response: FetchResponse; attempts: number }
  /** No HTTP answer at all (network, DNS, reset) after the tries allowed. */
  | { kind: 'unreached'; error: unknown; attempts: number };

export interface SendOptions {
  /** One try; called again for each retry (a fresh token may be read inside). */
  send: () => Promise<FetchResponse>;
  /**
   * A read, or a write the service does at most once whatever the number of calls. False for a
   * create: a 5xx or a lost answer is handed back at once, since the create may have been done.
   */
  idempotent: boolean;
  policy: RetryPolicy;
  random: () => number;
  now?: () => number;
  signal?: AbortSignalLike;
  /** For the cancel error's message ("The read from Partner Center"). */
  what: string;
  /** Errors of `send` that are not the network's (the sign-in failed): thrown at once, never retried. */
  fatal?: (error: unknown) => boolean;
}

/**
 * Sends with retries: a 429 is waited out as Retry-After says (also for a create: a throttled
 * request was not carried out), a 5xx and a lost answer only for idempotent requests. The last
 * answer is handed back as it is; the caller turns it into its own error words.
 */
export async function sendWithRetry(options: SendOptions): Promise<SendOutcome> {
  const { policy, signal } = options;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortError(signal, options.what);
    let response: FetchResponse;
    try {
      response = await options.send();
    } catch (error) {
      if (signal?.aborted) throw abortError(signal, options.what);
      if (options.fatal?.(error)) throw error;
      if (!options.idempotent || attempt >= policy.maxAttempts) return { kind: 'unreached', error, attempts: attempt };
      await sleep(backoffMs(policy, attempt, options.random), signal, options.what);
      continue;
    }
    const { status } = response;
    const throttled = status === 429;
    const serverError = status >= 500;
    if (!(throttled || (serverError && options.idempotent)) || attempt >= policy.maxAttempts) return { kind: 'answer', response, attempts: attempt };
    const after = throttled || status === 503 ? retryAfterMs(response, policy, options.now) : undefined;
    await sleep(after ?? backoffMs(policy, attempt, options.random), signal, options.what);
  }
}
