import type { NumberSummaryWire, ShareSummaryWire } from './analysis.ts';
import { binomialPmf, tCritical, Z95 } from './stats-distributions.ts';

/**
 * Descriptive statistics with 95% intervals, for the evaluation analysis (product design §6).
 *
 * - Quantiles: Hyndman & Fan type 7 (linear interpolation between order statistics at h = (n − 1)·p; the
 *   default of R, NumPy and spreadsheets' PERCENTILE.INC), so figures match what an analyst recomputes.
 * - Mean: Student t interval, mean ± t₀.₉₇₅,ₙ₋₁ · s/√n. Cost and duration are long-tailed, so for small n
 *   this can cover less than 95%; it is justified by the central limit theorem at the n the verdicts
 *   require (MIN_N and above, see stats-compare.ts), and the distribution-free median interval beside it
 *   is the figure to trust for skewed data.
 * - Median (and any quantile): the order-statistic interval [x₍ₗ₎, x₍ᵤ₎], distribution-free, with
 *   coverage ≥ 95% from the binomial (exact sums up to EXACT_BINOMIAL_N logs, the normal approximation
 *   to the ranks beyond). It does not exist when n is too small (n < 6 for the median).
 * - Shares: Wilson score interval, which stays inside [0, 1] and behaves at 0 and n.
 */

export type Interval = [number, number];

/** Type 7 quantile of ascending values (0 ≤ p ≤ 1); NaN when there are none. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** Up to this n the ranks of a quantile interval come from exact binomial sums. */
export const EXACT_BINOMIAL_N = 1000;

/**
 * 1-based ranks [l, u] with P(x₍ₗ₎ ≤ ξₚ ≤ x₍ᵤ₎) ≥ 95% for the p-quantile ξₚ, or null when n is too small
 * for any pair of order statistics to reach 95%.
 */
export function quantileIntervalRanks(n: number, p: number): readonly [number, number] | null {
  if (n < 1) return null;
  let l: number;
  let u: number;
  if (n <= EXACT_BINOMIAL_N) {
    // x₍ₗ₎ ≤ ξ ⇔ B ≥ l where B ~ Bin(n, p) counts values below ξ: the largest l with P(B ≤ l − 1) ≤ 2.5%,
    // the smallest u with P(B ≤ u − 1) ≥ 97.5%. One cumulative pass over the binomial's probabilities.
    l = 0;
    u = n + 1;
    let cdf = 0;
    for (let k = 0; k < n; k++) {
      cdf += binomialPmf(k, n, p);
      if (cdf <= 0.025) l = k + 1;
      if (cdf >= 0.975) {
        u = k + 1;
        break;
      }
    }
  } else {
    const spread = Z95 * Math.sqrt(n * p * (1 - p));
    l = Math.floor(n * p - spread);
    u = Math.ceil(n * p + spread) + 1;
  }
  if (l < 1 || u > n) return null;
  return [l, u];
}

/** The distribution-free 95% interval of the p-quantile from ascending values. */
export function quantileInterval(sorted: ArrayLike<number>, p: number): Interval | null {
  const ranks = quantileIntervalRanks(sorted.length, p);
  return ranks ? [sorted[ranks[0] - 1]!, sorted[ranks[1] - 1]!] : null;
}

/** The t interval of a mean; null below two values (no spread to estimate). */
export function meanInterval(mean: number, sd: number, n: number): Interval | null {
  if (n < 2 || !Number.isFinite(sd)) return null;
  const half = (tCritical(n - 1) * sd) / Math.sqrt(n);
  return [mean - half, mean + half];
}

/** The Wilson score interval of k successes in n; null when n = 0. */
export function wilsonInterval(k: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = ((z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n)));
  // Clamp the rounding at the ends: at k = 0 the lower bound is 0 exactly, at k = n the upper is 1.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

/** Mean, standard deviation and quantiles of one metric over n logs: the wire schema's type. */
export type NumberSummary = NumberSummaryWire;

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Summarises ascending values. `sum` is the caller's (an exactly rounded sum, so a mean equals one
 * recomputed from the same values in any order); the spread is a second pass around the mean.
 */
export function summarizeSorted(sorted: ArrayLike<number>, sum: number): NumberSummary {
  const n = sorted.length;
  if (n === 0) return { n, sum: 0, mean: null, sd: null, mean_ci: null, median: null, median_ci: null, p90: null, p95: null, p99: null, min: null, max: null };
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i]! - mean;
    squares += d * d;
  }
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
  return {
    n,
    sum,
    mean,
    sd,
    mean_ci: sd === null ? null : meanInterval(mean, sd, n),
    median: quantileSorted(sorted, 0.5),
    median_ci: quantileInterval(sorted, 0.5),
    p90: orNull(quantileSorted(sorted, 0.9)),
    p95: orNull(quantileSorted(sorted, 0.95)),
    p99: orNull(quantileSorted(sorted, 0.99)),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}

/** k of n with its share and Wilson interval (share null when n = 0): the wire schema's type. */
export type ShareSummary = ShareSummaryWire;

export function summarizeShare(k: number, n: number): ShareSummary {
  return { k, n, share: n > 0 ? k / n : null, ci: wilsonInterval(k, n) };
}

/** The methods as the page names them beside the figures. */
export const METHODS = {
  quantile: 'Quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, as R and NumPy)',
  mean: 'Mean ± Student t 95% interval (t with n − 1 degrees of freedom; relies on the central limit theorem)',
  median: 'Median 95% interval from order statistics (distribution-free, binomial ranks)',
  share: 'Share with Wilson score 95% interval',
} as const;
