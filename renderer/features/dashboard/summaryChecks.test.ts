// The dashboard's saved-plan checks read from the customers' summaries equal the checks computed
// from every row (loadPlanCheckInput + planCheckEntries, what the dashboard did before summaries):
// on a client that pulled the workspace another client made, after a workspace-wide change (a
// discontinued mark) once the stale customers are recomputed, and on a workspace from before
// summaries (none stored) once every planned customer is recomputed.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalogCsv, parseTenantExports } from '../../../shared/import/index';
import type { Actor } from '../../../shared/mutators/define';
import { mutateApi } from '../../../shared/mutators/api';
import { SyncClient, type SyncTransport } from '../../../shared/sync/client';
import { MemoryClientStore } from '../../../shared/sync/memoryClientStore';
import { MemorySyncServer } from '../../../shared/sync/memoryServer';
import type { PushRequest } from '../../../shared/sync/protocol';
import { readFixture } from '../../../test/support/fixtures';
import { WorkspaceDatabase } from '../../db/database';
import { DexieClientStore } from '../../sync/dexieClientStore';
import type { AttentionEntry } from './attention';
import { buildDashboard, buildFullDashboard, withSummaryChecks, type Dashboard } from './dashboard';
import { loadDashboardInput, loadPlanCheckInput } from './loadDashboard';
import { recomputeSummaries } from './recompute';

const NOW = '2026-11-24T09:00:00.000Z';
const AS_OF = '2026-11-26';
const CATALOG = parseCatalogCsv(readFixture('microsoft/Product names and service plan identifiers for licensing.csv'), 'licensing.csv').skus;
const part = (p: string) => CATALOG.find((s) => s.partNumber === p)!;
const E5 = part('ENTERPRISEPREMIUM');
const E3 = part('ENTERPRISEPACK');
const tenant = parseTenantExports({
  subscribedSkus: { text: readFixture('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' },
  subscriptions: { text: readFixture('graph/directory.subscriptions.list.response.json'), file: 'subscriptions.json' },
});

const server = new MemorySyncServer(500);
const actor: Actor = { id: 'aiko', name: 'Aiko Tanaka', role: 'admin-agent' };
function wire(): SyncTransport {
  return {
    push: async (request: PushRequest) => {
      const outcome = await server.push(structuredClone(request), actor, NOW);
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.response;
    },
    pull: async (cursor, clientId) => structuredClone(server.pull(cursor, clientId)),
  };
}

const opened: WorkspaceDatabase[] = [];
afterAll(() => {
  for (const db of opened) db.close();
});

/** A teammate's workspace, made through the mutators on another client and pushed. */
async function teammateWorkspace() {
  const store = new MemoryClientStore('teammate-client-01');
  const client = new SyncClient(store, wire(), { actor: () => actor, now: () => NOW });
  const mutate = mutateApi((n, args, options) => client.mutate(n, args, options));
  const ok = async (p: Promise<{ ok: boolean }>) => expect(await p).toEqual({ ok: true });
  await ok(mutate.partner.update({ name: 'Fabrikam CSP', partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', country: 'JP' }));
  await ok(mutate.catalog.importChunk({ importId: 'cat1', rows: CATALOG.filter((s) => s.servicePlans.length > 0).map((s) => ({ skuId: s.id, partNumber: s.partNumber, name: s.name, servicePlans: s.servicePlans, purchasable: true })) }));
  await ok(mutate.catalog.importCommit({ importId: 'cat1', files: ['licensing.csv'], count: CATALOG.filter((s) => s.servicePlans.length > 0).length, hasOffers: false }));
  const counts = { skus: tenant.skus.length, subscriptions: tenant.subscriptions!.length, users: 0 };
  for (const [i, id] of ['contoso', 'fabrikam', 'northwind', 'tailspin', 'woodgrove'].entries()) {
    await ok(mutate.customer.create({ id, name: `${id} K.K.`, country: i === 4 ? 'US' : 'JP' }));
    if (i === 3) continue; // no tenant imported: its plan's order windows only
    await ok(mutate.tenant.importChunk({ importId: `imp-${id}`, customerId: id, kind: 'skus', rows: tenant.skus }));
    await ok(mutate.tenant.importChunk({ importId: `imp-${id}`, customerId: id, kind: 'subscriptions', rows: tenant.subscriptions! }));
    await ok(mutate.tenant.importCommit({ importId: `imp-${id}`, customerId: id, files: ['subscribedSkus.json', 'subscriptions.json'], counts }));
  }
  // E5 is in subscribedSkus only (the sample's one subscription is of another SKU): its line is `sku:<id>`.
  // Contoso: E5 to E3 with too few seats (data loss and a shortfall), then a newer plan that counts.
  await ok(mutate.plan.create({ id: 'p-contoso-1', customerId: 'contoso', asOf: '2026-11-20' }));
  await ok(mutate.planLine.add({ id: 'l-contoso-old', planId: 'p-contoso-1', sourceSkuId: E5.id, sourceSubscriptionId: null, targetSkuId: E3.id, quantity: 1 }));
  await ok(mutate.plan.create({ id: 'p-contoso-2', customerId: 'contoso', asOf: '2026-11-21' }));
  await ok(mutate.planLine.add({ id: 'l-contoso', planId: 'p-contoso-2', sourceSkuId: E5.id, sourceSubscriptionId: null, targetSkuId: E3.id, quantity: 10 }));
  // Fabrikam: the same, its data loss acknowledged; an order placed on the 20th (window closes on the 27th).
  await ok(mutate.plan.create({ id: 'p-fabrikam', customerId: 'fabrikam', asOf: '2026-11-20' }));
  await ok(mutate.planLine.add({ id: 'l-fabrikam', planId: 'p-fabrikam', sourceSkuId: E5.id, sourceSubscriptionId: null, targetSkuId: E3.id, quantity: 2 }));
  await ok(mutate.planLine.setOrderDate({ lineId: 'l-fabrikam', orderDate: '2026-11-20' }));
  await ok(mutate.finding.acknowledge({ customerId: 'fabrikam', lineKey: `sku:${E5.id}`, code: 'DATA_LOSS_RISK', reason: 'The customer uses none of those services' }));
  // Northwind: keeps E5 (no target), and is done: nothing to check.
  await ok(mutate.plan.create({ id: 'p-northwind', customerId: 'northwind', asOf: '2026-11-20' }));
  await ok(mutate.planLine.add({ id: 'l-northwind', planId: 'p-northwind', sourceSkuId: E5.id, sourceSubscriptionId: null, targetSkuId: null, quantity: 1 }));
  await ok(mutate.customer.setStage({ id: 'northwind', stage: 'done' }));
  // Tailspin: no tenant, an order window only.
  await ok(mutate.plan.create({ id: 'p-tailspin', customerId: 'tailspin', asOf: '2026-11-20' }));
  await ok(mutate.planLine.add({ id: 'l-tailspin', planId: 'p-tailspin', sourceSkuId: E5.id, targetSkuId: E3.id, quantity: 5 }));
  await ok(mutate.planLine.setOrderDate({ lineId: 'l-tailspin', orderDate: '2026-11-21' }));
  // Woodgrove: keeps E5 with fewer seats than in use.
  await ok(mutate.plan.create({ id: 'p-woodgrove', customerId: 'woodgrove', asOf: '2026-11-20' }));
  await ok(mutate.planLine.add({ id: 'l-woodgrove', planId: 'p-woodgrove', sourceSkuId: E5.id, sourceSubscriptionId: null, targetSkuId: null, quantity: 3 }));
  await client.sync();
}

async function pulledClient(name: string) {
  const db = new WorkspaceDatabase(name);
  opened.push(db);
  const client = new SyncClient(new DexieClientStore(db, () => `${name}-client`), wire(), { actor: () => actor, now: () => NOW });
  await client.pull();
  return { db, client, mutate: mutateApi((n, args, options) => client.mutate(n, args, options)) };
}

/** The checks from every row, as before summaries. */
async function fromRows(db: WorkspaceDatabase) {
  const input = await loadDashboardInput(db);
  return buildFullDashboard(input, await loadPlanCheckInput(db, input), AS_OF).attention.entries;
}

async function fromSummaries(db: WorkspaceDatabase, recompute: boolean): Promise<{ dashboard: Dashboard; stale: string[]; firstStale?: string[]; entries: AttentionEntry[] }> {
  const input = await loadDashboardInput(db);
  const overview = buildDashboard(input, AS_OF);
  const first = withSummaryChecks(overview, input, AS_OF);
  if (!recompute || first.stale.length === 0) return { ...first, entries: first.dashboard.attention.entries };
  const facts = await recomputeSummaries(db, first.stale);
  const again = withSummaryChecks(overview, input, AS_OF, new Map(facts.map((f) => [f.customerId, f])));
  expect(again.stale).toEqual([]);
  return { ...again, firstStale: first.stale, entries: again.dashboard.attention.entries };
}

describe('saved-plan checks from the summaries (fake-indexeddb)', () => {
  it('equal the checks from every row on a client that pulled a teammate’s workspace, with nothing to recompute', async () => {
    await teammateWorkspace();
    const { db } = await pulledClient('summaries-pulled');
    expect(await db.customerSummaries.count()).toBe(5);
    const summary = await fromSummaries(db, false);
    expect(summary.stale).toEqual([]);
    expect(summary.dashboard.planChecked).toBe(true);
    const rows = await fromRows(db);
    expect(summary.entries).toEqual(rows);
    const codes = rows.filter((e) => e.code !== 'EXPIRY_DEADLINE' && e.code !== 'REGION_MISMATCH').map((e) => `${e.customerId}:${e.code}`);
    expect(codes.sort()).toEqual(['contoso:DATA_LOSS_RISK', 'contoso:SEAT_SHORTFALL', 'fabrikam:ORDER_CHECK_BY', 'fabrikam:SEAT_SHORTFALL', 'tailspin:ORDER_CHECK_BY', 'woodgrove:SEAT_SHORTFALL']);    // What the worker recomputes (rows by key, the whole catalog) is what the mutators stored.
    const stored = new Map((await db.customerSummaries.toArray()).map((r) => [r.id, r]));
    const again = await recomputeSummaries(db, [...stored.keys()]);
    expect(again).toHaveLength(5);
    for (const f of again) {
      expect(f.lines).toEqual(stored.get(f.customerId)!.lines);
      expect(f.risks).toEqual(stored.get(f.customerId)!.risks);
    }
  });

  it('after a discontinued mark, recomputes the customers whose lines read that SKU and then equals the checks from every row', async () => {
    const { db, mutate } = await pulledClient('summaries-marked');
    expect(await mutate.catalog.markDiscontinued({ skuId: E5.id, discontinued: true })).toEqual({ ok: true });
    const summary = await fromSummaries(db, true);
    expect(summary.firstStale?.sort()).toEqual(['contoso', 'fabrikam', 'woodgrove']);
    expect(summary.entries).toEqual(await fromRows(db));
  });

  it('on a workspace from before summaries (none stored), recomputes every planned customer and equals the checks from every row', async () => {
    const { db } = await pulledClient('summaries-none');
    await db.customerSummaries.clear();
    const summary = await fromSummaries(db, true);
    expect(summary.firstStale?.sort()).toEqual(['contoso', 'fabrikam', 'northwind', 'tailspin', 'woodgrove']);
    expect(summary.entries).toEqual(await fromRows(db));
  });
});
