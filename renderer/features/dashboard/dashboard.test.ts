// The dashboard's aggregates on the real fixtures: Microsoft's licensing CSV and the Graph
// documentation examples (the sample subscription ends 2023-02-01), with the dates chosen around it.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareCatalog, renderFinding, type Catalog } from '../../../shared/domain/engine';
import { parseCatalogCsv, parseTenantExports } from '../../../shared/import/index';
import type { Conflict, Customer, FindingAck, CustomerStage, Plan, PlanLine, TenantSkuRow, TenantSubscriptionRow } from '../../../shared/workspace/tables';
import { WorkspaceDatabase } from '../../db/database';
import { DEADLINE_SOON_DAYS } from '../../../shared/domain/attention';
import { buildDashboard as buildOverview, buildFullDashboard } from './dashboard';
import type { DashboardInput, PlanCheckInput } from './input';
import { loadDashboardInput, loadPlanCheckInput } from './loadDashboard';
import { within } from './timeline';

const fixtures = path.resolve(import.meta.dirname, '../../..', '../shared/fixtures');
const read = (p: string) => readFileSync(path.join(fixtures, p), 'utf8');
const catalog: Catalog = prepareCatalog(parseCatalogCsv(read('microsoft/Product names and service plan identifiers for licensing.csv'), 'licensing.csv'));
const tenant = parseTenantExports({
  subscribedSkus: { text: read('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' },
  subscriptions: { text: read('graph/directory.subscriptions.list.response.json'), file: 'subscriptions.json' },
});

const PARTNER_TENANT = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const E5 = catalog.byPartNumber.get('ENTERPRISEPREMIUM')!.id;
const E3 = catalog.byPartNumber.get('ENTERPRISEPACK')!.id;

function customer(id: string, stage: CustomerStage, extra: Partial<Customer> = {}): Customer {
  return { id, name: `Customer ${id}`, domain: '', tenantId: '', country: 'JP', channel: 'unknown', stage, notes: '', createdAt: '2023-01-01T00:00:00Z', tenantImportId: null, ...extra };
}

/** The Graph samples stored as a customer's import (the rows the tenant import writes). */
function importedRows(customerId: string, importId: string): { subscriptions: TenantSubscriptionRow[]; skus: TenantSkuRow[] } {
  return {
    subscriptions: (tenant.subscriptions ?? []).map(({ id, ...s }) => ({ ...s, id: `${customerId}:${importId}:${id}`, customerId, importId, subscriptionId: id })),
    skus: tenant.skus.map((s) => ({ ...s, id: `${customerId}:${importId}:${s.skuId}`, customerId, importId })),
  };
}

function input(parts: Partial<DashboardInput>): DashboardInput {
  return {
    customers: [],
    partner: { id: 'partner', name: 'Fabrikam CSP', partnerTenantId: PARTNER_TENANT, country: 'JP', relationshipLink: '' },
    plans: [],
    planLines: [],
    invitations: [],
    conflicts: [],
    subscriptions: [],
    products: [],
    ...parts,
  };
}

/** Both steps, as the page ends up showing them. */
function buildDashboard(parts: DashboardInput, asOf: string, checks: PlanCheckInput = { plans: parts.plans, planLines: parts.planLines, skus: [], catalog, findingAcks: [] }) {
  return buildFullDashboard(parts, checks, asOf);
}

const planLine = (id: string, planId: string, customerId: string, extra: Partial<PlanLine>): PlanLine => ({
  id,
  planId,
  customerId,
  sourceSkuId: E5,
  sourceSubscriptionId: null,
  targetSkuId: E5,
  quantity: 25,
  orderDate: null,
  decisionNote: '',
  ...extra,
});

describe('stages (fake-indexeddb)', () => {
  it('counts every customer in its stage, every stage present in the order of the move', () => {
    const d = buildDashboard(input({ customers: [customer('a', 'invited'), customer('b', 'invited'), customer('c', 'done')] }), '2023-01-20');
    expect(d.total).toBe(3);
    expect(d.stages.map((g) => [g.stage, g.customers.length])).toEqual([
      ['not-started', 0],
      ['invited', 2],
      ['accepted', 0],
      ['plan-ready', 0],
      ['ordered', 0],
      ['old-ended', 0],
      ['done', 1],
    ]);
  });
});

describe('timeline (fake-indexeddb)', () => {
  const rows = importedRows('a', 'imp1');
  const base = { customers: [customer('a', 'accepted', { tenantImportId: 'imp1' })], subscriptions: rows.subscriptions };

  it("shows the sample subscription's expiry and the end of its 30-day window", () => {
    const d = buildDashboard(input(base), '2023-01-20');
    expect(d.timeline).toHaveLength(1);
    expect(d.timeline[0]).toMatchObject({
      customerId: 'a',
      sku: 'MyPartNumber',
      expires: '2023-02-01',
      deadline: '2023-03-03',
      state: 'expiring-soon',
      next: 'expiry',
      daysToNext: 12,
      channel: 'other-partner',
    });
    expect(within(d.timeline, 30)).toHaveLength(1);
    expect(within(d.timeline, 10)).toHaveLength(0);
  });

  it('names the product by the catalog when it knows the SKU, else by its part number', () => {
    expect(buildDashboard(input(base), '2023-01-20').timeline[0]).toMatchObject({ sku: 'MyPartNumber', product: 'MyPartNumber' });
    const e5 = catalog.skus.get(E5)!;
    const known = base.subscriptions.map((s) => ({ ...s, skuId: E5, skuPartNumber: 'ENTERPRISEPREMIUM' }));
    const named = buildDashboard(input({ ...base, subscriptions: known, products: [{ skuId: e5.id, partNumber: e5.partNumber, name: e5.name }] }), '2023-02-20');
    expect(named.timeline[0]).toMatchObject({ sku: 'ENTERPRISEPREMIUM', product: 'Office 365 E5' });
    // The attention entry names it as the engine's findings do.
    const entry = named.attention.entries.find((e) => e.code === 'EXPIRY_DEADLINE')!;
    expect(renderFinding('EXPIRY_DEADLINE', entry.params, 'en')).toMatch(/^Office 365 E5 expired on Feb 1, 2023/);
  });

  it('after the expiry, the next date is the end of the window', () => {
    const [e] = buildDashboard(input(base), '2023-02-20').timeline;
    expect(e).toMatchObject({ state: 'in-expired-window', next: 'deadline', nextDate: '2023-03-03', daysToNext: 11 });
  });

  it('leaves out own-CSP subscriptions, finished customers and rows of another import', () => {
    const own = rows.subscriptions.map((s) => ({ ...s, ownerTenantId: PARTNER_TENANT }));
    expect(buildDashboard(input({ ...base, subscriptions: own }), '2023-01-20').timeline).toEqual([]);
    expect(buildDashboard(input({ ...base, customers: [customer('a', 'old-ended', { tenantImportId: 'imp1' })] }), '2023-01-20').timeline).toEqual([]);
    expect(buildDashboard(input({ ...base, customers: [customer('a', 'accepted', { tenantImportId: 'imp2' })] }), '2023-01-20').timeline).toEqual([]);
  });
});

describe('needs attention (fake-indexeddb)', () => {
  const rows = importedRows('a', 'imp1');
  const a = customer('a', 'plan-ready', { tenantImportId: 'imp1' });

  it(`lists a 30-day window ending within ${DEADLINE_SOON_DAYS} days, and one already ended as an error`, () => {
    expect(buildDashboard(input({ customers: [a], subscriptions: rows.subscriptions }), '2023-01-20').attention.entries).toEqual([]);
    const soon = buildDashboard(input({ customers: [a], subscriptions: rows.subscriptions }), '2023-02-20').attention.entries;
    expect(soon.map((e) => [e.code, e.severity, e.customerId])).toEqual([['EXPIRY_DEADLINE', 'warning', 'a']]);
    expect(renderFinding('EXPIRY_DEADLINE', soon[0]!.params, 'en')).toContain('before Mar 3, 2023 (11 days left)');
    const past = buildDashboard(input({ customers: [a], subscriptions: rows.subscriptions }), '2023-03-10').attention.entries;
    expect(past.map((e) => [e.code, e.severity])).toEqual([['EXPIRY_DEADLINE', 'error']]);
    // Ordered: the CSP subscription is bought, the window no longer threatens the data (the date stays on the timeline).
    const ordered = buildDashboard(input({ customers: [{ ...a, stage: 'ordered' }], subscriptions: rows.subscriptions }), '2023-02-20');
    expect(ordered.attention.entries).toEqual([]);
    expect(ordered.timeline).toHaveLength(1);
  });

  it('checks the region against the partner country, and says when it cannot', () => {
    const customers = [customer('us', 'invited', { country: 'US' }), customer('jp', 'invited'), customer('none', 'accepted', { country: '', tenantImportId: 'imp9' }), customer('new', 'not-started', { country: '' })];
    const entries = buildDashboard(input({ customers }), '2023-01-20').attention.entries;
    expect(entries.map((e) => [e.customerId, e.code, e.severity, e.params.reason])).toEqual([
      ['us', 'REGION_MISMATCH', 'error', 'different-region'],
      ['none', 'REGION_MISMATCH', 'warning', 'customer-country-unknown'],
    ]);
    expect(renderFinding('REGION_MISMATCH', entries[0]!.params, 'en')).toContain('(US, region United States)');
    const unset = buildDashboard(input({ customers, partner: null }), '2023-01-20').attention;
    expect(unset.regionUnchecked).toBe(true);
    expect(unset.entries).toEqual([]);
  });

  it("judges the newest plan's saved lines with the engine: data-loss risk and seat shortfall", () => {
    const plans: Plan[] = [
      { id: '0190a000-0000-7000-8000-000000000001', customerId: 'a', status: 'draft', asOf: '2023-01-20', approvedBy: null },
      { id: '0190a000-0000-7000-8000-000000000002', customerId: 'a', status: 'ready', asOf: '2023-01-20', approvedBy: null },
    ];
    const planLines = [
      // E5 (14 seats in use) -> E3 with 10 seats: services lost and 4 users without a license.
      planLine('l-new', plans[1]!.id, 'a', { sourceSkuId: E5, targetSkuId: E3, quantity: 10 }),
      // A line of the older plan: no longer what the team plans.
      planLine('l-old', plans[0]!.id, 'a', { sourceSkuId: E5, targetSkuId: E3, quantity: 1 }),
    ];
    const checks = { plans, planLines, skus: rows.skus, catalog, findingAcks: [] as FindingAck[] };
    const parts = input({ customers: [a], subscriptions: rows.subscriptions });
    // The overview alone does not have them yet, and says so.
    expect(buildOverview(parts, '2023-01-20')).toMatchObject({ planChecked: false, attention: { entries: [] } });
    const entries = buildDashboard(parts, '2023-01-20', checks).attention.entries;
    expect(entries.map((e) => [e.code, e.key])).toEqual([
      ['DATA_LOSS_RISK', 'DATA_LOSS_RISK:l-new'],
      ['SEAT_SHORTFALL', 'SEAT_SHORTFALL:l-new'],
    ]);
    expect(entries[1]!.params).toMatchObject({ consumed: 14, targetQuantity: 10, shortfall: 4 });
    expect(renderFinding('DATA_LOSS_RISK', entries[0]!.params, 'ja')).toContain('Office 365 E5 から Office 365 E3 への移行で');

    // The same offer and the same seats: nothing to say.
    const same = [planLine('l-same', plans[1]!.id, 'a', { sourceSkuId: E5, targetSkuId: E5, quantity: 25 })];
    expect(buildDashboard(input({ customers: [a], subscriptions: rows.subscriptions }), '2023-01-20', { ...checks, planLines: same }).attention.entries).toEqual([]);
  });

  it('no longer counts a finding the team acknowledged, and only that one', () => {
    const plans: Plan[] = [{ id: '0190a000-0000-7000-8000-000000000002', customerId: 'a', status: 'ready', asOf: '2023-01-20', approvedBy: null }];
    const planLines = [planLine('l-new', plans[0]!.id, 'a', { sourceSkuId: E5, targetSkuId: E3, quantity: 10 })];
    const lineKey = `sku:${E5}`;
    const ack = (customerId: string, code: string): FindingAck => ({
      id: `${customerId}:${lineKey}:${code}`,
      customerId,
      lineKey,
      code,
      reason: 'The customer does not use the lost services.',
      by: 'alice@example.com',
      at: '2023-01-19T10:00:00Z',
    });
    const parts = input({ customers: [a], subscriptions: rows.subscriptions });
    const codes = (findingAcks: FindingAck[]) => buildDashboard(parts, '2023-01-20', { plans, planLines, skus: rows.skus, catalog, findingAcks }).attention.entries.map((e) => e.code);
    expect(codes([])).toEqual(['DATA_LOSS_RISK', 'SEAT_SHORTFALL']);
    // The data loss is accepted on purpose; the missing seats still must be fixed.
    expect(codes([ack('a', 'DATA_LOSS_RISK')])).toEqual(['SEAT_SHORTFALL']);
    // Another customer's acknowledgement of the same line and code says nothing about this one.
    expect(codes([ack('b', 'DATA_LOSS_RISK'), ack('b', 'SEAT_SHORTFALL')])).toEqual(['DATA_LOSS_RISK', 'SEAT_SHORTFALL']);
    const both = buildDashboard(parts, '2023-01-20', { plans, planLines, skus: rows.skus, catalog, findingAcks: [ack('a', 'DATA_LOSS_RISK'), ack('a', 'SEAT_SHORTFALL')] });
    expect(both.attention.entries).toEqual([]);
  });

  it('puts the windows still open first, soonest first, ahead of every error', () => {
    const b = customer('b', 'plan-ready', { tenantImportId: 'imp2', country: 'US' });
    const later = importedRows('c', 'imp3').subscriptions.map((s) => ({ ...s, nextLifecycleDateTime: '2023-02-05T00:00:00Z' }));
    const c = customer('c', 'accepted', { tenantImportId: 'imp3' });
    const entries = buildDashboard(input({ customers: [a, b, c], subscriptions: [...rows.subscriptions, ...later] }), '2023-02-20').attention.entries;
    expect(entries.map((e) => [e.customerId, e.code, e.severity, e.params.daysToDeadline ?? null])).toEqual([
      ['a', 'EXPIRY_DEADLINE', 'warning', 11],
      // c's subscription expired on 2023-02-05: still in its window, not within 14 days of its end.
      ['b', 'REGION_MISMATCH', 'error', null],
    ]);
    const soon = buildDashboard(input({ customers: [a, b, c], subscriptions: [...rows.subscriptions, ...later] }), '2023-02-24').attention.entries;
    expect(soon.map((e) => [e.customerId, e.code, e.params.daysToDeadline ?? null])).toEqual([
      ['a', 'EXPIRY_DEADLINE', 7],
      ['c', 'EXPIRY_DEADLINE', 11],
      ['b', 'REGION_MISMATCH', null],
    ]);
  });

  it('lists open conflicts under the customer their record belongs to', () => {
    const conflict = (id: string, table: string, recordId: string, status: Conflict['status'] = 'open'): Conflict => ({
      id,
      table,
      recordId,
      field: 'quantity',
      current: { value: 10, by: 'Aiko', version: 3 },
      proposed: { value: 12, by: 'Ben', mutation: 'planLine.setTarget' },
      status,
      resolution: null,
      resolvedBy: null,
    });
    const plans: Plan[] = [{ id: 'p1', customerId: 'a', status: 'draft', asOf: '2023-01-20', approvedBy: null }];
    const planLines = [planLine('l1', 'p1', 'a', {})];
    const conflicts = [conflict('c1', 'planLines', 'l1'), conflict('c2', 'catalogMarks', E5), conflict('c3', 'customers', 'a', 'resolved')];
    const entries = buildDashboard(input({ customers: [customer('a', 'plan-ready')], plans, planLines, conflicts }), '2023-01-20').attention.entries;
    expect(entries.map((e) => [e.code, e.customerId, e.params.table])).toEqual([
      ['CONFLICT', 'a', 'planLines'],
      ['CONFLICT', null, 'catalogMarks'],
    ]);
  });
});

describe('orders whose 7-day window closes soon', () => {
  it('lists a saved order placed within the last days until its window closes, not before it was placed nor after', () => {
    const a = customer('a', 'ordered', { tenantImportId: 'imp' });
    const plans: Plan[] = [{ id: 'p1', customerId: 'a', status: 'ordered', asOf: '2026-12-01', approvedBy: null }];
    const lines = [planLine('l1', 'p1', 'a', { orderDate: '2026-12-01' })];
    const rows = importedRows('a', 'imp');
    const at = (asOf: string) => buildDashboard(input({ customers: [a], plans, planLines: lines, subscriptions: rows.subscriptions }), asOf).attention.entries.filter((e) => e.code === 'ORDER_CHECK_BY');
    expect(at('2026-11-30')).toEqual([]); // not placed yet
    expect(at('2026-12-03')).toEqual([]); // closes on 12-08: more than 3 days away
    expect(at('2026-12-05')).toMatchObject([{ customerId: 'a', severity: 'warning', params: { orderDate: '2026-12-01', checkBy: '2026-12-08' } }]);
    expect(at('2026-12-08')).toHaveLength(1);
    expect(at('2026-12-09')).toEqual([]); // closed: too late to correct
  });
});

describe('loadDashboardInput (fake-indexeddb)', () => {
  it('reads the workspace in bulk and keeps only the rows of each current import', async () => {
    const db = new WorkspaceDatabase(`dashboard-test-${Math.random()}`);
    const current = importedRows('a', 'imp-current');
    const staged = importedRows('a', 'imp-pending');
    await db.customers.bulkPut([{ ...customer('a', 'plan-ready', { tenantImportId: 'imp-current' }), _v: 1 }, { ...customer('b', 'not-started'), _v: 1 }]);
    await db.tenantSubscriptions.bulkPut([...current.subscriptions, ...staged.subscriptions].map((r) => ({ ...r, _v: 1 })));
    await db.tenantSkus.bulkPut([...current.skus, ...staged.skus].map((r) => ({ ...r, _v: 1 })));
    await db.plans.put({ id: 'p1', customerId: 'a', status: 'draft', asOf: '2023-01-20', approvedBy: null, _v: 1 });
    await db.planLines.put({ ...planLine('l1', 'p1', 'a', {}), _v: 1 });
    await db.findingAcks.put({ id: `a:sku:${E5}:DATA_LOSS_RISK`, customerId: 'a', lineKey: `sku:${E5}`, code: 'DATA_LOSS_RISK', reason: 'Accepted.', by: 'alice@example.com', at: '2023-01-19T10:00:00Z', _v: 1 });

    const loaded = await loadDashboardInput(db);
    expect(loaded.customers.map((c) => c.id)).toEqual(['a', 'b']);
    expect(loaded.subscriptions.map((s) => s.importId)).toEqual(['imp-current']);
    expect(loaded.subscriptions[0]).not.toHaveProperty('_v');
    // No open conflict: no plan read in the first step.
    expect(loaded.plans).toEqual([]);
    // The saved line's source SKU (E5) of the current import only, read by key.
    const checks = await loadPlanCheckInput(db, loaded);
    expect(checks.planLines.map((l) => l.id)).toEqual(['l1']);
    expect(checks.findingAcks).toEqual([{ id: `a:sku:${E5}:DATA_LOSS_RISK`, customerId: 'a', lineKey: `sku:${E5}`, code: 'DATA_LOSS_RISK', reason: 'Accepted.', by: 'alice@example.com', at: '2023-01-19T10:00:00Z' }]);
    expect(checks.skus.map((s) => s.id)).toEqual([`a:imp-current:${E5}`]);
    // No catalog imported: the plan lines are judged without one, and no product has a name yet.
    expect(checks.catalog).toBeNull();
    expect(loaded.products).toEqual([]);
    db.close();
  });

  it("reads the catalog's names of the subscriptions' SKUs only, by key", async () => {
    const db = new WorkspaceDatabase(`dashboard-test-${Math.random()}`);
    const rows = importedRows('a', 'imp1');
    const e5 = catalog.skus.get(E5)!;
    await db.customers.put({ ...customer('a', 'plan-ready', { tenantImportId: 'imp1' }), _v: 1 });
    await db.tenantSubscriptions.bulkPut(rows.subscriptions.map((s) => ({ ...s, skuId: E5, skuPartNumber: 'ENTERPRISEPREMIUM', _v: 1 })));
    await db.catalogState.put({ id: 'catalog', importId: 'cat1', hasOffers: false, _v: 1 });
    const catalogRow = (sku: typeof e5) => ({ id: `cat1:${sku.id}`, importId: 'cat1', skuId: sku.id, partNumber: sku.partNumber, name: sku.name, servicePlans: [], purchasable: true, _v: 1 });
    await db.catalogSkus.bulkPut([catalogRow(e5), catalogRow(catalog.skus.get(E3)!)]);
    const loaded = await loadDashboardInput(db);
    expect(loaded.products).toEqual([{ skuId: E5, partNumber: 'ENTERPRISEPREMIUM', name: 'Office 365 E5' }]);
    expect(buildOverview(loaded, '2023-01-20').timeline.map((e) => e.product)).toEqual(['Office 365 E5']);
    db.close();
  });
});
