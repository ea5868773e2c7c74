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

/** Runs `fn` once to warm up (JIT, caches, lazy projections), then `times` more, returning each duration in ms. */
export async function timeRepeated<T>(times: number, fn: () => Promise<T> | T, onResult?: (value: T) => void): Promise<number[]> {
  onResult?.(await fn());
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const value = await fn();
    out.push(performance.now() - t0);
    onResult?.(value);
  }
  return out;
}
