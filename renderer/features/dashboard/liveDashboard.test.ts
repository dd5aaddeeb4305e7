// The dashboard kept current (liveDashboard.ts, what the dashboard worker runs): a view at once, a
// new one after each change of the rows it reads, none after watching stops (fake-indexeddb). The
// rows are written as the app writes them: in the sync client's steps (DexieClientStore).
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Customer, CustomerStage } from '../../../shared/workspace/tables';
import { WorkspaceDatabase } from '../../db/database';
import { DexieClientStore } from '../../sync/dexieClientStore';
import { watchDashboardIn, type DashboardView } from './liveDashboard';

const db = new WorkspaceDatabase('live-dashboard-test');
const store = new DexieClientStore(db, () => 'client-1');
afterAll(() => db.delete());

/** A stored row (`_v`: its version, as after a pull). */
function customer(id: string, name: string, stage: CustomerStage): Customer & { _v: number } {
  return { id, name, domain: '', tenantId: '', country: 'JP', channel: 'unknown', stage, notes: '', createdAt: '2023-01-01T00:00:00Z', tenantImportId: null, _v: 1 };
}

/** Resolves with the first view `check` accepts. */
function viewWhere(views: DashboardView[], check: (v: DashboardView) => boolean): Promise<DashboardView> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const look = () => {
      const found = views.find(check);
      if (found) resolve(found);
      else if (Date.now() - started > 5000) reject(new Error(`no such view among ${views.length}`));
      else setTimeout(look, 10);
    };
    look();
  });
}

describe('watchDashboardIn', () => {
  it('sends the dashboard, again after a change, and nothing after it stops', async () => {
    await store.transaction(async (tx) => {
      for (const c of [customer('b', 'Beta', 'invited'), customer('a', 'Alpha', 'invited'), customer('c', 'Gamma', 'done')]) await tx.restore('customers', c.id, c, c._v);
    });
    const views: DashboardView[] = [];
    const errors: unknown[] = [];
    const stop = watchDashboardIn(db, '2023-01-20', (v) => views.push(v), (e) => errors.push(e));

    const first = await viewWhere(views, (v) => v.total === 3);
    const invited = first.stages.find((g) => g.stage === 'invited')!;
    // The stage lists carry what they show, in name order, and no more of the row.
    expect(invited.customers).toEqual([
      { id: 'a', name: 'Alpha', country: 'JP', stage: 'invited' },
      { id: 'b', name: 'Beta', country: 'JP', stage: 'invited' },
    ]);
    expect(first.planChecked).toBe(true);
    // The first read reads the tables whole and stores the dashboard's snapshot: the live query
    // runs again for that write, and finds the same rows: no second view.
    for (let i = 0; i < 500 && !(await db.dashboardSnapshot.get('head')); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await db.dashboardSnapshot.get('head')).toBeDefined();
    await new Promise((r) => setTimeout(r, 200));
    expect(views).toHaveLength(1);

    await store.transaction((tx) => tx.update('customers', 'b', { stage: 'accepted' }));
    const moved = await viewWhere(views, (v) => v.stages.find((g) => g.stage === 'accepted')!.customers.length === 1);
    expect(moved.stages.find((g) => g.stage === 'invited')!.customers.map((c) => c.id)).toEqual(['a']);

    stop();
    const seen = views.length;
    await store.transaction((tx) => tx.put('customers', customer('d', 'Delta', 'invited')));
    await new Promise((r) => setTimeout(r, 200));
    expect(views).toHaveLength(seen);
    expect(errors).toEqual([]);
  });
});
