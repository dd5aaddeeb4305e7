// The customer summaries the mutators keep (summaries.ts) against a recomputation from scratch with
// the WHOLE catalog, as the dashboard computed them before (savedLineRisks over every saved line):
// after every change of a random sequence of changes of every kind, on the client that made it
// (optimistic), and on a teammate's client after a pull (the server's rows).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareCatalog } from '../domain/catalog';
import { lineKeyOf, newestPlanOf, summaryIsCurrent, summaryRisks, type SummaryWorld } from '../domain/summary';
import type { TenantInventory } from '../domain/tenant';
import { licensingData, skuOf, OTHER_PARTNER, PARTNER } from '../../test/support/licensing';
import { SyncClient } from '../sync/client';
import { MemoryClientStore } from '../sync/memoryClientStore';
import { MemorySyncServer } from '../sync/memoryServer';
import type { CustomerSummary, Tables } from '../workspace/tables';
import { mutateApi } from './api';
import type { Actor } from './define';
import { catalogImportChanges, tenantImportChanges } from './imports';
import { sameValue } from './summaries';
import { memoryTransport } from '../../test/support/memoryTransport';

const NOW = '2026-12-06T09:00:00.000Z';
const PARTS = ['ENTERPRISEPACK', 'ENTERPRISEPREMIUM', 'SPE_E3', 'SPE_E5', 'STANDARDPACK', 'O365_BUSINESS_PREMIUM', 'O365_BUSINESS_ESSENTIALS', 'SPB', 'EMS', 'POWER_BI_PRO', 'EXCHANGESTANDARD', 'VISIOCLIENT'];
const SKUS = PARTS.map((p) => licensingData().skus.find((s) => s.id === skuOf(p).id)!);
// Not offered by the catalog import: a line keeping one of these needs the whole catalog's equivalents.
const NOT_OFFERED = new Set([skuOf('STANDARDPACK').id, skuOf('O365_BUSINESS_ESSENTIALS').id]);
const CUSTOMERS = ['c-1', 'c-2', 'c-3'];

function person(server: MemorySyncServer, name: string) {
  const actor: Actor = { id: `u-${name}`, name, role: 'admin-agent' };
  const store = new MemoryClientStore(`client-${name}-0001`);
  const client = new SyncClient(store, memoryTransport(server, actor, NOW), { actor: () => actor, now: () => NOW });
  const mutate = mutateApi((n, args, options) => client.mutate(n, args, options));
  return { client, store, mutate };
}
type Person = ReturnType<typeof person>;

const rows = <T extends keyof Tables>(p: Person, table: T) => p.store.rows(table) as Tables[T][];

/** What the dashboard computed before the summaries: every row read, the whole catalog prepared. */
function recomputed(p: Person, customerId: string) {
  const customer = rows(p, 'customers').find((c) => c.id === customerId);
  if (!customer) return undefined;
  const plan = newestPlanOf(rows(p, 'plans').filter((x) => x.customerId === customerId));
  if (!plan) return undefined;
  const lines = rows(p, 'planLines')
    .filter((l) => l.planId === plan.id && l.customerId === customerId)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const state = rows(p, 'catalogState')[0];
  const catalogRows = rows(p, 'catalogSkus').filter((r) => r.importId === state?.importId);
  const catalog = prepareCatalog(
    { skus: catalogRows.map((r) => ({ id: r.skuId, partNumber: r.partNumber, name: r.name, servicePlans: r.servicePlans })) },
    {
      ...(state?.hasOffers ? { offers: catalogRows.map((r) => ({ productId: r.skuId, isAvailableForPurchase: r.purchasable })) } : {}),
      discontinued: rows(p, 'catalogMarks').filter((m) => m.discontinued).map((m) => m.id),
    },
  );
  const importId = customer.tenantImportId;
  const partnerTenantId = rows(p, 'partner')[0]?.partnerTenantId ?? '';
  const risks =
    importId && lines.length > 0
      ? summaryRisks(
          {
            customer,
            skus: rows(p, 'tenantSkus').filter((s) => s.importId === importId),
            subscriptions: rows(p, 'tenantSubscriptions').filter((s) => s.importId === importId),
            partnerTenantId,
          },
          lines,
          catalog,
          plan.asOf,
        )
      : [];
  return {
    planId: plan.id,
    importId,
    lines: lines.map((l) => ({ id: l.id, sourceSkuId: l.sourceSkuId, sourceSubscriptionId: l.sourceSubscriptionId, orderDate: l.orderDate })),
    risks,
    lineKeys: lines.map(lineKeyOf),
  };
}

function world(p: Person): SummaryWorld {
  return {
    catalogImportId: rows(p, 'catalogState')[0]?.importId ?? null,
    partnerTenantId: rows(p, 'partner')[0]?.partnerTenantId ?? '',
    discontinued: new Set(rows(p, 'catalogMarks').filter((m) => m.discontinued).map((m) => m.id)),
  };
}

/**
 * Every customer with a plan has a summary and no other has one; a summary the reader would trust
 * (summaryIsCurrent) equals the recomputation; and while nothing workspace-wide changed, every
 * summary whose verdicts the named SKUs decide is trusted (the reader recomputes only what it must).
 */
let verdictsSeen = 0;

function check(p: Person, workspaceWideChanged: boolean, where: string) {
  const summaries = new Map(rows(p, 'customerSummaries').map((s) => [s.id, s as CustomerSummary]));
  const known = new Set(rows(p, 'customers').map((c) => c.id));
  for (const id of summaries.keys()) expect(known.has(id), `${where}: a summary of customer ${id}, who is gone`).toBe(true);
  for (const id of known) {
    const want = recomputed(p, id);
    const got = summaries.get(id);
    if (!want) {
      expect(got, `${where}: ${id} has no plan but a summary`).toBeUndefined();
      continue;
    }
    expect(got, `${where}: ${id} has a plan but no summary`).toBeDefined();
    expect(got!.lines, `${where}: ${id}'s saved lines`).toEqual(want.lines);
    expect(got!.importId).toBe(want.importId);
    expect(got!.planId).toBe(want.planId);
    const current = summaryIsCurrent(got!, { planId: want.planId, importId: want.importId }, world(p));
    if (current && want.risks.length > 0) verdictsSeen++;
    if (current) expect(sameValue(got!.risks, want.risks), `${where}: ${id}'s verdicts ${JSON.stringify(got!.risks)} vs ${JSON.stringify(want.risks)}`).toBe(true);
    else if (!workspaceWideChanged) expect(got!.risks, `${where}: ${id}'s summary is not trusted although nothing workspace-wide changed`).toBeNull();
  }
}

function inventory(parts: number[], seats: number): TenantInventory {
  const picked = [...new Set(parts)].map((i) => SKUS[i % SKUS.length]!);
  return {
    countryLetterCode: 'JP',
    skus: picked.map((s, i) => ({
      skuId: s.id,
      skuPartNumber: s.partNumber,
      capabilityStatus: 'Enabled',
      consumedUnits: seats + i,
      prepaidUnits: { enabled: seats + 2, suspended: 0, warning: 0, lockedOut: 0 },
      subscriptionIds: [`0000000${i}-0000-4000-8000-00000000000${i}`],
      servicePlans: s.servicePlans.map((sp) => ({ servicePlanId: sp.id, servicePlanName: sp.name })),
    })),
    subscriptions: picked.map((s, i) => ({
      id: `0000000${i}-0000-4000-8000-00000000000${i}`,
      skuId: s.id,
      skuPartNumber: s.partNumber,
      status: 'Enabled',
      totalLicenses: seats + 2,
      isTrial: false,
      ownerTenantId: i % 3 === 0 ? PARTNER : i % 3 === 1 ? OTHER_PARTNER : null,
      ownerType: i % 3 === 2 ? null : 'Company',
      createdDateTime: '2026-01-01T00:00:00Z',
      nextLifecycleDateTime: '2027-01-15T00:00:00Z',
      commerceSubscriptionId: null,
    })),
    users: [],
  };
}

const customer = fc.constantFrom(...CUSTOMERS);
const target = fc.option(fc.nat({ max: SKUS.length - 1 }).map((i) => SKUS[i]!.id), { nil: null });
const Op = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), customer, plan: fc.nat({ max: 1 }), source: fc.nat({ max: 30 }), target, quantity: fc.nat({ max: 40 }), bySubscription: fc.nat({ max: 3 }).map((n) => n > 0) }),
  fc.record({ kind: fc.constant('setTarget' as const), line: fc.nat({ max: 50 }), target, quantity: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('orderDate' as const), line: fc.nat({ max: 50 }), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('removeLine' as const), line: fc.nat({ max: 50 }) }),
  fc.record({ kind: fc.constant('import' as const), customer, parts: fc.array(fc.nat({ max: SKUS.length - 1 }), { minLength: 1, maxLength: 5 }), seats: fc.nat({ max: 30 }) }),
  fc.record({ kind: fc.constant('stage' as const), customer, stage: fc.constantFrom('accepted', 'plan-ready', 'ordered', 'done') }),
  fc.record({ kind: fc.constant('delete' as const), customer }),
  fc.record({ kind: fc.constant('recreate' as const), customer }),
  fc.record({ kind: fc.constant('discontinue' as const), sku: fc.nat({ max: SKUS.length - 1 }), on: fc.boolean() }),
  fc.record({ kind: fc.constant('partner' as const), own: fc.boolean() }),
  fc.record({ kind: fc.constant('teammate' as const), customer, target, quantity: fc.nat({ max: 40 }) }),
);
type Op = typeof Op extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
const nextId = (prefix: string) => `${prefix}-${String(++serial).padStart(6, '0')}`;

async function apply(a: Person, b: Person, op: Op, imports: Map<string, TenantInventory>): Promise<boolean> {
  const lines = () => rows(a, 'planLines').sort((x, y) => (x.id < y.id ? -1 : 1));
  switch (op.kind) {
    case 'save': {
      const inv = imports.get(op.customer);
      const sub = inv?.subscriptions?.[op.source % Math.max(1, inv.subscriptions.length)];
      const source = sub ? sub.skuId : SKUS[op.source % SKUS.length]!.id;
      // Plan ids grow like UUIDv7: the second plan of a customer is its newest.
      await a.mutate.plan.save({
        customerId: op.customer,
        planId: `p-${op.customer}-${op.plan}`,
        asOf: '2026-12-01',
        add: [{ id: nextId('l'), sourceSkuId: source, sourceSubscriptionId: op.bySubscription && sub ? sub.id : null, targetSkuId: op.target, quantity: op.quantity, orderDate: null }],
      });
      return false;
    }
    case 'setTarget': {
      const l = lines()[op.line % Math.max(1, lines().length)];
      if (l) await a.mutate.planLine.setTarget({ lineId: l.id, targetSkuId: op.target, quantity: op.quantity });
      return false;
    }
    case 'orderDate': {
      const l = lines()[op.line % Math.max(1, lines().length)];
      if (l) await a.mutate.planLine.setOrderDate({ lineId: l.id, orderDate: `2026-12-${String(op.day).padStart(2, '0')}` });
      return false;
    }
    case 'removeLine': {
      const l = lines()[op.line % Math.max(1, lines().length)];
      if (l) await a.mutate.planLine.remove({ lineId: l.id });
      return false;
    }
    case 'import': {
      const inv = inventory(op.parts, op.seats);
      const outcome = await a.client.mutateMany(tenantImportChanges(inv, { importId: nextId('imp'), customerId: op.customer, files: ['subscribedSkus.json'] }));
      if (outcome.ok) imports.set(op.customer, inv);
      return false;
    }
    case 'stage':
      await a.mutate.customer.setStage({ id: op.customer, stage: op.stage });
      return false;
    case 'delete':
      await a.mutate.customer.delete({ id: op.customer });
      imports.delete(op.customer);
      return false;
    case 'recreate':
      await a.mutate.customer.create({ id: op.customer, name: `Customer ${op.customer}` });
      return false;
    case 'discontinue':
      await a.mutate.catalog.markDiscontinued({ skuId: SKUS[op.sku]!.id, discontinued: op.on });
      return true;
    case 'partner':
      await a.mutate.partner.update({ partnerTenantId: op.own ? PARTNER : OTHER_PARTNER });
      return true;
    case 'teammate': {
      // A teammate changes a line of the same customer; A learns of it by a pull.
      await b.client.sync();
      const l = rows(b, 'planLines').find((x) => x.customerId === op.customer);
      if (l) await b.mutate.planLine.setTarget({ lineId: l.id, targetSkuId: op.target, quantity: op.quantity });
      await b.client.sync();
      await a.client.sync();
      return false;
    }
  }
}

describe('customer summaries kept by the mutators', () => {
  it('equal the recomputation with the whole catalog after every change, on the client that made it and on a teammate after a pull', async () => {
    const catalogData = licensingData();
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const server = new MemorySyncServer(200);
        const a = person(server, 'Aiko');
        const b = person(server, 'Ben');
        await a.mutate.partner.update({ partnerTenantId: PARTNER, country: 'JP' });
        const catalogSkus = catalogData.skus.filter((s) => s.servicePlans.length > 0);
        const purchasable = new Set(catalogSkus.map((s) => s.id).filter((id) => !NOT_OFFERED.has(id)));
        expect(await a.client.mutateMany(catalogImportChanges(catalogSkus, { importId: 'cat-1', files: ['licensing.csv'], purchasable }))).toEqual({ ok: true });
        for (const id of CUSTOMERS) await a.mutate.customer.create({ id, name: `Customer ${id}` });
        await a.client.sync();
        const imports = new Map<string, TenantInventory>();
        for (const [i, id] of CUSTOMERS.entries()) await apply(a, b, { kind: 'import', customer: id, parts: [i, 1, 2, 4], seats: 10 }, imports);
        let wide = false;
        for (const [i, op] of ops.entries()) {
          wide = (await apply(a, b, op, imports)) || wide;
          check(a, wide, `after ${i + 1} ${op.kind} (optimistic)`);
          if (i % 4 === 3 || i === ops.length - 1) {
            await a.client.sync();
            await b.client.sync();
            check(a, wide, `after ${i + 1} ${op.kind} (A synced)`);
            check(b, wide, `after ${i + 1} ${op.kind} (B pulled)`);
            expect(rows(b, 'customerSummaries').sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(rows(a, 'customerSummaries').sort((x, y) => (x.id < y.id ? -1 : 1)));
          }
        }
      }),
      {
        numRuns: 25,
        // Seeded, so the coverage check below holds run after run (FC_SEED replays another).
        seed: Number(process.env.FC_SEED ?? 20261207),
        examples: [
          // Found by the property: a re-import puts another SKU under the line's subscription; the
          // verdict reads that SKU's services, so the summary must read it from the catalog too.
          [
            [
              { kind: 'save', customer: 'c-2', plan: 0, source: 0, target: SKUS[0]!.id, quantity: 0, bySubscription: true },
              { kind: 'import', customer: 'c-2', parts: [2], seats: 0 },
            ],
          ],
        ],
      },
    );
    // The sequences did reach saved lines with data-loss and seat verdicts, not only empty ones.
    expect(verdictsSeen).toBeGreaterThan(20);
  }, 240_000);

  it('a change that touches no summary input writes no summary row (nothing more to sync)', async () => {
    const server = new MemorySyncServer(200);
    const a = person(server, 'Aiko');
    await a.mutate.customer.create({ id: 'c-1', name: 'Contoso' });
    await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', add: [{ id: 'l-1', sourceSkuId: SKUS[0]!.id, sourceSubscriptionId: null, targetSkuId: null, quantity: 3, orderDate: null }] });
    await a.client.sync();
    const before = server.pull(0, 'x').changes.filter((c) => c.table === 'customerSummaries').map((c) => c.version);
    await a.mutate.customer.update({ id: 'c-1', notes: 'called on Monday' });
    await a.client.sync();
    const after = server.pull(0, 'x').changes.filter((c) => c.table === 'customerSummaries').map((c) => c.version);
    expect(before).toHaveLength(1);
    expect(after).toEqual(before);
  });
});
