// Failed sign-ins per email and address, in fixed one-minute windows, in memory (per server
// process, like the other limits). Only failures count: a person who signs in successfully many
// times is never locked out, and someone guessing one person's password from their address does
// not lock that person out from their own.

export class FailureLimit {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. */
  waitSeconds(key: string): number {
    const w = this.windows.get(key);
    const t = this.now();
    if (!w || w.resetAt <= t) return 0;
    return w.count >= this.max ? Math.ceil((w.resetAt - t) / 1000) : 0;
  }

  fail(key: string): void {
    const t = this.now();
    const w = this.windows.get(key);
    if (w && w.resetAt > t) w.count++;
    else this.windows.set(key, { count: 1, resetAt: t + this.windowMs });
    // Bounded memory under a spray of addresses: drop windows that have ended.
    if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (v.resetAt <= t) this.windows.delete(k);
  }
}
