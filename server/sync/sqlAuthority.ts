// The push rules' reads bound to PostgreSQL (or PGlite), for one organization inside one database
// transaction. A push's writes are all made by its group's one statement (sqlGroups.ts, group
// commit; a push rerun alone is a group of one): there is one write path, not a copy here.
import type { AuthorityTx } from '../../shared/sync/authority';
import type { FieldStamps } from '../../shared/sync/merge';
import type { MutationResult } from '../../shared/sync/protocol';
import type { TableName } from '../../shared/workspace/tables';
import type { Queryable } from '../db/types';

type Sql = Pick<Queryable, 'query'>;

interface RecordRow {
  data: Record<string, unknown> | null;
  field_versions: FieldStamps;
  version: string | number;
  deleted: boolean;
}

/** What a push reads of its org beyond what its group's opening statement read. */
export type SqlReads = Pick<AuthorityTx, 'records' | 'queryRecords' | 'allRecords' | 'claimClient' | 'results'>;

export function sqlReads(sql: Sql, orgId: string): SqlReads {
  return {
    async records(keys) {
      if (keys.length === 0) return [];
      const { rows } = await sql.query<RecordRow & { tbl: string; id: string }>(
        // One primary-key lookup per key (OFFSET 0 keeps the subquery apart): joined instead, a
        // cached plan made while the table was small scans all of it (as in sqlGroups.ts).
        `SELECT r.tbl, r.id, r.data, r.field_versions, r.version, r.deleted
         FROM unnest($2::text[], $3::text[]) AS k(tbl, id)
         CROSS JOIN LATERAL (
           SELECT r.tbl, r.id, r.data, r.field_versions, r.version, r.deleted FROM records r
           WHERE r.org_id = $1 AND r.tbl = k.tbl AND r.id = k.id OFFSET 0
         ) r`,
        [orgId, keys.map((x) => x.table), keys.map((x) => x.id)],
      );
      return rows.map((r) => ({
        table: r.tbl as TableName,
        id: r.id,
        data: r.deleted ? null : r.data,
        stamps: r.field_versions ?? {},
        version: Number(r.version),
      }));
    },

    async queryRecords(table, field, value) {
      // The field is written into the statement (not a parameter) so that the expression indexes
      // on customerId and importId apply; it comes from mutator code, and is checked anyway.
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) throw new Error(`not a field name: ${field}`);
      const { rows } = await sql.query<{ id: string; data: Record<string, unknown> }>(
        `SELECT id, data FROM records WHERE org_id = $1 AND tbl = $2 AND NOT deleted AND data ->> '${field}' = $3`,
        [orgId, table, value],
      );
      return rows;
    },

    async allRecords(table) {
      const { rows } = await sql.query<{ id: string; data: Record<string, unknown> }>(
        'SELECT id, data FROM records WHERE org_id = $1 AND tbl = $2 AND NOT deleted',
        [orgId, table],
      );
      return rows;
    },

    async claimClient(clientId, claimant) {
      // DO UPDATE (not DO NOTHING) so the row comes back locked in the same statement; the owner
      // is the user of the first push and never changes.
      const { rows } = await sql.query<{ last_mutation_id: string | number; user_id: string }>(
        `INSERT INTO sync_clients (org_id, client_id, user_id, last_mutation_id) VALUES ($1, $2, $3, 0)
         ON CONFLICT (org_id, client_id) DO UPDATE SET last_mutation_id = sync_clients.last_mutation_id
         RETURNING last_mutation_id, user_id`,
        [orgId, clientId, claimant],
      );
      return { lastMutationId: Number(rows[0]?.last_mutation_id ?? 0), ownerId: String(rows[0]?.user_id) };
    },

    async results(clientId, ids) {
      const { rows } = await sql.query<{ result: MutationResult }>(
        `SELECT result FROM sync_mutation_results
         WHERE org_id = $1 AND client_id = $2 AND mutation_id = ANY($3::bigint[]) ORDER BY mutation_id`,
        [orgId, clientId, ids],
      );
      return rows.map((r) => r.result);
    },
  };
}
