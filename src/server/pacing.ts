/**
 * A token bucket for the server's own upstream calls. Cloudflare allows 1,200 requests per 5 minutes per
 * user and blocks an over-budget user for five whole minutes, so refusing one call here with a short
 * retry-after costs far less than letting it through. Over any window at most `burst + perWindow` calls
 * pass (a full bucket plus what refills meanwhile), so the defaults keep that sum under 1,200, and the
 * small burst also stays clear of the 200 requests-per-second limit.
 */
export interface PacingOptions {
  /** Calls allowed at once, from a full bucket. */
  burst: number;
  /** Calls refilled per window. */
  perWindow: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_PACING: PacingOptions = { burst: 100, perWindow: 1_050, windowMs: 300_000 };

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly refillPerMs: number;
  private readonly now: () => number;

  constructor(private readonly o: PacingOptions = DEFAULT_PACING) {
    this.now = o.now ?? Date.now;
    this.tokens = o.burst;
    this.last = this.now();
    this.refillPerMs = o.perWindow / o.windowMs;
  }

  /** Takes one token; when none is left, says after how many whole seconds one will be. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    this.tokens = Math.min(this.o.burst, this.tokens + (t - this.last) * this.refillPerMs);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.refillPerMs / 1000)) };
  }
}
