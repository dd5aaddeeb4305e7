// What the sync client needs from local storage. The app binds it to Dexie (renderer/sync); tests
// and tools use the in-memory implementation beside it. Every method of ClientTx runs inside one
// storage transaction: a crash leaves either all of a step or none of it.
import type { TableName, Tables } from '../workspace/tables';
import type { WriteTx } from '../mutators/define';
import type { RefusalParams } from '../mutators/refusalCodes';
import type { Change, MutationResult } from './protocol';

/** The state of a row before a pending mutation touched it, to take the mutation back on rebase. */
export interface UndoEntry {
  table: TableName;
  id: string;
  /** The row before, or null if it did not exist. */
  before: Record<string, unknown> | null;
  /** Its server version before (0: never pulled). */
  version: number;
}

export interface OutboxEntry {
  id: number;
  name: string;
  args: unknown;
  baseVersions: Record<string, number>;
  undo: UndoEntry[];
  /** ISO time the user made the change (shown in "pending changes"; the server keeps its own). */
  createdAt: string;
}

export interface SyncMeta {
  clientId: string;
  /** Workspace version of the last pull applied. */
  cursor: number;
  /**
   * The schema of the app that pulled up to `cursor`: an app on an older schema is sent no rows of
   * the tables it does not know, so once updated it pulls again from the start. Absent in stores
   * written before it was kept: then the oldest schema the server could have served.
   */
  cursorSchema?: number;
  /** The id the next local mutation gets. */
  nextMutationId: number;
  /** The highest mutation id the server reported processed. */
  lastAcknowledged: number;
  /**
   * The person this client id was used for (a client id belongs to one person on the server).
   * Absent until the first sign-in: changes made before it go with the first person to sign in.
   */
  userId?: string;
}

export interface Rejection {
  mutationId: number;
  name: string;
  args: unknown;
  code: Extract<MutationResult, { status: 'rejected' }>['code'];
  /** The detail in English; the words of a refusal stored before reasons existed (shown as stored). */
  message: string;
  /** The reason in Japanese, in a refusal stored before reasons existed. */
  messageJa?: string;
  /** Why, as a reason code and parameters (shared/mutators/refusalCodes), worded by the renderer. */
  reason?: string;
  params?: RefusalParams;
}

export interface ClientTx extends WriteTx {
  /** The server version of a row as last pulled (0: never). */
  versionOf(table: TableName, id: string): Promise<number>;
  /** Writes a row exactly as given, with its server version; no merge, no undo (server truth). */
  restore(table: TableName, id: string, row: Record<string, unknown> | null, version: number): Promise<void>;
  /**
   * Optional batch path (one storage round trip for many rows), used for imports: `getMany` reads
   * rows and their server versions like `get` + `versionOf`; `bulkWrite` writes rows keeping the
   * given server versions, as `put` would (it keeps the version the row had in this transaction).
   */
  getMany?(table: TableName, ids: string[]): Promise<{ row: Record<string, unknown> | undefined; version: number }[]>;
  bulkWrite?(table: TableName, rows: Record<string, unknown>[], versions: number[]): Promise<void>;
  /** Applies pulled changes in bulk. */
  applyChanges(changes: Change[]): Promise<void>;
  /** Removes every workspace row (a reset from the server). */
  clearWorkspace(): Promise<void>;
  meta(): Promise<SyncMeta>;
  setMeta(patch: Partial<SyncMeta>): Promise<void>;
  outbox(): Promise<OutboxEntry[]>;
  addOutbox(entry: OutboxEntry): Promise<void>;
  replaceOutbox(entry: OutboxEntry): Promise<void>;
  deleteOutbox(ids: number[]): Promise<void>;
  addRejections(rejections: Rejection[]): Promise<void>;
}

export interface ClientStore {
  transaction<R>(body: (tx: ClientTx) => Promise<R>): Promise<R>;
  /** Read-only peek used for status (pending count) without a write transaction. */
  pendingCount(): Promise<number>;
  /**
   * The sync state and the outbox as one consistent read, without a write transaction (a push
   * only reads them). Null when the sync state was never written: the caller's write transaction
   * creates it. With `after`, only the entries whose id is above it (those a push has not sent yet:
   * the sent ones stay until a pull or a poke acknowledges them, and need not be read again).
   */
  peekOutbox?(after?: number): Promise<{ meta: SyncMeta; outbox: OutboxEntry[] } | null>;
}

export type { Tables };
