// An app of the previous sync schema (5) against this server (DESIGN.md: N-1 is accepted), and what
// is left of schema 4: changes still named as schema 4 named them (an outbox written before the
// rename), and refusal codes a server of schema 4 recorded. Over real HTTP, on PGlite and, with
// DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  OLDEST_ACCEPTED_SCHEMA_VERSION,
  PullResponse,
  PushResponse,
  SCHEMA_VERSION,
  SyncError,
  SyncErrorCode,
  type PushRequest,
} from '../../shared/sync/protocol';
import { AIKO, signInOverHttp, startTestServer, type TestServer } from '../testing';
import { inBothLanguages } from '../../test/support/refusalWords';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const PREVIOUS = SCHEMA_VERSION - 1;
let server: TestServer;
let token: string;
let orgId: string;

async function push(request: PushRequest): Promise<Response> {
  return fetch(`${server.base}/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}

async function rows(table: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${server.base}/sync/pull?cursor=0&clientId=previous-reader-01&schemaVersion=${SCHEMA_VERSION}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return PullResponse.parse(await res.json()).changes.filter((c) => c.table === table && c.data).map((c) => c.data!);
}

beforeAll(async () => {
  server = await startTestServer({ Fabrikam: [AIKO] });
  orgId = server.orgs.Fabrikam!.id;
  ({ token } = await signInOverHttp(server.base, AIKO.email));
});

afterAll(() => server?.stop());

describe('a client of the previous sync schema', () => {
  it('is the schema this server still accepts', () => {
    expect(PREVIOUS).toBe(OLDEST_ACCEPTED_SCHEMA_VERSION);
  });

  it('pushes changes under their old names: the server applies them as the renamed mutators', async () => {
    const mutations: PushRequest['mutations'] = [
      { id: 1, name: 'partner.update', args: { partnerTenantId: PARTNER, country: 'JP' }, baseVersions: {} },
      { id: 2, name: 'customer.create', args: { id: 'c-1', name: 'Contoso', country: 'JP' }, baseVersions: {} },
      { id: 3, name: 'plan.create', args: { id: 'p-1', customerId: 'c-1', asOf: '2026-12-01' }, baseVersions: {} },
      { id: 4, name: 'planLine.add', args: { id: 'l-1', planId: 'p-1', sourceSkuId: 'x', targetSkuId: null, quantity: 10 }, baseVersions: {} },
      // Schema 4's names for planLine.setTarget and invitation.create.
      { id: 5, name: 'plan.setTarget', args: { lineId: 'l-1', targetSkuId: 'sku-E3', quantity: 12 }, baseVersions: {} },
      { id: 6, name: 'invite.create', args: { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'en' }, baseVersions: {} },
    ];
    const res = await push({ clientId: 'previous-app-0001', schemaVersion: PREVIOUS, mutations });
    expect(res.status).toBe(200);
    const answer = PushResponse.parse(await res.json());
    expect(answer.results).toEqual(mutations.map((m) => ({ id: m.id, status: 'applied', conflicts: 0 })));
    expect((await rows('planLines'))[0]).toMatchObject({ id: 'l-1', targetSkuId: 'sku-E3', quantity: 12 });
    expect((await rows('invitations'))[0]).toMatchObject({ id: 'i-1', customerId: 'c-1' });
    // The record of what happened names the change as it is named now.
    const activity = (await rows('activity')).map((a) => a.mutation);
    expect(activity).toEqual(expect.arrayContaining(['planLine.setTarget', 'invitation.create']));
    expect(activity).not.toContain('plan.setTarget');
  });

  it('reads the activity entries this server writes: the text field it requires is there (the change\'s name), the code beside it', async () => {
    const res = await fetch(`${server.base}/sync/pull?cursor=0&clientId=previous-reader-02&schemaVersion=${PREVIOUS}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const entries = PullResponse.parse(await res.json()).changes.filter((c) => c.table === 'activity' && c.data).map((c) => c.data!);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      // An app of schema 6 shows `summary` (a string it requires); this app words `code` and `params`.
      expect(e.summary).toBe(e.mutation);
      expect(typeof e.code).toBe('string');
    }
    expect(entries.find((e) => e.mutation === 'customer.create')).toMatchObject({ code: 'customer.create', params: { name: 'Contoso' } });
  });

  it('is sent refusal codes in the one casing, a result a server of schema 4 recorded included; schema 4 itself is told to update', async () => {
    const refused = (id: number): PushRequest['mutations'] => [{ id, name: 'plan.setTarget', args: { lineId: 'no-such-line', targetSkuId: null, quantity: 1 }, baseVersions: {} }];
    const previous = await push({ clientId: 'previous-app-0002', schemaVersion: PREVIOUS, mutations: refused(1) });
    expect(PushResponse.parse(await previous.json()).results).toEqual([
      expect.objectContaining({ id: 1, status: 'rejected', code: 'NOT_FOUND', message: expect.stringContaining('no-such-line') }),
    ]);
    const unknown = await push({ clientId: 'previous-app-0002', schemaVersion: PREVIOUS, mutations: [{ id: 2, name: 'plan.noSuchChange', args: {}, baseVersions: {} }] });
    expect(PushResponse.parse(await unknown.json()).results[0]).toMatchObject({ status: 'rejected', code: 'UNKNOWN_MUTATOR' });

    const current = await push({ clientId: 'current-app-0001', schemaVersion: SCHEMA_VERSION, mutations: refused(1) });
    expect(PushResponse.parse(await current.json()).results).toEqual([expect.objectContaining({ id: 1, status: 'rejected', code: 'NOT_FOUND' })]);
    // A result a server of schema 4 recorded holds the old spelling: a retried push reads it as today's.
    const rewritten = await server.t.db.query(`UPDATE sync_mutation_results SET result = jsonb_set(result, '{code}', '"not-found"') WHERE org_id = $1 AND client_id = $2`, [orgId, 'current-app-0001']);
    expect(rewritten.rowCount).toBe(1);
    for (const schemaVersion of [SCHEMA_VERSION, PREVIOUS]) {
      const again = await push({ clientId: 'current-app-0001', schemaVersion, mutations: refused(1) });
      expect(PushResponse.parse(await again.json()).results).toEqual([expect.objectContaining({ id: 1, status: 'rejected', code: 'NOT_FOUND' })]);
    }

    const schema4 = await push({ clientId: 'schema4-app-0001', schemaVersion: 4, mutations: refused(1) });
    expect(schema4.status).toBe(426);
    expect(SyncError.parse(await schema4.json()).error).toMatchObject({ code: 'CLIENT_UPDATE_REQUIRED', minSchemaVersion: OLDEST_ACCEPTED_SCHEMA_VERSION });
  });

  it('is sent refusals as its strict schema reads them: the English detail, neither the reason nor its parameters', async () => {
    // The rejected result as an app of schema 6 parses it (strict: an unknown field fails the push).
    const Schema6Rejected = z.object({ id: z.number().int(), status: z.literal('rejected'), code: z.string(), message: z.string(), messageJa: z.string().optional() }).strict();
    const previous = await push({ clientId: 'previous-app-0004', schemaVersion: PREVIOUS, mutations: [{ id: 1, name: 'customer.update', args: { id: 'no-such-customer', notes: 'x' }, baseVersions: {} }] });
    const [result] = PushResponse.parse(await previous.json()).results;
    expect(Schema6Rejected.parse(result)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no-such-customer') });
    // The same refusal for this app: a reason and its parameters, worded in each reader's language.
    const current = await push({ clientId: 'current-app-0004', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.update', args: { id: 'no-such-customer', notes: 'x' }, baseVersions: {} }] });
    const [refusal] = PushResponse.parse(await current.json()).results;
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', reason: 'record.notFound', params: { table: 'customers', id: 'no-such-customer' } });
    expect(inBothLanguages(refusal)).toEqual({
      en: 'The record no-such-customer is not in the workspace (customers)',
      ja: 'レコード no-such-customer はワークスペースにありません (customers)',
    });
  });

  it('answers a refusal an older server stored (its sentences, no reason) as it was, and this app shows it in the reader\'s language', async () => {
    const args = { id: 'no-such-customer', notes: 'x' };
    await push({ clientId: 'current-app-0005', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.update', args, baseVersions: {} }] });
    const stored = { id: 1, status: 'rejected', code: 'NOT_FOUND', message: 'customer.update: no customers record no-such-customer', messageJa: 'customer.update: customers のレコード no-such-customer が見つかりません' };
    const rewritten = await server.t.db.query('UPDATE sync_mutation_results SET result = $3::jsonb WHERE org_id = $1 AND client_id = $2', [orgId, 'current-app-0005', JSON.stringify(stored)]);
    expect(rewritten.rowCount).toBe(1);
    const again = await push({ clientId: 'current-app-0005', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'customer.update', args, baseVersions: {} }] });
    const [result] = PushResponse.parse(await again.json()).results;
    expect(result).toEqual(stored);
    expect(inBothLanguages(result)).toEqual({ en: stored.message, ja: stored.messageJa });
  });

  it('gets every error in the one casing the protocol declares (they never decided on the lower-case ones: they read the status)', async () => {
    const none = await fetch(`${server.base}/sync/pull?cursor=0&clientId=previous-app-0003&schemaVersion=${PREVIOUS}`);
    expect(none.status).toBe(401);
    const unauthenticated = SyncError.parse(await none.json());
    expect(unauthenticated.error.code).toBe('UNAUTHENTICATED');
    const bad = await push({ clientId: 'x', schemaVersion: PREVIOUS, mutations: [] } as unknown as PushRequest);
    expect(bad.status).toBe(400);
    const invalid = SyncError.parse(await bad.json());
    expect(invalid.error.code).toBe('INVALID_REQUEST');
    for (const code of [unauthenticated.error.code, invalid.error.code]) expect(SyncErrorCode.options).toContain(code);
    expect(SyncErrorCode.options.every((c) => /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(c))).toBe(true);
  });
});
