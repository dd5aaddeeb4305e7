// The import worker: parses the files (shared/import) and stores the whole import with
// SyncClient.mutateMany: chunk mutations and the commit, their effects, ONE activity entry and the
// outbox rows, in one IndexedDB transaction. The page stays responsive; a cancel before the
// transaction commits leaves nothing behind.
/// <reference lib="webworker" />
import { isImportError, parseCatalogCsv, parseOffers, parseTenantExports, type ImportErrorDetails } from '../../shared/import/index';
import { catalogImportChanges, tenantImportChanges, type ImportChange } from '../../shared/mutators/imports';
import { SyncClient } from '../../shared/sync/client';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from '../sync/dexieClientStore';
import type { FromWorker, ImportRequest, StartMessage, ToWorker } from './importProtocol';

declare const self: DedicatedWorkerGlobalScope;

let cancelled = false;

class Cancelled extends Error {}

const post = (message: FromWorker) => self.postMessage(message);

function plan(request: ImportRequest, importId: string): ImportChange[] {
  if (request.kind === 'tenant') {
    const inventory = parseTenantExports(request.files);
    const files = Object.values(request.files).map((f) => f.file);
    return tenantImportChanges(inventory, { importId, customerId: request.customerId, files });
  }
  const catalog = parseCatalogCsv(request.files.catalog.text, request.files.catalog.file);
  const offers = request.files.offers ? parseOffers(request.files.offers.text, request.files.offers.file) : undefined;
  const files = [request.files.catalog.file, ...(request.files.offers ? [request.files.offers.file] : [])];
  return catalogImportChanges(catalog.skus, {
    importId,
    files,
    ...(offers ? { purchasable: new Set(offers.filter((o) => o.isAvailableForPurchase).map((o) => o.productId)) } : {}),
  });
}

async function run(start: StartMessage): Promise<void> {
  post({ type: 'progress', progress: { phase: 'parsing' } });
  const t0 = performance.now();
  let changes: ImportChange[];
  try {
    changes = plan(start.request, start.importId);
  } catch (e) {
    if (isImportError(e)) {
      const details: ImportErrorDetails = { code: e.code, file: e.file, problem: e.problem };
      if (e.record !== undefined) details.record = e.record;
      if (e.recordId !== undefined) details.recordId = e.recordId;
      if (e.row !== undefined) details.row = e.row;
      if (e.field !== undefined) details.field = e.field;
      return post({ type: 'failed', failure: { kind: 'parse', details, message: e.message } });
    }
    throw e;
  }
  const t1 = performance.now();
  if (cancelled) return post({ type: 'cancelled' });
  const db = new WorkspaceDatabase(start.dbName);
  try {
    const client = new SyncClient(
      new DexieClientStore(db, () => crypto.randomUUID().replaceAll('-', '')),
      // This worker only writes locally; the sync client in renderer/sync pushes the outbox.
      { push: () => Promise.reject(new Error('the import worker does not push')), pull: () => Promise.reject(new Error('the import worker does not pull')) },
      { actor: () => start.actor, now: () => start.now },
    );
    const total = changes.length;
    post({ type: 'progress', progress: { phase: 'writing', done: 0, total } });
    const outcome = await client.mutateMany(changes, (done) => {
      // Throwing here aborts the IndexedDB transaction: nothing of the import is kept.
      if (cancelled) throw new Cancelled();
      post({ type: 'progress', progress: { phase: 'writing', done, total } });
    });
    if (!outcome.ok) return post({ type: 'failed', failure: { kind: 'rejected', code: outcome.code, message: outcome.message } });
    const record = await db.imports.get(start.importId);
    // The commit is the last change queued: its activity entry is `act:${clientId}:${id}`.
    const meta = await db.syncMeta.get('meta');
    const entry = meta ? await db.activity.get(`act:${meta.clientId}:${meta.nextMutationId - 1}`) : undefined;
    post({
      type: 'done',
      result: {
        importId: start.importId,
        counts: record?.counts ?? {},
        changes: record?.changes ?? {},
        summary: entry?.summary ?? '',
        summaryJa: entry?.summaryJa ?? '',
        ms: { parse: t1 - t0, write: performance.now() - t1 },
      },
    });
  } catch (e) {
    if (e instanceof Cancelled || cancelled) return post({ type: 'cancelled' });
    const err = e instanceof Error ? e : new Error(String(e));
    // Dexie wraps IndexedDB errors: the inner one names the cause (QuotaExceededError, ...).
    const inner = (err as { inner?: { name?: string } }).inner;
    post({ type: 'failed', failure: { kind: 'storage', name: inner?.name ?? err.name, message: err.message } });
  } finally {
    db.close();
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  void run(message).catch((e: unknown) => {
    post({ type: 'failed', failure: { kind: 'storage', name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) } });
  });
};
