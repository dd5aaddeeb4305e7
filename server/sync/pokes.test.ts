// Pokes that carry the change (GET /sync/poke?schemaVersion=N) end to end over real HTTP, and pushes
// sent compressed: the shared client engine (in-memory store) against this server on a real port,
// on PGlite and, with DATABASE_URL, on PostgreSQL.
import { gzipSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient, type SyncTransport } from '../../shared/sync/client';
import { httpTransport } from '../../shared/sync/httpTransport';
import { MemoryClientStore } from '../../shared/sync/memoryClientStore';
import { OLDEST_ACCEPTED_SCHEMA_VERSION, Poke, SCHEMA_VERSION, type PushRequest } from '../../shared/sync/protocol';
import { tableNames } from '../../shared/workspace/tables';
import { gzip } from '../../renderer/sync/gzip';
import { readPoke } from '../../renderer/sync/pokeStream';
import { AIKO, signInOverHttp, startTestServer, type TestServer } from '../testing';
import { POKE_CHANNEL, parsePokeNotify, pokeData } from './pokes';

let server: TestServer;
const signIn = (email: string) => signInOverHttp(server.base, email);

let clients = 0;
async function client(email: string, clientId = `poke-client-${++clients}-${email.replace(/\W/g, '')}`.slice(0, 60), schemaVersion = SCHEMA_VERSION) {
  const { token, actor } = await signIn(email);
  const store = new MemoryClientStore(clientId);
  const http = httpTransport({ baseUrl: server.base, fetch: (u, i) => fetch(u, i as RequestInit), accessToken: async () => token });
  const calls = { pulls: 0 };
  const transport: SyncTransport = {
    push: (r) => http.push(r),
    pull: (...args) => {
      calls.pulls++;
      return http.pull(...args);
    },
  };
  return { store, token, calls, sync: new SyncClient(store, transport, { actor: () => actor, now: () => '2099-01-01T00:00:00.000Z', schemaVersion }) };
}

/** An open poke stream: every "poke" event's data as it arrived, and a way to wait for the nth. */
async function pokeStream(token: string, query = `?schemaVersion=${SCHEMA_VERSION}`) {
  const controller = new AbortController();
  const res = await fetch(`${server.base}/sync/poke${query}`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let buffer = '';
  const waiters: (() => void)[] = [];
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: poke$/m.test(event)) events.push(event);
          for (const w of waiters.splice(0)) w();
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    events,
    /** The first `n` poke events (waits up to 5 s). */
    async take(n: number): Promise<string[]> {
      const until = Date.now() + 5000;
      while (events.length < n) {
        if (Date.now() > until) throw new Error(`waited for ${n} pokes, got ${events.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return events.slice(0, n);
    },
    close: () => controller.abort(),
  };
}

/** Aiko and Ben of one organization, both synced, and a poke stream open for Ben. */
async function benWatchingAiko() {
  const aiko = await client('aiko@fabrikam.example');
  const ben = await client('ben@fabrikam.example');
  await aiko.sync.sync();
  await ben.sync.sync();
  return { aiko, ben, stream: await pokeStream(ben.token) };
}

const dataOf = (event: string) => /^data: (.*)$/m.exec(event)?.[1] ?? '';

async function everything(store: MemoryClientStore) {
  const rows = Object.fromEntries(tableNames.map((table) => [table, store.rows(table)]));
  const meta = await store.transaction((tx) => tx.meta());
  return { rows, cursor: meta.cursor, lastAcknowledged: meta.lastAcknowledged, outbox: await store.transaction((tx) => tx.outbox()) };
}

beforeAll(async () => {
  server = await startTestServer({
    Fabrikam: [
      AIKO,
      { email: 'ben@fabrikam.example', name: 'Ben', role: 'admin-agent' },
    ],
    Woodgrove: [{ email: 'wei@woodgrove.example', name: 'Wei', role: 'admin-agent' }],
  });
});

afterAll(() => server?.stop());

describe('pokes that carry the change', () => {
  it("applied without a pull, leave a client exactly as a pull would, the pusher's own included", async () => {
    const aiko = await client('aiko@fabrikam.example');
    // Two copies of one client of Ben's (same id, never pushed): one fed pokes, one pulling.
    const benByPoke = await client('ben@fabrikam.example', 'ben-twin-client-01');
    const benByPull = await client('ben@fabrikam.example', 'ben-twin-client-01');
    await aiko.sync.sync();
    await benByPoke.sync.pull();
    await benByPull.sync.pull();
    const ben = await pokeStream(benByPoke.token);
    const own = await pokeStream(aiko.token);

    // Creates, an update, a deletion (a tombstone), a record written twice, and a change of Ben's
    // own pending in the outbox (rebased on top, as a pull rebases it).
    expect(await aiko.sync.mutate('customer.create', { id: 'p-1', name: 'Contoso', country: 'JP' })).toEqual({ ok: true });
    expect(await aiko.sync.mutate('customer.create', { id: 'p-2', name: 'Gone soon' })).toEqual({ ok: true });
    expect(await aiko.sync.push()).toBe(2);
    expect(await aiko.sync.mutate('customer.update', { id: 'p-1', notes: 'renewal in May' })).toEqual({ ok: true });
    expect(await aiko.sync.push()).toBe(1);
    expect(await aiko.sync.mutate('customer.delete', { id: 'p-2' })).toEqual({ ok: true });
    expect(await aiko.sync.push()).toBe(1);
    for (const b of [benByPoke, benByPull]) expect(await b.sync.mutate('customer.create', { id: 'b-own', name: 'Ben pending' })).toEqual({ ok: true });
    const events = await ben.take(3);
    const pokes = events.map((e) => readPoke(e));
    expect(pokes.every((p) => p !== null)).toBe(true);
    expect(pokes.map((p) => p!.version - p!.base)).toEqual([1, 1, 1]);
    // Another person's pokes do not say which client pushed.
    expect(pokes.some((p) => p!.clientId !== undefined)).toBe(false);
    expect(pokes[2]!.changes.find((c) => c.id === 'p-2')).toMatchObject({ table: 'customers', data: null });

    const pullsBefore = benByPoke.calls.pulls;
    expect(await benByPoke.sync.applyPokes(pokes as Poke[])).toBe('applied');
    expect(benByPoke.calls.pulls).toBe(pullsBefore);
    await benByPull.sync.pull();
    expect(await everything(benByPoke.store)).toEqual(await everything(benByPull.store));
    expect(benByPoke.store.rows('customers').find((c) => c.id === 'p-1')?.notes).toBe('renewal in May');
    expect(benByPoke.store.rows('customers').find((c) => c.id === 'p-2')).toBeUndefined();
    expect(benByPoke.store.rows('customers').find((c) => c.id === 'b-own')?.name).toBe('Ben pending');

    // Aiko's own stream names her client and its last processed mutation: a second client of hers
    // fed only her pokes acknowledges her outbox as a pull would.
    const mine = (await own.take(3)).map((e) => readPoke(e)!);
    expect(mine.map((p) => p.lastMutationId)).toEqual([2, 3, 4]);
    const meta = await aiko.store.transaction((tx) => tx.meta());
    expect(mine.every((p) => p.clientId === meta.clientId)).toBe(true);
    ben.close();
    own.close();
  });

  it('a client whose cursor is not the poke\'s base pulls instead (a gap), and a stale poke changes nothing', async () => {
    const { aiko, ben, stream } = await benWatchingAiko();
    expect(await aiko.sync.mutate('customer.create', { id: 'g-1', name: 'First' })).toEqual({ ok: true });
    await aiko.sync.push();
    expect(await aiko.sync.mutate('customer.create', { id: 'g-2', name: 'Second' })).toEqual({ ok: true });
    await aiko.sync.push();
    const [first, second] = (await stream.take(2)).map((e) => readPoke(e)!);
    // The first poke was missed: the second does not follow on from Ben's cursor.
    expect(await ben.sync.applyPokes([second!])).toBe('gap');
    expect(ben.store.rows('customers').map((c) => c.id)).not.toContain('g-2');
    const pulls = ben.calls.pulls;
    await ben.sync.sync(undefined, [second!]);
    expect(ben.calls.pulls).toBeGreaterThan(pulls);
    expect(ben.store.rows('customers').map((c) => c.id)).toEqual(expect.arrayContaining(['g-1', 'g-2']));
    // Both pokes are behind the cursor now: nothing to apply, no pull.
    const after = await everything(ben.store);
    expect(await ben.sync.applyPokes([first!, second!])).toBe('current');
    const pullsNow = ben.calls.pulls;
    await ben.sync.sync(undefined, [first!, second!]);
    expect(ben.calls.pulls).toBe(pullsNow);
    expect(await everything(ben.store)).toEqual(after);
    // A data-less poke (null) always pulls.
    await ben.sync.sync(undefined, [null]);
    expect(ben.calls.pulls).toBe(pullsNow + 1);
    stream.close();
  });

  it("a change too big for a NOTIFY (8000 bytes) arrives as a data-less poke, and the client pulls it", async () => {
    const { aiko, ben, stream } = await benWatchingAiko();
    const notes = 'long note '.repeat(900); // ~9 KB of text in one row
    expect(await aiko.sync.mutate('customer.create', { id: 'big-1', name: 'Big' })).toEqual({ ok: true });
    expect(await aiko.sync.mutate('customer.update', { id: 'big-1', notes })).toEqual({ ok: true });
    await aiko.sync.push();
    const [event] = await stream.take(1);
    expect(dataOf(event!)).toMatch(/^\d+$/);
    expect(readPoke(event!)).toBeNull();
    const pulls = ben.calls.pulls;
    await ben.sync.sync(undefined, [readPoke(event!)]);
    expect(ben.calls.pulls).toBeGreaterThan(pulls);
    expect(ben.store.rows('customers').find((c) => c.id === 'big-1')?.notes).toBe(notes);
    // A small change to another record right after carries its rows again (a change to big-1 would
    // not: a poke carries whole rows, as a pull does).
    expect(await aiko.sync.mutate('customer.create', { id: 'small-1', name: 'Small' })).toEqual({ ok: true });
    await aiko.sync.push();
    const [, small] = await stream.take(2);
    expect(Poke.parse(JSON.parse(dataOf(small!))).changes.map((c) => c.id)).toContain('small-1');
    stream.close();
  });

  it('never sends one organization\'s rows to another organization\'s streams', async () => {
    const aiko = await client('aiko@fabrikam.example');
    const wei = await client('wei@woodgrove.example');
    await aiko.sync.sync();
    await wei.sync.sync();
    const weiStream = await pokeStream(wei.token);
    const aikoStream = await pokeStream(aiko.token);
    expect(await aiko.sync.mutate('customer.create', { id: 'secret-fabrikam', name: 'Fabrikam secret' })).toEqual({ ok: true });
    await aiko.sync.push();
    await aikoStream.take(1);
    // Woodgrove's own change afterwards: NOTIFY delivers in commit order, so Fabrikam's poke, had it
    // been sent to Wei, would come first.
    expect(await wei.sync.mutate('customer.create', { id: 'w-1', name: 'Woodgrove customer' })).toEqual({ ok: true });
    await wei.sync.push();
    const events = await weiStream.take(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(weiStream.events).toHaveLength(1);
    expect(events[0]).not.toMatch(/Fabrikam|secret-fabrikam/);
    expect(readPoke(events[0]!)!.changes.map((c) => c.id)).toContain('w-1');
    weiStream.close();
    aikoStream.close();
  });

  it("sends an app on the previous schema no rows of tables it does not know, and a stream that names no schema only data-less pokes", async () => {
    const aiko = await client('aiko@fabrikam.example');
    await aiko.sync.sync();
    const { token } = await signIn('ben@fabrikam.example');
    const older = await pokeStream(token, `?schemaVersion=${OLDEST_ACCEPTED_SCHEMA_VERSION}`);
    const plain = await pokeStream(token, '');
    expect(await aiko.sync.mutate('customer.create', { id: 'old-c', name: 'Old' })).toEqual({ ok: true });
    await aiko.sync.push();
    const [e1] = await older.take(1);
    expect(readPoke(e1!)!.changes.map((c) => c.id)).toContain('old-c');
    const [e2] = await plain.take(1);
    expect(dataOf(e2!)).toMatch(/^\d+$/);
    // The filter itself, for a schema before imported users' chunks (as pull filters): the
    // version still moves on, so the app's cursor does too.
    const event = {
      orgId: 'o',
      version: 8,
      carried: {
        base: 7,
        userId: 'u-1',
        clientId: 'client-0001',
        lastMutationId: 3,
        changes: [
          { table: 'tenantUserChunks' as const, id: 'ch-1', version: 8, data: { id: 'ch-1' } },
          { table: 'customers' as const, id: 'c-1', version: 8, data: { id: 'c-1' } },
        ],
      },
    };
    expect(JSON.parse(pokeData(event, { userId: 'u-2', schemaVersion: 1 }))).toEqual({ version: 8, base: 7, changes: [event.carried.changes[1]] });
    expect(JSON.parse(pokeData(event, { userId: 'u-1', schemaVersion: SCHEMA_VERSION }))).toEqual({ version: 8, base: 7, changes: event.carried.changes, clientId: 'client-0001', lastMutationId: 3 });
    expect(pokeData(event, { userId: 'u-1', schemaVersion: null })).toBe('8');
    older.close();
    plain.close();
  });
});

describe('the NOTIFY payload', () => {
  it("still reads as `orgId:version` for a server process of the release before (a rolling update), with the change after it", async () => {
    const payloads: string[] = [];
    const unlisten = await server.t.db.listen(POKE_CHANNEL, (p) => payloads.push(p));
    try {
      const aiko = await client('aiko@fabrikam.example');
      await aiko.sync.pull();
      expect(await aiko.sync.mutate('customer.create', { id: 'n-1', name: 'Notified' })).toEqual({ ok: true });
      await aiko.sync.push();
      // The channel is shared by every test schema of the database: this push's payload is the one naming n-1.
      const ours = () => payloads.find((p) => p.includes('"n-1"'));
      for (let i = 0; i < 100 && !ours(); i++) await new Promise((r) => setTimeout(r, 20));
      const payload = ours();
      // The reader of the release before: `const [orgId, version] = payload.split(':')`.
      const [orgId, version] = payload!.split(':');
      const event = parsePokeNotify(payload!)!;
      expect(orgId).toBe(event.orgId);
      expect(Number(version)).toBe(event.version);
      expect(event.carried?.base).toBe(event.version - 1);
      expect(event.carried?.changes.map((c) => c.id)).toContain('n-1');
      expect(parsePokeNotify(`${orgId}:${version}`)).toEqual({ orgId, version: Number(version) });
      expect(parsePokeNotify('not a poke')).toBeNull();
    } finally {
      await unlisten();
    }
  });
});

describe('compressed pushes', () => {
  const push = (clientId: string, id: string): PushRequest => ({
    clientId,
    schemaVersion: SCHEMA_VERSION,
    mutations: [
      { id: 1, name: 'customer.create', args: { id, name: `Compressed ${id}` }, baseVersions: {} },
      { id: 2, name: 'customer.update', args: { id, notes: 'x'.repeat(20_000) }, baseVersions: {} },
    ],
  });
  const send = (token: string, body: Uint8Array | string, encoding?: string) =>
    fetch(`${server.base}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}) },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  it('accepts a gzip or deflate body and applies it as if sent plain', async () => {
    const { token } = await signIn('aiko@fabrikam.example');
    const gz = gzipSync(JSON.stringify(push('gzip-client-0001', 'gz-1')));
    expect(gz.length).toBeLessThan(2000);
    const res = await send(token, gz, 'gzip');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ lastMutationId: 2, results: [{ id: 1, status: 'applied', conflicts: 0 }, { id: 2, status: 'applied', conflicts: 0 }] });
    const res2 = await send(token, deflateSync(JSON.stringify(push('deflate-client-01', 'df-1'))), 'deflate');
    expect(res2.status).toBe(200);
    const ben = await client('ben@fabrikam.example');
    await ben.sync.sync();
    expect(ben.store.rows('customers').filter((c) => c.id === 'gz-1' || c.id === 'df-1').map((c) => String(c.notes).length)).toEqual([20_000, 20_000]);
  });

  it("the app's transport gzips a large push (CompressionStream) and the server applies it; a small one goes as it is", async () => {
    const { token, actor } = await signIn('aiko@fabrikam.example');
    const sent: { encoding: string | undefined; bytes: number }[] = [];
    const transport = httpTransport({
      baseUrl: server.base,
      fetch: (u, i) => {
        if (i.method === 'POST') sent.push({ encoding: i.headers['content-encoding'], bytes: typeof i.body === 'string' ? i.body.length : (i.body?.byteLength ?? 0) });
        return fetch(u, i as RequestInit);
      },
      accessToken: async () => token,
      gzip,
    });
    const aiko = new SyncClient(new MemoryClientStore('gzip-app-client-1'), transport, { actor: () => actor, now: () => '2099-01-01T00:00:00.000Z' });
    await aiko.pull();
    expect(await aiko.mutate('customer.create', { id: 'gz-app', name: 'Compressed by the app' })).toEqual({ ok: true });
    await aiko.push();
    const notes = Array.from({ length: 750 }, (_, i) => `user${i}@contoso.example`).join('\n');
    expect(await aiko.mutate('customer.update', { id: 'gz-app', notes })).toEqual({ ok: true });
    await aiko.push();
    expect(sent.map((x) => x.encoding)).toEqual([undefined, 'gzip']);
    expect(sent[1]!.bytes).toBeLessThan(notes.length / 4);
    const ben = await client('ben@fabrikam.example');
    await ben.sync.sync();
    expect(ben.store.rows('customers').find((c) => c.id === 'gz-app')?.notes).toBe(notes);
  });

  it("lets the app's origin send a compressed push across origins (the preflight allows Content-Encoding)", async () => {
    const res = await fetch(`${server.base}/sync/push`, {
      method: 'OPTIONS',
      headers: { origin: 'app://csp-migration-workspace', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,content-encoding' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('app://csp-migration-workspace');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/content-encoding/);
  });

  it('refuses a body that decodes past the limit (a zip bomb) with 413, without decoding it all', async () => {
    const { token } = await signIn('aiko@fabrikam.example');
    // 64 MiB of zeros, ~64 KB compressed: four times the push limit once decoded.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    const res = await send(token, bomb, 'gzip');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(5000);
    const rows = await server.t.db.query<{ n: string }>("SELECT count(*) AS n FROM sync_clients WHERE client_id = 'bomb-client-0001'");
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });

  it('refuses an encoding it does not decode (415) and a body that is not what it says (400)', async () => {
    const { token } = await signIn('aiko@fabrikam.example');
    const plain = JSON.stringify(push('br-client-00001', 'br-1'));
    expect((await send(token, plain, 'br')).status).toBe(415);
    const broken = await send(token, plain, 'gzip');
    expect(broken.status).toBe(400);
  });
});
