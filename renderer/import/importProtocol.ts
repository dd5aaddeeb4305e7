// The messages between the page and the import worker (importWorker.ts). A picked file travels as
// its Blob (posting a Blob passes a reference: no copy of its bytes on the page's thread), which the
// worker reads and decodes; text given as text (tests, the bench) travels as text. The worker
// parses them with shared/import and writes the whole import in one Dexie transaction.
import type { ActivityLike } from '../words/activityText';
import type { AdminCenterReport, ImportError, ImportErrorDetails } from '../../shared/import/index';
import type { TextEncodingName } from '../../shared/import/decode';
import type { GraphExportFiles } from '../../shared/import/graph';
import type { Actor, MutationOutcome } from '../../shared/mutators/define';
import type { ChangeCounts, ImportKind } from '../../shared/workspace/tables';

export interface ImportFile {
  file: string;
  text: string;
  /** The encoding its bytes were read with, when read from bytes (said to the user when not UTF-8). */
  encoding?: TextEncodingName;
}

/**
 * A picked file as the worker takes it: the File itself, read and decoded (UTF-8, UTF-16 or
 * Shift_JIS, shared/import/decode.ts) in the worker. A 50,000-user export as text is a ~34 MB
 * two-byte string: posting it made the page's thread copy it (a ~400 ms stall).
 */
export interface ImportBlob {
  file: string;
  blob: Blob;
  /** Which advice a file no encoding reads is refused with (decodeTextBytes). */
  decodeAs: 'csv' | 'json';
}

/** A text file as a request gives it: its text, or its Blob for the worker to decode. */
export type ImportSource = ImportFile | ImportBlob;

/**
 * The admin center's users export as the worker reads it: its bytes, parsed without decoding the
 * whole file (shared/import/utf8Csv.ts); `encoding` is set once they are read.
 */
export interface ImportCsvBytes {
  file: string;
  bytes: Uint8Array;
  encoding?: TextEncodingName;
}

/** A zip travels as its bytes: the worker unpacks it (renderer/import/collectionImport.ts). */
export interface ImportZip {
  file: string;
  bytes: Uint8Array;
}

/** An import as the page asks for it (F = ImportSource), or as the worker parses it once every Blob is decoded (F = ImportFile). */
export type ImportRequestOf<F extends ImportSource> =
  | {
      kind: 'tenant';
      customerId: string;
      files: {
        subscribedSkus?: F;
        subscriptions?: F;
        users?: F;
        organization?: F;
        adminCenterUsers?: F | ImportCsvBytes;
        /** Partner Center's customer JSON: the tenant id, domain and country it knows. */
        partnerCenterCustomer?: F;
        /** The collection script's zip, as bytes: the worker unpacks it. */
        collectionZip?: ImportZip;
      };
      /** For the admin center's users export: a display name that stands for several SKUs -> the SKU chosen. */
      chosenSkus?: Record<string, string>;
    }
  | {
      /** A live read of the customer's tenant (electron/main/graphRead): each page as Graph sent it. */
      kind: 'graphPages';
      customerId: string;
      pages: GraphExportFiles;
    }
  | { kind: 'catalog'; files: { catalog: F; offers?: F } };

export type ImportRequest = ImportRequestOf<ImportSource>;

export interface StartMessage {
  type: 'start';
  request: ImportRequest;
  importId: string;
  dbName: string;
  actor: Actor;
  /** The local clock, read by the page: the activity entry's time (the server stamps its own). */
  now: string;
}

export type ToWorker = StartMessage | { type: 'cancel' };

export type ImportProgress = { phase: 'parsing' } | { phase: 'writing'; done: number; total: number };

export type ImportFailure =
  /** A file could not be read: which file, record and field (nothing was written). */
  | { kind: 'parse'; details: ImportErrorDetails; message: string; messageJa?: string }
  /** A change was refused (bad arguments, not allowed): nothing was written. */
  | { kind: 'rejected'; refusal: Extract<MutationOutcome, { ok: false }> }
  /** IndexedDB failed (quota, closed database, ...): nothing was written. */
  | { kind: 'storage'; name: string; message: string };

export interface ImportSummary {
  importId: string;
  counts: Partial<Record<ImportKind, number>>;
  changes: Partial<Record<ImportKind, ChangeCounts>>;
  /** The import's activity entry (its code and parameters; worded by activityText in the reader's language). */
  activity: ActivityLike;
  ms: { parse: number; write: number };
  /** When an admin center users export was imported: what it left aside and what it cannot say. */
  adminCenter?: AdminCenterReport;
  /** Files read in another encoding than UTF-8 (Excel's UTF-16 or Shift_JIS), said so. */
  decoded?: { file: string; encoding: TextEncodingName }[];
}

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportSummary }
  | { type: 'failed'; failure: ImportFailure }
  | { type: 'cancelled' };

/** The failure of a file refused before or while parsing, with its words in both languages. */
export function parseFailure(e: ImportError): ImportFailure {
  return { kind: 'parse', details: e.details, message: e.message, messageJa: e.messageJa };
}
