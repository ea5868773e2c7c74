/**
 * A token bucket for the server's own upstream calls. Cloudflare blocks an over-budget user for five whole
 * minutes (1,200 requests / 5 minutes), so refusing one call here with a short retry-after costs far less
 * than letting it through.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly refillPerMs: number;

  constructor(
    private readonly capacity: number,
    windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
    this.refillPerMs = capacity / windowMs;
  }

  /** Takes one token; when none is left, says after how many whole seconds one will be. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (t - this.last) * this.refillPerMs);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.refillPerMs / 1000)) };
  }
}
