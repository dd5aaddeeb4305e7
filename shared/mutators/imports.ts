// Imports as mutations. A whole import is a few large changes, not one per row: chunks of about
// 1,000 parsed rows (`*.importChunk`, quiet: no activity entry) and one commit (`*.importCommit`)
// that makes the import current, deletes the previous import's rows and writes ONE activity entry
// saying what changed. The client runs them all in one transaction (SyncClient.mutateMany); the
// server re-runs them in push order.
//
// Visibility: every row id is scoped by its import (`${customerId}:${importId}:${sourceId}`), so a
// chunk never overwrites a row people see. Readers take only the rows of the customer's
// `tenantImportId` (the catalog's `catalogState.importId`); until the commit flips that pointer the
// staged rows are invisible, and if the commit never comes they stay invisible. Re-importing the
// same tenant therefore replaces the customer's inventory as a whole (no duplicates), and the
// summary compares by source id (user id, subscription id, SKU id) with the import it replaces.
import { z } from 'zod';
import type { TenantInventory } from '../domain/tenant';
import { customerChannelOf } from '../domain/tenant';
import { fillFromImport, type FillResult } from '../domain/customerFields';
import type { CatalogSku } from '../domain/catalog';
import type {
  ImportKind} from '../workspace/tables';
import {
  CatalogServicePlanRow,
  CountryCode,
  Guid,
  Id,
  TenantSkuData,
  TenantSubscriptionData,
  TenantUserData,
  isTenantUserData,
  type ChangeCounts,
  type ImportRecord,
  type TableName,
  type Tables,
} from '../workspace/tables';
import { productNames } from './productNames';
import { MutationError, defineMutator, mustGet, putRows, type MutatorContext, type WriteTx } from './define';
import { activity, type ActivityParams } from './activityCodes';
import { markTextChecked } from './checkedText';

/** Rows per chunk, and the bytes a chunk's rows may take as JSON (a push carries several chunks; the server takes up to 16 MiB). */
export const CHUNK_ROWS = 1000;
export const CHUNK_BYTES = 1024 * 1024;
const MAX_CHUNK_ROWS = 5000;

const FileNames = z.array(z.string().max(260)).max(20);
const Counts = z.number().int().min(0).max(100_000_000);

/** Every table holding a tenant import's rows (users: `tenantUserChunks`, and `tenantUsers` for imports made before schema v2). */
const tenantTables = ['tenantSkus', 'tenantSubscriptions', 'tenantUsers', 'tenantUserChunks'] as const satisfies readonly TableName[];

/** Equal as data, whatever the key order (PostgreSQL's jsonb reorders keys). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The imported data of a row: everything but its storage id and import. */
function dataOf(row: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, importId: _importId, ...data } = row;
  return data;
}

/** The staging record of an import, created by its first chunk. */
async function staging(
  tx: WriteTx,
  ctx: MutatorContext,
  importId: string,
  fresh: Pick<ImportRecord, 'kind' | 'customerId' | 'baseImportId'>,
): Promise<ImportRecord> {
  const existing = await tx.get('imports', importId);
  if (existing) {
    if (existing.status === 'committed') throw new MutationError('INVALID', 'import.committed', { importId: importId });
    if (existing.kind !== fresh.kind || existing.customerId !== fresh.customerId) {
      throw new MutationError('INVALID', existing.kind === 'tenant' ? 'import.otherCustomer' : 'import.otherKind', { importId });
    }
    return existing;
  }
  return { id: importId, ...fresh, status: 'pending', files: [], counts: {}, received: {}, changes: {}, by: ctx.actor.name, at: ctx.now };
}

/** Stores one chunk's rows and counts what they add or change against the base import. */
async function stageRows<T extends TableName>(
  tx: WriteTx,
  table: T,
  rows: Tables[T][],
  baseIdOf: ((row: Tables[T]) => string) | null,
  record: ImportRecord,
  kind: ImportKind,
): Promise<void> {
  const change = { added: 0, updated: 0, removed: 0, ...record.changes[kind] };
  if (baseIdOf) {
    for (const row of rows) {
      const before = await tx.get(table, baseIdOf(row));
      if (!before) change.added++;
      else if (!sameData(dataOf(before as Record<string, unknown>), dataOf(row as Record<string, unknown>))) change.updated++;
    }
  } else {
    change.added += rows.length;
  }
  await putRows(tx, table, rows);
  record.received = { ...record.received, [kind]: (record.received[kind] ?? 0) + rows.length };
  record.changes = { ...record.changes, [kind]: change };
}

/** Fails the commit unless every row the import announced arrived. */
function checkComplete(record: ImportRecord, counts: Partial<Record<ImportKind, number>>): void {
  for (const [kind, expected] of Object.entries(counts) as [ImportKind, number][]) {
    const got = record.received[kind] ?? 0;
    if (got !== expected) throw new MutationError('INVALID', 'import.incomplete', { got, expected, kind });
  }
  for (const [kind, got] of Object.entries(record.received) as [ImportKind, number][]) {
    if (counts[kind] === undefined && got > 0) throw new MutationError('INVALID', 'import.uncounted', { got, kind });
  }
}

/** Deletes every row of an import from a table; answers how many there were. */
async function dropImport(tx: WriteTx, table: TableName, importId: string, customerId: string | null): Promise<number> {
  let n = 0;
  for (const row of await tx.query(table, 'importId' as never, importId)) {
    const r = row as { id: string; customerId?: string };
    if (customerId !== null && r.customerId !== customerId) continue; // never: an import id belongs to one customer
    await tx.delete(table, r.id);
    n++;
  }
  return n;
}

function finishChanges(record: ImportRecord, base: ImportRecord | undefined, counts: Partial<Record<ImportKind, number>>) {
  const changes: Partial<Record<ImportKind, ChangeCounts>> = {};
  for (const [kind, n] of Object.entries(counts) as [ImportKind, number][]) {
    const c = record.changes[kind] ?? { added: 0, updated: 0, removed: 0 };
    // Rows of the base import not matched by a row of this one were removed.
    const baseCount = base?.counts[kind] ?? 0;
    changes[kind] = { added: c.added, updated: c.updated, removed: Math.max(0, baseCount - (n - c.added)) };
  }
  return changes;
}

/**
 * What an import changed, per kind of row, as parameters of its activity entry: `changes` holds one
 * "kind count added updated removed" per kind (renderer/words/activityText.ts words them),
 * `files` the files read; for a tenant, the customer details it filled (`filled`) and those a
 * person's value kept (`keptFields`, `keptValues`, `importedValues`, index by index).
 */
function changeParams(changes: Partial<Record<ImportKind, ChangeCounts>>, counts: Partial<Record<ImportKind, number>>): string[] {
  return (Object.entries(counts) as [ImportKind, number][]).map(([kind, n]) => {
    const c = changes[kind] ?? { added: 0, updated: 0, removed: 0 };
    return `${kind} ${n} ${c.added} ${c.updated} ${c.removed}`;
  });
}

/** The import's parameters, plus what it filled in the customer's details and what a person's value kept. */
export function filledParams(fill: Pick<FillResult, 'filled' | 'differs'>): ActivityParams {
  return {
    filled: [...fill.filled],
    keptFields: fill.differs.map((d) => d.field),
    keptValues: fill.differs.map((d) => d.kept),
    importedValues: fill.differs.map((d) => d.imported),
  };
}

// ---- Tenant exports --------------------------------------------------------------------------

type UserData = Pick<Tables['tenantUsers'], 'userPrincipalName' | 'licenses'>;

/** An import's users by user id, from its chunks (and the per-user rows of imports made before schema v2). */
async function usersOfImport(tx: WriteTx, importId: string): Promise<Map<string, UserData>> {
  const users = new Map<string, UserData>();
  for (const row of await tx.query('tenantUsers', 'importId', importId)) users.set(row.userId, { userPrincipalName: row.userPrincipalName, licenses: row.licenses });
  for (const chunk of await tx.query('tenantUserChunks', 'importId', importId)) {
    for (const u of chunk.users) users.set(u.id, { userPrincipalName: u.userPrincipalName, licenses: u.licenses });
  }
  return users;
}

/** Users added and changed by an import against the one it replaces (removed: finishChanges). */
async function userChanges(tx: WriteTx, importId: string, baseImportId: string | null, received: number): Promise<ChangeCounts> {
  if (!baseImportId || received === 0) return { added: received, updated: 0, removed: 0 };
  const [now, before] = await Promise.all([usersOfImport(tx, importId), usersOfImport(tx, baseImportId)]);
  let added = 0;
  let updated = 0;
  for (const [id, user] of now) {
    const old = before.get(id);
    if (!old) added++;
    else if (!sameData(old, user)) updated++;
  }
  return { added, updated, removed: 0 };
}

const TenantChunkBase = { importId: Id, customerId: Id };
export const TenantImportChunkArgs = z.discriminatedUnion('kind', [
  z.object({ ...TenantChunkBase, kind: z.literal('skus'), rows: z.array(TenantSkuData).min(1).max(MAX_CHUNK_ROWS) }).strict(),
  z.object({ ...TenantChunkBase, kind: z.literal('subscriptions'), rows: z.array(TenantSubscriptionData).min(1).max(MAX_CHUNK_ROWS) }).strict(),
  z.object({ ...TenantChunkBase, kind: z.literal('users'), rows: z.array(TenantUserData).min(1).max(MAX_CHUNK_ROWS) }).strict(),
]);

type TenantImportChunkArgs = z.output<typeof TenantImportChunkArgs>;

/** A users chunk checked by hand (Mutator.plainArgs): the ids by their schema, the rows by isTenantUserData. */
export function isPlainUsersChunk(raw: unknown): raw is TenantImportChunkArgs {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const a = raw as Record<string, unknown>;
  return (
    Object.keys(a).length === 4 &&
    a.kind === 'users' &&
    Id.safeParse(a.importId).success &&
    Id.safeParse(a.customerId).success &&
    Array.isArray(a.rows) &&
    a.rows.length >= 1 &&
    a.rows.length <= MAX_CHUNK_ROWS &&
    a.rows.every(isTenantUserData)
  );
}

export const tenantImportChunk = defineMutator({
  name: 'tenant.importChunk',
  args: TenantImportChunkArgs,
  plainArgs: isPlainUsersChunk,
  permission: 'tenant.import',
  quiet: true,
  describe: (a) => activity('tenant.importChunk', { kind: a.kind, count: a.rows.length }),
  async run(tx, a, ctx) {
    const customer = await mustGet(tx, 'customers', a.customerId);
    if (customer.tenantImportId === a.importId) throw new MutationError('INVALID', 'import.committed', { importId: a.importId });
    const record = await staging(tx, ctx, a.importId, { kind: 'tenant', customerId: a.customerId, baseImportId: customer.tenantImportId });
    const base = record.baseImportId;
    const prefix = `${a.customerId}:${a.importId}:`;
    const basePrefix = base ? `${a.customerId}:${base}:` : '';
    const common = { customerId: a.customerId, importId: a.importId };
    if (a.kind === 'skus') {
      const rows = a.rows.map((r) => ({ ...r, ...common, id: prefix + r.skuId }));
      await stageRows(tx, 'tenantSkus', rows, base ? (r) => basePrefix + r.skuId : null, record, 'skus');
    } else if (a.kind === 'subscriptions') {
      const rows = a.rows.map(({ id, ...r }) => ({ ...r, ...common, id: prefix + id, subscriptionId: id }));
      await stageRows(tx, 'tenantSubscriptions', rows, base ? (r) => basePrefix + r.subscriptionId : null, record, 'subscriptions');
    } else {
      // The chunk is stored as one record; what it adds or changes is counted at the commit, against
      // the base import's users as a whole (comparing row by row here would read the base 50 times).
      // Through the batch path (putRows): the storage can tell a fresh import's chunk is new without
      // reading it back, where a plain put's read would wait for every write queued before it.
      const offset = record.received.users ?? 0;
      await putRows(tx, 'tenantUserChunks', [{ id: `${prefix}users:${offset}`, ...common, offset, users: a.rows }]);
      record.received = { ...record.received, users: offset + a.rows.length };
    }
    await tx.put('imports', record);
    return a.customerId;
  },
});

export const TenantImportCommitArgs = z
  .object({
    importId: Id,
    customerId: Id,
    /** organization.countryLetterCode: becomes the customer's country when it has none. */
    country: CountryCode.nullable().default(null),
    /** What else the files say about the customer (organization id and default domain, Partner Center's customer). */
    known: z
      .object({ tenantId: Guid.nullable().default(null), domain: z.string().trim().toLowerCase().max(253).nullable().default(null) })
      .strict()
      .optional(),
    files: FileNames,
    counts: z.object({ skus: Counts, subscriptions: Counts, users: Counts }).strict(),
  })
  .strict();

export const tenantImportCommit = defineMutator({
  name: 'tenant.importCommit',
  args: TenantImportCommitArgs,
  permission: 'tenant.import',
  describe: (a) => activity('tenant.importCommit', { files: a.files }),
  async run(tx, a, ctx) {
    const customer = await mustGet(tx, 'customers', a.customerId);
    if (customer.tenantImportId === a.importId) throw new MutationError('INVALID', 'import.committed', { importId: a.importId });
    const record =
      (await tx.get('imports', a.importId)) ??
      (await staging(tx, ctx, a.importId, { kind: 'tenant', customerId: a.customerId, baseImportId: customer.tenantImportId }));
    if (record.status === 'committed') throw new MutationError('INVALID', 'import.committed', { importId: a.importId });
    if (record.kind !== 'tenant' || record.customerId !== a.customerId) throw new MutationError('INVALID', 'import.otherCustomer', { importId: a.importId });
    checkComplete(record, a.counts);
    const base = record.baseImportId ? await tx.get('imports', record.baseImportId) : undefined;
    record.changes = { ...record.changes, users: await userChanges(tx, a.importId, record.baseImportId, record.received.users ?? 0) };
    const changes = finishChanges(record, base, a.counts);
    // The rows people saw until now: the customer's current import (normally the base).
    if (customer.tenantImportId) {
      for (const table of tenantTables) await dropImport(tx, table, customer.tenantImportId, a.customerId);
    }
    // The customer's details the files know, filled unless a person set them (domain/customerFields).
    const partner = await tx.get('partner', 'partner');
    const partnerTenantId = partner?.partnerTenantId ?? '';
    const subscriptions = a.counts.subscriptions > 0 ? await tx.query('tenantSubscriptions', 'importId', a.importId) : null;
    // Without the partner's own tenant id, a partner-owned subscription could be ours or another's.
    const channelKnowable = partnerTenantId !== '' || (subscriptions ?? []).every((s) => s.ownerTenantId === null || s.ownerTenantId === '');
    const fill = fillFromImport(
      customer,
      { tenantId: a.known?.tenantId ?? null, domain: a.known?.domain ?? null, country: a.country, channel: channelKnowable ? customerChannelOf(subscriptions, partnerTenantId) : null },
      { at: ctx.now, ...(a.files.length > 0 ? { file: a.files.join(', ').slice(0, 260) } : {}) },
    );
    await tx.update('customers', a.customerId, {
      tenantImportId: a.importId,
      ...fill.patch,
      ...(fill.filled.length > 0 ? { fieldSources: fill.fieldSources } : {}),
    } as Partial<Tables['customers']>);
    await tx.put('imports', { ...record, status: 'committed', files: a.files, counts: a.counts, changes, by: ctx.actor.name, at: ctx.now });
    return { customerId: a.customerId, summary: activity('tenant.imported', { files: a.files, changes: changeParams(changes, a.counts), ...filledParams(fill) }) };
  },
});

/**
 * Drops an import whose commit never came (refused by the server, or given up): its staged rows are
 * invisible but would otherwise stay on the server and every client for good. A committed import
 * is never discarded: importing again replaces it.
 */
export const tenantImportDiscard = defineMutator({
  name: 'tenant.importDiscard',
  args: z.object({ importId: Id, customerId: Id }).strict(),
  permission: 'tenant.import',
  describe: () => activity('tenant.importDiscard'),
  async run(tx, a) {
    const customer = await mustGet(tx, 'customers', a.customerId);
    const record = await tx.get('imports', a.importId);
    if (customer.tenantImportId === a.importId || record?.status === 'committed') {
      throw new MutationError('INVALID', 'import.committedReimport', { importId: a.importId });
    }
    if (record && (record.kind !== 'tenant' || record.customerId !== a.customerId)) throw new MutationError('INVALID', 'import.otherCustomer', { importId: a.importId });
    for (const table of tenantTables) await dropImport(tx, table, a.importId, a.customerId);
    if (record) await tx.delete('imports', a.importId);
    return a.customerId;
  },
});

// ---- Catalog ---------------------------------------------------------------------------------

export const CatalogRowData = z
  .object({
    skuId: z.string().max(64),
    partNumber: z.string().max(200),
    name: z.string().max(300),
    servicePlans: z.array(CatalogServicePlanRow).max(1000),
    purchasable: z.boolean(),
  })
  .strict();
export type CatalogRowData = z.infer<typeof CatalogRowData>;

export const catalogImportChunk = defineMutator({
  name: 'catalog.importChunk',
  args: z.object({ importId: Id, rows: z.array(CatalogRowData).min(1).max(MAX_CHUNK_ROWS) }).strict(),
  permission: 'catalog.edit',
  quiet: true,
  describe: (a) => activity('catalog.importChunk', { count: a.rows.length }),
  async run(tx, a, ctx) {
    const state = await tx.get('catalogState', 'catalog');
    if (state?.importId === a.importId) throw new MutationError('INVALID', 'import.committed', { importId: a.importId });
    const record = await staging(tx, ctx, a.importId, { kind: 'catalog', customerId: null, baseImportId: state?.importId ?? null });
    const base = record.baseImportId;
    const rows = a.rows.map((r) => ({ ...r, importId: a.importId, id: `${a.importId}:${r.skuId}` }));
    await stageRows(tx, 'catalogSkus', rows, base ? (r) => `${base}:${r.skuId}` : null, record, 'catalog');
    await tx.put('imports', record);
    return null;
  },
});

export const catalogImportCommit = defineMutator({
  name: 'catalog.importCommit',
  args: z.object({ importId: Id, files: FileNames, count: Counts, hasOffers: z.boolean() }).strict(),
  permission: 'catalog.edit',
  describe: (a) => activity('catalog.importCommit', { files: a.files }),
  async run(tx, a, ctx) {
    const state = await tx.get('catalogState', 'catalog');
    if (state?.importId === a.importId) throw new MutationError('INVALID', 'import.committed', { importId: a.importId });
    const record =
      (await tx.get('imports', a.importId)) ??
      (await staging(tx, ctx, a.importId, { kind: 'catalog', customerId: null, baseImportId: state?.importId ?? null }));
    if (record.status === 'committed' || record.kind !== 'catalog') throw new MutationError('INVALID', 'import.notPendingCatalog', { importId: a.importId });
    const counts = { catalog: a.count };
    checkComplete(record, counts);
    const base = record.baseImportId ? await tx.get('imports', record.baseImportId) : undefined;
    const changes = finishChanges(record, base, counts);
    if (state?.importId) await dropImport(tx, 'catalogSkus', state.importId, null);
    await tx.put('catalogState', { id: 'catalog', importId: a.importId, hasOffers: a.hasOffers });
    await tx.put('imports', { ...record, status: 'committed', files: a.files, counts, changes, by: ctx.actor.name, at: ctx.now });
    return { customerId: null, summary: activity('catalog.imported', { files: a.files, changes: changeParams(changes, counts) }) };
  },
});

export const catalogMarkDiscontinued = defineMutator({
  name: 'catalog.markDiscontinued',
  args: z.object({ skuId: Guid, discontinued: z.boolean() }).strict(),
  permission: 'catalog.edit',
  describe: (a) =>
    a.discontinued ? activity('catalog.markDiscontinued') : activity('catalog.clearDiscontinued'),
  async run(tx, a, ctx) {
    await tx.put('catalogMarks', { id: a.skuId, discontinued: a.discontinued, by: ctx.actor.name, at: ctx.now });
    const name = await productNames(tx, [a.skuId]);
    return {
      customerId: null,
      summary: activity(a.discontinued ? 'catalog.markProductDiscontinued' : 'catalog.clearProductDiscontinued', { products: name }),
    };
  },
});

// ---- Building the changes of an import (pure; the worker runs it) -----------------------------

export interface ImportChange {
  name: string;
  args: unknown;
}

/** A character JSON.stringify writes as an escape: a quote, a backslash, a control character or a surrogate (a lone one is escaped). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Keys told once per measure: an import's 50,000 rows repeat the same dozen keys (most of its strings). */
const KNOWN_KEYS = 256;

/**
 * What measuring carries from value to value: key lengths, and whether every string and key met
 * so far was written as it is (no escape; `plain` false once one was not, or was not looked at).
 */
export interface Measure {
  keys: Map<string, number>;
  plain: boolean;
}

const newMeasure = (): Measure => ({ keys: new Map(), plain: true });

function stringLength(s: string, m: Measure): number {
  if (!JSON_ESCAPED.test(s)) return s.length + 2;
  m.plain = false;
  return JSON.stringify(s).length;
}

/**
 * `JSON.stringify(value).length`, counted without writing the JSON: the import's 50,000 rows were
 * stringified only to be measured (10 MB of strings for the garbage collector). Plain data (strings,
 * numbers, booleans, null, arrays, plain objects) is counted here; anything else (a toJSON, a class
 * instance, a string needing escapes) is measured by JSON.stringify itself, so the answer is always
 * the same. 0 where JSON.stringify answers undefined. `m` carries key lengths from one call to the
 * next (chunkRows measures row by row), and says whether any string needed an escape.
 */
export function jsonLength(value: unknown, m: Measure = newMeasure()): number {
  switch (typeof value) {
    case 'string':
      return stringLength(value, m);
    case 'boolean':
      return value ? 4 : 5;
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'object': {
      if (value === null) return 4;
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return measuredByJson(value, m);
      if (Array.isArray(value)) {
        let n = value.length > 0 ? value.length + 1 : 2;
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          n += v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 4 : jsonLength(v, m);
        }
        return n;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return measuredByJson(value, m);
      let n = 2;
      let first = true;
      for (const key of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') {
          // Left out of the JSON, so its key was not looked at.
          m.plain = false;
          continue;
        }
        let k = m.keys.get(key);
        if (k === undefined) {
          k = stringLength(key, m);
          // Rows keyed by data (a dictionary) would fill the map with keys seen once.
          if (m.keys.size < KNOWN_KEYS) m.keys.set(key, k);
        } else if (k !== key.length + 2) {
          // An escape always lengthens a string's JSON.
          m.plain = false;
        }
        n += (first ? 0 : 1) + k + 1 + jsonLength(v, m);
        first = false;
      }
      return n;
    }
    default:
      // undefined, functions and symbols (no JSON), bigint (JSON.stringify throws, as it would have).
      return measuredByJson(value, m);
  }
}

/** Measured by JSON.stringify: its strings were not looked at one by one. */
function measuredByJson(value: unknown, m: Measure): number {
  m.plain = false;
  return JSON.stringify(value)?.length ?? 0;
}

/** Splits rows into chunks of at most CHUNK_ROWS rows and about CHUNK_BYTES of JSON. */
export function chunkRows<T>(rows: readonly T[], maxRows = CHUNK_ROWS, maxBytes = CHUNK_BYTES): T[][] {
  const out: T[][] = [];
  let start = 0;
  while (start < rows.length) {
    const end = Math.min(rows.length, start + maxRows);
    const whole = rows.slice(start, end);
    // The whole chunk's JSON, written by the engine: in the import's fresh worker a JavaScript walk
    // of 50,000 rows (jsonLength) runs cold and costs several times more. It is the JSON a push
    // sends (JSON.stringify of the args), so no backslash in it says that no string the server
    // receives was escaped: none holds a NUL or a lone surrogate (checkedText.ts). When a whole chunk
    // fits, rows whose JSON fits together fit one by one: this is the chunk the row-by-row count makes.
    const json = JSON.stringify(whole);
    if (json.length <= maxBytes) {
      if (!json.includes('\\')) markTextChecked(whole);
      out.push(whole);
      start = end;
      continue;
    }
    // Too large at once: rows measured one by one, a chunk marked only when none needed an escape.
    const m = newMeasure();
    let stop = start;
    let bytes = 0;
    while (stop < rows.length && stop - start < maxRows) {
      const size = jsonLength(rows[stop], m);
      if (stop > start && bytes + size > maxBytes) break;
      bytes += size;
      stop++;
    }
    const chunk = rows.slice(start, stop);
    if (m.plain) markTextChecked(chunk);
    out.push(chunk);
    start = stop;
  }
  return out;
}

/** The changes that import a parsed tenant inventory for a customer: chunks, then the commit. */
export function tenantImportChanges(
  inventory: TenantInventory,
  options: { importId: string; customerId: string; files: string[] },
): ImportChange[] {
  const { importId, customerId } = options;
  const changes: ImportChange[] = [];
  const subscriptions = inventory.subscriptions ?? [];
  const kinds: ['skus' | 'subscriptions' | 'users', readonly unknown[]][] = [
    ['skus', inventory.skus],
    ['subscriptions', subscriptions],
    ['users', inventory.users],
  ];
  for (const [kind, rows] of kinds) {
    for (const chunk of chunkRows(rows)) changes.push({ name: tenantImportChunk.name, args: { importId, customerId, kind, rows: chunk } });
  }
  changes.push({
    name: tenantImportCommit.name,
    args: {
      importId,
      customerId,
      country: inventory.countryLetterCode,
      ...(inventory.tenantId || inventory.defaultDomain ? { known: { tenantId: inventory.tenantId ?? null, domain: inventory.defaultDomain ?? null } } : {}),
      files: options.files,
      counts: { skus: inventory.skus.length, subscriptions: subscriptions.length, users: inventory.users.length },
    },
  });
  return changes;
}

/** The changes that import Microsoft's catalog (and, when given, which SKUs can be bought). */
export function catalogImportChanges(
  skus: readonly CatalogSku[],
  options: { importId: string; files: string[]; purchasable?: ReadonlySet<string> },
): ImportChange[] {
  const rows: CatalogRowData[] = skus.map((s) => ({
    skuId: s.id,
    partNumber: s.partNumber,
    name: s.name,
    servicePlans: s.servicePlans.map((p) => ({ id: p.id, name: p.name, friendlyName: p.friendlyName, retired: p.retired })),
    purchasable: options.purchasable ? options.purchasable.has(s.id) : true,
  }));
  const changes: ImportChange[] = chunkRows(rows).map((chunk) => ({ name: catalogImportChunk.name, args: { importId: options.importId, rows: chunk } }));
  changes.push({
    name: catalogImportCommit.name,
    args: { importId: options.importId, files: options.files, count: rows.length, hasOffers: options.purchasable !== undefined },
  });
  return changes;
}
