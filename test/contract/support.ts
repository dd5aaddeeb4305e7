// What the connector tests against the local protocol servers share: Node's fetch in the
// connectors' shape (as the Electron main process hands them its own), servers closed after each
// test, tokens handed out in order, and retry steps small enough to wait for with real timers.
import { afterEach } from 'vitest';
import type { Fetch, RetryPolicy } from '../../shared/connectors/http';

export const nodeFetch: Fetch = (url, init) => fetch(url, init as RequestInit) as ReturnType<Fetch>;

/** `start` as the tests call it: every server it started is closed after each test. */
export function closedAfterEach<A extends unknown[], S extends { close(): Promise<void> }>(start: (...args: A) => Promise<S>): (...args: A) => Promise<S> {
  const servers: S[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (...args) => {
    const s = await start(...args);
    servers.push(s);
    return s;
  };
}

/** Tokens handed out in order (the last one again once they run out), counting the calls. */
export function tokens(...list: string[]) {
  const calls: ({ refresh: boolean } | undefined)[] = [];
  const getToken = async (request?: { refresh: boolean }) => {
    calls.push(request);
    return list[Math.min(calls.length - 1, list.length - 1)] as string;
  };
  return { getToken, calls };
}

/** Tiny retry steps: the tests wait for real, with real timers. */
export const fastRetry: Partial<RetryPolicy> = { baseDelayMs: 5, maxDelayMs: 20 };
