// GET /sync/pull: the changes past a client's cursor, in pages that end on a version boundary (a
// client never sees half of one push). The JSON of each change is built by PostgreSQL and spliced
// into the answer as text: rows are never parsed into objects and serialized again.
import { tablesUnknownTo } from '../../shared/sync/protocol';
import type { Database, Queryable } from '../db/types';

export type PullPage =
  | {
      /** The response body, already JSON (a PullResponse of shared/sync/protocol). */
      body: string;
      changes: number;
      notYours?: undefined;
    }
  /** The client id belongs to another person: nothing is read for the caller. */
  | { notYours: true };

export interface PullRequest {
  orgId: string;
  /** The caller: a client id another person claimed is refused. */
  userId: string;
  clientId: string;
  cursor: number;
  schemaVersion: number;
}

export interface PageLimits {
  /** Records per page. */
  records: number;
  /** Stored bytes per page: a tenant's imported users travel as ~1 MB chunk records, so a count alone could make a page of gigabytes. */
  bytes: number;
}

/**
 * One page, read from one snapshot: the version, the rows and the client's last processed
 * mutation are read in one REPEATABLE READ READ ONLY transaction. Read in separate statements, a
 * push committing in between could move a row past the page (or add its mutation to
 * lastMutationId without its rows), and the client would drop an acknowledged change it never got.
 */
export async function pullPage(
  db: Database,
  request: PullRequest,
  limits: PageLimits,
): Promise<PullPage> {
  return db.transaction(async (tx) => {
    // Must be the transaction's first statement: the snapshot is taken at its first query.
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return readPage(tx, request, limits);
  });
}

async function readPage(
  db: Queryable,
  { orgId, userId, clientId, cursor, schemaVersion }: PullRequest,
  limits: PageLimits,
): Promise<PullPage> {
  // An app on the previous schema gets no rows of tables it does not know (its cursor still moves
  // past them: it re-pulls from the start once updated, see SyncClient.pull).
  const hidden = tablesUnknownTo(schemaVersion);
  const client = await db.query<{ last_mutation_id: number; user_id: string }>(
    'SELECT last_mutation_id, user_id FROM sync_clients WHERE org_id = $1 AND client_id = $2',
    [orgId, clientId],
  );
  if (client.rows[0] && client.rows[0].user_id !== userId) return { notYours: true };
  const ws = await db.query<{ version: number; tombstone_horizon: number }>(
    'SELECT version, tombstone_horizon FROM workspaces WHERE org_id = $1',
    [orgId],
  );
  const current = Number(ws.rows[0]?.version ?? 0);
  const horizon = Number(ws.rows[0]?.tombstone_horizon ?? 0);
  // A cursor older than the purged tombstones cannot be brought up to date by changes alone.
  const reset = cursor > 0 && cursor < horizon;
  const from = reset ? 0 : Math.min(cursor, current);

  // The first record at which the page is full by count or by bytes (as JSON text: the compressed
  // stored size says little about what the client must hold); the page ends with its version.
  // The window is computed lazily in version order, so only the page's records are read.
  const bound = await db.query<{ version: number }>(
    `SELECT version FROM (
       SELECT version,
              row_number() OVER w AS n,
              sum(COALESCE(octet_length(data::text), 0)) OVER w AS bytes
       FROM records WHERE org_id = $1 AND version > $2 AND tbl <> ALL($5::text[])
       WINDOW w AS (ORDER BY version ROWS UNBOUNDED PRECEDING)
     ) page
     WHERE n >= $3 OR bytes >= $4
     ORDER BY version LIMIT 1`,
    [orgId, from, limits.records, limits.bytes, hidden],
  );
  const upper = bound.rows[0] ? Number(bound.rows[0].version) : current;
  const rows = await db.query<{ j: string }>(
    `SELECT json_build_object('table', tbl, 'id', id, 'version', version,
              'data', CASE WHEN deleted THEN NULL ELSE data END)::text AS j
     FROM records
     WHERE org_id = $1 AND version > $2 AND version <= $3 AND tbl <> ALL($4::text[]) ${reset ? 'AND NOT deleted' : ''}
     ORDER BY version`,
    [orgId, from, upper, hidden],
  );
  const lastMutationId = Number(client.rows[0]?.last_mutation_id ?? 0);
  const more = upper < current;
  const head = `{"cursor":${upper},"lastMutationId":${lastMutationId},"reset":${reset},"more":${more},"changes":[`;
  return { body: `${head}${rows.rows.map((r) => r.j).join(',')}]}`, changes: rows.rows.length };
}
