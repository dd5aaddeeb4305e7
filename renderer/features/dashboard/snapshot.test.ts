// The dashboard's snapshot of its biggest tables (snapshot.ts) and the log of the rows written since
// (renderer/db/dashboardChanges.ts), on fake-indexeddb: after every kind of write the app makes (a
// local change, an import's rows, a pulled page, a cleared workspace, a restore) the input read
// through the snapshot is the input read from the whole tables, in this copy of the app and in a
// second one (another connection, as a new window or the next start is).
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Customer, CustomerStage, CustomerSummary, Plan } from '../../../shared/workspace/tables';
import { MAX_RECORDED_IDS } from '../../db/dashboardChanges';
import { WorkspaceDatabase } from '../../db/database';
import { exportWorkspace, restoreWorkspace } from '../../db/backup';
import { DexieClientStore } from '../../sync/dexieClientStore';
import { loadDashboardInput, loadLiveDashboardInput } from './loadDashboard';

const NAME = 'dashboard-snapshot-test';
const db = new WorkspaceDatabase(NAME);
const store = new DexieClientStore(db, () => 'client-1');
const opened: WorkspaceDatabase[] = [db];
afterAll(async () => {
  for (const d of opened) d.close();
  await db.delete();
});

const customer = (i: number, stage: CustomerStage = 'invited'): Customer => ({
  id: `c${String(i).padStart(4, '0')}`,
  name: `Customer ${i}`,
  domain: '',
  tenantId: '',
  country: 'JP',
  channel: 'unknown',
  stage,
  notes: '',
  createdAt: '2026-01-01T00:00:00Z',
  tenantImportId: i % 2 === 0 ? `imp${i}` : null,
});
const plan = (i: number): Plan => ({ id: `p${i}`, customerId: `c${String(i).padStart(4, '0')}`, status: 'ready', asOf: '2026-11-01', approvedBy: null });
const subscription = (i: number) => ({ id: `c${String(i).padStart(4, '0')}:imp${i}:s`, importId: `imp${i}`, customerId: `c${String(i).padStart(4, '0')}`, skuId: 'sku', status: 'Enabled', totalLicenses: i, nextLifecycleDateTime: '2026-12-31T00:00:00Z' });
// Not a real summary: the snapshot keeps rows as they are, whatever they hold.
const summary = (i: number, seats: number) => ({ id: `c${String(i).padStart(4, '0')}`, customerId: `c${String(i).padStart(4, '0')}`, seats }) as unknown as CustomerSummary;

/** The live read (snapshot) and the whole read agree; answers what the live read asked to store. */
async function expectSame(on: WorkspaceDatabase = db): Promise<(() => Promise<void>) | null> {
  const [{ input, store: save }, whole] = [await loadLiveDashboardInput(on), await loadDashboardInput(on)];
  expect(input).toEqual(whole);
  return save;
}

describe('the dashboard snapshot (fake-indexeddb)', () => {
  it('reads what a whole read reads after every kind of write, and stores itself after a whole read', async () => {
    await store.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) {
        await tx.restore('customers', customer(i).id, customer(i), 1);
        await tx.restore('plans', plan(i).id, plan(i), 1);
        if (i % 2 === 0) await tx.restore('tenantSubscriptions', subscription(i).id, subscription(i), 1);
        await tx.restore('customerSummaries', summary(i, 1).id, summary(i, 1), 1);
      }
    });
    const first = await expectSame();
    // Nothing stored yet: the first read reads whole and asks to store it.
    expect(first).not.toBeNull();
    await first!();
    const head = await db.dashboardSnapshot.get('head');
    expect(head).toMatchObject({ id: 'head', seq: expect.any(Number) });
    expect(await db.dashboardChanges.count()).toBe(0);

    // A local change (put, update, delete) of each table, one step each.
    await store.transaction((tx) => tx.update('customers', 'c0003', { stage: 'accepted', name: 'Zeta' }));
    await store.transaction((tx) => tx.put('customers', customer(900)));
    await store.transaction((tx) => tx.delete('customers', 'c0005'));
    await store.transaction((tx) => tx.put('plans', { ...plan(7), id: 'p7b' }));
    await store.transaction((tx) => tx.delete('plans', 'p9'));
    await store.transaction((tx) => tx.put('customerSummaries', summary(4, 99)));
    // An import's rows (bulkWrite) and a pulled page with a put and a delete.
    await store.transaction((tx) => tx.bulkWrite!('tenantSubscriptions', [subscription(42), subscription(44)], [0, 0]));
    await store.transaction((tx) =>
      tx.applyChanges([
        { table: 'tenantSubscriptions', id: subscription(2).id, data: { ...subscription(2), totalLicenses: 500 }, version: 7 },
        { table: 'tenantSubscriptions', id: subscription(4).id, data: null, version: 8 },
        { table: 'customers', id: 'c0000', data: { ...customer(0), stage: 'done' }, version: 9 },
      ]),
    );
    // A step writing nothing the dashboard snapshots records nothing.
    const logged = await db.dashboardChanges.count();
    await store.transaction((tx) => tx.put('activity', { id: 'a1', customerId: 'c0001', at: '2026-11-01T00:00:00Z', actor: 'x', kind: 'note', text: 'hi' } as never));
    expect(await db.dashboardChanges.count()).toBe(logged);
    expect(logged).toBe(8);

    await expectSame();
    // Proof that the live read patched the steps in rather than reading whole: a row put behind the
    // log's back (no app path does that) is not in it.
    await db.customers.put({ ...customer(777), _v: 1 } as never);
    expect((await loadLiveDashboardInput(db)).input.customers.map((c) => c.id)).not.toContain('c0777');

    // Another connection (a second window, the next start) reads the stored snapshot and the log.
    const other = new WorkspaceDatabase(NAME);
    opened.push(other);
    expect((await loadLiveDashboardInput(other)).input.customers.map((c) => c.id)).not.toContain('c0777');
    await db.customers.delete('c0777');
    await expectSame(other);
  });

  it('a step writing more rows than it lists, a cleared workspace and a restore say `all`, and the snapshot still reads true', async () => {
    const many = Array.from({ length: MAX_RECORDED_IDS + 1 }, (_, i) => customer(1000 + i));
    await store.transaction(async (tx) => {
      for (const c of many) await tx.put('customers', c);
    });
    expect((await db.dashboardChanges.toArray()).at(-1)).toEqual({ seq: expect.any(Number), all: true });
    await (await expectSame())?.();
    expect(await db.dashboardChanges.count()).toBe(0);

    const backup = await exportWorkspace(db);
    await store.transaction((tx) => tx.clearWorkspace());
    expect((await db.dashboardChanges.toArray()).at(-1)).toEqual({ seq: expect.any(Number), all: true });
    await expectSame();

    const restored = await restoreWorkspace(db, backup, { newClientId: () => 'client-2' });
    expect(restored.ok).toBe(true);
    expect((await db.dashboardChanges.toArray()).at(-1)).toEqual({ seq: expect.any(Number), all: true });
    const after = await loadLiveDashboardInput(db);
    expect(after.input.customers).toHaveLength(40 + MAX_RECORDED_IDS + 1);
    await expectSame();
  });
});
