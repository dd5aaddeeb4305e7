// The server's side of a push (DESIGN.md, "Sync protocol"), runtime-neutral so that its rules are
// written once: duplicates skipped, gaps refused, every mutation validated, authorized and re-run
// authoritatively, its writes merged field by field and stamped with the workspace version, and
// its result recorded so a retried push gets the same answer. The server binds AuthorityTx to
// PostgreSQL; one call runs inside one database transaction.
import { mutatorNamed } from '../mutators/index';
import { MutationError, runMutator, type Actor, type WriteTx } from '../mutators/define';
import { refusalFields } from '../mutators/refusalCodes';
import { tableNames, type TableName, type Tables } from '../workspace/tables';
import { mergeFields, type FieldStamps } from './merge';
import {
  checkSchemaVersion,
  FIELD_SINCE_SCHEMA,
  currentRefusalCode,
  knowsTable,
  DERIVED_TABLES,
  recordKey,
  type MutationResult,
  type PushRequest,
  type PushResponse,
} from './protocol';

export interface StoredRecord {
  /** The row, or null for a tombstone. */
  data: Record<string, unknown> | null;
  stamps: FieldStamps;
  version: number;
}

export interface RecordWrite extends StoredRecord {
  table: TableName;
  id: string;
}

export interface AuthorityTx {
  /** Takes the workspace's next version; holds the workspace's lock until the transaction ends. */
  takeVersion(): Promise<number>;
  record(table: TableName, id: string): Promise<StoredRecord | undefined>;
  /** Several records in one round trip (the ones a push names in its base versions). */
  records(keys: { table: TableName; id: string }[]): Promise<RecordWrite[]>;
  /** Live rows of `table` whose `field` equals `value`. */
  queryRecords(table: TableName, field: string, value: string): Promise<{ id: string; data: Record<string, unknown> }[]>;
  /** Every live row of `table`. */
  allRecords(table: TableName): Promise<{ id: string; data: Record<string, unknown> }[]>;
  /**
   * The client's last processed mutation and the person it belongs to; claims the client for
   * `userId` if it is new (a client id belongs to the person whose push first used it). Locks the
   * client until the transaction ends, so two concurrent pushes of one batch cannot both apply it.
   */
  claimClient(clientId: string, userId: string): Promise<{ lastMutationId: number; ownerId: string }>;
  /** Writes the push's records, the client's new last mutation id and every result, together. */
  commit(clientId: string, writes: RecordWrite[], lastMutationId: number, results: MutationResult[]): Promise<void>;
  results(clientId: string, ids: number[]): Promise<MutationResult[]>;
}

export type PushOutcome =
  | { ok: true; response: PushResponse; version: number | null }
  | {
      ok: false;
      status: 403 | 409 | 426;
      code: 'CLIENT_NOT_YOURS' | 'MUTATION_GAP' | 'CLIENT_UPDATE_REQUIRED';
      message: string;
      expected?: number;
      /** MUTATION_GAP: the client resends from the one after this. */
      lastMutationId?: number;
      minSchemaVersion?: number;
    };

const k = (table: string, id: string) => `${table}\u0000${id}`;

const byId = (rows: Record<string, unknown>[]): [string, Record<string, unknown>][] => rows.map((row) => [row.id as string, row]);

/**
 * Rows of `table` (by id) as `writes` leave them: a written row that matches replaces the stored
 * one, a deleted or no longer matching one goes. The one rule for every overlay of pending writes
 * (a push's, and a group commit's earlier pushes' in server/sync/sqlGroups.ts).
 */
export function layWrites(
  table: TableName,
  rows: Iterable<readonly [string, Record<string, unknown>]>,
  writes: Iterable<Pick<RecordWrite, 'table' | 'id' | 'data'>>,
  matches: (data: Record<string, unknown>) => boolean,
): Map<string, Record<string, unknown>> {
  const out = new Map(rows);
  for (const w of writes) {
    if (w.table !== table) continue;
    if (w.data && matches(w.data)) out.set(w.id, w.data);
    else out.delete(w.id);
  }
  return out;
}

/** Pending writes of the push so far, layered over the stored records (read once, then cached). */
class Overlay {
  readonly writes = new Map<string, RecordWrite>();
  private readonly cache = new Map<string, StoredRecord | null>();
  constructor(private readonly tx: AuthorityTx) {}

  /** Loads in one query every record the push says it read or wrote. */
  async prefetch(keys: { table: TableName; id: string }[]): Promise<void> {
    const wanted = keys.filter((key) => !this.cache.has(k(key.table, key.id)));
    if (wanted.length === 0) return;
    for (const key of wanted) this.cache.set(k(key.table, key.id), null);
    for (const r of await this.tx.records(wanted)) this.cache.set(k(r.table, r.id), r);
  }

  async read(table: TableName, id: string): Promise<StoredRecord | undefined> {
    const key = k(table, id);
    const written = this.writes.get(key);
    if (written) return written;
    if (this.cache.has(key)) return this.cache.get(key) ?? undefined;
    const stored = await this.tx.record(table, id);
    this.cache.set(key, stored ?? null);
    return stored;
  }

  async query(table: TableName, field: string, value: string): Promise<Record<string, unknown>[]> {
    const stored = await this.tx.queryRecords(table, field, value);
    return this.overlay(table, stored.map((r) => [r.id, r.data]), (data) => data[field] === value);
  }

  async all(table: TableName): Promise<Record<string, unknown>[]> {
    const stored = await this.tx.allRecords(table);
    return this.overlay(table, stored.map((r) => [r.id, r.data]), () => true);
  }

  /** Rows as this overlay's writes leave them (layWrites). */
  overlay(table: TableName, rows: [string, Record<string, unknown>][], matches: (data: Record<string, unknown>) => boolean): Record<string, unknown>[] {
    return [...layWrites(table, rows, this.writes.values(), matches).values()];
  }

  merge(from: Overlay): void {
    for (const [key, w] of from.writes) this.writes.set(key, w);
  }
}

/** The WriteTx a mutator sees on the server: reads through the overlay, writes merged and stamped. */
function authorityWriteTx(
  base: Overlay,
  scratch: Overlay,
  ctx: {
    version: number;
    clientId: string;
    actor: Actor;
    mutationId: number;
    mutationName: string;
    baseVersions: Record<string, number>;
    schemaVersion: number;
  },
): { tx: WriteTx; conflicts: () => number } {
  let conflictCount = 0;
  // An app on the previous schema does not know the newer tables: what it would write there it
  // could never read back, nor would its teammates' newer apps get what they expect.
  const mayWrite = (table: TableName) => {
    if (knowsTable(ctx.schemaVersion, table) || DERIVED_TABLES.has(table)) return;
    throw new MutationError('INVALID', 'change.tableTooNew', { schema: ctx.schemaVersion, table });
  };
  const read = async (table: TableName, id: string) => scratch.writes.get(k(table, id)) ?? (await base.read(table, id));
  const write = (table: TableName, id: string, rec: StoredRecord) => scratch.writes.set(k(table, id), { table, id, ...rec });

  const mergeInto = async (table: TableName, id: string, patch: Record<string, unknown>) => {
    const stored = await read(table, id);
    const current = stored?.data ?? undefined;
    const decision = mergeFields({
      table,
      current,
      stamps: stored?.data ? stored.stamps : {},
      patch,
      baseVersion: ctx.baseVersions[recordKey(table, id)] ?? 0,
      clientId: ctx.clientId,
    });
    const stamps: FieldStamps = { ...(stored?.data ? stored.stamps : {}) };
    for (const field of Object.keys(decision.write)) stamps[field] = { v: ctx.version, c: ctx.clientId, u: ctx.actor.name };
    if (Object.keys(decision.write).length > 0 || !current) {
      write(table, id, { data: { ...(current ?? {}), ...decision.write }, stamps, version: ctx.version });
    }
    for (const c of decision.conflicts) {
      const conflictId = `cf:${ctx.clientId}:${ctx.mutationId}:${conflictCount++}`;
      const row: Tables['conflicts'] = {
        id: conflictId,
        table,
        recordId: id,
        field: c.field,
        current: { value: c.current, by: c.stamp.u, version: c.stamp.v },
        proposed: { value: c.proposed, by: ctx.actor.name, mutation: ctx.mutationName },
        status: 'open',
        resolution: null,
        resolvedBy: null,
      };
      const stampsAll: FieldStamps = {};
      for (const f of Object.keys(row)) stampsAll[f] = { v: ctx.version, c: ctx.clientId, u: ctx.actor.name };
      write('conflicts', conflictId, { data: row as unknown as Record<string, unknown>, stamps: stampsAll, version: ctx.version });
    }
  };

  const tx: WriteTx = {
    get: async (table, id) => ((await read(table, id))?.data ?? undefined) as never,
    query: async (table, field, value) => scratch.overlay(table, byId(await base.query(table, field, value)), (data) => data[field] === value) as never,
    all: async (table) => scratch.overlay(table, byId(await base.all(table)), () => true) as never,
    put: async (table, row) => {
      mayWrite(table);
      await mergeInto(table, row.id, row as Record<string, unknown>);
    },
    update: async (table, id, patch) => {
      mayWrite(table);
      const stored = await read(table, id);
      if (!stored?.data) throw new Error(`update of a missing ${table} record ${id}`);
      await mergeInto(table, id, patch as Record<string, unknown>);
    },
    delete: async (table, id) => {
      const stored = await read(table, id);
      if (!stored?.data) return;
      write(table, id, { data: null, stamps: {}, version: ctx.version });
    },
  };
  return { tx, conflicts: () => conflictCount };
}

/**
 * A result as an app of `schemaVersion` reads it: one of schema 6 parses results strictly and knows
 * no reason or parameters; it shows `message`, the English detail.
 */
function resultFor(schemaVersion: number, r: MutationResult): MutationResult {
  if (r.status !== 'rejected' || schemaVersion >= FIELD_SINCE_SCHEMA.reason) return r;
  const { reason: _reason, params: _params, ...older } = r;
  return older;
}

/** Processes one push inside one transaction of the caller's storage. */
export async function processPush(
  tx: AuthorityTx,
  request: PushRequest,
  actor: Actor,
  now: string,
): Promise<PushOutcome> {
  const schema = checkSchemaVersion(request.schemaVersion);
  if (!schema.ok) {
    return { ok: false, status: 426, code: 'CLIENT_UPDATE_REQUIRED', message: schema.message, minSchemaVersion: schema.minSchemaVersion };
  }
  const { clientId } = request;
  const mutations = [...request.mutations].sort((a, b) => a.id - b.id);
  const claim = await tx.claimClient(clientId, actor.id);
  if (claim.ownerId !== actor.id) {
    // Pushing under a colleague's client id would turn their next real change into a "duplicate".
    return { ok: false, status: 403, code: 'CLIENT_NOT_YOURS', message: 'this client id belongs to another person: the app takes a new one' };
  }
  const last = claim.lastMutationId;
  const duplicates = mutations.filter((m) => m.id <= last).map((m) => m.id);
  const fresh = mutations.filter((m) => m.id > last);
  for (let i = 0; i < fresh.length; i++) {
    const expected = last + 1 + i;
    if (fresh[i]!.id !== expected) {
      return {
        ok: false,
        status: 409,
        code: 'MUTATION_GAP',
        message: `mutation ${fresh[i]!.id} arrived, but the server expected ${expected} next from this client`,
        expected,
        lastMutationId: expected - 1,
      };
    }
  }

  // Results recorded by a server of an earlier schema spell their codes as it did.
  const previous = (duplicates.length > 0 ? await tx.results(clientId, duplicates) : []).map((r) =>
    r.status === 'rejected' ? { ...r, code: currentRefusalCode(r.code) } : r,
  );
  const answered = (results: MutationResult[]) => results.map((r) => resultFor(request.schemaVersion, r));
  if (fresh.length === 0) return { ok: true, response: { lastMutationId: last, results: answered(previous) }, version: null };

  const version = await tx.takeVersion();
  const overlay = new Overlay(tx);
  const named = new Map<string, { table: TableName; id: string }>();
  for (const m of fresh) {
    for (const key of Object.keys(m.baseVersions)) {
      const slash = key.indexOf('/');
      const table = key.slice(0, slash) as TableName;
      if (slash > 0 && tableNames.includes(table)) named.set(key, { table, id: key.slice(slash + 1) });
    }
  }
  await overlay.prefetch([...named.values()]);
  const results: MutationResult[] = [];
  for (const m of fresh) {
    // An app of the previous schema sends the names it knows: their changes are found by those too.
    const mutator = mutatorNamed(m.name);
    if (!mutator) {
      results.push({
        id: m.id,
        status: 'rejected',
        code: 'UNKNOWN_MUTATOR',
        ...refusalFields('change.unknownToServer', { mutation: m.name }),
      });
      continue;
    }
    const scratch = new Overlay(tx);
    const { tx: writeTx, conflicts } = authorityWriteTx(overlay, scratch, {
      version,
      clientId,
      actor,
      mutationId: m.id,
      mutationName: mutator.name,
      baseVersions: m.baseVersions,
      schemaVersion: request.schemaVersion,
    });
    const outcome = await runMutator(mutator, m.args, writeTx, { actor, now, mutationKey: `${clientId}:${m.id}` });
    if (outcome.ok) {
      overlay.merge(scratch);
      results.push({ id: m.id, status: 'applied', conflicts: conflicts() });
    } else {
      results.push({ id: m.id, status: 'rejected', code: outcome.code, message: outcome.message, reason: outcome.reason, params: outcome.params });
    }
  }
  const lastMutationId = fresh[fresh.length - 1]!.id;
  await tx.commit(clientId, [...overlay.writes.values()], lastMutationId, results);
  return { ok: true, response: { lastMutationId, results: answered([...previous, ...results]) }, version };
}
