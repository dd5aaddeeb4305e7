// Purges tombstones older than the retention window and moves each workspace's horizon past them.
import type { Database } from '../db/types';

export async function purgeTombstones(db: Database, retentionDays: number): Promise<number> {
  return db.transaction(async (tx) => {
    // A push group locks its workspaces (in org id order) before it writes records; the purge takes
    // the same locks in the same order before it deletes any record, so the two never wait on each
    // other in a cycle (PostgreSQL would abort one of them as a deadlock).
    await tx.query(
      `SELECT org_id FROM workspaces
       WHERE org_id IN (SELECT DISTINCT org_id FROM records WHERE deleted AND updated_at < now() - make_interval(days => $1))
       ORDER BY org_id FOR UPDATE`,
      [retentionDays],
    );
    const { rows } = await tx.last<{ purged: number }>(
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
  });
}
