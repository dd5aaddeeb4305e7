// When to sync: on a poke, after a local change, on a timer as a fallback, again with backoff and
// jitter after a failure (capped at 30 s), and not at all once the server says the app is too old.
// Looking offline does not stop the retries: the browser's onLine and its 'online' event are hints
// that can stay wrong for a long time after the network came back. Runtime-neutral: timers, randomness and the clock come in as parameters, so the schedule is
// tested with a fake clock.
import { SyncHttpError } from './client';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out' | 'update-required';

export interface SyncStatus {
  phase: SyncPhase;
  /** ISO time of the last sync that completed. */
  lastSyncAt: string | null;
  pending: number;
  /** Changes applied so far by the pull in progress (a large first pull). */
  pulled: number | null;
  /** The last failure in English, for developers and logs: the screens word `failure`. */
  error: string | null;
  /** What the last failure was, for the screens to word in the reader's language. */
  failure: SyncFailure | null;
  /** When the next attempt is due after a failure (ISO), for "retrying in ...". */
  retryAt: string | null;
}

export interface LoopDeps {
  sync(onProgress: (applied: number) => void): Promise<void>;
  pending(): Promise<number>;
  online(): boolean;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  random(): number;
  onStatus(status: SyncStatus): void;
}

export interface LoopOptions {
  /** Fallback poll when no poke arrives (ms). */
  pollMs: number;
  /** First retry delay after a failure; doubles up to maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /**
   * Wait after a local change before pushing. 0 in the app: a teammate should see a change as soon
   * as it is made, and a burst of edits still goes in few pushes, since the changes made while a
   * sync runs are sent together by the one run that follows it.
   */
  debounceMs: number;
}

export const defaultLoopOptions: LoopOptions = { pollMs: 60_000, baseBackoffMs: 1_000, maxBackoffMs: 30_000, debounceMs: 0 };

/** Full jitter (AWS architecture blog): a random delay up to the capped exponential. */
export function backoffDelay(failures: number, options: Pick<LoopOptions, 'baseBackoffMs' | 'maxBackoffMs'>, random: number): number {
  const cap = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, failures - 1));
  return Math.round(cap / 2 + (cap / 2) * random);
}

/**
 * Why a sync failed, as the screens word it: the server's code (SyncErrorCode) where it answered
 * with one, never its message.
 */
export type SyncFailure =
  | { kind: 'update-required' }
  | { kind: 'session-ended' }
  | { kind: 'slow-down' }
  /** `detail`: the server's English message, shown only for a code this app does not know (a newer server's). */
  | { kind: 'server'; status: number; code: string; detail: string }
  | { kind: 'network' };

export function describeSyncError(e: unknown): { phase: SyncPhase; message: string; failure: SyncFailure } {
  if (e instanceof SyncHttpError) {
    if (e.code === 'CLIENT_UPDATE_REQUIRED') return { phase: 'update-required', message: e.message, failure: { kind: 'update-required' } };
    if (e.status === 401) return { phase: 'signed-out', message: 'Your session has ended: sign in again to sync. Your changes are kept.', failure: { kind: 'session-ended' } };
    if (e.status === 429) return { phase: 'error', message: 'The server asks to slow down; retrying shortly.', failure: { kind: 'slow-down' } };
    return { phase: 'error', message: `The server refused the sync (${e.status}): ${e.message}`, failure: { kind: 'server', status: e.status, code: e.code, detail: e.message } };
  }
  const text = e instanceof Error ? e.message : String(e);
  return { phase: 'error', message: `Could not reach the server: ${text}`, failure: { kind: 'network' } };
}

export class SyncLoop {
  private timer: unknown = null;
  private running = false;
  private again = false;
  private stopped = true;
  private failures = 0;
  private status: SyncStatus = { phase: 'idle', lastSyncAt: null, pending: 0, pulled: null, error: null, failure: null, retryAt: null };

  constructor(
    private readonly deps: LoopDeps,
    private readonly options: LoopOptions = defaultLoopOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** A poke from the server, the user's "sync now", or coming back online. */
  nudge(): void {
    if (this.stopped || this.status.phase === 'update-required') return;
    this.failures = 0;
    this.schedule(0);
  }

  /** A local change: push now, or after the sync under way (which batches a burst of edits). */
  changed(): void {
    if (this.stopped || this.status.phase === 'update-required') return;
    void this.refreshPending();
    this.schedule(this.options.debounceMs);
  }

  current(): SyncStatus {
    return this.status;
  }

  private emit(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.deps.onStatus(this.status);
  }

  private async refreshPending(): Promise<void> {
    this.emit({ pending: await this.deps.pending() });
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    // Looking offline, the attempt is quiet: the status stays "offline" unless it succeeds.
    if (this.deps.online()) this.emit({ phase: 'syncing', error: null, failure: null, retryAt: null });
    try {
      await this.deps.sync((applied) => this.emit({ pulled: applied }));
      this.failures = 0;
      this.emit({ phase: 'idle', lastSyncAt: new Date(this.deps.now()).toISOString(), pulled: null, error: null, failure: null, retryAt: null, pending: await this.deps.pending() });
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      } else {
        this.schedule(this.options.pollMs);
      }
    } catch (e) {
      this.running = false;
      this.again = false;
      const { phase, message, failure } = describeSyncError(e);
      const pending = await this.deps.pending().catch(() => this.status.pending);
      if (phase === 'update-required' || phase === 'signed-out') {
        this.emit({ phase, error: message, failure, pulled: null, pending, retryAt: null });
        return; // nothing to retry until the user acts; the outbox is kept
      }
      this.failures++;
      const delay = backoffDelay(this.failures, this.options, this.deps.random());
      this.emit({ phase: this.deps.online() ? 'error' : 'offline', error: message, failure, pulled: null, pending, retryAt: new Date(this.deps.now() + delay).toISOString() });
      this.schedule(delay);
    }
  }
}
