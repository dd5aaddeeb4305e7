// The server refuses what the 2026 rules forbid (issue 11, rule 9), whatever a client sends: the
// very mutators run authoritatively there. Over real HTTP, on PGlite and, with DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../shared/domain/gdap';
import { SCHEMA_VERSION, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { AIKO, signInOverHttp, startTestServer, type TestServer } from '../testing';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const LICENSE_ADMIN = '4d6ac14f-3453-41d0-bef9-a3e0c569773a';
let server: TestServer;
let token: string;
let nextId = 0;
const CLIENT = 'refusals-client-0001';

async function push(name: string, args: unknown): Promise<PushResponse['results'][number]> {
  const res = await fetch(`${server.base}/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: CLIENT, schemaVersion: SCHEMA_VERSION, mutations: [{ id: ++nextId, name, args, baseVersions: {} }] }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as PushResponse).results[0]!;
}

async function records(table: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${server.base}/sync/pull?cursor=0&clientId=${CLIENT}&schemaVersion=${SCHEMA_VERSION}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as PullResponse;
  return body.changes.filter((c) => c.table === table && c.data).map((c) => c.data!);
}

beforeAll(async () => {
  server = await startTestServer({ Fabrikam: [AIKO] });
  ({ token } = await signInOverHttp(server.base, AIKO.email));
  for (const [name, args] of [
    ['partner.update', { name: 'Fabrikam CSP', partnerTenantId: PARTNER, country: 'JP' }],
    ['customer.create', { id: 'c-jp', name: 'Contoso', country: 'JP' }],
    ['customer.create', { id: 'c-us', name: 'Litware', country: 'US' }],
    ['plan.create', { id: 'p-1', customerId: 'c-jp', asOf: '2026-12-01' }],
    ['planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: 'ENTERPRISEPACK', targetSkuId: 'O365_E3_NO_TEAMS', quantity: 20 }],
  ] as const) {
    expect(await push(name, args)).toMatchObject({ status: 'applied' });
  }
});

afterAll(() => server?.stop());

const gdap = (over: Record<string, unknown> = {}) => ({ roles: [LICENSE_ADMIN], durationDays: 730, approvalLink: '', autoExtend: false, ...over });

describe(`the server refuses the 2026 rules' violations (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it("refuses an invitation for a customer outside the partner's CSP region", async () => {
    expect(await push('invitation.create', { id: 'i-us', customerId: 'c-us', delegatedAdmin: 'none', language: 'en' })).toMatchObject({
      status: 'rejected',
      code: 'INVALID',
      reason: 'invitation.outsideRegion',
      params: { customer: 'Litware', customerRegion: expect.any(String), partnerRegion: expect.any(String) },
    });
  });

  it('refuses a GDAP request over 730 days', async () => {
    expect(await push('invitation.create', { id: 'i-731', customerId: 'c-jp', delegatedAdmin: 'gdap', gdap: gdap({ durationDays: 731 }), language: 'en' })).toEqual({
      id: nextId,
      status: 'rejected',
      code: 'INVALID',
      // A code and its parameters; the English detail is for developers (and apps of schema 6).
      reason: 'invitation.gdapProblems',
      params: { problems: ['duration-out-of-range'], maxDays: 730, autoExtendDays: 180 },
      message: 'invitation.create: invitation.gdapProblems {"problems":["duration-out-of-range"],"maxDays":730,"autoExtendDays":180}',
    });
  });

  it('refuses a legacy DAP request', async () => {
    expect(await push('invitation.create', { id: 'i-dap', customerId: 'c-jp', delegatedAdmin: 'dap', language: 'en' })).toMatchObject({
      status: 'rejected',
      code: 'INVALID',
      reason: 'invitation.dapRetired',
    });
  });

  it('refuses auto-extend with Global Administrator', async () => {
    const outcome = await push('invitation.create', { id: 'i-ga', customerId: 'c-jp', delegatedAdmin: 'gdap', gdap: gdap({ roles: [GLOBAL_ADMINISTRATOR_ROLE_ID, LICENSE_ADMIN], autoExtend: true }), language: 'ja' });
    expect(outcome).toMatchObject({
      status: 'rejected',
      code: 'INVALID',
      reason: 'invitation.gdapProblems',
      params: { problems: ['auto-extend-with-global-admin'] },
    });
  });

  it('refuses a 3-year term under 100 seats', async () => {
    expect(await push('planLine.setTerm', { lineId: 'l-1', term: 'P3Y', billingFrequency: 'triennial' })).toMatchObject({
      status: 'rejected',
      code: 'INVALID',
      reason: 'planLine.threeYearMinimum',
      params: { minimum: 100, asOf: '2026-12-01', quantity: 20 },
    });
    expect(await push('planLine.add', { id: 'l-2', planId: 'p-1', sourceSkuId: 'SPE_E3', targetSkuId: 'SPE_E3', quantity: 99, term: 'P3Y', billingFrequency: 'annual' })).toMatchObject({
      status: 'rejected',
      reason: 'planLine.threeYearMinimum',
      params: { minimum: 100, quantity: 99 },
    });
  });

  it('kept nothing of the refused changes, and applies the allowed ones', async () => {
    expect(await push('invitation.create', { id: 'i-ok', customerId: 'c-jp', delegatedAdmin: 'gdap', gdap: gdap({ autoExtend: true }), language: 'en' })).toMatchObject({ status: 'applied' });
    expect(await push('planLine.setTerm', { lineId: 'l-1', term: 'P1Y', billingFrequency: 'monthly' })).toMatchObject({ status: 'applied' });
    expect((await records('invitations')).map((r) => r.id)).toEqual(['i-ok']);
    expect(await records('invitations')).toEqual([expect.objectContaining({ delegatedAdmin: 'gdap', gdap: expect.objectContaining({ autoExtend: true, durationDays: 730 }) })]);
    expect((await records('planLines')).map((r) => [r.id, r.term, r.billingFrequency])).toEqual([['l-1', 'P1Y', 'monthly']]);
    // The new tables of schema 3 are stored and pulled like the others.
    expect(await push('transfer.request', { id: 't-1', customerId: 'c-jp', lineIds: ['l-1'], sourceKeys: Array.from({ length: 26 }, (_, i) => `s-${i}`) })).toMatchObject({
      status: 'rejected',
      reason: 'transfer.tooManyItems',
      params: { max: 25, count: 26 },
    });
    expect(await push('transfer.request', { id: 't-1', customerId: 'c-jp', lineIds: ['l-1'], sourceKeys: ['s-1'] })).toMatchObject({ status: 'applied' });
    expect(await push('finding.acknowledge', { customerId: 'c-jp', lineKey: 'l-1', code: 'service-loss', reason: 'Nobody uses it' })).toMatchObject({ status: 'applied' });
    expect(await records('transfers')).toEqual([expect.objectContaining({ id: 't-1', status: 'requested', requested: expect.objectContaining({ by: 'Aiko' }) })]);
    expect(await records('findingAcks')).toEqual([expect.objectContaining({ id: 'c-jp:l-1:service-loss', by: 'Aiko', reason: 'Nobody uses it' })]);
  });
});
