// Pull pages are bounded by stored bytes as well as by records: imported users travel as chunk
// records of up to ~1 MB, so a count alone could make one page of gigabytes. On PGlite and, with
// DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantImportChanges } from '../../shared/mutators/imports';
import { SyncClient } from '../../shared/sync/client';
import { httpTransport } from '../../shared/sync/httpTransport';
import { MemoryClientStore } from '../../shared/sync/memoryClientStore';
import { SCHEMA_VERSION, type PullResponse } from '../../shared/sync/protocol';
import { AIKO, signInOverHttp, startTestServer, type TestServer } from '../testing';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ Fabrikam: [AIKO] }, { SYNC_PULL_PAGE_BYTES: String(100_000) });
});

afterAll(() => server?.stop());

async function signedIn(clientId: string) {
  const { token, actor } = await signInOverHttp(server.base, AIKO.email);
  const transport = httpTransport({ baseUrl: server.base, fetch: (u, i) => fetch(u, i as RequestInit), accessToken: async () => token });
  const store = new MemoryClientStore(clientId);
  return { store, transport, sync: new SyncClient(store, transport, { actor: () => actor, now: () => '2026-11-24T09:00:00.000Z' }) };
}

const user = (c: number, n: number) => ({
  id: `00000000-0000-4000-8${c}00-${n.toString(16).padStart(12, '0')}`,
  userPrincipalName: `user${n}@tenant${c}.example`,
  licenses: [{ skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', disabledPlans: [], assignedByGroups: [], direct: true }],
});

it('ends a page once it holds the byte limit, on a version boundary, and the next pages bring the rest', async () => {
  const a = await signedIn('pull-pages-writer-01');
  // Three customers, each imported and synced on its own: three versions of ~170 KB of users each.
  for (const c of [1, 2, 3]) {
    expect(await a.sync.mutate('customer.create', { id: `c-${c}`, name: `Tenant ${c}` })).toEqual({ ok: true });
    const users = Array.from({ length: 1000 }, (_, n) => user(c, n));
    const changes = tenantImportChanges({ countryLetterCode: 'JP', skus: [], subscriptions: [], users }, { importId: `imp-${c}`, customerId: `c-${c}`, files: ['users.json'] });
    expect(await a.sync.mutateMany(changes)).toEqual({ ok: true });
    await a.sync.sync();
  }

  const b = await signedIn('pull-pages-reader-01');
  const pages: PullResponse[] = [];
  let cursor = 0;
  do {
    const page = await b.transport.pull(cursor, 'pull-pages-reader-01', SCHEMA_VERSION);
    pages.push(page);
    cursor = page.cursor;
  } while (pages.at(-1)!.more);
  // No page holds two imports' users: each ended at the first version past 100 KB.
  const chunksPerPage = pages.map((p) => p.changes.filter((c) => c.table === 'tenantUserChunks').length);
  expect(chunksPerPage.filter((n) => n > 0)).toEqual([1, 1, 1]);
  for (const p of pages) expect(new Set(p.changes.filter((c) => c.table === 'tenantUserChunks').map((c) => c.version)).size).toBeLessThanOrEqual(1);

  // A client pulling page by page ends with every user.
  await b.sync.pull();
  const users = b.store.rows('tenantUserChunks').flatMap((c) => c.users as unknown[]);
  expect(users).toHaveLength(3000);
});

it('answers each page from one snapshot: a push landing during pulls is in the page whenever the page acknowledges it', async () => {
  const w = await signedIn('snapshot-writer-01');
  expect(await w.sync.mutate('customer.create', { id: 'c-snap', name: 'Snapshot' })).toEqual({ ok: true });
  await w.sync.sync();
  let from = 0;
  for (let page = await w.transport.pull(0, 'snapshot-writer-01', SCHEMA_VERSION); ; page = await w.transport.pull(from, 'snapshot-writer-01', SCHEMA_VERSION)) {
    from = page.cursor;
    if (!page.more) break;
  }

  // On PostgreSQL the pulls and pushes run on separate connections, so a push commits between a
  // pull's statements often (the page-by-statements reading failed here ~15 times in 60); PGlite
  // has one connection and interleaves less. Mutation n (n >= 2) writes notes "n<n>". A page that reports mutation n processed must carry
  // its write (or a later one): else the client drops the acknowledged change and shows the old value.
  let pushing = true;
  const violations: string[] = [];
  let pages = 0;
  const puller = (async () => {
    while (pushing) {
      const page = await w.transport.pull(from, 'snapshot-writer-01', SCHEMA_VERSION);
      pages++;
      const row = page.changes.filter((c) => c.table === 'customers' && c.id === 'c-snap').at(-1);
      const written = row?.data ? Number(String(row.data.notes).slice(1)) || 1 : 1;
      if (page.lastMutationId > written) violations.push(`page acknowledged ${page.lastMutationId} but holds the write of ${written}`);
    }
  })();
  for (let n = 2; n <= 60; n++) {
    expect(await w.sync.mutate('customer.update', { id: 'c-snap', notes: `n${n}` })).toEqual({ ok: true });
    await w.sync.push();
    await new Promise((r) => setImmediate(r));
  }
  pushing = false;
  await puller;
  expect(pages).toBeGreaterThan(5);
  expect(violations).toEqual([]);
  await w.sync.pull();
  expect(w.store.rows('customers').find((c) => c.id === 'c-snap')?.notes).toBe('n60');
  expect(await w.store.pendingCount()).toBe(0);
});

it('serializes two windows pushing the same batch of one client at once: applied once, answered twice', async () => {
  const w = await signedIn('two-windows-01');
  await w.sync.pull();
  for (let n = 1; n <= 5; n++) expect(await w.sync.mutate('customer.create', { id: `c-win-${n}`, name: `Window ${n}` })).toEqual({ ok: true });
  const [meta, outbox] = await w.store.transaction(async (tx) => [await tx.meta(), await tx.outbox()] as const);
  const request = { clientId: meta.clientId, schemaVersion: SCHEMA_VERSION, mutations: outbox.map(({ id, name, args, baseVersions }) => ({ id, name, args, baseVersions })) };
  const before = await server.t.db.query<{ version: number }>('SELECT max(version) AS version FROM records');
  const answers = await Promise.all([w.transport.push(request), w.transport.push(request), w.transport.push(request)]);
  for (const a of answers) expect(a).toEqual({ lastMutationId: 5, results: [1, 2, 3, 4, 5].map((id) => ({ id, status: 'applied', conflicts: 0 })) });
  const written = await server.t.db.query<{ n: number; versions: number }>(
    "SELECT count(*)::int AS n, count(DISTINCT version)::int AS versions FROM records WHERE tbl = 'customers' AND id LIKE 'c-win-%' AND version > $1",
    [before.rows[0]?.version ?? 0],
  );
  expect(written.rows[0]).toEqual({ n: 5, versions: 1 });
});
