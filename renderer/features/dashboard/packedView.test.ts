// The view as the worker sends it (packedView.ts): packed, cloned as postMessage clones it, and
// unpacked, the page gets the very view the worker built.
import { describe, expect, it } from 'vitest';
import { buildDashboard } from './dashboard';
import type { DashboardInput } from './input';
import { viewOf, type DashboardView } from './liveDashboard';
import { decodeColumn, encodeColumn, fromColumns, toColumns } from './columns';
import { packView, unpackView } from './packedView';
import type { Customer, CustomerStage, TenantSubscriptionRow } from '../../../shared/workspace/tables';

function customer(id: string, name: string, stage: CustomerStage, country = 'JP', tenantImportId: string | null = null): Customer {
  return { id, name, domain: '', tenantId: '', country, channel: 'unknown', stage, notes: '', createdAt: '2023-01-01T00:00:00Z', tenantImportId };
}

function subscription(id: string, customerId: string, importId: string, ends: string): TenantSubscriptionRow {
  return {
    id,
    customerId,
    importId,
    subscriptionId: `sub-${id}`,
    skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900',
    skuPartNumber: 'ENTERPRISEPACK',
    status: 'Enabled',
    totalLicenses: 10,
    isTrial: false,
    ownerTenantId: null,
    ownerType: null,
    createdDateTime: '2022-02-01T00:00:00Z',
    nextLifecycleDateTime: ends,
    commerceSubscriptionId: null,
  } as TenantSubscriptionRow;
}

describe('packView / unpackView', () => {
  it('gives back the same view after the clone a postMessage makes', () => {
    const customers = [
      customer('c', 'Contoso', 'accepted', 'US', 'imp-c'),
      customer('a', 'Adatum', 'invited', ''),
      customer('b', 'Bellows', 'invited'),
      customer('d', 'Done Co', 'done'),
    ].sort((x, y) => x.name.localeCompare(y.name));
    const input: DashboardInput = {
      customers,
      partner: { id: 'partner', name: 'P', partnerTenantId: 'p', country: 'JP', relationshipLink: '' },
      plans: [],
      planLines: [],
      invitations: [],
      conflicts: [
        {
          id: 'x',
          table: 'catalogMarks',
          recordId: 'm',
          field: 'discontinued',
          current: { value: true, by: 'Aiko', version: 3 },
          proposed: { value: false, by: 'Ken', mutation: 'catalog.mark' },
          status: 'open',
          resolution: null,
          resolvedBy: null,
        },
      ],
      subscriptions: [subscription('s1', 'c', 'imp-c', '2023-01-10T00:00:00Z'), subscription('s2', 'c', 'imp-c', '2023-06-01T00:00:00Z')],
      products: [],
    } as DashboardInput;
    const view = viewOf(buildDashboard(input, '2023-01-20'));
    // Something in every section, entries with and without a customer, params of different shapes.
    expect(view.timeline.length).toBeGreaterThan(0);
    expect(view.attention.entries.some((e) => e.customerId === null)).toBe(true);
    expect(view.attention.entries.some((e) => e.code === 'REGION_MISMATCH')).toBe(true);

    const received: DashboardView = unpackView(structuredClone(packView(view)));
    expect(received).toEqual(view);
    expect(received.stages.map((g) => g.customers.map((c) => c.id))).toEqual(view.stages.map((g) => g.customers.map((c) => c.id)));
  });

  it('leaves out again a field a row did not have, and keeps one set to null or undefined', () => {
    const rows = [{ a: 1, b: null }, { a: 2, c: 'x' }, { a: 3, b: undefined }];
    const back = fromColumns<Record<string, unknown>>(structuredClone(toColumns(rows)));
    expect(back).toEqual(rows);
    expect(back.map((r) => Object.keys(r))).toEqual([['a', 'b'], ['a', 'c'], ['a', 'b']]);
    expect(fromColumns(toColumns([]))).toEqual([]);
  });

  it('sends a column of few distinct values as those values and indexes, any other as it is', () => {
    const states = ['soon', 'soon', 'expired', 'soon', null, null];
    const packed = encodeColumn(states);
    expect(Array.isArray(packed)).toBe(false);
    expect(decodeColumn(structuredClone(packed))).toEqual(states);
    const unique = ['a', 'b', 'c'];
    expect(encodeColumn(unique)).toBe(unique);
    const params = [{ n: 1 }, { n: 1 }, { n: 1 }];
    expect(encodeColumn(params)).toBe(params);
  });
});
