// Purges tombstones older than the retention window and moves each workspace's horizon past them.
import type { Queryable } from '../db/types';

export async function purgeTombstones(db: Queryable, retentionDays: number): Promise<number> {
  const { rows } = await db.query<{ purged: number }>(
    `WITH purged AS (
       DELETE FROM records WHERE deleted AND updated_at < now() - make_interval(days => $1)
       RETURNING org_id, version
     ), horizons AS (
       SELECT org_id, max(version) AS horizon, count(*) AS n FROM purged GROUP BY org_id
     ), moved AS (
       UPDATE workspaces w SET tombstone_horizon = GREATEST(w.tombstone_horizon, h.horizon)
       FROM horizons h WHERE w.org_id = h.org_id RETURNING h.n
     )
     SELECT COALESCE(sum(n), 0)::int AS purged FROM moved`,
    [retentionDays],
  );
  return Number(rows[0]?.purged ?? 0);
}
