// The import worker: parses the files (shared/import) and stores the whole import with
// SyncClient.mutateMany: chunk mutations and the commit, their effects, ONE activity entry and the
// outbox rows, in one IndexedDB transaction. The page stays responsive; a cancel before the
// transaction commits leaves nothing behind.
/// <reference lib="webworker" />
import {
  BilingualImportError,
  isImportError,
  parseAdminCenterUsers,
  parseCatalogCsv,
  parseOffers,
  parsePartnerCenterCustomer,
  parseTenantExports,
  withPartnerCenterCustomer,
  type AdminCenterReport,
  type ImportErrorDetails,
} from '../../shared/import/index';
import type { CatalogData } from '../../shared/domain/catalog';
import { catalogImportChanges, tenantImportChanges, type ImportChange } from '../../shared/mutators/imports';
import { SyncClient } from '../../shared/sync/client';
import { WorkspaceDatabase } from '../db/database';
import { currentCatalog, currentTenant } from '../db/queries';
import { DexieClientStore } from '../sync/dexieClientStore';
import type { FromWorker, ImportRequest, StartMessage, ToWorker } from './importProtocol';
import { newClientId } from '../sync/ids';

declare const self: DedicatedWorkerGlobalScope;

let cancelled = false;

class Cancelled extends Error {}

const post = (message: FromWorker) => self.postMessage(message);

/** What the admin center's users export needs from the workspace: the catalog (display name -> SKU) and the tenant's SKUs known so far. */
interface AdminCenterContext {
  catalog: CatalogData;
  subscribedSkuIds: string[];
}

async function adminCenterContext(db: WorkspaceDatabase, customerId: string): Promise<AdminCenterContext> {
  const [catalog, tenant] = await Promise.all([currentCatalog(db), currentTenant(db, customerId)]);
  return {
    catalog: { skus: catalog.skus.map((r) => ({ id: r.skuId, partNumber: r.partNumber, name: r.name, servicePlans: r.servicePlans })) },
    subscribedSkuIds: tenant?.skus.map((s) => s.skuId) ?? [],
  };
}

function plan(request: ImportRequest, importId: string, context: AdminCenterContext | null): { changes: ImportChange[]; adminCenter?: AdminCenterReport } {
  if (request.kind === 'tenant') {
    const { adminCenterUsers, partnerCenterCustomer, ...graphFiles } = request.files;
    const graph = parseTenantExports(graphFiles);
    // Graph's organization says it first; Partner Center's customer fills what it does not.
    const inventory = partnerCenterCustomer ? withPartnerCenterCustomer(graph, parsePartnerCenterCustomer(partnerCenterCustomer.text, partnerCenterCustomer.file)) : graph;
    let adminCenter: AdminCenterReport | undefined;
    if (adminCenterUsers && context) {
      if (context.catalog.skus.length === 0) {
        throw new BilingualImportError(
          { code: 'INVALID_VALUE', file: adminCenterUsers.file, field: 'Licenses', problem: 'license names can only be read with the licensing catalog: import it first in Settings' },
          'ライセンス名を読むにはライセンス カタログが必要です。先に「設定」でカタログをインポートしてください',
        );
      }
      // SKUs of this import's own subscribedSkus export decide an ambiguous name first, then those imported before.
      const subscribedSkuIds = [...inventory.skus.map((s) => s.skuId), ...context.subscribedSkuIds];
      const parsed = parseAdminCenterUsers(adminCenterUsers.text, adminCenterUsers.file, context.catalog, { subscribedSkuIds, chosen: request.chosenSkus ?? {} });
      adminCenter = parsed.report;
      // A Graph export says more than the admin center's (seats bought, groups, disabled plans): it wins where both are given.
      if (!graphFiles.users) inventory.users = parsed.inventory.users;
      if (!graphFiles.subscribedSkus) inventory.skus = parsed.inventory.skus;
    }
    const files = Object.values(request.files).map((f) => f.file);
    return { changes: tenantImportChanges(inventory, { importId, customerId: request.customerId, files }), ...(adminCenter ? { adminCenter } : {}) };
  }
  const catalog = parseCatalogCsv(request.files.catalog.text, request.files.catalog.file);
  const offers = request.files.offers ? parseOffers(request.files.offers.text, request.files.offers.file) : undefined;
  const files = [request.files.catalog.file, ...(request.files.offers ? [request.files.offers.file] : [])];
  return {
    changes: catalogImportChanges(catalog.skus, {
      importId,
      files,
      ...(offers ? { purchasable: new Set(offers.filter((o) => o.isAvailableForPurchase).map((o) => o.productId)) } : {}),
    }),
  };
}

async function run(start: StartMessage): Promise<void> {
  post({ type: 'progress', progress: { phase: 'parsing' } });
  const t0 = performance.now();
  const db = new WorkspaceDatabase(start.dbName);
  let changes: ImportChange[];
  let adminCenter: AdminCenterReport | undefined;
  try {
    const request = start.request;
    const context = request.kind === 'tenant' && request.files.adminCenterUsers ? await adminCenterContext(db, request.customerId) : null;
    ({ changes, adminCenter } = plan(request, start.importId, context));
  } catch (e) {
    db.close();
    if (isImportError(e)) {
      const details: ImportErrorDetails = { code: e.code, file: e.file, problem: e.problem };
      if (e.record !== undefined) details.record = e.record;
      if (e.recordId !== undefined) details.recordId = e.recordId;
      if (e.row !== undefined) details.row = e.row;
      if (e.field !== undefined) details.field = e.field;
      const messageJa = e instanceof BilingualImportError ? { messageJa: e.messageJa } : {};
      return post({ type: 'failed', failure: { kind: 'parse', details, message: e.message, ...messageJa } });
    }
    throw e;
  }
  const t1 = performance.now();
  if (cancelled) {
    db.close();
    return post({ type: 'cancelled' });
  }
  try {
    const client = new SyncClient(
      new DexieClientStore(db, newClientId),
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
        ...(adminCenter ? { adminCenter } : {}),
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
