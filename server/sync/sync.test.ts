// The sync protocol end to end over real HTTP: the shared client engine (in-memory client store)
// against this server on a real port, on PGlite and, with DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWords, words } from '../../test/support/activityWords';
import type { Actor } from '../../shared/mutators/define';
import { SyncClient } from '../../shared/sync/client';
import { httpTransport } from '../../shared/sync/httpTransport';
import { MemoryClientStore } from '../../shared/sync/memoryClientStore';
import { OLDEST_ACCEPTED_SCHEMA_VERSION, SCHEMA_VERSION, TABLE_SINCE_SCHEMA, knowsTable, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import { tenantImportChanges } from '../../shared/mutators/imports';
import { tableNames } from '../../shared/workspace/tables';
import { AIKO, TEST_PASSWORD, seedUser, signInOverHttp, startTestServer, testApp, type TestServer } from '../testing';
import { purgeTombstones } from './tombstones';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
let server: TestServer;
let orgA: string;
const signIn = (email: string) => signInOverHttp(server.base, email);

let clients = 0;
async function client(email: string, claimedRole?: Actor['role'], schemaVersion = SCHEMA_VERSION) {
  const { token, actor } = await signIn(email);
  const store = new MemoryClientStore(`client-${++clients}-${email.replace(/\W/g, '')}`.slice(0, 60));
  const transport = httpTransport({ baseUrl: server.base, fetch: (u, i) => fetch(u, i as RequestInit), accessToken: async () => token });
  const me = { ...actor, role: claimedRole ?? actor.role };
  const options = { actor: () => me, now: () => '2099-01-01T00:00:00.000Z' };
  return {
    store,
    token,
    transport,
    sync: new SyncClient(store, transport, { ...options, schemaVersion }),
    /** The same store, after the app was updated to the current schema. */
    updated: () => new SyncClient(store, transport, options),
  };
}

async function raw(token: string, path: string, init: RequestInit = {}) {
  return fetch(`${server.base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
}

beforeAll(async () => {
  server = await startTestServer({
    Fabrikam: [
      AIKO,
      { email: 'ben@fabrikam.example', name: 'Ben', role: 'sales-agent' },
      { email: 'bill@fabrikam.example', name: 'Bill', role: 'billing-agent' },
    ],
    Woodgrove: [{ email: 'wei@woodgrove.example', name: 'Wei', role: 'admin-agent' }],
  });
  orgA = server.orgs.Fabrikam!.id;
});

afterAll(() => server?.stop());

describe('sync over HTTP', () => {
  it('carries changes between two people of one organization, never to another organization', async () => {
    const aiko = await client('aiko@fabrikam.example');
    const ben = await client('ben@fabrikam.example');
    const wei = await client('wei@woodgrove.example');
    expect(await aiko.sync.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' })).toEqual({ ok: true });
    expect(await aiko.sync.mutate('customer.create', { id: 'c-1', name: 'Contoso', country: 'JP' })).toEqual({ ok: true });
    await aiko.sync.sync();
    await ben.sync.sync();
    await wei.sync.sync();
    expect(ben.store.rows('customers').map((c) => c.name)).toEqual(['Contoso']);
    expect(wei.store.rows('customers')).toEqual([]);
    // The server stamped its own time, not the client's 2099 clock, and its own idea of the actor.
    const [customer] = ben.store.rows('customers');
    expect(String(customer?.createdAt)).not.toMatch(/^2099/);
    // Ben reads Aiko's entry in either language: the server's row carries its code and parameters.
    const created = ben.store.rows('activity').find((a) => a.mutation === 'customer.create');
    expect(created).toMatchObject({ actor: 'Aiko', role: 'admin-agent', code: 'customer.create', params: { name: 'Contoso' } });
    expect(inWords(created)).toEqual({ summary: 'Created customer Contoso', summaryJa: '顧客「Contoso」を作成しました' });
  });

  it("checks every mutation against the caller's role on the server, whatever the client claims", async () => {
    const bill = await client('bill@fabrikam.example', 'admin-agent');
    expect(await bill.sync.mutate('customer.create', { id: 'c-bill', name: 'Should not exist' })).toEqual({ ok: true });
    await bill.sync.sync();
    expect(bill.store.rows('customers').find((c) => c.id === 'c-bill')).toBeUndefined();
    expect(bill.store.rejections()).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', name: 'customer.create', reason: 'permission.missing', params: { mutation: 'customer.create', permission: 'customer.edit', role: 'billing-agent' } }),
    ]);
    expect(await bill.store.pendingCount()).toBe(0);
  });

  it('records a conflict both people see when a guarded field is edited from the same base', async () => {
    const aiko = await client('aiko@fabrikam.example');
    const ben = await client('ben@fabrikam.example');
    await aiko.sync.sync();
    await aiko.sync.mutate('plan.create', { id: 'p-1', customerId: 'c-1', asOf: '2026-11-24' });
    await aiko.sync.mutate('planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: 'x', targetSkuId: null, quantity: 10 });
    await aiko.sync.sync();
    await ben.sync.sync();
    await aiko.sync.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: 'E3', quantity: 20 });
    await ben.sync.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: 'E3', quantity: 25 });
    await aiko.sync.sync();
    await ben.sync.sync();
    await aiko.sync.sync();
    for (const who of [aiko, ben]) {
      expect(who.store.rows('planLines')[0]?.quantity).toBe(20);
      expect(who.store.rows('conflicts')).toEqual([
        expect.objectContaining({ field: 'quantity', status: 'open', current: expect.objectContaining({ value: 20, by: 'Aiko' }), proposed: expect.objectContaining({ value: 25, by: 'Ben' }) }),
      ]);
    }
  });

  it('skips a duplicate batch, refuses a gap with 409, and an old schema with 426', async () => {
    const { token } = await signIn('aiko@fabrikam.example');
    const push = (req: PushRequest) => raw(token, '/sync/push', { method: 'POST', body: JSON.stringify(req) });
    const batch: PushRequest = {
      clientId: 'raw-client-0001',
      schemaVersion: SCHEMA_VERSION,
      mutations: [{ id: 1, name: 'customer.update', args: { id: 'c-1', notes: 'raw' }, baseVersions: {} }],
    };
    const first = await push(batch);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ lastMutationId: 1, results: [{ id: 1, status: 'applied', conflicts: 0 }] });
    const again = await push(batch);
    expect(await again.json()).toEqual({ lastMutationId: 1, results: [{ id: 1, status: 'applied', conflicts: 0 }] });
    const gap = await push({ ...batch, mutations: [{ ...batch.mutations[0]!, id: 5 }] });
    expect(gap.status).toBe(409);
    expect(await gap.json()).toMatchObject({ error: { code: 'MUTATION_GAP', expected: 2, lastMutationId: 1 } });
    // N-1 is accepted (DESIGN.md); older than that is told to update.
    const tooOld = OLDEST_ACCEPTED_SCHEMA_VERSION - 1;
    const old = await push({ ...batch, schemaVersion: tooOld });
    expect(old.status).toBe(426);
    expect(await old.json()).toMatchObject({ error: { code: 'CLIENT_UPDATE_REQUIRED', minSchemaVersion: SCHEMA_VERSION - 1 } });
    const pullOld = await raw(token, `/sync/pull?cursor=0&clientId=raw-client-0001&schemaVersion=${tooOld}`);
    expect(pullOld.status).toBe(426);
    const previous = await push({ ...batch, schemaVersion: SCHEMA_VERSION - 1 });
    expect(previous.status).toBe(200);
    expect((await raw(token, `/sync/pull?cursor=0&clientId=raw-client-0001&schemaVersion=${SCHEMA_VERSION - 1}`)).status).toBe(200);
  });

  it('recovers from a gap after the server was restored from an older backup: the client resends from its last id', async () => {
    const aiko = await client('aiko@fabrikam.example');
    const ben = await client('ben@fabrikam.example');
    await aiko.sync.sync();
    await aiko.sync.mutate('customer.update', { id: 'c-1', notes: 'gap one' });
    await aiko.sync.mutate('customer.update', { id: 'c-1', notes: 'gap two' });
    await aiko.sync.sync();
    expect(await aiko.store.pendingCount()).toBe(0);
    const clientId = (await aiko.store.transaction((tx) => tx.meta())).clientId;
    // The backup predates Aiko's second change: the server remembers only her first.
    await server.t.db.query('UPDATE sync_clients SET last_mutation_id = 1 WHERE client_id = $1', [clientId]);
    await server.t.db.query('DELETE FROM sync_mutation_results WHERE client_id = $1 AND mutation_id > 1', [clientId]);
    expect(await aiko.sync.mutate('customer.update', { id: 'c-1', domain: 'restored.example' })).toEqual({ ok: true });
    await aiko.sync.sync(); // 409 (expected 2, got 3), then resent as 2
    expect(await aiko.store.pendingCount()).toBe(0);
    expect(aiko.store.rejections()).toEqual([]);
    const row = await server.t.db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM sync_clients WHERE client_id = $1', [clientId]);
    expect(row.rows[0]?.last_mutation_id).toBe(2);
    await ben.sync.sync();
    expect(ben.store.rows('customers').find((c) => c.id === 'c-1')).toMatchObject({ domain: 'restored.example' });
  });

  it('refuses malformed, oversized and unauthenticated requests without changing anything', async () => {
    const { token } = await signIn('aiko@fabrikam.example');
    const before = await server.t.db.query<{ version: number }>('SELECT version FROM workspaces WHERE org_id = $1', [orgA]);
    expect((await raw(token, '/sync/push', { method: 'POST', body: '{"clientId":' })).status).toBe(400);
    expect((await raw(token, '/sync/push', { method: 'POST', body: JSON.stringify({ clientId: 'x', mutations: [] }) })).status).toBe(400);
    const huge = JSON.stringify({ clientId: 'raw-client-0002', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.update', args: { id: 'c-1', notes: 'x'.repeat(17 * 1024 * 1024) }, baseVersions: {} }] });
    expect((await raw(token, '/sync/push', { method: 'POST', body: huge })).status).toBe(413);
    expect((await raw('cspw_at_forged', '/sync/pull?cursor=0&clientId=raw-client-0002&schemaVersion=1')).status).toBe(401);
    const after = await server.t.db.query<{ version: number }>('SELECT version FROM workspaces WHERE org_id = $1', [orgA]);
    expect(after.rows[0]?.version).toBe(before.rows[0]?.version);
  });

  it("checks a push's session in its own transaction: a role changed meanwhile applies, a session ended refuses the push with 401 and claims nothing", async () => {
    const dana = await seedUser(server.t.db, orgA, { email: 'dana@fabrikam.example', name: 'Dana', role: 'admin-agent', password: TEST_PASSWORD });
    const { token } = await signIn('dana@fabrikam.example');
    const push = (clientId: string, id: number, customer: string) =>
      raw(token, '/sync/push', {
        method: 'POST',
        body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations: [{ id, name: 'customer.create', args: { id: customer, name: customer }, baseVersions: {} }] }),
      });
    const first = await push('dana-client-0001', 1, 'c-dana-1');
    expect(first.status).toBe(200);
    expect(((await first.json()) as PushResponse).results).toEqual([{ id: 1, status: 'applied', conflicts: 0 }]);

    // Demoted after her session was checked upfront: her next push runs as a billing agent, who creates no customers.
    await server.t.db.query(`UPDATE users SET role = 'billing-agent' WHERE id = $1`, [dana.id]);
    const demoted = await push('dana-client-0001', 2, 'c-dana-2');
    expect(demoted.status).toBe(200);
    expect(((await demoted.json()) as PushResponse).results).toMatchObject([{ id: 2, status: 'rejected', code: 'FORBIDDEN' }]);

    // Signed out (by another window, or another server process): the next push is refused and leaves nothing.
    const before = await server.t.db.query('SELECT version FROM workspaces WHERE org_id = $1', [orgA]);
    expect((await raw(token, '/auth/sign-out', { method: 'POST', body: '{}' })).status).toBe(204);
    const ended = await push('dana-client-0002', 1, 'c-dana-3');
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as { error: { code: string } }).error.code).toBe('INVALID_TOKEN');
    expect((await server.t.db.query('SELECT version FROM workspaces WHERE org_id = $1', [orgA])).rows).toEqual(before.rows);
    expect((await server.t.db.query(`SELECT 1 FROM sync_clients WHERE org_id = $1 AND client_id = 'dana-client-0002'`, [orgA])).rows).toEqual([]);
    expect((await server.t.db.query(`SELECT 1 FROM records WHERE org_id = $1 AND id = 'c-dana-3'`, [orgA])).rows).toEqual([]);
    // And the one after it too, checked upfront this time.
    expect((await push('dana-client-0002', 1, 'c-dana-3')).status).toBe(401);
  });

  it('pokes the other clients of the organization over server-sent events', async () => {
    const aiko = await client('aiko@fabrikam.example');
    const { token } = await signIn('ben@fabrikam.example');
    const controller = new AbortController();
    const res = await fetch(`${server.base}/sync/poke`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const poked = (async () => {
      while (!/event: poke\ndata: \d+/.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return text;
    })();
    await aiko.sync.sync();
    await aiko.sync.mutate('customer.update', { id: 'c-1', domain: 'contoso.com' });
    await aiko.sync.push();
    expect(await poked).toMatch(/event: poke\ndata: \d+/);
    controller.abort();
  });

  it('tells a client older than the tombstone window to reset, and it rebuilds after pushing', async () => {
    const aiko = await client('aiko@fabrikam.example');
    const ben = await client('ben@fabrikam.example');
    await aiko.sync.sync();
    await ben.sync.sync();
    await ben.sync.mutate('customer.update', { id: 'c-1', notes: 'offline note' });
    await aiko.sync.mutate('customer.create', { id: 'c-gone', name: 'Gone soon' });
    await aiko.sync.mutate('customer.delete', { id: 'c-gone' });
    await aiko.sync.sync();
    await server.t.db.query("UPDATE records SET updated_at = now() - interval '400 days' WHERE deleted");
    expect(await purgeTombstones(server.t.db, 90)).toBeGreaterThan(0);
    await ben.sync.sync();
    await aiko.sync.sync();
    const names = (rows: Record<string, unknown>[]) => rows.map((r) => `${String(r.id)}:${String(r.notes)}`).sort();
    expect(names(ben.store.rows('customers'))).toEqual(names(aiko.store.rows('customers')));
    expect(ben.store.rows('customers').find((c) => c.id === 'c-1')?.notes).toBe('offline note');
  });
});

describe('Partner Center customer list over HTTP', () => {
  it('creates the list on the server in one change; the same list imported by a teammate meanwhile adds only the tenants not there yet', async () => {
    const aiko = await client('aiko@fabrikam.example');
    const ben = await client('ben@fabrikam.example');
    const tenant = (n: number) => `5b1f3c2e-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const list = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name: `PC customer ${i}`, domain: `pc${i}.example.com`, tenantId: tenant(i) }));
    expect(await aiko.sync.mutate('customer.createMany', { file: 'Customers.csv', customers: list('pca', 2) })).toEqual({ ok: true });
    expect(await ben.sync.mutate('customer.createMany', { file: 'Customers.csv', customers: list('pcb', 3) })).toEqual({ ok: true });
    await aiko.sync.sync();
    await ben.sync.sync();
    await aiko.sync.sync();
    for (const store of [aiko.store, ben.store]) {
      const pcCustomers = store.rows('customers').filter((c) => String(c.name).startsWith('PC customer'));
      expect(pcCustomers.map((c) => c.id).sort()).toEqual(['pca-0', 'pca-1', 'pcb-2']);
    }
    const entry = aiko.store.rows('activity').find((a) => a.mutation === 'customer.createMany' && a.actor === 'Ben');
    expect(words(entry, 'en')).toBe('Created 1 customer from the Partner Center list Customers.csv; 2 customers already in the workspace by tenant id, not created again (PC customer 0, PC customer 1)');
    expect(aiko.store.rows('customers').find((c) => c.id === 'pca-0')?.fieldSources).toMatchObject({ tenantId: { by: 'import', file: 'Customers.csv' } });
  });

  it('sees, in one push, a customer an earlier change of the same push created (the whole-table read over the push\'s own writes)', async () => {
    const { token } = await signIn('aiko@fabrikam.example');
    const tenant = '5b1f3c2e-0000-4000-8000-00000000a001';
    const mutations = [
      { id: 1, name: 'customer.create', args: { id: 'one-push-a', name: 'One push A', tenantId: tenant }, baseVersions: {} },
      { id: 2, name: 'customer.createMany', args: { file: 'Customers.csv', customers: [{ id: 'one-push-b', name: 'One push B', tenantId: tenant }, { id: 'one-push-c', name: 'One push C', tenantId: '5b1f3c2e-0000-4000-8000-00000000a002' }] }, baseVersions: {} },
    ];
    const res = await raw(token, '/sync/push', { method: 'POST', body: JSON.stringify({ clientId: `one-push-${Date.now()}`, schemaVersion: SCHEMA_VERSION, mutations }) });
    expect(((await res.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const { rows } = await server.t.db.query<{ id: string }>("SELECT id FROM records WHERE org_id = $1 AND tbl = 'customers' AND id LIKE 'one-push-%' ORDER BY id", [orgA]);
    expect(rows.map((r) => r.id)).toEqual(['one-push-a', 'one-push-c']);
  });
});

describe('an app on the previous schema (N-1)', () => {
  const newTables = tableNames.filter((t) => !knowsTable(SCHEMA_VERSION - 1, t));

  it('syncs, gets no rows of the tables it does not know, and pulls them once updated', async () => {
    const old = await client('aiko@fabrikam.example', undefined, SCHEMA_VERSION - 1);
    await old.sync.sync();
    expect(await old.sync.mutate('customer.update', { id: 'c-1', notes: 'from the older app' })).toEqual({ ok: true });
    await old.sync.sync();
    expect(await old.store.pendingCount()).toBe(0);
    // Rows of every table newer than its schema, as a current app's changes leave them.
    for (const table of newTables) {
      const { rows } = await server.t.db.query<{ version: number }>('UPDATE workspaces SET version = version + 1 WHERE org_id = $1 RETURNING version', [orgA]);
      await server.t.db.query(`INSERT INTO records (org_id, tbl, id, version, data) VALUES ($1, $2, 'n1-row', $3, '{"id":"n1-row"}')`, [orgA, table, rows[0]!.version]);
    }
    const current = await client('ben@fabrikam.example');
    await current.sync.sync();
    for (const table of newTables) expect(current.store.rows(table).map((r) => r.id)).toContain('n1-row');
    await old.sync.sync();
    for (const table of newTables) expect(old.store.rows(table)).toEqual([]);
    expect(old.store.rows('customers').find((c) => c.id === 'c-1')?.notes).toBe('from the older app');
    // Updated, the same store pulls again from the start and gets what it was not sent.
    await old.updated().sync();
    for (const table of newTables) expect(old.store.rows(table).map((r) => r.id)).toContain('n1-row');
    expect((await old.store.transaction((tx) => tx.meta())).cursorSchema).toBe(SCHEMA_VERSION);
  });

  it.runIf(TABLE_SINCE_SCHEMA.tenantUserChunks === SCHEMA_VERSION)('cannot write a table its schema does not know: the change is refused with words, not stored (runs only while the oldest accepted schema, one before the current, lacks tenantUserChunks: at schema 7 no accepted app lacks a table people write)', async () => {
    const old = await client('aiko@fabrikam.example', undefined, SCHEMA_VERSION - 1);
    await old.sync.sync();
    const users = [{ id: '00000000-0000-4000-8000-000000000001', userPrincipalName: 'u1@n1.example', licenses: [] }];
    const changes = tenantImportChanges({ countryLetterCode: 'JP', skus: [], subscriptions: [], users }, { importId: 'imp-n1', customerId: 'c-1', files: ['users.json'] });
    expect(await old.sync.mutateMany(changes)).toEqual({ ok: true });
    await old.sync.sync();
    // An app of the previous schema is sent no reason (it reads results strictly): the English detail names it.
    const refusal = old.store.rejections().find((r) => r.code === 'INVALID');
    expect(refusal?.message).toMatch(/change\.tableTooNew .*tenantUserChunks/);
    expect(refusal).not.toHaveProperty('reason');
    const stored = await server.t.db.query("SELECT 1 FROM records WHERE tbl = 'tenantUserChunks' AND data ->> 'importId' = 'imp-n1'");
    expect(stored.rows).toEqual([]);
  });
});

describe('permissions on the server, role by role', () => {
  // Each role gets exactly the mutators its permissions allow: the server decides with its own
  // record of the caller's role, and a refusal says which permission was missing.
  const cases: { name: string; args: (n: number) => unknown; permission: string }[] = [
    { name: 'customer.create', args: (n) => ({ id: `perm-c-${n}`, name: `Perm ${n}` }), permission: 'customer.edit' },
    { name: 'customer.update', args: () => ({ id: 'c-1', notes: 'perm' }), permission: 'customer.edit' },
    {
      name: 'customer.createMany',
      args: (n) => ({ file: 'Customers.csv', customers: [{ id: `perm-m-${n}`, name: `Perm list ${n}`, tenantId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` }] }),
      permission: 'customer.edit',
    },
    { name: 'customer.setOwnSubscriptions', args: () => ({ id: 'c-1', file: 'subs.csv', subscriptions: [] }), permission: 'tenant.import' },
    { name: 'partner.update', args: () => ({ name: 'Fabrikam CSP' }), permission: 'partner.edit' },
    { name: 'plan.create', args: (n) => ({ id: `perm-p-${n}`, customerId: 'c-1', asOf: '2026-11-24' }), permission: 'plan.edit' },
    { name: 'invitation.create', args: (n) => ({ id: `perm-i-${n}`, customerId: 'c-1', delegatedAdmin: 'none', language: 'en' }), permission: 'invite.send' },
  ];
  const roles = [
    ['aiko@fabrikam.example', 'admin-agent'],
    ['ben@fabrikam.example', 'sales-agent'],
    ['bill@fabrikam.example', 'billing-agent'],
  ] as const;

  it('applies or refuses each mutator as the role table says', async () => {
    const { can } = await import('../../shared/domain/roles');
    let n = 0;
    for (const [email, role] of roles) {
      const { token } = await signIn(email);
      const clientId = `perm-${role}-${Date.now()}`;
      const mutations = cases.map((c, i) => ({ id: i + 1, name: c.name, args: c.args(++n), baseVersions: {} }));
      const res = await raw(token, '/sync/push', { method: 'POST', body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations }) });
      const body = (await res.json()) as { results: { id: number; status: string; code?: string }[] };
      for (const [i, c] of cases.entries()) {
        const allowed = can(role, c.permission as Parameters<typeof can>[1]);
        expect(body.results[i], `${role} ${c.name}`).toMatchObject(allowed ? { status: 'applied' } : { status: 'rejected', code: 'FORBIDDEN' });
      }
    }
  });
});

describe('two server processes on one PostgreSQL', () => {
  it.skipIf(!process.env.DATABASE_URL)('deliver a push on one to a poke stream on the other (skipped without DATABASE_URL: PGlite is one process)', async () => {
    const otherDb = await server.t.another();
    const other = await testApp(otherDb);
    const otherBase = await other.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { token } = await signIn('ben@fabrikam.example');
      const controller = new AbortController();
      const res = await fetch(`${otherBase}/sync/poke`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const poked = (async () => {
        while (!/event: poke/.test(text)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value);
        }
        return text;
      })();
      const aiko = await client('aiko@fabrikam.example');
      await aiko.sync.sync();
      await aiko.sync.mutate('customer.update', { id: 'c-1', domain: 'cross.example' });
      await aiko.sync.push();
      expect(await poked).toMatch(/event: poke\ndata: \d+/);
      controller.abort();
    } finally {
      await other.close();
    }
  });
});

describe('CORS', () => {
  it("lets the desktop app's origin call the API, and no other", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.base}/sync/pull`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const ok = await preflight('app://csp-migration-workspace');
    expect(ok.headers.get('access-control-allow-origin')).toBe('app://csp-migration-workspace');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS on the poke stream', () => {
  it('carries the allow-origin header on the hijacked event stream', async () => {
    const { token } = await signIn('ben@fabrikam.example');
    const controller = new AbortController();
    const res = await fetch(`${server.base}/sync/poke`, {
      headers: { authorization: `Bearer ${token}`, origin: 'app://csp-migration-workspace' },
      signal: controller.signal,
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('app://csp-migration-workspace');
    controller.abort();
  });
});
