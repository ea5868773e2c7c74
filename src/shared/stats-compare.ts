import type { Interval, NumberSummary, ShareSummary } from './stats.ts';
import { wilsonInterval } from './stats.ts';
import { normalTwoSidedP, tCritical, tTwoSidedP, Z95 } from './stats-distributions.ts';

/**
 * Differences between two groups with 95% intervals, p-values for the verdicts, Holm's correction, and
 * the verdict words.
 *
 * - Means: Welch's t (unequal variances, Welch–Satterthwaite degrees of freedom) for the difference;
 *   the ratio's interval by the delta method on the log scale (exp(ln r ± z·se)), which keeps it positive.
 * - Shares: the difference's interval by Newcombe's hybrid score method (method 10 of Newcombe 1998, built
 *   from the two Wilson intervals); its p-value by the pooled two-proportion z test.
 * - More than one comparison against a baseline: Holm's step-down adjustment of the p-values; a verdict
 *   calls a difference real only when its adjusted p < 0.05. The intervals stay per comparison (95%).
 * - Below MIN_N logs in either group no verdict is given: "too few logs".
 */

/** Fewest logs per group (rated logs, for feedback shares) before a verdict is given. */
export const MIN_N = 30;
export const ALPHA = 0.05;

export interface Difference {
  /** other − baseline (for shares: in share units, 0.12 = 12 points). */
  diff: number;
  diff_ci: Interval | null;
  /** other / baseline, for means; null for shares or when the baseline is not positive. */
  ratio: number | null;
  ratio_ci: Interval | null;
  p: number;
}

/** Welch's difference of means (other − baseline) and the ratio other / baseline; null without two values a side. */
export function meanDifference(baseline: NumberSummary, other: NumberSummary): Difference | null {
  const { n: na, mean: ma, sd: sa } = baseline;
  const { n: nb, mean: mb, sd: sb } = other;
  if (ma === null || mb === null || sa === null || sb === null || na < 2 || nb < 2) return null;
  const va = (sa * sa) / na;
  const vb = (sb * sb) / nb;
  const se = Math.sqrt(va + vb);
  const diff = mb - ma;
  let p: number;
  let diff_ci: Interval;
  if (se === 0) {
    // No spread on either side: the difference is what it is.
    p = diff === 0 ? 1 : 0;
    diff_ci = [diff, diff];
  } else {
    const df = (va + vb) ** 2 / ((va * va) / (na - 1) + (vb * vb) / (nb - 1));
    const half = tCritical(df) * se;
    diff_ci = [diff - half, diff + half];
    p = tTwoSidedP(diff / se, df);
  }
  let ratio: number | null = null;
  let ratio_ci: Interval | null = null;
  if (ma > 0 && mb > 0) {
    ratio = mb / ma;
    const seLog = Math.sqrt(va / (ma * ma) + vb / (mb * mb));
    ratio_ci = [ratio * Math.exp(-Z95 * seLog), ratio * Math.exp(Z95 * seLog)];
  }
  return { diff, diff_ci, ratio, ratio_ci, p };
}

/** Newcombe's hybrid score interval for other − baseline shares, and the pooled z test's p. */
export function shareDifference(baseline: ShareSummary, other: ShareSummary): Difference | null {
  const wa = wilsonInterval(baseline.k, baseline.n);
  const wb = wilsonInterval(other.k, other.n);
  if (!wa || !wb) return null;
  const pa = baseline.k / baseline.n;
  const pb = other.k / other.n;
  const diff = pb - pa;
  const lower = diff - Math.sqrt((pb - wb[0]) ** 2 + (wa[1] - pa) ** 2);
  const upper = diff + Math.sqrt((wb[1] - pb) ** 2 + (pa - wa[0]) ** 2);
  const pooled = (baseline.k + other.k) / (baseline.n + other.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / baseline.n + 1 / other.n));
  const p = se === 0 ? (diff === 0 ? 1 : 0) : normalTwoSidedP(diff / se);
  return { diff, diff_ci: [lower, upper], ratio: null, ratio_ci: null, p };
}

/** Holm's step-down adjusted p-values, in the order given. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** How a metric reads in words: which way is better, and the words for each direction. */
export interface MetricWords {
  /** 'mean': a ratio ("38% cheaper", "1.8× slower"); 'share': a difference in percentage points. */
  kind: 'mean' | 'share';
  lower: string;
  higher: string;
  lowerIsBetter: boolean;
}

export type VerdictTone = 'better' | 'worse' | 'noise' | 'too-few' | 'none';

export interface Verdict {
  text: string;
  tone: VerdictTone;
}

/** From a ratio of 1.5 on, "1.8× slower" reads better than "80% slower". */
const TIMES_FROM = 1.5;

/**
 * The verdict for other against baseline. `nBaseline` / `nOther` are the logs the figure counts;
 * `pAdjusted` the p-value after Holm (the raw p with one comparison).
 */
export function verdict(words: MetricWords, d: Difference | null, nBaseline: number, nOther: number, pAdjusted: number | null): Verdict {
  if (nBaseline < MIN_N || nOther < MIN_N) return { text: 'too few logs', tone: 'too-few' };
  if (!d || pAdjusted === null) return { text: 'no comparison', tone: 'none' };
  if (pAdjusted >= ALPHA) return { text: 'could be noise', tone: 'noise' };
  const lower = d.diff < 0;
  const tone: VerdictTone = lower === words.lowerIsBetter ? 'better' : 'worse';
  const word = lower ? words.lower : words.higher;
  if (words.kind === 'share') {
    const points = Math.abs(d.diff * 100);
    return { text: `${points < 1 ? points.toFixed(1) : Math.round(points)} points ${word}`, tone };
  }
  if (d.ratio === null) return { text: word, tone };
  if (d.ratio >= TIMES_FROM) return { text: `${d.ratio.toFixed(1)}× ${word}`, tone };
  const percent = Math.abs(d.ratio - 1) * 100;
  return { text: `${percent < 1 ? percent.toFixed(1) : Math.round(percent)}% ${word}`, tone };
}

export const COMPARE_METHODS = {
  mean: `Difference of means by Welch's t (95% interval); ratio by the delta method on the log scale. Verdict when p < ${ALPHA}.`,
  share: `Difference of shares by Newcombe's hybrid score interval (95%); p from the two-proportion z test. Verdict when p < ${ALPHA}.`,
  holm: "More than one comparison: p-values adjusted by Holm's method before the verdict; intervals are per comparison.",
  minN: `No verdict below ${MIN_N} logs in either group ("too few logs").`,
} as const;
