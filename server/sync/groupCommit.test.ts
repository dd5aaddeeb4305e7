// Group commit (issue 15): pushes (of one organization or several) merged into one transaction must each get
// exactly the answer, and leave exactly the state, that they would have alone in the same order; a
// refused mutation or a failing push in a group touches no batch-mate; and two server instances on
// one database keep the org's versions gap-free and in order. On PGlite and, with DATABASE_URL, on
// PostgreSQL (where the two instances have a connection pool each, as two processes would).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/mutators/define';
import { OLDEST_ACCEPTED_SCHEMA_VERSION, SCHEMA_VERSION, type PullResponse, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import type { Database } from '../db/types';
import { seedOrg, seedUser, testApp } from '../testing';
import { PushGroups, type GroupOutcome as PushOutcome, type GroupReport } from './groupCommit';

const PW = 'correct horse battery staple';
const NOW = '2026-12-07T09:00:00.000Z';
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
});

afterAll(async () => {
  await t?.drop();
});

type Mut = [name: string, args: unknown, baseVersions?: Record<string, number>];
const req = (clientId: string, first: number, muts: Mut[], schemaVersion = SCHEMA_VERSION): PushRequest => ({
  clientId,
  schemaVersion,
  mutations: muts.map(([name, args, baseVersions], i) => ({ id: first + i, name, args, baseVersions: baseVersions ?? {} })),
});

async function orgWith(name: string) {
  const org = await seedOrg(t.db, name);
  const people: Record<'alice' | 'bob' | 'bill', Actor> = {} as never;
  for (const [who, role] of [['alice', 'admin-agent'], ['bob', 'sales-agent'], ['bill', 'billing-agent']] as const) {
    const u = await seedUser(t.db, org.id, { email: `${who}@${name.toLowerCase()}.example`, name: who, role, password: PW });
    people[who] = { id: u.id, name: u.name, role: u.role };
  }
  return { orgId: org.id, people };
}

/** Everything a push leaves in storage for one org, with people by name (user ids differ per org). */
async function stateOf(db: Database, orgId: string) {
  const q = async (sql: string) => (await db.query(sql, [orgId])).rows;
  return {
    version: await q('SELECT version FROM workspaces WHERE org_id = $1'),
    records: await q(
      `SELECT r.tbl, r.id, r.version, r.data, r.field_versions, r.deleted, u.name AS by
       FROM records r LEFT JOIN users u ON u.id = r.updated_by WHERE r.org_id = $1 ORDER BY r.tbl, r.id`,
    ),
    clients: await q(
      `SELECT c.client_id, c.last_mutation_id, u.name AS owner, c.last_push_at IS NOT NULL AS pushed
       FROM sync_clients c JOIN users u ON u.id = c.user_id WHERE c.org_id = $1 ORDER BY c.client_id`,
    ),
    results: await q('SELECT client_id, mutation_id, result FROM sync_mutation_results WHERE org_id = $1 ORDER BY client_id, mutation_id'),
  };
}

describe('a group of pushes', () => {
  it('gives each push exactly the answer and the writes it would have alone, in the order processed', async () => {
    const grouped = await orgWith('Grouped');
    const serial = await orgWith('Serial');
    type Who = keyof typeof grouped.people;
    // Arrival order. After the first (which starts a group at once), all arrive while it runs.
    const scenario: [Who, PushRequest][] = [
      ['alice', req('client-c0', 1, [['customer.create', { id: 'cust-0', name: 'Contoso' }]])],
      // Creates a customer, a plan of it and sets its stage.
      ['alice', req('client-c1', 1, [
        ['customer.create', { id: 'cust-1', name: 'Litware' }],
        ['plan.create', { id: 'plan-1', customerId: 'cust-1', asOf: '2026-12-01' }],
        ['customer.setStage', { id: 'cust-1', stage: 'invited' }],
      ])],
      // A refused mutation first, then its batch-mates: one builds on the group's earlier push (a
      // stale base on a guarded field: a conflict, as it would be alone after it).
      ['bob', req('client-c2', 1, [
        ['customer.update', { id: 'missing', notes: 'nobody' }],
        ['customer.create', { id: 'cust-2', name: 'Northwind' }],
        ['customer.setStage', { id: 'cust-1', stage: 'accepted' }, { 'customers/cust-1': 0 }],
      ])],
      // Every mutation refused (the billing agent may not edit customers): it still takes a version.
      ['bill', req('client-c3', 1, [
        ['customer.create', { id: 'cust-3', name: 'Tailspin' }],
        ['customer.update', { id: 'cust-0', notes: 'billing' }],
      ])],
      // Deletes the customer created earlier in the group, with the plan found by its customerId.
      ['alice', req('client-c4', 1, [['customer.delete', { id: 'cust-1' }]])],
      // A client's second push waits for the next group (it must see its first one's outcome).
      ['alice', req('client-c1', 4, [
        ['customer.update', { id: 'cust-1', notes: 'gone' }],
        ['customer.create', { id: 'cust-5', name: 'Fourth Coffee' }],
      ])],
      ['alice', req('client-c5', 3, [['customer.create', { id: 'cust-6', name: 'Gap' }]])],
      ['alice', req('client-c6', 1, [['customer.create', { id: 'cust-7', name: 'Old app' }]], OLDEST_ACCEPTED_SCHEMA_VERSION - 1)],
      // bob's client, pushed by alice: refused whole, whatever the group.
      ['alice', req('client-c2', 4, [['customer.create', { id: 'cust-8', name: 'Not yours' }]])],
      // bob's first push again (an answer lost): the same answers, nothing applied twice.
      ['bob', req('client-c2', 1, [
        ['customer.update', { id: 'missing', notes: 'nobody' }],
        ['customer.create', { id: 'cust-2', name: 'Northwind' }],
        ['customer.setStage', { id: 'cust-1', stage: 'accepted' }, { 'customers/cust-1': 0 }],
      ])],
      ['alice', req('client-c7', 1, [
        ['no.such', {}],
        ['customer.update', { id: 'cust-2', notes: 'read from the group' }],
        ['customer.update', { id: 'cust-0', notes: 'by alice' }],
      ])],
    ];

    const reports: GroupReport[] = [];
    const groups = new PushGroups(t.db, { pushes: 64, mutations: 2000, gatherMs: 0 }, (r) => reports.push(r));
    const run = (who: Who, r: PushRequest) => groups.push(grouped.orgId, grouped.people[who].id, grouped.people[who], r, NOW);
    const outcomes = await Promise.all(scenario.map(([who, r]) => run(who, r)));

    expect(reports.every((r) => r.committed)).toBe(true);
    expect(reports[0]!.pushes).toBe(1);
    // Everything else arrived while the first ran: the next group holds one push per client.
    expect(reports[1]!.clients).toEqual(['client-c1', 'client-c2', 'client-c3', 'client-c4', 'client-c5', 'client-c6', 'client-c7']);
    expect(reports.reduce((n, r) => n + r.pushes, 0)).toBe(scenario.length);

    // The same pushes alone, one transaction each, in the order the groups processed them.
    const pending = scenario.map(([who, r], i) => ({ who, r, i }));
    const alone: PushOutcome[] = new Array<PushOutcome>(scenario.length);
    const single = new PushGroups(t.db, { pushes: 1, mutations: 2000 });
    for (const report of reports) {
      for (const clientId of report.clients) {
        const next = pending.findIndex((p) => p.r.clientId === clientId);
        const p = pending.splice(next, 1)[0]!;
        alone[p.i] = await single.push(serial.orgId, serial.people[p.who].id, serial.people[p.who], p.r, NOW);
      }
    }
    expect(pending).toEqual([]);
    expect(outcomes).toEqual(alone);
    expect(await stateOf(t.db, grouped.orgId)).toEqual(await stateOf(t.db, serial.orgId));

    // And the answers are the ones the scenario means (not merely equal to each other).
    const results = (i: number) => (outcomes[i]!.ok ? outcomes[i]!.response.results.map((r) => (r.status === 'applied' ? `applied:${r.conflicts}` : r.code)) : outcomes[i]!.code);
    expect(results(1)).toEqual(['applied:0', 'applied:0', 'applied:0']);
    expect(results(2)).toEqual(['NOT_FOUND', 'applied:0', 'applied:1']);
    expect(results(3)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(results(4)).toEqual(['applied:0']);
    expect(results(5)).toEqual(['NOT_FOUND', 'applied:0']);
    expect(results(6)).toBe('MUTATION_GAP');
    expect(results(7)).toBe('CLIENT_UPDATE_REQUIRED');
    expect(results(8)).toBe('CLIENT_NOT_YOURS');
    expect(outcomes[9]!.ok && outcomes[9]!.response).toEqual(outcomes[2]!.ok && outcomes[2]!.response);
    expect(results(10)).toEqual(['UNKNOWN_MUTATOR', 'applied:0', 'applied:0']);
    const versions = outcomes.map((o) => (o.ok ? o.version : null));
    // In processing order c0, c1, c2, c3, c4, c7 took versions 1..6 and c1's second push (next
    // group) 7; the pushes refused whole and the duplicate took none.
    expect(versions).toEqual([1, 2, 3, 4, 5, 7, null, null, null, null, 6]);
    const state = await stateOf(t.db, grouped.orgId);
    expect(state.version).toEqual([{ version: 7 }]);
    const plan = state.records.find((r) => r.tbl === 'plans' && r.id === 'plan-1');
    expect(plan).toMatchObject({ deleted: true, version: 5 });
    expect(state.records.some((r) => r.tbl === 'customers' && r.id === 'cust-3')).toBe(false);
  });

  it("reads a whole table over the group's earlier pushes: a Partner Center list skips a tenant a batch-mate created", async () => {
    const { orgId, people } = await orgWith('Whole');
    const tenant = (n: number) => `7c2d4e6f-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const reports: GroupReport[] = [];
    const groups = new PushGroups(t.db, { pushes: 64, mutations: 2000, gatherMs: 0 }, (r) => reports.push(r));
    const run = (r: PushRequest) => groups.push(orgId, people.alice.id, people.alice, r, NOW);
    const outcomes = await Promise.all([
      run(req('whole-c0', 1, [['customer.create', { id: 'w-1', name: 'Stored', tenantId: tenant(1) }]])),
      // Both arrive while the first runs: one group, the list after the push that creates tenant 2.
      run(req('whole-c1', 1, [['customer.create', { id: 'w-2', name: 'Batch-mate', tenantId: tenant(2) }]])),
      run(req('whole-c2', 1, [['customer.createMany', { file: 'Customers.csv', customers: [1, 2, 3].map((n) => ({ id: `w-list-${n}`, name: `Listed ${n}`, tenantId: tenant(n) })) }]])),
    ]);
    expect(outcomes.every((o) => o.ok && o.response.results.every((r) => r.status === 'applied'))).toBe(true);
    expect(reports[1]!.clients).toEqual(['whole-c1', 'whole-c2']);
    const { rows } = await t.db.query<{ id: string }>("SELECT id FROM records WHERE org_id = $1 AND tbl = 'customers' AND NOT deleted ORDER BY id", [orgId]);
    expect(rows.map((r) => r.id)).toEqual(['w-1', 'w-2', 'w-list-3']);
  });

  it('runs its pushes again one by one when the group fails, so only the faulty push fails', async () => {
    const { orgId, people } = await orgWith('Faulty');
    const reports: GroupReport[] = [];
    const groups = new PushGroups(t.db, { inFlight: 1, gatherMs: 0 }, (r) => reports.push(r));
    const go = (r: PushRequest) => groups.push(orgId, people.alice.id, people.alice, r, NOW);
    // A NUL character passes the mutator but not the database (jsonb refuses \u0000): the group's
    // one write fails, as any storage failure of one push would.
    const settled = await Promise.allSettled([
      go(req('client-f0', 1, [['customer.create', { id: 'f-0', name: 'First' }]])),
      go(req('client-f1', 1, [['customer.create', { id: 'f-1', name: 'Good' }]])),
      go(req('client-f2', 1, [['customer.create', { id: 'f-2', name: 'Bad\u0000name' }]])),
      go(req('client-f3', 1, [['customer.create', { id: 'f-3', name: 'Also good' }]])),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(reports.map((r) => [r.pushes, r.committed])).toEqual([
      [1, true],
      [3, false],
      [1, true],
      [1, false],
      [1, true],
    ]);
    const state = await stateOf(t.db, orgId);
    expect(state.version).toEqual([{ version: 3 }]);
    expect(state.records.filter((r) => r.tbl === 'customers').map((r) => [r.id, r.version])).toEqual([
      ['f-0', 1],
      ['f-1', 2],
      ['f-3', 3],
    ]);
    // The faulty push left nothing, not even its client.
    expect(state.clients.map((c) => c.client_id)).toEqual(['client-f0', 'client-f1', 'client-f3']);
  });
});

describe('a group across organizations', () => {
  it('runs the pushes of several orgs in one transaction, org by org, each as it would be alone', async () => {
    const a = await orgWith('CrossA');
    const b = await orgWith('CrossB');
    const soloA = await orgWith('SoloA');
    const soloB = await orgWith('SoloB');
    type Org = typeof a;
    // Arrival order; after the first, all arrive while it runs. The same client id in two orgs is
    // two clients; a client's second push in one org waits for the next group.
    const scenario: [Org, 'alice' | 'bob', PushRequest][] = [
      [a, 'alice', req('x-0', 1, [['customer.create', { id: 'x-a0', name: 'A zero' }]])],
      [b, 'alice', req('x-0', 1, [['customer.create', { id: 'x-b0', name: 'B zero' }]])],
      [a, 'bob', req('x-1', 1, [
        ['customer.update', { id: 'x-a0', notes: 'seen in A' }],
        ['customer.update', { id: 'x-b0', notes: 'not in A' }],
      ])],
      [b, 'bob', req('x-1', 1, [['customer.update', { id: 'x-b0', notes: 'seen in B' }]])],
      [a, 'alice', req('x-0', 2, [['customer.create', { id: 'x-a1', name: 'A one' }]])],
      [b, 'alice', req('x-0', 2, [['customer.create', { id: 'x-a1', name: 'B one' }]])],
    ];
    const reports: GroupReport[] = [];
    const groups = new PushGroups(t.db, { inFlight: 1, gatherMs: 0 }, (r) => reports.push(r));
    const outcomes = await Promise.all(scenario.map(([org, who, r]) => groups.push(org.orgId, org.people[who].id, org.people[who], r, NOW)));

    expect(reports.every((r) => r.committed)).toBe(true);
    const sorted = [a.orgId, b.orgId].sort();
    expect(reports.map((r) => [r.orgIds, r.pushes])).toEqual([
      [[a.orgId], 1],
      [sorted, 4],
      [[b.orgId], 1],
    ]);
    // Locks (and processing) in org id order, each org's pushes in arrival order.
    expect(reports[1]!.clients).toEqual(sorted[0] === a.orgId ? ['x-1', 'x-0', 'x-0', 'x-1'] : ['x-0', 'x-1', 'x-1', 'x-0']);

    // Orgs are independent: the same pushes alone, in each org's arrival order, give the same.
    const single = new PushGroups(t.db, { pushes: 1, mutations: 2000 });
    const alone: PushOutcome[] = [];
    for (const [org, who, r] of scenario) {
      const solo = org === a ? soloA : soloB;
      alone.push(await single.push(solo.orgId, solo.people[who].id, solo.people[who], r, NOW));
    }
    expect(outcomes).toEqual(alone);
    expect(await stateOf(t.db, a.orgId)).toEqual(await stateOf(t.db, soloA.orgId));
    expect(await stateOf(t.db, b.orgId)).toEqual(await stateOf(t.db, soloB.orgId));
    const results = (i: number) => (outcomes[i]!.ok ? outcomes[i]!.response.results.map((r) => (r.status === 'applied' ? 'applied' : r.code)) : outcomes[i]!.code);
    expect(results(2)).toEqual(['applied', 'NOT_FOUND']);
    expect(outcomes.map((o) => (o.ok ? o.version : null))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('runs a failed cross-org group again push by push, so the other org still commits', async () => {
    const a = await orgWith('FaultA');
    const b = await orgWith('FaultB');
    const reports: GroupReport[] = [];
    const groups = new PushGroups(t.db, { inFlight: 1, gatherMs: 0 }, (r) => reports.push(r));
    const settled = await Promise.allSettled([
      groups.push(a.orgId, a.people.alice.id, a.people.alice, req('y-0', 1, [['customer.create', { id: 'y-0', name: 'First' }]]), NOW),
      groups.push(a.orgId, a.people.alice.id, a.people.alice, req('y-1', 1, [['customer.create', { id: 'y-1', name: 'Bad\u0000name' }]]), NOW),
      groups.push(b.orgId, b.people.alice.id, b.people.alice, req('y-1', 1, [['customer.create', { id: 'y-2', name: 'Good' }]]), NOW),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(reports.map((r) => [r.pushes, r.committed])).toEqual([
      [1, true],
      [2, false],
      ...(a.orgId < b.orgId ? [[1, false], [1, true]] : [[1, true], [1, false]]),
    ]);
    expect((await stateOf(t.db, a.orgId)).version).toEqual([{ version: 1 }]);
    expect((await stateOf(t.db, b.orgId)).records.map((r) => r.id)).toContain('y-2');
  });
});

describe('groups in flight', () => {
  it('gather the clients of an org\'s last group before the next one starts', async () => {
    const { orgId, people } = await orgWith('Gather');
    const reports: GroupReport[] = [];
    // Long enough that only the clients' return, not the time limit, can start the second group.
    const groups = new PushGroups(t.db, { gatherMs: 60_000 }, (r) => reports.push(r));
    const go = (clientId: string, first: number, id: string) =>
      groups.push(orgId, people.alice.id, people.alice, req(clientId, first, [['customer.create', { id, name: id }]]), NOW);
    const first = go('g-0', 1, 'g-0a');
    const waiting = [go('g-1', 1, 'g-1a'), go('g-2', 1, 'g-2a')];
    await first;
    // g-0 comes back after its answer: the group that starts is of all three clients.
    const started = performance.now();
    const outcomes = await Promise.all([...waiting, go('g-0', 2, 'g-0b')]);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(outcomes.map((o) => o.ok && o.version)).toEqual([2, 3, 4]);
    expect(reports.map((r) => r.clients)).toEqual([['g-0'], ['g-1', 'g-2', 'g-0']]);
  });

  // PGlite has one connection: one group at a time.
  it.skipIf(!process.env.DATABASE_URL)('do not wait for each other on distinct organizations (PostgreSQL)', async () => {
    const a = await orgWith('BlockedA');
    const b = await orgWith('FreeB');
    const groups = new PushGroups(t.db, { inFlight: 2, gatherMs: 0 });
    // Another process holds org A's version row: A's group waits for it, B's must not.
    const other = await t.another();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = other.transaction(async (tx) => {
      await tx.query('SELECT version FROM workspaces WHERE org_id = $1 FOR UPDATE', [a.orgId]);
      locked();
      await held;
    });
    await isLocked;
    let aDone = false;
    const pa = groups.push(a.orgId, a.people.alice.id, a.people.alice, req('z-0', 1, [['customer.create', { id: 'z-a', name: 'A' }]]), NOW).then((o) => {
      aDone = true;
      return o;
    });
    const ob = await groups.push(b.orgId, b.people.alice.id, b.people.alice, req('z-0', 1, [['customer.create', { id: 'z-b', name: 'B' }]]), NOW);
    expect(ob.ok && ob.version).toBe(1);
    expect(aDone).toBe(false);
    release();
    await holder;
    const oa = await pa;
    expect(oa.ok && oa.version).toBe(1);
  });
});

describe('two server instances on one database', () => {
  let apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  it('keep the org versions gap-free and each client in order under concurrent pushes', async () => {
    const { orgId } = await orgWith('Twice');
    // On PostgreSQL the second instance has its own pool, as another process would; PGlite lives
    // in one process, so there two apps (two group committers) share it.
    const second = t.schema ? await t.another() : t.db;
    apps = [await testApp(t.db, { SYNC_RATE_PER_USER: '100000' }), await testApp(second, { SYNC_RATE_PER_USER: '100000' })];
    const bases = await Promise.all(apps.map((a) => a.listen({ host: '127.0.0.1', port: 0 })));
    const token = async (email: string) => {
      const res = await fetch(`${bases[0]}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PW }) });
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const tokens = [await token('alice@twice.example'), await token('bob@twice.example')];
    const post = async (base: string, tok: string, body: PushRequest) => {
      const res = await fetch(`${base}/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return (await res.json()) as PushResponse;
    };

    const clients = 6;
    const pushes = 12;
    const perPush = 3;
    // A customer all clients write, each its own field, naming it in their base versions as the app
    // does (read once per group): a read older than the lock would put back a stale field.
    const shared = ['name', 'domain', 'notes'] as const;
    await post(bases[0]!, tokens[0]!, req('twice-setup-client', 1, [['customer.create', { id: 'tw-shared', name: 'Shared' }]]));
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const clientId = `twice-client-${c}`;
        const tok = tokens[c % 2]!;
        for (let p = 0; p < pushes; p++) {
          const first = p * perPush + 1;
          const own = { [`customers/tw-${c}`]: 0 };
          const muts: Mut[] = Array.from({ length: perPush }, (_, i) =>
            first + i === 1
              ? ['customer.create', { id: `tw-${c}`, name: `Customer ${c}` }, own]
              : i === perPush - 1 && c < shared.length
                ? ['customer.update', { id: 'tw-shared', [shared[c]!]: `${shared[c]} ${first + i}` }, { 'customers/tw-shared': 0 }]
                : ['customer.update', { id: `tw-${c}`, notes: `note ${first + i}` }, own],
          );
          const body = req(clientId, first, muts);
          // Alternating servers; client 0 also sends every push to both at once (an answer lost and
          // retried elsewhere): both answers must be the same, and the push applied once.
          const base = bases[(c + p) % 2]!;
          const answers = c === 0 ? await Promise.all(bases.map((b) => post(b, tok, body))) : [await post(base, tok, body)];
          for (const a of answers) {
            expect(a.lastMutationId).toBe(first + perPush - 1);
            expect(a.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
          }
          if (answers.length === 2) expect(answers[1]).toEqual(answers[0]);
        }
      }),
    );

    const total = clients * pushes;
    const pull = await fetch(`${bases[1]}/sync/pull?cursor=0&clientId=twice-reader&schemaVersion=${SCHEMA_VERSION}`, { headers: { authorization: `Bearer ${tokens[0]}` } });
    const page = (await pull.json()) as PullResponse;
    expect(page.more).toBe(false);
    expect(page.cursor).toBe(total + 1);
    // Every version 2..total+1 (1: the setup) belongs to exactly one push (its activity entries).
    const activity = page.changes.filter((ch) => ch.table === 'activity' && ch.id.startsWith('act:twice-client-'));
    expect(activity).toHaveLength(total * perPush);
    const byVersion = new Map<number, Set<string>>();
    for (const a of activity) {
      const [, clientId, mutation] = a.id.split(':');
      const push = `${clientId}/${Math.floor((Number(mutation) - 1) / perPush)}`;
      byVersion.set(a.version, (byVersion.get(a.version) ?? new Set()).add(push));
    }
    expect([...byVersion.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 2));
    expect([...byVersion.values()].every((s) => s.size === 1)).toBe(true);
    const last = pushes * perPush;
    expect(page.changes.find((ch) => ch.table === 'customers' && ch.id === 'tw-shared')?.data).toMatchObject({
      name: `name ${last}`,
      domain: `domain ${last}`,
      notes: `notes ${last}`,
    });
    // Each client's pushes got increasing versions, in the order it sent them.
    for (let c = 0; c < clients; c++) {
      const mine = activity
        .filter((a) => a.id.startsWith(`act:twice-client-${c}:`))
        .map((a) => ({ m: Number(a.id.split(':')[2]), v: a.version }))
        .sort((a, b) => a.m - b.m);
      expect(mine).toHaveLength(pushes * perPush);
      for (let i = 1; i < mine.length; i++) {
        if (i % perPush === 0) expect(mine[i]!.v).toBeGreaterThan(mine[i - 1]!.v);
        else expect(mine[i]!.v).toBe(mine[i - 1]!.v);
      }
      const customer = page.changes.find((ch) => ch.table === 'customers' && ch.id === `tw-${c}`);
      expect(customer?.data?.notes).toBe(`note ${c < shared.length ? last - 1 : last}`);
    }
    const state = await stateOf(t.db, orgId);
    expect(state.version).toEqual([{ version: total + 1 }]);
    expect(state.clients.filter((c) => String(c.client_id).startsWith('twice-client-')).map((c) => c.last_mutation_id)).toEqual(
      Array.from({ length: clients }, () => pushes * perPush),
    );
  });
});
