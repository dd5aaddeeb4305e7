// An import from start to end, as the import worker runs it (importWorker.ts only passes messages):
// parses the files (shared/import) and stores the whole import with SyncClient.mutateMany: chunk
// mutations and the commit, their effects, ONE activity entry and the outbox rows, in one
// IndexedDB transaction. A file refused, or a cancel before the transaction commits, leaves
// nothing behind. Apart from the worker so that tests run it on fake-indexeddb.
import {
  BilingualImportError,
  isImportError,
  adminCenterRowsFromBytes,
  adminCenterRowsFromText,
  adminCenterUsers as readAdminCenterUsers,
  parseCatalogCsv,
  parseOffers,
  parsePartnerCenterCustomer,
  parseTenantExports,
  withPartnerCenterCustomer,
  type AdminCenterReport,
  type AdminCenterRows,
} from '../../shared/import/index';
import type { CatalogData } from '../../shared/domain/catalog';
import { checkSameTenant, domainsOf, organizationIdentity, type CustomerIdentity } from '../../shared/import/tenantMatch';
import { catalogImportChanges, tenantImportChanges, type ImportChange } from '../../shared/mutators/imports';
import { SyncClient } from '../../shared/sync/client';
import { WorkspaceDatabase } from '../db/database';
import { currentCatalog } from '../db/queries';
import { DexieClientStore } from '../sync/dexieClientStore';
import { decodeTextBytes, type TextEncodingName } from '../../shared/import/decode';
import { parseFailure, type ImportCsvBytes, type ImportFile, type ImportRequestOf, type ImportSource, type ImportZip, type FromWorker, type ImportRequest, type StartMessage } from './importProtocol';
import { newClientId } from '../sync/ids';
import { graphExportFiles } from './collectionImport';
import { GRAPH_READ_SOURCE } from '../../shared/import/graph';

class Cancelled extends Error {}

/** Least time between two progress messages while the import is stored (the last one always goes). */
const PROGRESS_EVERY_MS = 100;

/** Where the run reports to (the worker posts to the page), and whether the page asked to cancel. */
export interface RunPort {
  post: (message: FromWorker) => void;
  cancelled: () => boolean;
}

/** What the admin center's users export needs from the workspace: the catalog (display name -> SKU) and the tenant's SKUs known so far. */
interface AdminCenterContext {
  catalog: CatalogData;
  subscribedSkuIds: string[];
}

/** The SKU ids of the customer's current import: its SKU rows only (a re-import must not read the 50,000 users imported before). */
async function currentSkuIds(db: WorkspaceDatabase, customerId: string): Promise<string[]> {
  const importId = (await db.customers.get(customerId))?.tenantImportId;
  return importId ? (await db.tenantSkus.where('importId').equals(importId).toArray()).map((s) => s.skuId) : [];
}

async function adminCenterContext(db: WorkspaceDatabase, customerId: string): Promise<AdminCenterContext> {
  const [catalog, subscribedSkuIds] = await Promise.all([currentCatalog(db), currentSkuIds(db, customerId)]);
  return {
    catalog: { skus: catalog.skus.map((r) => ({ id: r.skuId, partNumber: r.partNumber, name: r.name, servicePlans: r.servicePlans })) },
    subscribedSkuIds,
  };
}

/** The customer as recorded, to refuse another tenant's exports (shared/import/tenantMatch). */
async function customerIdentity(db: WorkspaceDatabase, customerId: string): Promise<CustomerIdentity | null> {
  const customer = await db.customers.get(customerId);
  if (!customer) return null;
  // One chunk (~1,000 users) of the committed import says the tenant's sign-in domains; all 50,000 are not read.
  const importId = customer.tenantImportId;
  const sample = importId ? ((await db.tenantUserChunks.where('importId').equals(importId).first())?.users ?? (await db.tenantUsers.where('importId').equals(importId).limit(1000).toArray())) : [];
  return { name: customer.name, tenantId: customer.tenantId, domain: customer.domain, importedDomains: domainsOf(sample) };
}

type DecodedRequest = ImportRequestOf<ImportFile>;

/** The admin center's export read as far as it goes without the catalog, or why it could not be: reported where its parse would be. */
type EarlyAdminCenterRows = { rows: AdminCenterRows } | { error: unknown };

/**
 * Reads the admin center's export (header, layout, the needed fields of every record: most of its
 * parse) while the catalog it needs is still being read from the workspace. A failure is kept, not
 * thrown: the other files' failures, and an empty catalog, are still reported first, as before.
 */
function readAdminCenterEarly(request: DecodedRequest): EarlyAdminCenterRows | null {
  const f = request.kind === 'tenant' ? request.files.adminCenterUsers : undefined;
  if (!f) return null;
  try {
    return { rows: 'bytes' in f ? adminCenterRowsFromBytes(f.bytes, f.file) : adminCenterRowsFromText(f.text, f.file) };
  } catch (error) {
    return { error };
  }
}

/** A file's text: as given, or read from its Blob here and decoded (an ImportError in words when no encoding reads it). */
async function decoded(source: ImportSource): Promise<ImportFile> {
  if (!('blob' in source)) return source;
  const { text, encoding } = decodeTextBytes(new Uint8Array(await source.blob.arrayBuffer()), source.file, source.decodeAs);
  return { file: source.file, text, encoding };
}

/**
 * The request with every picked file read and decoded. The files are read at once (the storage
 * works on them together) and decoded in the order the request lists them, so the first file
 * refused is the one it was when they were read one by one.
 */
async function decodedRequest(request: ImportRequest): Promise<DecodedRequest> {
  if (request.kind === 'graphPages') return request;
  const reads = Object.entries(request.files).flatMap(([kind, f]): { kind: string; read: Promise<ImportFile | ImportZip | ImportCsvBytes> }[] => {
    if (!f) return [];
    if ('bytes' in f) return [{ kind, read: Promise.resolve(f) }];
    // The admin center's export stays bytes: its parser reads UTF-8 without decoding all of it, and decodes anything else itself.
    if (kind === 'adminCenterUsers' && 'blob' in f) return [{ kind, read: f.blob.arrayBuffer().then((b): ImportCsvBytes => ({ file: f.file, bytes: new Uint8Array(b) })) }];
    return [{ kind, read: decoded(f) }];
  });
  // Awaited in order below: a later file's failure must not be reported before an earlier one's, nor left unhandled.
  for (const { read } of reads) read.catch(() => undefined);
  const files: Record<string, ImportFile | ImportZip | ImportCsvBytes> = {};
  for (const { kind, read } of reads) files[kind] = await read;
  return { ...request, files } as DecodedRequest;
}

function plan(
  request: DecodedRequest,
  importId: string,
  context: AdminCenterContext | null,
  customer: CustomerIdentity | null,
  early: EarlyAdminCenterRows | null,
): { changes: ImportChange[]; adminCenter?: AdminCenterReport } {
  if (request.kind === 'graphPages') {
    // The same parsers and tenant check as the files: a live read is an export that did not touch the disk.
    const inventory = parseTenantExports(request.pages);
    const organization = request.pages.organization ? organizationIdentity(request.pages.organization.text, request.pages.organization.file) : null;
    const users = Array.isArray(request.pages.users) ? request.pages.users : request.pages.users ? [request.pages.users] : [];
    if (customer) checkSameTenant(customer, organization, users.length > 0 ? { file: users[0]!.file, users: inventory.users, place: 'record' } : null);
    // One name for the whole read: a 50,000-user tenant is ~51 pages, and the record keeps at most 20 names.
    return { changes: tenantImportChanges(inventory, { importId, customerId: request.customerId, files: [GRAPH_READ_SOURCE] }) };
  }
  if (request.kind === 'tenant') {
    const { adminCenterUsers, collectionZip, partnerCenterCustomer, ...loose } = request.files;
    const graphFiles = graphExportFiles(loose, collectionZip, { customerTenantId: customer?.tenantId ?? '' });
    const graph = parseTenantExports(graphFiles);
    // Graph's organization says it first; Partner Center's customer fills what it does not.
    const inventory = partnerCenterCustomer ? withPartnerCenterCustomer(graph, parsePartnerCenterCustomer(partnerCenterCustomer.text, partnerCenterCustomer.file)) : graph;
    const organization = graphFiles.organization ? organizationIdentity(graphFiles.organization.text, graphFiles.organization.file) : null;
    // A collection zip's users come as pages: the zip is the file the person knows.
    const usersFile = collectionZip?.file ?? (graphFiles.users && 'file' in graphFiles.users ? graphFiles.users.file : null);
    if (customer) checkSameTenant(customer, organization, graphFiles.users && usersFile ? { file: usersFile, users: inventory.users, place: 'record' } : null);
    let adminCenter: AdminCenterReport | undefined;
    if (adminCenterUsers && context) {
      if (context.catalog.skus.length === 0) {
        throw new BilingualImportError({ code: 'INVALID_VALUE', file: adminCenterUsers.file, field: 'Licenses', reason: 'CATALOG_FIRST' });
      }
      // SKUs of this import's own subscribedSkus export decide an ambiguous name first, then those imported before.
      const subscribedSkuIds = [...inventory.skus.map((s) => s.skuId), ...context.subscribedSkuIds];
      const options = { subscribedSkuIds, chosen: request.chosenSkus ?? {} };
      if (!early) throw new Error('the admin center export was not read');
      if ('error' in early) throw early.error;
      const parsed = readAdminCenterUsers(early.rows, context.catalog, options);
      if ('bytes' in adminCenterUsers) adminCenterUsers.encoding = early.rows.encoding;
      adminCenter = parsed.report;
      if (customer) checkSameTenant(customer, organization, { file: adminCenterUsers.file, users: parsed.inventory.users, place: 'row' });
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

function decodedOtherThanUtf8(request: DecodedRequest): { decoded?: { file: string; encoding: TextEncodingName }[] } {
  if (request.kind === 'graphPages') return {};
  const files: (ImportFile | ImportZip | ImportCsvBytes | undefined)[] = Object.values(request.files);
  const decoded = files.flatMap((f) => (f && 'encoding' in f && f.encoding && f.encoding !== 'utf-8' ? [{ file: f.file, encoding: f.encoding }] : []));
  return decoded.length > 0 ? { decoded } : {};
}

export async function runImport(start: StartMessage, { post, cancelled }: RunPort): Promise<void> {
  post({ type: 'progress', progress: { phase: 'parsing' } });
  const t0 = performance.now();
  const db = new WorkspaceDatabase(start.dbName);
  let changes: ImportChange[];
  let adminCenter: AdminCenterReport | undefined;
  let request: DecodedRequest;
  try {
    // The workspace is read while the files are read and decoded (a 50,000-row export is tens of
    // MB); a file refused is still the outcome before anything these reads meet.
    const asked = start.request;
    const contextRead = asked.kind === 'tenant' && asked.files.adminCenterUsers ? adminCenterContext(db, asked.customerId) : Promise.resolve(null);
    const customerRead = asked.kind !== 'catalog' ? customerIdentity(db, asked.customerId) : Promise.resolve(null);
    contextRead.catch(() => undefined);
    customerRead.catch(() => undefined);
    request = await decodedRequest(asked);
    const early = readAdminCenterEarly(request);
    const context = await contextRead;
    const customer = await customerRead;
    ({ changes, adminCenter } = plan(request, start.importId, context, customer, early));
  } catch (e) {
    db.close();
    if (isImportError(e)) return post({ type: 'failed', failure: parseFailure(e) });
    throw e;
  }
  const t1 = performance.now();
  if (cancelled()) {
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
    let posted = performance.now();
    const outcome = await client.mutateMany(changes, (done) => {
      // Throwing here aborts the IndexedDB transaction: nothing of the import is kept.
      if (cancelled()) throw new Cancelled();
      // The page redraws its bar from these: a few a second is enough, and each one costs this
      // thread a post and the page a render (a 50,000-user import is 50 changes in about a second).
      const now = performance.now();
      if (done < total && now - posted < PROGRESS_EVERY_MS) return;
      posted = now;
      post({ type: 'progress', progress: { phase: 'writing', done, total } });
    });
    if (!outcome.ok) return post({ type: 'failed', failure: { kind: 'rejected', refusal: outcome } });
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
        activity: entry ? { code: entry.code, params: entry.params, summary: entry.summary, summaryJa: entry.summaryJa } : { summary: '' },
        ms: { parse: t1 - t0, write: performance.now() - t1 },
        ...(adminCenter ? { adminCenter } : {}),
        ...decodedOtherThanUtf8(request),
      },
    });
  } catch (e) {
    if (e instanceof Cancelled || cancelled()) return post({ type: 'cancelled' });
    const err = e instanceof Error ? e : new Error(String(e));
    // Dexie wraps IndexedDB errors: the inner one names the cause (QuotaExceededError, ...).
    const inner = (err as { inner?: { name?: string } }).inner;
    post({ type: 'failed', failure: { kind: 'storage', name: inner?.name ?? err.name, message: err.message } });
  } finally {
    db.close();
  }
}
