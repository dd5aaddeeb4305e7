// The zip the app's collection script writes (renderer/features/customers/collectionScript.ts): the
// Microsoft Graph response bodies as Graph sent them, one file per page, and a manifest.json naming
// the tenant, the time and the script's version. Read here as it is: the entries' declared sizes are
// checked before anything is inflated and the real sizes while inflating, so a zip bomb is refused
// before it fills the memory; the manifest is validated; every file it names must be in the zip.
import { Unzip, UnzipInflate, unzipSync, type UnzipFile, type UnzipFileInfo } from 'fflate';
import { z } from 'zod';
import { isIsoDateTime } from '../domain/dates';
import { normalizeId } from '../domain/ids';
import { BilingualImportError } from './adminCenterUsers';
import { importProblemIn, type ImportErrorInit } from './errors';
import { collectionPlaceIn, memberLabelIn } from './problemWords';
import type { ExportText } from './graph';

/** The version of the script the app generates now; the import reads this version and older ones. */
export const COLLECTION_SCRIPT_VERSION = 1;
export const COLLECTION_MANIFEST = 'manifest.json';
/** The manifest's `format`: says the zip is this app's collection, whatever its name. */
export const COLLECTION_FORMAT = 'csp-migration-workspace/tenant-collection';

export interface ZipLimits {
  /** Entries in the zip (a users export of 300,000 users is ~300 pages). */
  maxEntries: number;
  /** All entries unpacked together, in bytes. */
  maxTotalBytes: number;
  /** Unpacked size / packed size of one entry: Graph JSON packs ~10-40 times, a zip bomb ~1,000 times. */
  maxRatio: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 1_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };

const Guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'is not a GUID');
const FileName = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^[A-Za-z0-9._-]+\.json$/, 'is not the name of a JSON file of the collection (letters, digits, ".", "_" or "-", ending in .json)');

export const CollectionManifest = z.object({
  format: z.literal(COLLECTION_FORMAT),
  scriptVersion: z.number().int('must be a whole number').positive('must be positive'),
  tenantId: Guid,
  collectedAt: z.string().refine(isIsoDateTime, 'is not an ISO 8601 date-time'),
  files: z.array(FileName).min(1, 'names no file'),
});
export type CollectionManifest = z.infer<typeof CollectionManifest>;

export interface CollectionZip {
  manifest: CollectionManifest;
  /** The files the manifest names, in its order, as text; each named `users.json (in tenant-data.zip)`. */
  files: ExportText[];
}

/** ZIP local file header or empty archive: what a zip starts with, whatever its name says. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

/** A refused collection, in both languages; the Japanese says "項目" (a field or a zip entry), not the CSV importer's "列" (column). */
export class CollectionImportError extends BilingualImportError {
  /** The file as the Japanese message names it (`users.json (tenant-data.zip 内)`). */
  readonly fileJa: string;
  constructor(details: ImportErrorInit, fileJa?: string) {
    super(details);
    this.fileJa = fileJa ?? details.file;
  }
  override get messageJa(): string {
    return [...collectionPlaceIn('ja', this.fileJa, this.field), importProblemIn(this, 'ja')].join(': ');
  }
}

function fail(details: ImportErrorInit, fileJa?: string): never {
  throw new CollectionImportError(details, fileJa);
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes < MB ? `${bytes} bytes` : `${Math.ceil(bytes / MB)} MB`);

/** A member's name as the import's messages give it. */
export function memberLabel(member: string, zipName: string): string {
  return memberLabelIn('en', member, zipName);
}

export function memberLabelJa(member: string, zipName: string): string {
  return memberLabelIn('ja', member, zipName);
}

interface Entry {
  name: string;
  size: number;
  originalSize: number;
}

/** The central directory: names and declared sizes, read without inflating anything. */
function entriesOf(bytes: Uint8Array, zipName: string): Entry[] {
  const entries: Entry[] = [];
  try {
    unzipSync(bytes, {
      filter: (info: UnzipFileInfo) => {
        entries.push({ name: info.name.replace(/\\/g, '/'), size: info.size, originalSize: info.originalSize });
        return false;
      },
    });
  } catch (e) {
    fail({ code: 'INVALID_SHAPE', file: zipName, reason: 'ZIP_UNREADABLE', params: { parserMessage: e instanceof Error ? e.message : String(e) } });
  }
  return entries;
}

function checkDeclaredSizes(entries: readonly Entry[], zipName: string, limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) {
    fail({ code: 'INVALID_VALUE', file: zipName, reason: 'ZIP_TOO_MANY_FILES', params: { count: String(entries.length), max: String(limits.maxEntries) } });
  }
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    // A stored (not compressed) entry has ratio 1; an empty one has none.
    if (e.size > 0 ? e.originalSize / e.size > limits.maxRatio : e.originalSize > 0) {
      fail({ code: 'INVALID_VALUE', file: zipName, field: e.name, reason: 'ZIP_BOMB_RATIO', params: { size: String(e.size), originalSize: String(e.originalSize), ratio: String(limits.maxRatio) } });
    }
  }
  if (total > limits.maxTotalBytes) {
    fail({ code: 'INVALID_VALUE', file: zipName, reason: 'ZIP_BOMB_TOTAL', params: { total: mb(total), max: mb(limits.maxTotalBytes) } });
  }
}

/**
 * Inflates the wanted entries, counting the bytes as they come: an entry that unpacks to more than
 * its declared size (a forged header) or past the total limit stops the inflating at once. The zip
 * is fed in small chunks so that no single step can unpack more than ~1,000 times a chunk.
 */
function inflate(bytes: Uint8Array, wanted: ReadonlySet<string>, declared: ReadonlyMap<string, number>, zipName: string, limits: ZipLimits): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  const tooBig = (name: string, size: number) =>
    fail({ code: 'INVALID_VALUE', file: zipName, field: name, reason: 'ZIP_BOMB_MEMBER', params: { size: String(size), max: mb(limits.maxTotalBytes) } });
  const unzip = new Unzip((file: UnzipFile) => {
    const name = file.name.replace(/\\/g, '/');
    if (!wanted.has(name) || out.has(name)) return;
    const limit = declared.get(name) ?? 0;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      size += chunk.length;
      total += chunk.length;
      if (size > limit || total > limits.maxTotalBytes) tooBig(name, limit);
      chunks.push(chunk);
      if (final) {
        const whole = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          whole.set(c, at);
          at += c.length;
        }
        out.set(name, whole);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const CHUNK = 64 * 1024;
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) unzip.push(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)), at + CHUNK >= bytes.length);
  } catch (e) {
    if (e instanceof BilingualImportError) throw e;
    fail({ code: 'INVALID_SHAPE', file: zipName, reason: 'ZIP_NOT_UNPACKED', params: { parserMessage: e instanceof Error ? e.message : String(e) } });
  }
  return out;
}

function decode(bytes: Uint8Array, label: string, labelJa: string): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return fail({ code: 'INVALID_JSON', file: label, reason: 'COLLECTION_NOT_UTF8' }, labelJa);
  }
}

function parseManifest(text: string, label: string, labelJa: string): CollectionManifest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return fail({ code: 'INVALID_JSON', file: label, reason: 'COLLECTION_NOT_JSON', params: { parserMessage: e instanceof Error ? e.message : String(e) } }, labelJa);
  }
  if (typeof body === 'object' && body !== null && 'scriptVersion' in body && typeof body.scriptVersion === 'number' && body.scriptVersion > COLLECTION_SCRIPT_VERSION) {
    fail({ code: 'INVALID_VALUE', file: label, field: 'scriptVersion', reason: 'SCRIPT_VERSION', params: { version: String(body.scriptVersion), supported: String(COLLECTION_SCRIPT_VERSION) } }, labelJa);
  }
  const r = CollectionManifest.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = (issue?.path ?? []).map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[');
  let value: unknown = body;
  for (const k of issue?.path ?? []) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[k] : undefined;
  const missing = value === undefined;
  return fail(
    missing
      ? { code: 'INVALID_SHAPE', file: label, field, reason: 'MANIFEST_MISSING_FIELD' }
      : { code: 'INVALID_SHAPE', file: label, field, reason: 'MANIFEST_INVALID_FIELD', params: { issueMessage: issue?.message ?? 'is not valid' } },
    labelJa,
  );
}

export interface ReadCollectionOptions {
  /** The customer's tenant id, when the workspace knows it: a collection of another tenant is refused. */
  customerTenantId?: string;
  limits?: Partial<ZipLimits>;
}

/**
 * The collection in a zip, as the import takes it: the manifest and the files it names (as text).
 * Throws a bilingual ImportError naming the zip, the file and the field; reads nothing else.
 */
export function readCollectionZip(bytes: Uint8Array, zipName: string, options: ReadCollectionOptions = {}): CollectionZip {
  const limits = { ...ZIP_LIMITS, ...options.limits };
  const entries = entriesOf(bytes, zipName).filter((e) => !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/'));
  checkDeclaredSizes(entries, zipName, limits);
  // The manifest at the top, or in the one folder a person's re-zipping may have put everything in.
  const manifests = entries.filter((e) => e.name === COLLECTION_MANIFEST || /^[^/]+\/manifest\.json$/.test(e.name));
  if (manifests.length !== 1) {
    fail({ code: 'INVALID_SHAPE', file: zipName, field: COLLECTION_MANIFEST, reason: manifests.length === 0 ? 'MANIFEST_NOT_IN_ZIP' : 'MANIFEST_TWICE' });
  }
  const manifestEntry = manifests[0]!;
  const folder = manifestEntry.name.slice(0, manifestEntry.name.length - COLLECTION_MANIFEST.length);
  const declared = new Map(entries.map((e) => [e.name, e.originalSize]));
  const manifestBytes = inflate(bytes, new Set([manifestEntry.name]), declared, zipName, limits).get(manifestEntry.name) ?? new Uint8Array();
  const manifestLabel = memberLabel(COLLECTION_MANIFEST, zipName);
  const manifestLabelJa = memberLabelJa(COLLECTION_MANIFEST, zipName);
  const manifest = parseManifest(decode(manifestBytes, manifestLabel, manifestLabelJa), manifestLabel, manifestLabelJa);

  const tenant = normalizeId(manifest.tenantId);
  const customerTenant = options.customerTenantId ? normalizeId(options.customerTenantId) : '';
  if (customerTenant !== '' && tenant !== customerTenant) {
    fail({ code: 'INVALID_VALUE', file: manifestLabel, field: 'tenantId', reason: 'COLLECTION_OTHER_TENANT', params: { tenant, customerTenant } }, manifestLabelJa);
  }

  manifest.files.forEach((name, i) => {
    if (!declared.has(folder + name)) {
      fail({ code: 'INVALID_SHAPE', file: zipName, field: `${COLLECTION_MANIFEST} files[${i}]`, reason: 'MANIFEST_NAMES_ABSENT', params: { name } });
    }
  });
  const wanted = new Set(manifest.files.map((n) => folder + n));
  const inflated = inflate(bytes, wanted, declared, zipName, limits);
  const files = manifest.files.map((name) => {
    const raw = inflated.get(folder + name);
    if (!raw) {
      return fail({ code: 'INVALID_SHAPE', file: zipName, field: name, reason: 'ZIP_DAMAGED' });
    }
    return { file: memberLabel(name, zipName), text: decode(raw, memberLabel(name, zipName), memberLabelJa(name, zipName)) };
  });
  return { manifest: { ...manifest, tenantId: tenant }, files };
}
