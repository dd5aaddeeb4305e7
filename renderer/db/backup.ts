// Backup and restore: the whole workspace, or one customer, as one versioned JSON file. A file is
// validated whole (every row against its table's schema) before anything is written; a bad file
// names the table, the row and the field.
//
// What a restore does to sync state (the data must reach the team through sync like any change):
// - Whole workspace: replaces the local database, rows and outbox included, in one transaction,
//   only when the local outbox is empty or the caller confirms dropping the local pending changes.
//   The restored database becomes a NEW sync client: fresh client id, cursor 0 (the next pull
//   brings the server's truth over the restored rows), the backup's pending changes renumbered
//   1..n in their order and replayed on top. Reusing the backup's client id would make the server
//   skip new changes as duplicates of ones it saw after the backup was taken.
// - One customer: goes through mutations (customer.create or customer.update, then a tenant import
//   of the backed-up inventory), so the team gets it through sync like any change. Plans and
//   invitations in a customer file are reported, not restored (their mutators cannot yet set every
//   field a backup holds).
import { z } from 'zod';
import { tenantImportChanges, type ImportChange } from '../../shared/mutators/imports';
import type { SyncClient } from '../../shared/sync/client';
import type { MutationOutcome } from '../../shared/mutators/define';
import { IsoDateTime, tableNames, tables, type TableName } from '../../shared/workspace/tables';
import { recordEverything } from './dashboardChanges';
import { SCHEMA_VERSION, type WorkspaceDatabase } from './database';
import { toInventory } from './queries';

export const BACKUP_FORMAT = 'csp-migration-workspace-backup';
export const BACKUP_VERSION = 1;

/** A stored row: the table's own (strict) schema plus its server version. */
const syncedTableSchemas = Object.fromEntries(
  tableNames.map((t) => [t, z.array((tables[t] as unknown as z.ZodObject).extend({ _v: z.number().int().nonnegative() })).optional()]),
) as unknown as Record<TableName, z.ZodOptional<z.ZodArray<z.ZodType<Record<string, unknown>>>>>;

const UndoEntry = z.object({ table: z.enum(tableNames as [TableName, ...TableName[]]), id: z.string(), before: z.record(z.string(), z.unknown()).nullable(), version: z.number().int() }).strict();
const OutboxEntry = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1).max(100),
    args: z.unknown(),
    baseVersions: z.record(z.string(), z.number().int().nonnegative()),
    undo: z.array(UndoEntry),
    createdAt: IsoDateTime,
  })
  .strict();
const SyncMetaRow = z.object({ key: z.literal('meta'), clientId: z.string(), cursor: z.number().int().nonnegative(), nextMutationId: z.number().int().positive(), lastAcknowledged: z.number().int().nonnegative(), cursorSchema: z.number().int().positive().optional(), userId: z.string().max(200).optional() }).strict();
// A rejection stored before reasons existed holds its sentences (message, messageJa); a later one its reason and parameters.
const RejectionRow = z
  .object({
    mutationId: z.number().int(),
    name: z.string(),
    args: z.unknown(),
    code: z.string(),
    message: z.string(),
    messageJa: z.string().optional(),
    reason: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
  })
  .strict();

export const BackupFile = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: IsoDateTime,
    /** The Dexie schema version of the database the file came from. */
    schemaVersion: z.number().int().positive().max(SCHEMA_VERSION, 'the file comes from a newer version of the app'),
    scope: z.discriminatedUnion('kind', [z.object({ kind: z.literal('workspace') }).strict(), z.object({ kind: z.literal('customer'), customerId: z.string() }).strict()]),
    tables: z
      .object({
        ...syncedTableSchemas,
        outbox: z.array(OutboxEntry).optional(),
        syncMeta: z.array(SyncMetaRow).max(1).optional(),
        rejections: z.array(RejectionRow).optional(),
      })
      .strict(),
  })
  .strict();
export type BackupFile = z.infer<typeof BackupFile>;

export type BackupCheck = { ok: true; backup: BackupFile } | { ok: false; message: string; path: (string | number)[] };

/** Validates a whole backup file; the message names the table, row (1-based) and field. */
export function checkBackup(text: string): BackupCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not a JSON file (${e instanceof Error ? e.message : String(e)})`, path: [] };
  }
  const parsed = BackupFile.safeParse(json);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (path[0] === 'tables' && typeof path[1] === 'string' && typeof path[2] === 'number') {
    const field = path.slice(3).join('.');
    return { ok: false, message: `table ${path[1]}, row ${path[2] + 1}${field ? `, field ${field}` : ''}: ${issue.message}`, path };
  }
  return { ok: false, message: `${path.join('.') || 'the file'}: ${issue.message}`, path };
}

/** The whole workspace, sync state included. */
export async function exportWorkspace(db: WorkspaceDatabase, now: Date = new Date()): Promise<BackupFile> {
  const out: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const t of [...tableNames, 'outbox', 'syncMeta', 'rejections']) out[t] = await db.table(t).toArray();
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), schemaVersion: SCHEMA_VERSION, scope: { kind: 'workspace' }, tables: out as BackupFile['tables'] };
}

/** One customer: its record, current inventory (with its import record), plans, lines, invitations, activity. */
export async function exportCustomer(db: WorkspaceDatabase, customerId: string, now: Date = new Date()): Promise<BackupFile> {
  const out: Partial<Record<TableName, unknown[]>> = {};
  await db.transaction('r', db.tables, async () => {
    const customer = await db.customers.get(customerId);
    if (!customer) throw new Error(`no customer ${customerId}`);
    out.customers = [customer];
    for (const t of ['invitations', 'plans', 'planLines', 'activity', 'transfers', 'findingAcks'] as const) out[t] = await db.table(t).where('customerId').equals(customerId).toArray();
    const importId = customer.tenantImportId;
    if (importId) {
      out.imports = (await db.imports.where('id').equals(importId).toArray()) as unknown[];
      for (const t of ['tenantSkus', 'tenantSubscriptions', 'tenantUsers', 'tenantUserChunks'] as const) out[t] = await db.table(t).where('importId').equals(importId).toArray();
    }
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), schemaVersion: SCHEMA_VERSION, scope: { kind: 'customer', customerId }, tables: out as BackupFile['tables'] };
}

export type RestoreOutcome =
  | { ok: true; restored: Record<string, number>; notRestored: Record<string, number> }
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: 'pending-changes'; pending: number }
  | { ok: false; reason: 'rejected'; refusal: Extract<MutationOutcome, { ok: false }> };

/**
 * Replaces the local workspace with a whole-workspace backup (see the header for the sync state).
 * Refuses while local changes wait to be sent, unless `dropPendingChanges` is set.
 */
export async function restoreWorkspace(
  db: WorkspaceDatabase,
  backup: BackupFile,
  options: { dropPendingChanges?: boolean; newClientId: () => string },
): Promise<RestoreOutcome> {
  if (backup.scope.kind !== 'workspace') return { ok: false, reason: 'invalid', message: 'this file holds one customer: restore it as a customer' };
  const restored: Record<string, number> = {};
  return db.transaction('rw', db.tables, async (trans) => {
    const pending = await trans.table('outbox').count();
    if (pending > 0 && !options.dropPendingChanges) return { ok: false, reason: 'pending-changes', pending } as const;
    for (const t of tableNames) {
      const rows = backup.tables[t] ?? [];
      await trans.table(t).clear();
      await trans.table(t).bulkPut(rows);
      restored[t] = rows.length;
    }
    const outbox = [...(backup.tables.outbox ?? [])].sort((a, b) => a.id - b.id).map((e, i) => ({ ...e, id: i + 1 }));
    await trans.table('outbox').clear();
    await trans.table('outbox').bulkPut(outbox);
    restored.outbox = outbox.length;
    await trans.table('rejections').clear();
    await recordEverything(trans);
    await trans.table('syncMeta').put({ key: 'meta', clientId: options.newClientId(), cursor: 0, nextMutationId: outbox.length + 1, lastAcknowledged: 0 });
    return { ok: true, restored, notRestored: {} } as const;
  });
}

/** Restores one customer through mutations (customer, then its inventory as a tenant import). */
export async function restoreCustomer(client: SyncClient, db: WorkspaceDatabase, backup: BackupFile, importId: string): Promise<RestoreOutcome> {
  if (backup.scope.kind !== 'customer') return { ok: false, reason: 'invalid', message: 'this file holds a whole workspace' };
  const customer = backup.tables.customers?.[0] as (Record<string, unknown> & { id: string }) | undefined;
  if (!customer) return { ok: false, reason: 'invalid', message: 'table customers: the file holds no customer' };
  const details = { name: customer.name, domain: customer.domain, tenantId: customer.tenantId, country: customer.country, channel: customer.channel };
  const exists = await db.customers.get(customer.id);
  const changes: ImportChange[] = [exists ? { name: 'customer.update', args: { id: customer.id, ...details, notes: customer.notes } } : { name: 'customer.create', args: { id: customer.id, ...details } }];
  if (!exists && customer.notes) changes.push({ name: 'customer.update', args: { id: customer.id, notes: customer.notes } });
  // Schema 3 facts about the customer travel with it; a file of schema 2 has none.
  if (typeof customer.billingAccount === 'string' && customer.billingAccount !== 'unknown') {
    changes.push({ name: 'customer.setBillingAccount', args: { id: customer.id, billingAccount: customer.billingAccount } });
  }
  const agreement = customer.agreement as { acceptedOn: string; attestedBy: string } | null | undefined;
  if (agreement) changes.push({ name: 'customer.recordAgreement', args: { id: customer.id, ...agreement } });
  // The partner's own subscriptions from Partner Center travel with the customer (absent before them).
  const own = customer.ownSubscriptions as { file: string; items: unknown[] } | null | undefined;
  if (own && own.items.length > 0) changes.push({ name: 'customer.setOwnSubscriptions', args: { id: customer.id, file: own.file, subscriptions: own.items } });
  const restored: Record<string, number> = { customers: 1 };
  if (customer.tenantImportId) {
    const record = (backup.tables.imports ?? []).find((r) => r.id === customer.tenantImportId) as { files?: string[] } | undefined;
    const rows = (list: Record<string, unknown>[] | undefined) => (list ?? []).map(({ _v: _version, ...row }) => row) as never;
    const inventory = toInventory({
      customer: customer as never,
      import: (record ?? null) as never,
      skus: rows(backup.tables.tenantSkus),
      subscriptions: rows(backup.tables.tenantSubscriptions),
      users: [
        ...rows(backup.tables.tenantUsers),
        ...(backup.tables.tenantUserChunks ?? [])
          .sort((a, b) => (a as { offset: number }).offset - (b as { offset: number }).offset)
          .flatMap((c) => (c as { users: { id: string; userPrincipalName: string; licenses: unknown[] }[] }).users.map(({ id, ...u }) => ({ ...u, userId: id }))),
      ] as never,
    });
    changes.push(...tenantImportChanges(inventory, { importId, customerId: customer.id, files: record?.files ?? [] }));
    restored.tenantSkus = inventory.skus.length;
    restored.tenantSubscriptions = inventory.subscriptions?.length ?? 0;
    restored.tenantUsers = inventory.users.length;
  }
  const outcome = await client.mutateMany(changes);
  if (!outcome.ok) return { ok: false, reason: 'rejected', refusal: outcome };
  const notRestored: Record<string, number> = {};
  for (const t of ['plans', 'planLines', 'invitations', 'transfers', 'findingAcks'] as const) if ((backup.tables[t]?.length ?? 0) > 0) notRestored[t] = backup.tables[t]!.length;
  return { ok: true, restored, notRestored };
}
