import type { Histogram } from '../../shared/analysis.ts';

/** Log-spaced edges from the smallest positive value to the largest; one bin when they are equal. */
export function logEdges(minPositive: number, max: number, bins: number): number[] {
  if (!(minPositive > 0) || !(max >= minPositive)) return [];
  if (max === minPositive) return [minPositive, max];
  const a = Math.log10(minPositive);
  const step = (Math.log10(max) - a) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => 10 ** (a + i * step));
  // The ends exactly: rounding in 10^x must not leave the smallest or largest value outside.
  edges[0] = minPositive;
  edges[bins] = max;
  return edges;
}

/** First index in ascending `sorted` whose value is ≥ x (also positions in a sorted selection). */
export function lowerIndex(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts of ascending values per bin [eᵢ, eᵢ₊₁), the last bin closed, by binary search per edge (no pass
 * over the values). Values ≤ 0 (a cached log's $0) are `zeros`, apart from the log scale.
 */
export function histogramOfSorted(sorted: ArrayLike<number>, edges: readonly number[]): Histogram {
  const zeros = lowerIndex(sorted, Number.MIN_VALUE);
  const counts: number[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = lowerIndex(sorted, edges[i]!);
    const end = i + 2 === edges.length ? sorted.length : lowerIndex(sorted, edges[i + 1]!);
    counts.push(end - start);
  }
  return { scale: 'log', edges: [...edges], counts, zeros };
}

/** The smallest positive value of ascending values, or NaN. */
export function minPositiveOfSorted(sorted: ArrayLike<number>): number {
  const i = lowerIndex(sorted, Number.MIN_VALUE);
  return i < sorted.length ? sorted[i]! : NaN;
}
