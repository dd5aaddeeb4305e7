import { describe, expect, it } from 'vitest';
import { words } from '../../test/support/activityWords';
import type { Actor } from './define';
import { SyncClient } from '../sync/client';
import { MemoryClientStore } from '../sync/memoryClientStore';
import { MemorySyncServer } from '../sync/memoryServer';
import { recordKey } from '../sync/protocol';
import { mutateApi } from './api';
import { statusAfterSave } from './planSave';
import { memoryTransport } from '../../test/support/memoryTransport';

function person(server: MemorySyncServer, name: string) {
  const actor: Actor = { id: `u-${name}`, name, role: 'admin-agent' };
  const store = new MemoryClientStore(`client-${name}-0001`);
  const client = new SyncClient(store, memoryTransport(server, actor, '2026-12-06T09:00:00.000Z'), { actor: () => actor, now: () => '2026-12-06T09:00:00.000Z' });
  const mutate = mutateApi((name, args, options) => client.mutate(name, args, options));
  const row = <T>(table: 'plans' | 'planLines' | 'customers' | 'conflicts', id: string) => store.transaction(async (tx) => (await tx.get(table, id)) as T | undefined);
  const version = (table: 'plans' | 'planLines', id: string) => store.transaction((tx) => tx.versionOf(table, id));
  return { client, store, mutate, row, version };
}

const line = (id: string, sku: string) => ({ id, sourceSkuId: sku, sourceSubscriptionId: null, targetSkuId: 'SPE_E3', quantity: 10, orderDate: null });

async function team() {
  const server = new MemorySyncServer(50);
  const a = person(server, 'Aiko');
  const b = person(server, 'Ben');
  expect(await a.mutate.customer.create({ id: 'c-1', name: 'Contoso' })).toEqual({ ok: true });
  expect(await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', add: [line('l-1', 'ENTERPRISEPACK')] })).toEqual({ ok: true });
  await a.client.sync();
  await b.client.sync();
  return { server, a, b };
}

describe('plan.save: one change for the whole save, its rules run on the server', () => {
  it('creates the plan and its lines, makes the plan ready and moves the customer to "plan ready", with one activity entry', async () => {
    const { b } = await team();
    expect(await b.row('plans', 'p-1')).toMatchObject({ status: 'ready', customerId: 'c-1' });
    expect(await b.row('planLines', 'l-1')).toMatchObject({ targetSkuId: 'SPE_E3', quantity: 10, planId: 'p-1' });
    expect(await b.row('customers', 'c-1')).toMatchObject({ stage: 'plan-ready' });
  });

  it('an approved plan a save changes needs approving again; an ordered one keeps its status', () => {
    expect(statusAfterSave('approved', true)).toBe('ready');
    expect(statusAfterSave('approved', false)).toBe('approved');
    expect(statusAfterSave('ordered', true)).toBe('ordered');
    expect(statusAfterSave('draft', false)).toBe('ready');
  });

  it('a stale draft that changed only the quantity keeps the target a teammate chose meanwhile', async () => {
    const { a, b } = await team();
    const draftBase = await b.version('planLines', 'l-1');
    await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', change: [{ id: 'l-1', fields: { targetSkuId: 'SPE_E5' } }] });
    await a.client.sync();
    await b.client.sync(); // the teammate's change comes in while B's draft is open
    expect(
      await b.mutate.plan.save(
        { customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', change: [{ id: 'l-1', fields: { quantity: 25 } }] },
        { baseVersions: { [recordKey('planLines', 'l-1')]: draftBase } },
      ),
    ).toEqual({ ok: true });
    await b.client.sync();
    await a.client.sync();
    for (const who of [a, b]) expect(await who.row('planLines', 'l-1')).toMatchObject({ targetSkuId: 'SPE_E5', quantity: 25 });
  });

  it('a stale draft that changed the same field becomes a conflict record both people hold, never an overwrite', async () => {
    const { a, b } = await team();
    const draftBase = await b.version('planLines', 'l-1');
    await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', change: [{ id: 'l-1', fields: { targetSkuId: 'SPE_E5' } }] });
    await a.client.sync();
    await b.client.sync();
    await b.mutate.plan.save(
      { customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', change: [{ id: 'l-1', fields: { targetSkuId: 'O365_BUSINESS_PREMIUM' } }] },
      { baseVersions: { [recordKey('planLines', 'l-1')]: draftBase } },
    );
    await b.client.sync();
    await a.client.sync();
    for (const who of [a, b]) {
      expect(await who.row('planLines', 'l-1')).toMatchObject({ targetSkuId: 'SPE_E5' });
      const conflicts = await who.store.transaction((tx) => tx.query('conflicts', 'recordId', 'l-1'));
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ field: 'targetSkuId', status: 'open', current: { value: 'SPE_E5', by: 'Aiko' }, proposed: { value: 'O365_BUSINESS_PREMIUM', by: 'Ben' } });
    }
  });

  it('without the draft base, the same save would have overwritten the teammate (why drafts carry it)', async () => {
    const { a, b } = await team();
    await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', change: [{ id: 'l-1', fields: { targetSkuId: 'SPE_E5' } }] });
    await a.client.sync();
    await b.client.sync();
    await b.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', change: [{ id: 'l-1', fields: { targetSkuId: 'O365_BUSINESS_PREMIUM' } }] });
    await b.client.sync();
    expect(await b.row('planLines', 'l-1')).toMatchObject({ targetSkuId: 'O365_BUSINESS_PREMIUM' });
  });

  it('refuses a line saved twice and a plan of another customer, and says which change of a batch was refused by its index', async () => {
    const { a } = await team();
    const again = await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', add: [line('l-1', 'ENTERPRISEPACK')] });
    expect(again).toMatchObject({ ok: false, code: 'INVALID' });
    await a.mutate.customer.create({ id: 'c-2', name: 'Fabrikam' });
    expect(await a.mutate.plan.save({ customerId: 'c-2', planId: 'p-1', asOf: '2026-12-01' })).toMatchObject({ ok: false, code: 'INVALID' });
    const batch = await a.client.mutateMany([
      { name: 'customer.update', args: { id: 'c-1', notes: 'ok' } },
      { name: 'plan.save', args: { customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', change: [{ id: 'nope', fields: { quantity: 1 } }] } },
    ]);
    expect(batch).toMatchObject({ ok: false, code: 'NOT_FOUND', index: 1 });
  });
});

describe('plan.save and terms', () => {
  it('refuses a 3-year term under 100 seats on a line it adds or lowers, and takes one at 100', async () => {
    const { a } = await team();
    const add = { ...line('l-3y', 'SPE_E3'), term: 'P3Y' as const, billingFrequency: 'annual' as const };
    expect(await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', add: [add] })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', add: [{ ...add, quantity: 100 }] })).toEqual({ ok: true });
    expect(await a.mutate.plan.save({ customerId: 'c-1', planId: 'p-1', asOf: '2026-12-01', change: [{ id: 'l-3y', fields: { quantity: 60 } }] })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await a.row('planLines', 'l-3y')).toMatchObject({ quantity: 100, term: 'P3Y' });
  });
});

describe('activity in words', () => {
  it('names the products of a chosen target by the catalog, never by their GUIDs', async () => {
    const { a } = await team();
    const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
    await a.store.transaction(async (tx) => {
      await tx.put('catalogState', { id: 'catalog', importId: 'cat1', hasOffers: false });
      await tx.put('catalogSkus', { id: `cat1:${E5}`, importId: 'cat1', skuId: E5, partNumber: 'ENTERPRISEPREMIUM', name: 'Office 365 E5', servicePlans: [], purchasable: true });
    });
    expect(await a.client.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: E5, quantity: 12 })).toEqual({ ok: true });
    expect(await a.client.mutate('planLine.setTarget', { lineId: 'l-1', targetSkuId: '11111111-2222-3333-4444-555555555555', quantity: 12 })).toEqual({ ok: true });
    const activity = await a.store.transaction((tx) => tx.query('activity', 'customerId', 'c-1'));
    const texts = activity.map((x) => words(x, 'en'));
    expect(texts).toContain('Chose Office 365 E5 x 12 for a plan line');
    expect(texts).toContain('Chose a product not in the catalog x 12 for a plan line');
    expect(texts.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
