// One GET of a Microsoft Graph page with the signed-in user's token: the retries are the
// connectors' one loop (http.ts sendWithRetry; a GET is idempotent), and a 401 asks once for a
// fresh token and starts that loop again. The caller words what went wrong in its own terms.
import { abortError, sendWithRetry, type AbortSignalLike, type Fetch, type RetryPolicy } from './http';

export interface GraphGetOptions {
  url: string;
  fetch: Fetch;
  /** The bearer token; `true` asks the sign-in for a fresh one. */
  token: (refresh: boolean) => Promise<string>;
  policy: RetryPolicy;
  random: () => number;
  now?: () => number;
  signal?: AbortSignalLike;
  /** What is being read, for the words of a cancel ("The read from Microsoft Graph"). */
  what: string;
}

/** The page's body; the status Graph answered with last; or no answer at all. */
export type GraphGetOutcome = { kind: 'body'; text: string } | { kind: 'status'; status: number } | { kind: 'unreached'; error: unknown };

/** The sign-in's own failure while a page is sent: passed on as it is, never retried as a network one. */
class TokenFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('the token for Microsoft Graph could not be read');
    this.name = 'TokenFailure';
  }
}

export async function graphGet(options: GraphGetOptions): Promise<GraphGetOutcome> {
  const { signal, url } = options;
  let refreshed = false;
  for (;;) {
    let outcome: Awaited<ReturnType<typeof sendWithRetry>>;
    try {
      outcome = await sendWithRetry({
        idempotent: true,
        policy: options.policy,
        random: options.random,
        ...(options.now ? { now: options.now } : {}),
        ...(signal ? { signal } : {}),
        what: options.what,
        fatal: (error) => error instanceof TokenFailure,
        send: async () => {
          let bearer: string;
          try {
            bearer = await options.token(false);
          } catch (error) {
            throw new TokenFailure(error);
          }
          return options.fetch(url, {
            method: 'GET',
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
            // A redirect would carry the token elsewhere; Graph does not redirect these reads.
            redirect: 'manual',
            ...(signal ? { signal } : {}),
          });
        },
      });
    } catch (error) {
      if (error instanceof TokenFailure) throw error.cause;
      throw error;
    }
    if (outcome.kind === 'unreached') return { kind: 'unreached', error: outcome.error };
    const { response } = outcome;
    const { status } = response;
    if (status >= 200 && status < 300) {
      try {
        return { kind: 'body', text: await response.text() };
      } catch (e) {
        if (signal?.aborted) throw abortError(signal, options.what);
        throw e;
      }
    }
    if (status === 401 && !refreshed) {
      refreshed = true;
      await options.token(true);
      continue;
    }
    return { kind: 'status', status };
  }
}
