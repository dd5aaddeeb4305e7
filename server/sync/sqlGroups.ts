// Group commit's storage (groupCommit.ts): the pushes of a group, of one organization or several,
// bound to PostgreSQL (or PGlite) inside ONE transaction with as few round trips as the rules allow:
// one statement locks every org's version row, claims every client and reads every named record
// (openGroups), the pushes then run in JS on the state their predecessors left, and one statement
// writes every org's rows, clients, results and versions and sends the pokes (writeGroups). On a
// loaded machine each round trip is a wait for the database process to be scheduled, so the number
// of statements per transaction, not their size, is what a push pays for.
import { layWrites, type AuthorityTx, type RecordWrite } from '../../shared/sync/authority';
import type { FieldStamps } from '../../shared/sync/merge';
import { checkSchemaVersion, type MutationResult, type PushRequest } from '../../shared/sync/protocol';
import { tableNames, type TableName } from '../../shared/workspace/tables';
import type { Queryable, Transaction } from '../db/types';
import { NOTIFY_PAYLOAD_LIMIT, POKE_CHANNEL, pokePayload, type PushNotice } from './pokes';
import { sqlReads } from './sqlAuthority';
import { liveSession } from '../auth/service';

type Sql = Pick<Queryable, 'query'>;

/** One push of a group: who sends it, and what. */
export interface GroupedPush {
  userId: string;
  request: PushRequest;
  /** The session the group's opening statement is to check (AuthService.authenticatePush): a push
   * whose session is no longer live claims nothing, and is refused (PushGroupTx.caller). */
  sessionId?: string;
}

/** The caller of a push as its session's check found them: current role and name; null: the
 * session is no longer live; undefined: no check was asked for (checked upfront). */
export type CheckedCaller = { role: string; name: string } | null | undefined;

/** One organization's pushes in a group, in the order they are to run. */
export interface OrgPushes {
  orgId: string;
  pushes: GroupedPush[];
}

/** What one org's pushes left to store, gathered by its PushGroupTx. */
interface Pending {
  orgId: string;
  writes: (RecordWrite & { userId: string })[];
  clients: Map<string, number>;
  results: { clientId: string; result: MutationResult }[];
  /** The org's new version, null when no push took one. */
  version: number | null;
}

export interface PushGroupTx {
  readonly orgId: string;
  /** The caller of the org's push number `index`, as its session's check found them. */
  caller(index: number): CheckedCaller;
  /** The AuthorityTx of the org's push number `index`; use them in order, each after the previous. */
  authority(index: number): AuthorityTx;
  /** What the pushes so far left to store (writeGroups). */
  pending(): Pending;
}

const key = (table: string, id: string) => `${table}\u0000${id}`;

/** What `data ->> field` gives in SQL, for a value the group wrote but has not stored yet. */
function asText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The records the pushes name in their base versions (the app's reads), to read with the lock. */
function namedRecords(pushes: GroupedPush[]): { table: TableName; id: string }[] {
  const named = new Map<string, { table: TableName; id: string }>();
  for (const p of pushes) {
    for (const m of p.request.mutations) {
      for (const k of Object.keys(m.baseVersions)) {
        const slash = k.indexOf('/');
        const table = k.slice(0, slash) as TableName;
        if (slash > 0 && tableNames.includes(table)) named.set(k, { table, id: k.slice(slash + 1) });
      }
    }
  }
  return [...named.values()];
}

interface HeadRow {
  locked: { o: string; v: number }[];
  seen: { o: string; v: number }[] | null;
  claims: { o: string; c: string; l: number; u: string }[];
  live: { s: string; r: string; n: string }[];
  recs: { o: string; t: string; i: string; d: Record<string, unknown> | null; f: FieldStamps | null; v: number; x: boolean }[];
}

/**
 * Opens a group inside `sql`'s transaction: `orgs` must come sorted by org id and each org once.
 * One statement locks the orgs' version rows in that order, then (after all of them: the claims wait
 * on the count of the locks) claims every client and reads every named record. Every group of every
 * process takes its org locks in the same order and each org's lock before any of its client rows,
 * so groups never wait on each other in a cycle.
 */
export async function openGroups(sql: Sql, orgs: OrgPushes[], signInMethods: readonly string[] = []): Promise<PushGroupTx[]> {
  // A push refused for its schema claims nothing (processPush checks the schema first); nor does
  // one whose session the statement finds no longer live (it is refused).
  const claimants = orgs.flatMap((o) =>
    o.pushes
      .filter((p) => checkSchemaVersion(p.request.schemaVersion).ok)
      .map((p) => ({ orgId: o.orgId, clientId: p.request.clientId, userId: p.userId, sessionId: p.sessionId ?? '' })),
  );
  const sessions = [...new Set(orgs.flatMap((o) => o.pushes.flatMap((p) => (p.sessionId === undefined ? [] : [p.sessionId]))))];
  const keys = orgs.map((o) => namedRecords(o.pushes));
  const flatKeys = orgs.flatMap((o, i) => keys[i]!.map((k) => ({ orgId: o.orgId, ...k })));

  // `seen` is the version in this statement's snapshot, `locked` the one the lock returned: they
  // differ when another transaction of that org committed while the lock was awaited (or since the
  // snapshot), and then that org's records read here are older than the lock: read again below.
  // `live`: the sessions to check, by the one rule of a live session (liveSession), with their
  // person's current role and name.
  const { rows } = await sql.query<HeadRow>(
    `WITH live AS (
       SELECT s.id, u.role, u.name FROM sessions s JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id
       WHERE s.id = ANY($8::uuid[]) AND ${liveSession(9)}
     ), locked AS (
       INSERT INTO workspaces (org_id, version)
       SELECT o.org_id, 0 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(org_id, n) ORDER BY o.n
       ON CONFLICT (org_id) DO UPDATE SET version = workspaces.version
       RETURNING org_id, version
     ), claimed AS (
       -- DO UPDATE (not DO NOTHING) so the rows come back locked; the owner is the user of the
       -- first push and never changes.
       INSERT INTO sync_clients (org_id, client_id, user_id, last_mutation_id)
       SELECT c.org_id, c.client_id, c.user_id::uuid, 0
       FROM unnest($2::uuid[], $3::text[], $4::text[], $10::text[]) WITH ORDINALITY AS c(org_id, client_id, user_id, sid, n)
       WHERE (SELECT count(*) FROM locked) > 0 AND (c.sid = '' OR c.sid IN (SELECT id::text FROM live))
       ORDER BY c.n
       ON CONFLICT (org_id, client_id) DO UPDATE SET last_mutation_id = sync_clients.last_mutation_id
       RETURNING org_id, client_id, last_mutation_id, user_id
     )
     SELECT (SELECT json_agg(json_build_object('o', org_id, 'v', version)) FROM locked) AS locked,
            (SELECT json_agg(json_build_object('o', org_id, 'v', version)) FROM workspaces WHERE org_id = ANY($1::uuid[])) AS seen,
            (SELECT COALESCE(json_agg(json_build_object('o', org_id, 'c', client_id, 'l', last_mutation_id, 'u', user_id)), '[]') FROM claimed) AS claims,
            (SELECT COALESCE(json_agg(json_build_object('s', id, 'r', role, 'n', name)), '[]') FROM live) AS live,
            -- One primary-key lookup per named record (OFFSET 0 keeps the subquery apart): joined
            -- instead, a plan made while the table was small scans all of it, on every push after.
            (SELECT COALESCE(json_agg(json_build_object('o', r.org_id, 't', r.tbl, 'i', r.id, 'd', r.data, 'f', r.field_versions, 'v', r.version, 'x', r.deleted)), '[]')
             FROM unnest($5::uuid[], $6::text[], $7::text[]) AS k(org_id, tbl, id)
             CROSS JOIN LATERAL (
               SELECT r.org_id, r.tbl, r.id, r.data, r.field_versions, r.version, r.deleted FROM records r
               WHERE r.org_id = k.org_id AND r.tbl = k.tbl AND r.id = k.id OFFSET 0
             ) r) AS recs`,
    [
      orgs.map((o) => o.orgId),
      claimants.map((c) => c.orgId),
      claimants.map((c) => c.clientId),
      claimants.map((c) => c.userId),
      flatKeys.map((k) => k.orgId),
      flatKeys.map((k) => k.table),
      flatKeys.map((k) => k.id),
      sessions,
      signInMethods,
      claimants.map((c) => c.sessionId),
    ],
  );
  const head = rows[0]!;
  const locked = new Map(head.locked.map((l) => [l.o, Number(l.v)]));
  const seen = new Map((head.seen ?? []).map((l) => [l.o, Number(l.v)]));
  const live = new Map(head.live.map((l) => [String(l.s), { role: l.r, name: l.n }]));
  const out: PushGroupTx[] = [];
  for (let i = 0; i < orgs.length; i++) {
    const { orgId, pushes } = orgs[i]!;
    const base = locked.get(orgId)!;
    const claims = new Map<string, { lastMutationId: number; ownerId: string }>();
    for (const c of head.claims) if (c.o === orgId) claims.set(c.c, { lastMutationId: Number(c.l), ownerId: String(c.u) });
    const group = orgGroup(sql, orgId, pushes, base, claims, live);
    if (seen.get(orgId) === base) group.stored(keys[i]!, head.recs.filter((r) => r.o === orgId));
    else await group.load(keys[i]!);
    out.push(group.tx);
  }
  return out;
}

/** One org's part of a group: its pushes run one after the other on the state their predecessors
 * left (their writes kept here, layered over the stored rows), each with the org's next version. */
function orgGroup(
  sql: Sql,
  orgId: string,
  pushes: GroupedPush[],
  base: number,
  claims: Map<string, { lastMutationId: number; ownerId: string }>,
  live: Map<string, { role: string; name: string }>,
) {
  const reads = sqlReads(sql, orgId);
  let taken = 0;
  /** Stored rows as read under the lock (null: none), and the group's own writes over them. */
  const stored = new Map<string, RecordWrite | null>();
  const writes = new Map<string, RecordWrite & { userId: string }>();
  const clients = new Map<string, number>();
  const results: { clientId: string; result: MutationResult }[] = [];

  const load = async (wanted: { table: TableName; id: string }[]) => {
    const missing = wanted.filter((x) => !stored.has(key(x.table, x.id)) && !writes.has(key(x.table, x.id)));
    if (missing.length === 0) return;
    for (const x of missing) stored.set(key(x.table, x.id), null);
    for (const r of await reads.records(missing)) stored.set(key(r.table, r.id), r);
  };
  const current = (table: TableName, id: string): RecordWrite | undefined => {
    const k = key(table, id);
    const w = writes.get(k);
    if (w) return { table: w.table, id: w.id, data: w.data, stamps: w.stamps, version: w.version };
    return stored.get(k) ?? undefined;
  };
  /** Stored rows as the group's writes leave them (layWrites). */
  const overlaid = (table: TableName, rows: { id: string; data: Record<string, unknown> }[], matches: (data: Record<string, unknown>) => boolean) =>
    [...layWrites(table, rows.map((r) => [r.id, r.data] as const), writes.values(), matches)].map(([id, data]) => ({ id, data }));

  const tx: PushGroupTx = {
    orgId,
    caller(index) {
      const sessionId = pushes[index]!.sessionId;
      return sessionId === undefined ? undefined : (live.get(sessionId) ?? null);
    },
    authority(index) {
      const push = pushes[index]!;
      return {
        async takeVersion() {
          taken++;
          return base + taken;
        },
        async record(table, id) {
          await load([{ table, id }]);
          const r = current(table, id);
          return r ? { data: r.data, stamps: r.stamps, version: r.version } : undefined;
        },
        async records(keys) {
          await load(keys);
          return keys.flatMap((x) => {
            const r = current(x.table, x.id);
            return r ? [r] : [];
          });
        },
        async queryRecords(table, field, value) {
          return overlaid(table, await reads.queryRecords(table, field, value), (data) => asText(data[field]) === value);
        },
        async allRecords(table) {
          return overlaid(table, await reads.allRecords(table), () => true);
        },
        async claimClient(clientId, claimant) {
          // Claimed with the group; a push whose client was not (cannot happen) claims it now.
          return claims.get(clientId) ?? reads.claimClient(clientId, claimant);
        },
        async commit(clientId, pushWrites, lastMutationId, pushResults) {
          for (const w of pushWrites) {
            const k = key(w.table, w.id);
            writes.delete(k); // re-inserted last: rows are written in the order of their last write
            writes.set(k, { ...w, userId: push.userId });
          }
          clients.set(clientId, lastMutationId);
          for (const r of pushResults) results.push({ clientId, result: r });
        },
        async results(clientId, ids) {
          return reads.results(clientId, ids);
        },
      };
    },
    pending: () => ({ orgId, writes: [...writes.values()], clients, results, version: taken > 0 ? base + taken : null }),
  };

  return {
    tx,
    load,
    /** The named records as the opening statement read them (it saw the lock's version). */
    stored(keys: { table: TableName; id: string }[], recs: HeadRow['recs']) {
      for (const x of keys) stored.set(key(x.table, x.id), null);
      for (const r of recs) {
        stored.set(key(r.t, r.i), { table: r.t as TableName, id: r.i, data: r.x ? null : r.d, stamps: r.f ?? {}, version: Number(r.v) });
      }
    },
  };
}

/**
 * Stores what the groups' pushes left (every org's rows, clients' progress, results and version) and
 * sends the pushes' pokes, in one statement. Each poke carries the rows written at its push's version
 * (built by PostgreSQL from the written rows, exactly as a pull builds them), or the data-less
 * payload when they do not fit in a NOTIFY or were not to be carried. NOTIFY inside the transaction:
 * delivered only if it commits, in commit order, which is version order per org. It must be the
 * transaction's last statement.
 */
export async function writeGroups(tx: Pick<Transaction, 'last'>, groups: PushGroupTx[], notices: readonly PushNotice[]): Promise<void> {
  const all = groups.map((g) => g.pending());
  const ws = all.flatMap((p) => p.writes.map((w) => ({ orgId: p.orgId, ...w })));
  const cs = all.flatMap((p) => [...p.clients].map(([clientId, last]) => ({ orgId: p.orgId, clientId, last })));
  const rs = all.flatMap((p) => p.results.map((r) => ({ orgId: p.orgId, ...r })));
  const vs = all.filter((p) => p.version !== null);
  if (ws.length === 0 && cs.length === 0 && rs.length === 0 && vs.length === 0 && notices.length === 0) return;
  // The transaction's last statement: its commit is sent right behind it. Each list goes as one
  // JSON parameter (the rows' data as JSON objects, read straight into jsonb): no array literal to
  // build and escape per element, nor the rows' JSON encoded twice.
  await tx.last(
    `WITH written AS (
       INSERT INTO records (org_id, tbl, id, version, data, field_versions, deleted, updated_by)
       SELECT w.o, w.t, w.i, w.v, w.d, w.f, w.d IS NULL, w.b
       FROM json_to_recordset($1::json) AS w(o uuid, t text, i text, v bigint, d jsonb, f jsonb, b uuid)
       ON CONFLICT (org_id, tbl, id) DO UPDATE SET
         version = EXCLUDED.version, data = EXCLUDED.data, field_versions = EXCLUDED.field_versions,
         deleted = EXCLUDED.deleted, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING org_id, tbl, id, version, data, deleted
     ), client AS (
       UPDATE sync_clients s SET last_mutation_id = c.l, last_push_at = now()
       FROM json_to_recordset($2::json) AS c(o uuid, c text, l bigint)
       WHERE s.org_id = c.o AND s.client_id = c.c
       RETURNING 1
     ), answered AS (
       INSERT INTO sync_mutation_results (org_id, client_id, mutation_id, result)
       SELECT r.o, r.c, r.i, r.r
       FROM json_to_recordset($3::json) AS r(o uuid, c text, i bigint, r jsonb)
       ON CONFLICT DO NOTHING
       RETURNING 1
     ), versioned AS (
       UPDATE workspaces w SET version = v.v
       FROM json_to_recordset($4::json) AS v(o uuid, v bigint)
       WHERE w.org_id = v.o
       RETURNING 1
     ), notified AS (
       SELECT pg_notify($5, CASE WHEN n.carry AND octet_length(c.p) < $6 THEN c.p ELSE n.plain END)
       FROM json_to_recordset($7::json) AS n(ord int, org_id uuid, version bigint, user_id text, client_id text, last_mutation_id bigint, carry boolean, plain text)
       CROSS JOIN LATERAL (
         SELECT CASE WHEN n.carry THEN n.plain || ':' || json_build_object('b', n.version - 1, 'u', n.user_id, 'c', n.client_id, 'm', n.last_mutation_id,
                  'changes', COALESCE(json_agg(json_build_object('table', r.tbl, 'id', r.id, 'version', r.version,
                    'data', CASE WHEN r.deleted THEN NULL ELSE r.data END)), '[]'::json))::text END AS p
         FROM written r WHERE n.carry AND r.org_id = n.org_id AND r.version = n.version
       ) c
       ORDER BY n.ord
     )
     SELECT (SELECT count(*) FROM written) AS written, (SELECT count(*) FROM client) AS clients,
            (SELECT count(*) FROM answered) AS answered, (SELECT count(*) FROM versioned) AS versioned,
            (SELECT count(*) FROM notified) AS notified`,
    [
      JSON.stringify(ws.map((w) => ({ o: w.orgId, t: w.table, i: w.id, v: w.version, d: w.data, f: w.stamps, b: w.userId }))),
      JSON.stringify(cs.map((c) => ({ o: c.orgId, c: c.clientId, l: c.last }))),
      JSON.stringify(rs.map((r) => ({ o: r.orgId, c: r.clientId, i: r.result.id, r: r.result }))),
      JSON.stringify(vs.map((v) => ({ o: v.orgId, v: v.version }))),
      POKE_CHANNEL,
      NOTIFY_PAYLOAD_LIMIT,
      JSON.stringify(
        notices.map((n, ord) => ({
          ord,
          org_id: n.orgId,
          version: n.version,
          user_id: n.userId,
          client_id: n.clientId,
          last_mutation_id: n.lastMutationId,
          carry: n.carry,
          plain: pokePayload(n.orgId, n.version),
        })),
      ),
    ],
  );
}
