// The sync loop with real timers against this server: when the server cannot be reached, the loop
// keeps retrying on its own timer, so syncing resumes once the server is back, with no 'online'
// event, poke or "Sync now" (the browser may go on saying it is offline). PGlite and, with
// DATABASE_URL, PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SyncClient } from '../../shared/sync/client';
import { httpTransport } from '../../shared/sync/httpTransport';
import { SyncLoop, type SyncStatus } from '../../shared/sync/loop';
import { MemoryClientStore } from '../../shared/sync/memoryClientStore';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { AIKO, seedOrg, seedUser, signInOverHttp, TEST_PASSWORD, testApp } from '../testing';

let t: TestDatabase;
let app: FastifyInstance | null = null;

beforeAll(async () => {
  t = await openTestDatabase();
  const org = await seedOrg(t.db, 'Fabrikam');
  await seedUser(t.db, org.id, { ...AIKO, password: TEST_PASSWORD });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

it('retries on its timer while the server is down and looking offline, and syncs once the server is back (real server, real timers)', async () => {
  app = await testApp(t.db);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const port = Number(new URL(base).port);
  const { token, actor } = await signInOverHttp(base, AIKO.email);
  await app.close();
  app = null;

  const store = new MemoryClientStore('loop-real-server-01');
  const transport = httpTransport({ baseUrl: base, fetch: (u, i) => fetch(u, i as RequestInit), accessToken: async () => token });
  const client = new SyncClient(store, transport, { actor: () => actor, now: () => new Date().toISOString() });
  expect(await client.mutate('customer.create', { id: 'c-loop', name: 'Made while the server was down' })).toEqual({ ok: true });

  const statuses: SyncStatus[] = [];
  const loop = new SyncLoop(
    {
      sync: (onProgress) => client.sync(onProgress),
      pending: () => client.pendingCount(),
      online: () => false, // the browser never says it is back
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      random: Math.random,
      onStatus: (s) => statuses.push(s),
    },
    { pollMs: 60_000, baseBackoffMs: 100, maxBackoffMs: 400, debounceMs: 10 },
  );
  loop.start();
  try {
    await expect.poll(() => statuses.filter((s) => s.phase === 'offline').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(loop.current()).toMatchObject({ phase: 'offline', pending: 1 });
    app = await testApp(t.db);
    await app.listen({ host: '127.0.0.1', port });
    await expect.poll(() => loop.current().phase, { timeout: 10_000 }).toBe('idle');
    expect(loop.current()).toMatchObject({ pending: 0, error: null });
    const stored = await t.db.query<{ name: string }>("SELECT data ->> 'name' AS name FROM records WHERE tbl = 'customers' AND id = 'c-loop'");
    expect(stored.rows).toEqual([{ name: 'Made while the server was down' }]);
  } finally {
    loop.stop();
  }
});
