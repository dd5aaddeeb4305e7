// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../shared/workspace/tables';
import { WorkspaceDatabase } from '../../db/database';
import { createI18n } from '../../app/i18n/index';
import { describeConflicts, type ShownValue } from './describeConflict';

const en = createI18n('en');
const t = (key: string, options?: Record<string, unknown>) => en.t(key, options);
const said = (v: ShownValue | undefined) => (v?.say ? v.say(t) : v?.text);

const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const SPE_E3 = '05e9a617-0261-4cee-bb44-138d3ef5d965';

function conflict(field: string, current: unknown, proposed: unknown, table = 'planLines', recordId = 'l-1'): Conflict {
  return { id: `cf:${field}`, table, recordId, field, current: { value: current, by: 'Aiko', version: 5 }, proposed: { value: proposed, by: 'Ben', mutation: 'plan.save' }, status: 'open', resolution: null, resolvedBy: null };
}

describe('conflicts in words (fake-indexeddb)', () => {
  it('names products by the catalog, the line by its product, statuses and empty values in words: never an id', async () => {
    const db = new WorkspaceDatabase('describe-conflict-1');
    await db.catalogState.put({ id: 'catalog', importId: 'cat1', hasOffers: false, _v: 1 });
    for (const [skuId, partNumber, name] of [[E3, 'ENTERPRISEPACK', 'Office 365 E3'], [E5, 'ENTERPRISEPREMIUM', 'Office 365 E5'], [SPE_E3, 'SPE_E3', 'Microsoft 365 E3']] as const) {
      await db.catalogSkus.put({ id: `cat1:${skuId}`, importId: 'cat1', skuId, partNumber, name, servicePlans: [], purchasable: true, _v: 1 });
    }
    await db.customers.put({ id: 'c-1', name: 'Contoso', domain: '', tenantId: '', country: '', channel: 'unknown', stage: 'plan-ready', notes: '', createdAt: '2026-12-01T00:00:00.000Z', tenantImportId: null, _v: 1 });
    await db.planLines.put({ id: 'l-1', planId: 'p-1', customerId: 'c-1', sourceSkuId: E5, sourceSubscriptionId: null, targetSkuId: SPE_E3, quantity: 25, orderDate: null, decisionNote: '', _v: 1 });
    await db.plans.put({ id: 'p-1', customerId: 'c-1', status: 'ready', asOf: '2026-12-01', approvedBy: null, _v: 1 });
    const views = await describeConflicts(db, [
      conflict('targetSkuId', SPE_E3, E3),
      conflict('targetSkuId', null, '11111111-2222-3333-4444-555555555555'),
      conflict('quantity', 1200, 25),
      conflict('orderDate', '2027-01-05', null),
      conflict('status', 'approved', 'ready', 'plans', 'p-1'),
    ]);
    expect(views[0]).toMatchObject({ customerName: 'Contoso', lineProduct: 'Office 365 E5 (ENTERPRISEPREMIUM)' });
    expect(views[0]!.field?.(t)).toBe('Target offer');
    expect(views[0]!.current).toEqual({ text: 'Microsoft 365 E3 (SPE_E3)', say: null });
    expect(views[0]!.proposed).toEqual({ text: 'Office 365 E3 (ENTERPRISEPACK)', say: null });
    expect(said(views[1]!.current)).toBe("the app's proposal");
    expect(said(views[1]!.proposed)).toBe('a product not in the Microsoft catalog');
    expect(views[2]!.current.text).toBe('1,200');
    expect(said(views[3]!.proposed)).toBe('not planned');
    expect(views[4]).toMatchObject({ customerName: 'Contoso', lineProduct: null });
    expect([said(views[4]!.current), said(views[4]!.proposed)]).toEqual(['Approved', 'Ready']);
    const shown = JSON.stringify(views.map(({ current, proposed, customerName, lineProduct }) => [said(current), said(proposed), customerName, lineProduct]));
    expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    db.close();
  });
});
