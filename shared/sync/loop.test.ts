import { describe, expect, it } from 'vitest';
import { SyncHttpError } from './client';
import { SyncLoop, backoffDelay, defaultLoopOptions, type LoopDeps, type SyncStatus } from './loop';

/** A clock and timer queue driven by the test. */
class FakeTime {
  now = 1_800_000_000_000;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  set = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  };
  clear = (id: unknown) => {
    this.timers.delete(id as number);
  };
  pendingDelays(): number[] {
    return [...this.timers.values()].map((t) => t.at - this.now);
  }
  /** Advances the clock, firing due timers in order, letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
      for (let i = 0; i < 20; i++) await Promise.resolve();
    }
    this.now = end;
  }
}

function harness(results: (() => Promise<void>)[], options: Partial<typeof defaultLoopOptions> = {}) {
  const time = new FakeTime();
  const statuses: SyncStatus[] = [];
  let calls = 0;
  let online = true;
  const deps: LoopDeps = {
    sync: async (onProgress) => {
      const r = results[Math.min(calls, results.length - 1)]!;
      calls++;
      onProgress(0);
      await r();
    },
    pending: async () => 3,
    online: () => online,
    now: () => time.now,
    setTimer: time.set,
    clearTimer: time.clear,
    random: () => 0.5,
    onStatus: (s) => statuses.push(s),
  };
  const loop = new SyncLoop(deps, { ...defaultLoopOptions, pollMs: 60_000, baseBackoffMs: 1_000, maxBackoffMs: 8_000, debounceMs: 50, ...options });
  return { loop, deps, time, statuses, calls: () => calls, setOnline: (v: boolean) => (online = v) };
}

const ok = async () => undefined;
const down = async () => {
  throw new Error('connect ECONNREFUSED');
};

describe('sync loop (fake clock)', () => {
  it('syncs at start, then polls as a fallback', async () => {
    const h = harness([ok]);
    h.loop.start();
    await h.time.advance(0);
    expect(h.calls()).toBe(1);
    expect(h.loop.current()).toMatchObject({ phase: 'idle', pending: 3, error: null });
    await h.time.advance(59_999);
    expect(h.calls()).toBe(1);
    await h.time.advance(1);
    expect(h.calls()).toBe(2);
  });

  it('backs off with jitter after failures, capped, and recovers', async () => {
    const h = harness([down, down, down, down, down, ok]);
    h.loop.start();
    await h.time.advance(0);
    expect(h.loop.current()).toMatchObject({ phase: 'error', error: expect.stringMatching(/Could not reach the server/), failure: { kind: 'network' } });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      delays.push(h.time.pendingDelays()[0]!);
      await h.time.advance(delays.at(-1)!);
    }
    // cap/2 + cap/2 * 0.5 with caps 1s, 2s, 4s, 8s, 8s
    expect(delays).toEqual([750, 1500, 3000, 6000, 6000]);
    expect(h.loop.current().phase).toBe('idle');
    expect(h.calls()).toBe(6);
  });

  it('keeps retrying on a timer while looking offline, with backoff capped at 30 s, and recovers with no online event (fake clock)', async () => {
    const h = harness([down, down, down, down, down, down, down, down, ok]);
    h.setOnline(false);
    const loop = new SyncLoop(h.deps, defaultLoopOptions);
    loop.start();
    await h.time.advance(0);
    expect(h.calls()).toBe(1);
    expect(loop.current()).toMatchObject({ phase: 'offline', pending: 3, error: expect.stringMatching(/Could not reach/) });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push(h.time.pendingDelays()[0]!);
      await h.time.advance(delays.at(-1)!);
    }
    // cap/2 + cap/2 * 0.5 with caps 1, 2, 4, 8, 16, 30, 30, 30 s: never longer than 30 s.
    expect(delays).toEqual([750, 1500, 3000, 6000, 12_000, 22_500, 22_500, 22_500]);
    expect(h.calls()).toBe(9);
    // The network came back (onLine still says otherwise): the timer alone brought the sync through.
    expect(loop.current()).toMatchObject({ phase: 'idle', error: null, failure: null });
  });

  it('goes at once when nudged back online (fake clock)', async () => {
    const h = harness([down, ok]);
    h.setOnline(false);
    h.loop.start();
    await h.time.advance(0);
    expect(h.loop.current().phase).toBe('offline');
    h.setOnline(true);
    h.loop.nudge();
    await h.time.advance(0);
    expect(h.calls()).toBe(2);
    expect(h.loop.current().phase).toBe('idle');
  });

  it('batches a burst of local changes into one sync', async () => {
    const h = harness([ok]);
    h.loop.start();
    await h.time.advance(0);
    for (let i = 0; i < 10; i++) h.loop.changed();
    await h.time.advance(50);
    expect(h.calls()).toBe(2);
  });

  it('pushes a local change at once with the app\'s options, and sends the changes made during a sync together after it', async () => {
    let finish: () => void = () => undefined;
    const slow = () => new Promise<void>((resolve) => (finish = resolve));
    const h = harness([ok, slow, ok], { debounceMs: defaultLoopOptions.debounceMs });
    h.loop.start();
    await h.time.advance(0);
    expect(h.calls()).toBe(1);
    h.loop.changed();
    await h.time.advance(0);
    expect(h.calls()).toBe(2); // no wait on the clock
    for (let i = 0; i < 10; i++) h.loop.changed();
    await h.time.advance(0);
    expect(h.calls()).toBe(2); // the sync under way is not interrupted
    finish();
    for (let i = 0; i < 20; i++) await Promise.resolve(); // the run's end, which schedules the next
    await h.time.advance(0);
    expect(h.calls()).toBe(3); // one more run takes the ten
    await h.time.advance(59_999);
    expect(h.calls()).toBe(3);
  });

  it('stops for good when the app is too old, keeping the outbox, and when signed out', async () => {
    const tooOld = async () => {
      throw new SyncHttpError(426, 'CLIENT_UPDATE_REQUIRED', 'update the app');
    };
    const h = harness([tooOld]);
    h.loop.start();
    await h.time.advance(0);
    expect(h.loop.current()).toMatchObject({ phase: 'update-required', pending: 3 });
    h.loop.nudge();
    await h.time.advance(600_000);
    expect(h.calls()).toBe(1);

    const expired = async () => {
      throw new SyncHttpError(401, 'INVALID_TOKEN', 'expired');
    };
    const s = harness([expired]);
    s.loop.start();
    await s.time.advance(0);
    expect(s.loop.current()).toMatchObject({ phase: 'signed-out', error: expect.stringMatching(/sign in again/), failure: { kind: 'session-ended' } });
    expect(s.time.pendingDelays()).toEqual([]);
  });

  it('computes full-jitter delays within the cap', () => {
    for (const r of [0, 0.3, 0.999]) {
      for (let f = 1; f < 12; f++) {
        const d = backoffDelay(f, { baseBackoffMs: 1000, maxBackoffMs: 300_000 }, r);
        const cap = Math.min(300_000, 1000 * 2 ** (f - 1));
        expect(d).toBeGreaterThanOrEqual(cap / 2);
        expect(d).toBeLessThanOrEqual(cap);
      }
    }
  });
});
