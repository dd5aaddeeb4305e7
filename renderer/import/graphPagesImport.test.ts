// A tenant read live from Microsoft Graph (electron/main/graphRead hands the renderer each page as
// Graph sent it) goes through the same import as the files, on real Dexie code over
// fake-indexeddb: one import record named as a live read, the same tenant check, and a page refused
// midway leaves every table as it was.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GRAPH_READ_SOURCE, isGraphRead, type ExportText } from '../../shared/import/graph';
import type { Actor } from '../../shared/mutators/define';
import { SyncClient } from '../../shared/sync/client';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from '../sync/dexieClientStore';
import type { FromWorker, ImportRequest } from './importProtocol';
import { runImport } from './importRun';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures/graph');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const TENANT = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
const OTHER = '1c0a8b6e-2d4f-4a3b-9c8d-7e6f5a4b3c2d';
const actor: Actor = { id: 'aiko', name: 'Aiko', role: 'admin-agent' };
const opened: WorkspaceDatabase[] = [];
let n = 0;

const page = (collection: string, number: number, body: unknown): ExportText => ({ file: `Microsoft Graph /v1.0/${collection} page ${number}`, text: JSON.stringify(body) });
const organization = (id: string) => page('organization', 1, { value: [{ id, displayName: 'Contoso', countryLetterCode: 'JP', verifiedDomains: [{ name: 'contoso.onmicrosoft.com', isDefault: true, isInitial: true, type: 'Managed', capabilities: 'Email' }] }] });
const user = (i: number, skuId = 'c7df2760-2c81-4ef7-b578-5b5392b571df') => ({
  id: `11111111-2222-4333-8444-${String(i).padStart(12, '0')}`,
  userPrincipalName: `user${i}@contoso.onmicrosoft.com`,
  assignedLicenses: [{ skuId, disabledPlans: [] }],
  licenseAssignmentStates: [{ skuId, disabledPlans: [], assignedByGroup: null, state: 'Active', error: 'None' }],
});
const usersPage = (number: number, from: number, count: number) => page('users', number, { value: Array.from({ length: count }, (_, i) => user(from + i)) });

function pages(orgId: string, users: ExportText[]): ImportRequest {
  return {
    kind: 'graphPages',
    customerId: 'c-contoso',
    pages: {
      organization: organization(orgId),
      subscribedSkus: [{ file: 'Microsoft Graph /v1.0/subscribedSkus page 1', text: fixture('subscribedSkus.list.response.json') }],
      subscriptions: [{ file: 'Microsoft Graph /v1.0/directory/subscriptions page 1', text: fixture('directory.subscriptions.list.response.json') }],
      users,
    },
  };
}

async function workspace(tenantId?: string) {
  const dbName = `graph-pages-${++n}`;
  const db = new WorkspaceDatabase(dbName);
  opened.push(db);
  const client = new SyncClient(new DexieClientStore(db, () => `client-${dbName}`), { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) }, { actor: () => actor, now: () => '2026-12-06T09:00:00.000Z' });
  const created = await client.mutate('customer.create', { id: 'c-contoso', name: 'Contoso Japan', ...(tenantId ? { tenantId } : {}) });
  if (!created.ok) throw new Error(created.message);
  return { db, dbName };
}

async function run(dbName: string, request: ImportRequest, importId = `imp-${++n}`): Promise<FromWorker> {
  const messages: FromWorker[] = [];
  await runImport({ type: 'start', request, importId, dbName, actor, now: '2026-12-06T09:00:00.000Z' }, { post: (m) => messages.push(m), cancelled: () => false });
  return messages.at(-1)!;
}

const everything = async (db: WorkspaceDatabase) => Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));

afterAll(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('graphPages: a live read through the file import', () => {
  it('imports every page of a read, with one import record named as a read from Microsoft, an activity entry and the outbox', async () => {
    const ws = await workspace(TENANT);
    const last = await run(ws.dbName, pages(TENANT, [usersPage(1, 1, 999), usersPage(2, 1000, 999), usersPage(3, 1999, 2)]), 'imp-read');
    expect(last.type).toBe('done');
    const record = await ws.db.imports.get('imp-read');
    expect(record?.status).toBe('committed');
    expect(record?.files).toEqual([GRAPH_READ_SOURCE]);
    expect(isGraphRead(record!.files)).toBe(true);
    expect(isGraphRead(['users.json'])).toBe(false);
    expect(record?.counts.users).toBe(2000);
    expect((await ws.db.customers.get('c-contoso'))?.tenantImportId).toBe('imp-read');
    expect(await ws.db.activity.count()).toBeGreaterThanOrEqual(2);
    expect(await ws.db.outbox.count()).toBeGreaterThan(0);
  });

  it('refuses a users page that breaks midway (page 2 of 3) in words, and writes nothing at all', async () => {
    const ws = await workspace(TENANT);
    const broken = page('users', 2, { value: [user(1000), user(1001, 'not-a-guid')] });
    const before = await everything(ws.db);
    const last = await run(ws.dbName, pages(TENANT, [usersPage(1, 1, 999), broken, usersPage(3, 1999, 2)]));
    if (last.type !== 'failed' || last.failure.kind !== 'parse') throw new Error(`expected a refusal, got ${last.type}`);
    expect(last.failure.details).toMatchObject({ file: 'Microsoft Graph /v1.0/users page 2', record: 2 });
    expect(last.failure.messageJa).toBeTruthy();
    expect(await everything(ws.db)).toEqual(before);
  });

  it("refuses another tenant's read than the customer's tenant id, and writes nothing", async () => {
    const ws = await workspace(TENANT);
    const before = await everything(ws.db);
    const last = await run(ws.dbName, pages(OTHER, [usersPage(1, 1, 3)]));
    if (last.type !== 'failed' || last.failure.kind !== 'parse') throw new Error(`expected a refusal, got ${last.type}`);
    expect(last.failure.details).toMatchObject({ code: 'OTHER_TENANT' });
    expect(await everything(ws.db)).toEqual(before);
  });
});
