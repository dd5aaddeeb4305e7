// @vitest-environment jsdom
// The page on a workspace written by the real mutators (through the app's SyncClient into Dexie,
// on fake-indexeddb): the partner, Microsoft's catalog rows for Office 365 E5 and E3, a customer
// with the Graph documentation exports as its tenant, and a saved plan moving E5 to E3 with fewer
// seats than are in use. The plan screens that save such lines are another issue's; here the
// mutators are called directly, which is what those screens do.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogCsv, parseTenantExports } from '../../../shared/import/index';
import { SyncClient } from '../../../shared/sync/client';
import { DexieClientStore } from '../../sync/dexieClientStore';
import { workspaceDb } from '../../workspace/workspace';
import { DashboardPage } from './DashboardPage';
import { readFixture } from '../../../test/support/fixtures';
import { renderInApp } from '../../../test/support/components';

// jsdom has no layout: the chart and the virtual lists only need to be told a size.
class FixedSizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const height = target.tagName === 'LI' ? 64 : 400;
    const box = [{ inlineSize: 800, blockSize: height }];
    queueMicrotask(() =>
      this.callback([{ target, contentRect: { width: 800, height }, borderBoxSize: box, contentBoxSize: box } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver),
    );
  }
  unobserve() {}
  disconnect() {}
}

const read = readFixture;
const CATALOG = parseCatalogCsv(read('microsoft/Product names and service plan identifiers for licensing.csv'), 'licensing.csv').skus;
const E5 = CATALOG.find((s) => s.partNumber === 'ENTERPRISEPREMIUM')!;
const E3 = CATALOG.find((s) => s.partNumber === 'ENTERPRISEPACK')!;
const tenant = parseTenantExports({
  subscribedSkus: { text: read('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' },
  subscriptions: { text: read('graph/directory.subscriptions.list.response.json'), file: 'subscriptions.json' },
});

const actor = { id: 'aiko', name: 'Aiko Tanaka', role: 'admin-agent' as const };
const client = () =>
  new SyncClient(new DexieClientStore(workspaceDb(), () => 'dashboardtest01'), { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) }, { actor: () => actor, now: () => '2026-11-24T09:00:00Z' });

async function mutate(name: string, args: unknown) {
  const outcome = await client().mutate(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.message}`);
}

beforeAll(async () => {
  globalThis.ResizeObserver = FixedSizeObserver as unknown as typeof ResizeObserver;
  // Every element an 800 x 400 box, so a virtual list draws its first screenful.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  // Nor a canvas: the chart measures its labels with one when it can, and estimates them otherwise.
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  await mutate('partner.update', { name: 'Fabrikam CSP', partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', country: 'JP', relationshipLink: '' });
  await mutate('catalog.importChunk', {
    importId: 'cat1',
    rows: [E5, E3].map((s) => ({ skuId: s.id, partNumber: s.partNumber, name: s.name, servicePlans: s.servicePlans, purchasable: true })),
  });
  await mutate('catalog.importCommit', { importId: 'cat1', files: ['licensing.csv'], count: 2, hasOffers: false });
  await mutate('customer.create', { id: 'contoso', name: 'Contoso Japan', country: 'JP' });
  await mutate('tenant.importChunk', { importId: 'imp1', customerId: 'contoso', kind: 'skus', rows: tenant.skus });
  await mutate('tenant.importChunk', { importId: 'imp1', customerId: 'contoso', kind: 'subscriptions', rows: tenant.subscriptions });
  await mutate('tenant.importCommit', { importId: 'imp1', customerId: 'contoso', files: ['subscribedSkus.json', 'subscriptions.json'], counts: { skus: tenant.skus.length, subscriptions: tenant.subscriptions!.length, users: 0 } });
  await mutate('customer.setStage', { id: 'contoso', stage: 'plan-ready' });
  await mutate('plan.create', { id: 'plan1', customerId: 'contoso', asOf: '2026-11-24' });
  // Office 365 E5 (14 seats in use) to E3 with 10 seats.
  await mutate('planLine.add', { id: 'line1', planId: 'plan1', sourceSkuId: E5.id, targetSkuId: E3.id, quantity: 10 });
  // Conflicts come from the server's merge of two stale edits (no mutator makes one): the row as a pull stores it.
  await workspaceDb().conflicts.put({
    id: 'conflict1',
    table: 'planLines',
    recordId: 'line1',
    field: 'quantity',
    current: { value: 10, by: 'Aiko Tanaka', version: 7 },
    proposed: { value: 14, by: 'Ken Sato', mutation: 'planLine.setTarget' },
    status: 'open',
    resolution: null,
    resolvedBy: null,
    _v: 7,
  });
});

afterAll(() => {
  cleanup();
  workspaceDb().close();
});

describe('DashboardPage (fake-indexeddb)', () => {
  it("shows the saved plan's data-loss risk and seat shortfall, and an open conflict, with their codes and a link to the case file", async () => {
    renderInApp(<DashboardPage />);
    const attention = await screen.findByRole('region', { name: 'Needs attention' });
    await waitFor(() => expect(attention.dataset.planChecked).toBe('true'), { timeout: 5000 });
    // The sample subscription ended in 2023: its window is long past (an error too).
    expect(within(attention).getByTestId('attention-count').textContent).toBe('Items: 4');
    const rows = within(attention).getAllByRole('listitem');
    expect(rows.map((r) => r.firstElementChild?.getAttribute('data-code'))).toEqual(['DATA_LOSS_RISK', 'EXPIRY_DEADLINE', 'SEAT_SHORTFALL', 'CONFLICT']);
    expect(rows[3]!.textContent).toContain('Aiko Tanaka and Ken Sato changed the number of licenses of a plan line at the same time: choose the value to keep in Review & sync.');
    expect(within(rows[3]!).getByRole('link', { name: 'Contoso Japan' }).getAttribute('href')).toBe('#/customers/contoso');
    expect(rows[0]!.textContent).toContain('Moving Office 365 E5 to Office 365 E3 loses');
    expect(rows[0]!.textContent).toContain('DATA_LOSS_RISK');
    expect(rows[2]!.textContent).toContain('Office 365 E5: 10 seats planned but 14 in use: 4 users would lose their license.');
    expect(within(rows[2]!).getByRole('link', { name: 'Contoso Japan' }).getAttribute('href')).toBe('#/customers/contoso');

    const stages = screen.getByRole('region', { name: 'Customers by stage' });
    expect(within(stages).getByTestId('stage-plan-ready').textContent).toBe('Plan ready1');
  });
});
