/**
 * Paces a sync's calls inside Cloudflare's 1,200 requests per 5 minutes per user, a budget shared with
 * every other call the user makes (the console's own, the dashboard's): a token bucket that waits for a
 * token instead of refusing, plus a pause when the API itself answered 429 (it then blocks the user for
 * the `retry-after` it names, and another call before then only extends the block).
 *
 * Over any window of `windowMs` at most `burst + perWindow` calls start.
 */
export interface PacerOptions {
  /** Calls refilled per window. */
  perWindow: number;
  /** Calls allowed at once from a full bucket. */
  burst: number;
  windowMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The CLI's default: half the account's budget, so the console and the dashboard keep the other half. */
export const DEFAULT_SYNC_PACING: PacerOptions = { perWindow: 550, burst: 50, windowMs: 300_000 };
/** The account's whole budget; a sync may not be given more. */
export const ACCOUNT_CALLS_PER_WINDOW = 1_200;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Pacer {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private readonly refillPerMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Calls started so far (for the throughput report). */
  calls = 0;

  constructor(private readonly o: PacerOptions = DEFAULT_SYNC_PACING) {
    if (o.burst + o.perWindow > ACCOUNT_CALLS_PER_WINDOW) throw new Error(`a sync may use at most ${ACCOUNT_CALLS_PER_WINDOW} calls per 5 minutes`);
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? sleep;
    this.tokens = o.burst;
    this.last = this.now();
    this.refillPerMs = o.perWindow / o.windowMs;
  }

  /** Resolves when a call may start (and counts it). */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const t = this.now();
      if (t < this.pausedUntil) {
        await this.sleep(this.pausedUntil - t);
        continue;
      }
      this.tokens = Math.min(this.o.burst, this.tokens + (t - this.last) * this.refillPerMs);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        this.calls++;
        return;
      }
      await this.sleep(Math.ceil((1 - this.tokens) / this.refillPerMs));
    }
  }

  /** No call starts before `ms` from now (a 429's retry-after); the bucket is emptied too. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.tokens = 0;
  }
}
