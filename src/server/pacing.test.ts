import { describe, expect, it } from 'vitest';
import { DEFAULT_PACING, TokenBucket } from './pacing.ts';

describe('upstream pacing', () => {
  it('with the defaults, no 5-minute window ever holds 1,200 calls, even when called as fast as possible', () => {
    let t = 0;
    const bucket = new TokenBucket({ ...DEFAULT_PACING, now: () => t });
    const passed: number[] = [];
    // Someone hammering the console: ten attempts every 100 ms for 20 minutes.
    for (; t < 20 * 60_000; t += 100) for (let i = 0; i < 10; i++) if (bucket.take().ok) passed.push(t);
    let worst = 0;
    for (let start = 0, end = 0; end < passed.length; end++) {
      while (passed[end]! - passed[start]! >= 300_000) start++;
      worst = Math.max(worst, end - start + 1);
    }
    expect(worst).toBeLessThan(1_200);
    expect(worst).toBeGreaterThan(1_000); // and the budget is actually used
  });

  it('a refused call is told when a token will be back', () => {
    let t = 0;
    const bucket = new TokenBucket({ burst: 1, perWindow: 60, windowMs: 60_000, now: () => t });
    expect(bucket.take()).toEqual({ ok: true });
    expect(bucket.take()).toEqual({ ok: false, retryAfterSeconds: 1 });
    t += 1_000;
    expect(bucket.take()).toEqual({ ok: true });
  });
});
