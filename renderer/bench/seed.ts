// What the browser benchmark pages share: a workspace stored through the app's own Dexie database,
// every row as a synced row (`_v` set, as after a pull), and a wait for the DOM that adds no delay.
import type { TableName } from '../../shared/workspace/tables';
import { recordEverything } from '../db/dashboardChanges';
import { WorkspaceDatabase } from '../db/database';

/**
 * Every table's rows, stored as synced rows in one transaction; answers each table's count. Like a
 * first pull, it tells the dashboard's snapshot that every row may have changed.
 */
export async function seed(rows: Partial<Record<TableName, Record<string, unknown>[]>>): Promise<Record<string, number>> {
  const db = new WorkspaceDatabase();
  const names = Object.keys(rows) as TableName[];
  await db.transaction('rw', [...names.map((n) => db.table(n)), db.dashboardChanges], async (trans) => {
    for (const name of names) {
      await db.table(name).clear();
      await db.table(name).bulkPut(rows[name]!.map((r) => ({ ...r, _v: 1 })));
    }
    await recordEverything(trans);
  });
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = await db.table(name).count();
  db.close();
  return counts;
}

/** Resolves once `ready()` holds, checked after every DOM change: no polling delay in the figure. */
export function when(ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** After the next frame is painted. */
export const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
