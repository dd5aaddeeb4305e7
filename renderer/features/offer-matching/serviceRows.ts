// The service-plan difference of a line, as rows for a side-by-side table: what the customer has
// now, what the target gives, and what happens to each service. Built on the engine's
// compareServices so the table says exactly what the findings say.
import { compareServices, type PreparedSku } from '../../../shared/domain/engine';

export type ServiceResult = 'kept' | 'changed' | 'lost' | 'gained';

export interface ServiceRow {
  key: string;
  result: ServiceResult;
  /** Plain name now (null: the customer does not have it). */
  now: string | null;
  /** Plain name after the move (null: the target lacks it). */
  after: string | null;
}

const ORDER: Record<ServiceResult, number> = { lost: 0, changed: 1, gained: 2, kept: 3 };

const plain = (p: { friendlyName: string; name: string }) => p.friendlyName || p.name;

export function serviceRows(source: PreparedSku, target: PreparedSku): ServiceRow[] {
  const cmp = compareServices(source, target);
  const lost = new Set(cmp.lost.map((p) => p.id));
  const changed = new Map(cmp.changed.map((c) => [c.from.id, c.to]));
  const rows: ServiceRow[] = [];
  for (const p of source.plans) {
    if (lost.has(p.id)) rows.push({ key: `l:${p.id}`, result: 'lost', now: plain(p), after: null });
    else if (changed.has(p.id)) rows.push({ key: `c:${p.id}`, result: 'changed', now: plain(p), after: plain(changed.get(p.id)!) });
    else {
      const tier = target.familyTier.get(p.family);
      // Retired plans and plumbing without user data that the target lacks are neither kept nor lost.
      if (tier !== undefined && tier >= p.tier) rows.push({ key: `k:${p.id}`, result: 'kept', now: plain(p), after: plain(p) });
    }
  }
  for (const p of cmp.gained) rows.push({ key: `g:${p.id}`, result: 'gained', now: null, after: plain(p) });
  return rows.sort((a, b) => ORDER[a.result] - ORDER[b.result] || (a.now ?? a.after ?? '').localeCompare(b.now ?? b.after ?? ''));
}
