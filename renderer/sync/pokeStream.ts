// Listens for the server's pokes (GET /sync/poke, server-sent events) with fetch, which, unlike
// EventSource, can send the Authorization header. Reconnects with backoff; a 401 asks for a fresh
// token first, and so does the server's "end" event (the session that opened the stream ended).
// A poke carries a small change as JSON (validated here); a data-less one is handed on as null.
import { backoffDelay } from '../../shared/sync/loop';
import { Poke } from '../../shared/sync/protocol';

export interface PokeStreamOptions {
  url: string;
  accessToken: (fresh: boolean) => Promise<string | null>;
  /** The change the poke carries (apply it at its base version, else pull), or null: pull. */
  onPoke: (poke: Poke | null) => void;
  /** Called when the stream (re)connects: a poke may have been missed while it was down. */
  onConnected: () => void;
}

export function listenForPokes(options: PokeStreamOptions): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let failures = 0;
  let fresh = false;

  const connect = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const token = await options.accessToken(fresh);
        fresh = false;
        if (!token) throw new Error('signed out');
        const res = await fetch(options.url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
        if (res.status === 401) {
          fresh = true;
          throw new Error('token refused');
        }
        if (!res.ok || !res.body) throw new Error(`poke stream answered ${res.status}`);
        failures = 0;
        options.onConnected();
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event: poke$/m.test(event)) options.onPoke(readPoke(event));
            // The server ended the stream with the session (expired token, sign-out, disabled):
            // reconnect with a fresh token, not this one.
            if (/^event: end$/m.test(event)) fresh = true;
          }
        }
      } catch {
        if (stopped) return;
      }
      failures++;
      await new Promise((r) => setTimeout(r, backoffDelay(failures, { baseBackoffMs: 1000, maxBackoffMs: 60_000 }, Math.random())));
    }
  };
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** The change an SSE "poke" event carries, or null (data-less, or not readable: pull then). */
export function readPoke(event: string): Poke | null {
  const data = event
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
    .join('\n');
  if (!data.startsWith('{')) return null;
  try {
    const parsed = Poke.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
