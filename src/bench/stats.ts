/** Order statistics over timings. Linear interpolation between ranks, so p50 of an even count is a mean. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/**
 * One turn of the event loop through its timers phase. The bench computes its SQL and loop references
 * synchronously in this process, between HTTP calls over keep-alive sockets; awaiting a synchronous
 * result yields only to microtasks, so a series of them holds the loop for seconds. Meanwhile the HTTP
 * client's own idle-socket expiry (it retires a socket a second before the server's keep-alive timeout)
 * cannot run, and the next request can go out on a socket the server is closing at that moment: "fetch
 * failed" (other side closed), which a POST does not survive. A turn after each piece of synchronous work
 * lets the client retire such sockets first.
 */
export const loopTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `fn` once to warm up (JIT, caches, lazy projections), then `times` more, returning each duration in ms. */
export async function timeRepeated<T>(times: number, fn: () => Promise<T> | T, onResult?: (value: T) => void): Promise<number[]> {
  onResult?.(await fn());
  await loopTurn();
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const value = await fn();
    out.push(performance.now() - t0);
    onResult?.(value);
    await loopTurn(); // outside the timing (see loopTurn)
  }
  return out;
}
