// The client half of the sync protocol, runtime-neutral: the app runs it in a worker against
// Dexie, tests run it against the in-memory store. Local changes apply at once (optimistically)
// and wait in the outbox; a pull takes them back, applies the team's changes, and replays the
// ones the server has not processed yet (rebase), all in one transaction.
import { can } from '../domain/roles';
import { currentMutatorName, mutatorNamed } from '../mutators/index';
import { BEFORE_SIGN_IN_ROLE } from './held';
import { refused, runMutator, type Actor, type MutateOptions, type MutationOutcome, type WriteTx } from '../mutators/define';
import { tableNames, type TableName } from '../workspace/tables';
import type { ClientStore, ClientTx, OutboxEntry, Rejection, SyncMeta, UndoEntry } from './clientStore';
import {
  OLDEST_ACCEPTED_SCHEMA_VERSION,
  SCHEMA_VERSION,
  knowsTable,
  recordKey,
  tablesUnknownTo,
  type Poke,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SyncError,
  type SyncErrorCode,
} from './protocol';
import { findBadText } from './text';
import { refusalFields } from '../mutators/refusalCodes';

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(cursor: number, clientId: string, schemaVersion: number): Promise<PullResponse>;
}

/** A failure the server answered with a protocol error (HTTP 4xx/5xx with a SyncError body). */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode | (string & {}),
    message: string,
    readonly detail: Omit<SyncError['error'], 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

export interface SyncClientOptions {
  actor: () => Actor;
  /** The local clock: used only for the optimistic copy; the server stamps its own time. */
  now: () => string;
  schemaVersion?: number;
  /** Mutations per push request. */
  pushBatch?: number;
  /** Most bytes of mutation JSON per push request: the server refuses bodies over 16 MiB. */
  pushBytes?: number;
  /**
   * The first pending change that must wait (held for the signed-in role: see held.ts), or null.
   * It and every later change stay in the outbox, unsent, until resolved.
   */
  holdFrom?: (outbox: readonly OutboxEntry[]) => number | null;
  /** A fresh client id, taken when the server says this one belongs to another person. */
  newClientId?: () => string;
}

/** A change the app refuses before it is queued: text the server could never store. */
function badTextOutcome(path: string): Extract<MutationOutcome, { ok: false }> {
  return refused('INVALID', 'change.invalidText', { path });
}

class Rejected extends Error {
  constructor(readonly outcome: Extract<MutationOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

/** Wraps the storage transaction so a mutation's base versions and undo entries are recorded as it runs. */
function recordingTx(tx: ClientTx, undo: UndoEntry[], bases: Record<string, number>): WriteTx {
  const touched = new Set<string>();
  const seen = async (table: TableName, id: string) => {
    const k = recordKey(table, id);
    if (!(k in bases)) bases[k] = await tx.versionOf(table, id);
    return k;
  };
  /** Every row a read returned: its base version recorded. */
  const seenAll = async <R extends { id: string }>(table: TableName, rows: R[]): Promise<R[]> => {
    for (const row of rows) await seen(table, row.id);
    return rows;
  };
  const before = async (table: TableName, id: string) => {
    const k = await seen(table, id);
    if (touched.has(k)) return;
    touched.add(k);
    const row = await tx.get(table, id);
    undo.push({ table, id, before: row ? (row as Record<string, unknown>) : null, version: bases[k] ?? 0 });
  };
  const recording: WriteTx = {
    get: async (table, id) => {
      await seen(table, id);
      return tx.get(table, id);
    },
    query: async (table, field, value) => seenAll(table, await tx.query(table, field, value)),
    all: async (table) => seenAll(table, await tx.all(table)),
    put: async (table, row) => {
      await before(table, row.id);
      await tx.put(table, row);
    },
    update: async (table, id, patch) => {
      await before(table, id);
      await tx.update(table, id, patch);
    },
    delete: async (table, id) => {
      await before(table, id);
      await tx.delete(table, id);
    },
  };
  // The batch path (imports): one read and one write for a whole chunk, recording the same base
  // versions and undo entries as `put` row by row would.
  const { getMany, bulkWrite } = tx;
  if (getMany && bulkWrite) {
    recording.putMany = async (table, rows) => {
      const ids = rows.map((r) => r.id);
      const found = await getMany.call(tx, table, ids);
      for (const [i, id] of ids.entries()) {
        const k = recordKey(table, id);
        if (!(k in bases)) bases[k] = found[i]?.version ?? 0;
        if (touched.has(k)) continue;
        touched.add(k);
        undo.push({ table, id, before: found[i]?.row ?? null, version: bases[k] ?? 0 });
      }
      await bulkWrite.call(tx, table, rows as Record<string, unknown>[], found.map((f) => f.version));
    };
  }
  return recording;
}

/**
 * The outbox's base versions: what the mutation read, at the version the draft saw where it gave
 * one (never newer than what is stored: the undo entries keep the stored versions).
 */
function olderBases(read: Record<string, number>, draft: Readonly<Record<string, number>> | undefined): Record<string, number> {
  if (!draft) return read;
  const out = { ...read };
  for (const [key, v] of Object.entries(draft)) if (key in out) out[key] = Math.min(out[key]!, v);
  return out;
}

export class SyncClient {
  private pushedThrough = 0;
  private readonly batch: number;
  private readonly schemaVersion: number;

  constructor(
    private readonly store: ClientStore,
    private readonly transport: SyncTransport,
    private readonly options: SyncClientOptions,
  ) {
    this.batch = options.pushBatch ?? 200;
    this.schemaVersion = options.schemaVersion ?? SCHEMA_VERSION;
  }

  /**
   * Runs a change locally and queues it for the server, in one transaction; a rejection changes nothing.
   * `baseVersions`: the versions of records as a draft saw them when it was made (older than what is
   * stored now when a teammate's change came in meanwhile), so the server judges the change against
   * what the person saw.
   */
  async mutate(name: string, args: unknown, options: MutateOptions = {}): Promise<MutationOutcome> {
    const mutator = mutatorNamed(name);
    if (!mutator) return refused('INVALID', 'change.unknown', { mutation: name });
    const bad = findBadText(args, 'args');
    if (bad) return badTextOutcome(bad.path);
    try {
      return await this.store.transaction(async (tx) => {
        const meta = await tx.meta();
        const id = meta.nextMutationId;
        const undo: UndoEntry[] = [];
        const baseVersions: Record<string, number> = {};
        const now = this.options.now();
        const outcome = await runMutator(mutator, args, recordingTx(tx, undo, baseVersions), {
          actor: this.options.actor(),
          now,
          mutationKey: `${meta.clientId}:${id}`,
        });
        if (!outcome.ok) throw new Rejected(outcome);
        await tx.addOutbox({ id, name: mutator.name, args, baseVersions: olderBases(baseVersions, options.baseVersions), undo, createdAt: now });
        await tx.setMeta({ nextMutationId: id + 1 });
        return outcome;
      });
    } catch (e) {
      if (e instanceof Rejected) return e.outcome;
      throw e;
    }
  }

  /**
   * Runs several changes as one: all of them apply and enter the outbox in one transaction, or
   * none does (a whole import is all or nothing). `onProgress` gets the count done so far.
   */
  async mutateMany(
    changes: { name: string; args: unknown }[],
    onProgress?: (done: number) => void,
  ): Promise<MutationOutcome> {
    for (const [i, c] of changes.entries()) {
      if (!mutatorNamed(c.name)) return { ...refused('INVALID', 'change.unknown', { mutation: c.name }), index: i, of: changes.length };
      const bad = findBadText(c.args, `changes[${i}].args`);
      if (bad) return { ...badTextOutcome(bad.path), index: i, of: changes.length };
    }
    try {
      return await this.store.transaction(async (tx) => {
        const meta = await tx.meta();
        let id = meta.nextMutationId;
        const now = this.options.now();
        for (const [i, c] of changes.entries()) {
          const undo: UndoEntry[] = [];
          const baseVersions: Record<string, number> = {};
          const mutator = mutatorNamed(c.name)!;
          const outcome = await runMutator(mutator, c.args, recordingTx(tx, undo, baseVersions), {
            actor: this.options.actor(),
            now,
            mutationKey: `${meta.clientId}:${id}`,
          });
          if (!outcome.ok) {
            throw new Rejected({ ...outcome, index: i, of: changes.length, message: `change ${i + 1} of ${changes.length}: ${outcome.message}` });
          }
          await tx.addOutbox({ id, name: mutator.name, args: c.args, baseVersions, undo, createdAt: now });
          id++;
          onProgress?.(i + 1);
        }
        await tx.setMeta({ nextMutationId: id });
        return { ok: true as const };
      });
    } catch (e) {
      if (e instanceof Rejected) return e.outcome;
      throw e;
    }
  }

  /**
   * Sends the outbox in order. The entries stay until a pull confirms the server processed them.
   * Three refusals are recovered from here rather than retried as they are (which would fail the
   * same way forever): a gap (409) resends from the server's last processed id, renumbering the
   * outbox when the ids it expects are gone; a change holding text the server never stores (400
   * INVALID_TEXT) is withdrawn, with its reason kept as a rejection; a client id another person
   * claimed (403 CLIENT_NOT_YOURS) is replaced by a fresh one.
   */
  async push(): Promise<number> {
    let sent = 0;
    let recoveries = 0;
    for (;;) {
      try {
        await this.pushOnce((n) => (sent += n));
        return sent;
      } catch (e) {
        if (!(e instanceof SyncHttpError)) throw e;
        if (e.code === 'INVALID_TEXT' && e.detail.mutationId !== undefined) {
          // Each withdrawal shrinks the outbox: this cannot loop forever.
          if (await this.withdraw(e.detail.mutationId, e.message, e.detail.path)) continue;
          throw e;
        }
        if (recoveries++ >= 3) throw e;
        if (e.code === 'MUTATION_GAP' && e.detail.lastMutationId !== undefined) {
          await this.resendFrom(e.detail.lastMutationId);
          continue;
        }
        if (e.code === 'CLIENT_NOT_YOURS' && this.options.newClientId) {
          await this.startOver(this.options.newClientId());
          continue;
        }
        throw e;
      }
    }
  }

  private async pushOnce(onSent: (n: number) => void): Promise<void> {
    // One read-only step where the storage has one (it need not wait for, nor hold up, a write),
    // of the entries not sent yet: those sent stay until acknowledged, and a client that does not
    // hear its own pokes (no stream) would otherwise read every one of them again on each push.
    const peeked = await this.store.peekOutbox?.(this.pushedThrough);
    const { meta, outbox } = peeked ?? (await this.store.transaction(async (tx) => {
      // Both reads issued at once: one wait on the storage instead of two.
      const [m, o] = await Promise.all([tx.meta(), tx.outbox()]);
      return { meta: m, outbox: o };
    }));
    const floor = Math.max(this.pushedThrough, meta.lastAcknowledged);
    const hold = this.options.holdFrom?.(outbox) ?? null;
    const todo = outbox.filter((m) => m.id > floor && (hold === null || m.id < hold)).sort((a, b) => a.id - b.id);
    for (const chunk of this.batches(todo)) {
      const response = await this.transport.push({
        clientId: meta.clientId,
        schemaVersion: this.schemaVersion,
        // An outbox kept from before an update may hold names an earlier schema used.
        mutations: chunk.map(({ id, name, args, baseVersions }) => ({ id, name: currentMutatorName(name), args, baseVersions })),
      });
      const byId = new Map(chunk.map((m) => [m.id, m]));
      const rejections: Rejection[] = [];
      for (const r of response.results) {
        const m = byId.get(r.id);
        if (r.status === 'rejected' && m) {
          rejections.push({
            mutationId: r.id,
            name: m.name,
            args: m.args,
            code: r.code,
            message: r.message,
            ...(r.messageJa ? { messageJa: r.messageJa } : {}),
            ...(r.reason ? { reason: r.reason, params: r.params ?? {} } : {}),
          });
        }
      }
      if (rejections.length > 0) await this.store.transaction((tx) => tx.addRejections(rejections));
      this.pushedThrough = Math.max(this.pushedThrough, ...chunk.map((m) => m.id));
      onSent(chunk.length);
    }
  }

  /**
   * The server processed this client's mutations through `serverLast` and no further: what it has
   * not seen is sent again from there. When the outbox no longer holds the ids that follow (the
   * server was restored from an older backup, or a change was withdrawn), the pending changes are
   * renumbered to follow on from `serverLast`.
   */
  private async resendFrom(serverLast: number): Promise<void> {
    this.pushedThrough = serverLast;
    await this.store.transaction(async (tx) => {
      const meta = await tx.meta();
      // Those at or below serverLast were processed: the next pull acknowledges them.
      const pending = (await tx.outbox()).filter((m) => m.id > serverLast).sort((a, b) => a.id - b.id);
      // A server restored from an older backup forgot what it acknowledged: so does the client, or
      // the next pull would take the renumbered changes for processed ones.
      if (meta.lastAcknowledged > serverLast) await tx.setMeta({ lastAcknowledged: serverLast });
      if (pending.every((m, i) => m.id === serverLast + 1 + i)) return;
      await this.reshape(tx, pending, pending, serverLast + 1, meta.clientId);
    });
  }

  /**
   * Takes a change the server refuses to read out of the outbox: its local effect is taken back,
   * its reason kept as a rejection the person sees, and the changes after it renumbered so the
   * server's sequence has no gap. False when the outbox does not hold it.
   */
  private async withdraw(mutationId: number, reason: string, path?: string): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const meta = await tx.meta();
      const outbox = (await tx.outbox()).sort((a, b) => a.id - b.id);
      const entry = outbox.find((m) => m.id === mutationId);
      if (!entry) return false;
      const keep = outbox.filter((m) => m.id > meta.lastAcknowledged && m.id !== mutationId);
      const first = Math.min(mutationId, keep[0]?.id ?? mutationId);
      await tx.addRejections([
        {
          mutationId,
          name: entry.name,
          args: entry.args,
          code: 'INVALID',
          // The server's English words stay in the detail; the parameters are data only.
          ...refusalFields('change.refusedText', { path: path ?? '' }),
          message: `${refusalFields('change.refusedText', { path: path ?? '' }).message}: ${reason}`,
        },
      ]);
      await this.reshape(tx, outbox.filter((m) => m.id > meta.lastAcknowledged), keep, first, meta.clientId);
      this.pushedThrough = Math.min(this.pushedThrough, mutationId - 1);
      return true;
    });
  }

  /**
   * Binds this client to the person signing in: the first one keeps the client id (and the changes
   * made before anyone signed in); a different person gets a new client id, under which the
   * pending changes are sent as theirs, since the server would refuse them under the old one.
   */
  async claimFor(userId: string, newClientId: () => string): Promise<void> {
    const meta = await this.store.transaction((tx) => tx.meta());
    if (meta.userId === userId) return;
    if (meta.userId !== undefined) await this.startOver(newClientId());
    await this.store.transaction((tx) => tx.setMeta({ userId }));
  }

  /**
   * A new client id, taken when the server says the old one belongs to another person (a
   * different sign-in on this computer): the pending changes are renumbered from 1 under it.
   */
  async startOver(clientId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const meta = await tx.meta();
      const pending = (await tx.outbox()).filter((m) => m.id > meta.lastAcknowledged).sort((a, b) => a.id - b.id);
      await tx.setMeta({ clientId, lastAcknowledged: 0 });
      await this.reshape(tx, pending, pending, 1, clientId);
    });
    this.pushedThrough = 0;
  }

  /**
   * Rewrites the tail of the outbox: every `pending` change taken back (newest first), then `keep`
   * numbered from `firstId` and run again on top, as a rebase does.
   */
  private async reshape(tx: ClientTx, pending: OutboxEntry[], keep: OutboxEntry[], firstId: number, clientId: string): Promise<void> {
    for (const entry of [...pending].reverse()) {
      for (const u of [...entry.undo].reverse()) await tx.restore(u.table, u.id, u.before, u.version);
    }
    await tx.deleteOutbox(pending.map((m) => m.id));
    let id = firstId;
    for (const entry of keep) {
      const renumbered = { ...entry, id: id++ };
      await tx.addOutbox(renumbered);
      await this.replay(tx, renumbered, clientId);
    }
    await tx.setMeta({ nextMutationId: id });
  }

  /** Splits the outbox into requests of at most `pushBatch` mutations and `pushBytes` bytes. */
  private *batches(todo: OutboxEntry[]): Generator<OutboxEntry[]> {
    const maxBytes = this.options.pushBytes ?? 8 * 1024 * 1024;
    let chunk: OutboxEntry[] = [];
    let bytes = 0;
    for (const m of todo) {
      const size = JSON.stringify(m.args).length + 200;
      if (chunk.length > 0 && (chunk.length >= this.batch || bytes + size > maxBytes)) {
        yield chunk;
        chunk = [];
        bytes = 0;
      }
      chunk.push(m);
      bytes += size;
    }
    if (chunk.length > 0) yield chunk;
  }

  /**
   * Pulls until the server has nothing more; each page is applied with a rebase in one transaction.
   * `onProgress` gets the number of changes applied so far (for a large first pull).
   */
  async pull(onProgress?: (applied: number) => void): Promise<void> {
    let applied = 0;
    let tookNewId = false;
    // The next page, downloading while this one is written (a large first pull streams into storage).
    let next: { page: Promise<PullResponse>; clientId: string } | null = null;
    for (;;) {
      let clientId: string;
      let page: PullResponse;
      try {
        if (next) {
          clientId = next.clientId;
          page = await next.page;
        } else {
          const meta = await this.store.transaction((tx) => tx.meta());
          clientId = meta.clientId;
          page = await this.transport.pull(this.cursorFor(meta), clientId, this.schemaVersion);
        }
        next = null;
      } catch (e) {
        next = null;
        if (e instanceof SyncHttpError && e.code === 'CLIENT_NOT_YOURS' && this.options.newClientId && !tookNewId) {
          tookNewId = true;
          await this.startOver(this.options.newClientId());
          continue;
        }
        throw e;
      }
      if (page.more) {
        // Asked from the cursor this page brings the client to, which is what the next round
        // would read back from storage (the cursor's schema is this client's once a page is in).
        const ahead = this.transport.pull(page.cursor, clientId, this.schemaVersion);
        ahead.catch(() => undefined); // awaited (and its failure thrown) on the next round
        next = { page: ahead, clientId };
      }
      await this.store.transaction((tx) => this.rebase(tx, page));
      applied += page.changes.length;
      onProgress?.(applied);
      if (!page.more) return;
    }
  }

  /** The cursor to pull from: the start again when the cursor was reached by an app that did not know some of this app's tables. */
  private cursorFor(meta: SyncMeta): number {
    const pulledWith = meta.cursorSchema ?? OLDEST_ACCEPTED_SCHEMA_VERSION;
    if (meta.cursor === 0 || pulledWith >= this.schemaVersion) return meta.cursor;
    const missed = tablesUnknownTo(pulledWith).filter((t) => knowsTable(this.schemaVersion, t) && (tableNames as string[]).includes(t));
    return missed.length > 0 ? 0 : meta.cursor;
  }

  /**
   * Pushes, then catches up. With `pokes` (those heard since the last sync; null for a data-less one
   * or a reconnected stream) the changes they carry are applied first, without a pull, when they
   * follow on from this client's cursor; the same transaction tells whether anything waits to be
   * pushed, so a poke with nothing to send costs one transaction. A pull follows a gap, a
   * data-less poke, no pokes at all, or a push of this client's own (as before).
   */
  async sync(onProgress?: (applied: number) => void, pokes?: readonly (Poke | null)[]): Promise<void> {
    if (pokes && pokes.length > 0 && pokes.every((p) => p !== null)) {
      const { outcome, unsent } = await this.takePokes(pokes as Poke[]);
      const sent = unsent ? await this.push() : 0;
      if (sent === 0 && outcome !== 'gap') return;
    } else {
      await this.push();
    }
    await this.pull(onProgress);
  }

  /**
   * Applies the changes that pokes carry, as a pull's page is applied (rebase, in one transaction),
   * when they run on without a gap from this client's cursor: 'applied'. 'current' when none is past
   * the cursor (already pulled); 'gap' when one is missing, or the cursor must be pulled afresh:
   * nothing is changed then, and the caller pulls.
   */
  async applyPokes(pokes: readonly Poke[]): Promise<'applied' | 'current' | 'gap'> {
    return (await this.takePokes(pokes)).outcome;
  }

  private async takePokes(pokes: readonly Poke[]): Promise<{ outcome: 'applied' | 'current' | 'gap'; unsent: boolean }> {
    return this.store.transaction(async (tx) => {
      // Both reads issued at once: a poke's whole step is then one wait on the storage and the commit.
      const [meta, read] = await Promise.all([tx.meta(), tx.outbox()]);
      const outbox = read.sort((a, b) => a.id - b.id);
      const unsent = (acknowledged: number) => {
        const floor = Math.max(this.pushedThrough, acknowledged);
        const hold = this.options.holdFrom?.(outbox) ?? null;
        return outbox.some((m) => m.id > floor && (hold === null || m.id < hold));
      };
      if (this.cursorFor(meta) !== meta.cursor) return { outcome: 'gap' as const, unsent: unsent(meta.lastAcknowledged) };
      const fresh = pokes.filter((p) => p.version > meta.cursor).sort((a, b) => a.version - b.version);
      if (fresh.length === 0) return { outcome: 'current' as const, unsent: unsent(meta.lastAcknowledged) };
      let at = meta.cursor;
      let lastMutationId = 0;
      // A record changed by several pokes is applied once, as it stands after the last (as a pull
      // answers it: each record once, in version order).
      const latest = new Map<string, PullResponse['changes'][number]>();
      for (const p of fresh) {
        if (p.base !== at) return { outcome: 'gap' as const, unsent: unsent(meta.lastAcknowledged) };
        at = p.version;
        for (const c of p.changes) {
          const key = `${c.table}\u0000${c.id}`;
          latest.delete(key);
          latest.set(key, c);
        }
        // A poke of this client's own push acknowledges only what this client has had the answers
        // to (pushedThrough): had the answer been lost, acknowledging more would drop those changes
        // from the outbox before their results (a refusal's reason) were ever read. They stay, are
        // replayed on top, and are sent again: the server answers them from what it stored.
        if (p.clientId === meta.clientId && p.lastMutationId !== undefined) lastMutationId = Math.max(lastMutationId, Math.min(p.lastMutationId, this.pushedThrough));
      }
      await this.rebase(tx, { cursor: at, lastMutationId, reset: false, more: false, changes: [...latest.values()] }, outbox);
      return { outcome: 'applied' as const, unsent: unsent(Math.max(meta.lastAcknowledged, lastMutationId)) };
    });
  }

  /** `read`: the outbox, when the caller read it in this transaction already (in id order). */
  private async rebase(tx: ClientTx, page: PullResponse, read?: OutboxEntry[]): Promise<void> {
    // The sync state read with the outbox, before the page's writes: read after them, it would wait
    // for every one of them to be stored.
    const [outbox, meta] = read ? [read, await tx.meta()] : await Promise.all([tx.outbox().then((o) => o.sort((a, b) => a.id - b.id)), tx.meta()]);
    // Take every pending change back, newest first: what remains is the last pulled server state.
    for (const entry of [...outbox].reverse()) {
      for (const u of [...entry.undo].reverse()) await tx.restore(u.table, u.id, u.before, u.version);
    }
    if (page.reset) await tx.clearWorkspace();
    await tx.applyChanges(page.changes);
    const acknowledged = Math.max(meta.lastAcknowledged, page.lastMutationId);
    const processed = outbox.filter((m) => m.id <= acknowledged).map((m) => m.id);
    if (processed.length > 0) await tx.deleteOutbox(processed);
    // Replay what the server has not processed yet, on top of its state.
    for (const entry of outbox.filter((m) => m.id > acknowledged)) await this.replay(tx, entry, meta.clientId);
    await tx.setMeta({ cursor: page.cursor, cursorSchema: this.schemaVersion, lastAcknowledged: acknowledged });
  }

  private async replay(tx: ClientTx, entry: OutboxEntry, clientId: string): Promise<void> {
    const mutator = mutatorNamed(entry.name);
    const undo: UndoEntry[] = [];
    const scratch: Record<string, number> = {};
    if (mutator) {
      // A replay that no longer applies (say, its record was deleted) leaves no local effect; the
      // server will answer the same, with its reason.
      // A change made before sign-in (any change allowed then) that the signed-in role may not make
      // waits unsent (held.ts) but stays on screen: its replay is not judged by the new role.
      const actor = this.options.actor();
      const madeEarlier = !can(actor.role, mutator.permission) ? { ...actor, role: BEFORE_SIGN_IN_ROLE } : actor;
      const outcome = await runMutator(mutator, entry.args, recordingTx(tx, undo, scratch), {
        actor: madeEarlier,
        now: entry.createdAt,
        mutationKey: `${clientId}:${entry.id}`,
      });
      if (!outcome.ok) {
        for (const u of [...undo].reverse()) await tx.restore(u.table, u.id, u.before, u.version);
        undo.length = 0;
      }
    }
    // The base versions stay those the user saw when making the change: that is what the
    // server's conflict check must compare against.
    await tx.replaceOutbox({ ...entry, undo });
  }

  async pendingCount(): Promise<number> {
    return this.store.pendingCount();
  }

  /**
   * Gives up changes that were never sent (held for a role, say): they and their local effects go,
   * and the later pending changes are renumbered to close the gap, since the server takes a
   * client's changes in order without gaps. Only changes the server has not acknowledged.
   */
  async discard(ids: readonly number[]): Promise<void> {
    const drop = new Set(ids);
    await this.store.transaction(async (tx) => {
      const meta = await tx.meta();
      if (ids.some((id) => id <= meta.lastAcknowledged)) throw new Error('a change the server already processed cannot be discarded');
      const outbox = (await tx.outbox()).sort((a, b) => a.id - b.id);
      const from = Math.min(...ids);
      const affected = outbox.filter((m) => m.id >= from);
      for (const entry of [...affected].reverse()) {
        for (const u of [...entry.undo].reverse()) await tx.restore(u.table, u.id, u.before, u.version);
      }
      await tx.deleteOutbox(affected.map((m) => m.id));
      let next = from;
      for (const entry of affected) {
        if (drop.has(entry.id)) continue;
        const renumbered = { ...entry, id: next++, undo: [] };
        await tx.addOutbox(renumbered);
        await this.replay(tx, renumbered, meta.clientId);
      }
      await tx.setMeta({ nextMutationId: next });
    });
  }
}
