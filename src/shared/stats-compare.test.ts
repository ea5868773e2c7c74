import { describe, expect, it } from 'vitest';
import { summarizeShare, summarizeSorted } from './stats.ts';
import { holm, meanDifference, MIN_N, shareDifference, verdict, type MetricWords } from './stats-compare.ts';
import { tCritical } from './stats-distributions.ts';

const summary = (xs: number[]) => summarizeSorted(Float64Array.from(xs).sort(), xs.reduce((a, b) => a + b, 0));
const COST: MetricWords = { kind: 'mean', lower: 'cheaper', higher: 'costlier', lowerIsBetter: true };
const SPEED: MetricWords = { kind: 'mean', lower: 'faster', higher: 'slower', lowerIsBetter: true };
const LIKED: MetricWords = { kind: 'share', lower: 'fewer 👍', higher: 'more 👍', lowerIsBetter: false };

describe('Welch difference of means', () => {
  it('equals a hand computation of Welch–Satterthwaite', () => {
    const a = [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0];
    const b = [28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 23.9, 13.3];
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
    const va = variance(a) / a.length;
    const vb = variance(b) / b.length;
    const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
    const d = meanDifference(summary(a), summary(b))!;
    expect(d.diff).toBeCloseTo(mean(b) - mean(a), 10);
    const half = tCritical(df) * Math.sqrt(va + vb);
    expect(d.diff_ci![0]).toBeCloseTo(mean(b) - mean(a) - half, 10);
    // Wikipedia's Welch example A1/A2: t = 2.22 on ≈ 24.5 df gives p ≈ 0.036 (two-sided).
    expect(df).toBeCloseTo(24.5, 0);
    expect(d.p).toBeCloseTo(0.036, 2);
    expect(d.ratio).toBeCloseTo(mean(b) / mean(a), 12);
    expect(d.ratio_ci![0]).toBeLessThan(d.ratio!);
    expect(d.ratio_ci![1]).toBeGreaterThan(d.ratio!);
  });

  it('no spread: p is 1 for equal means and 0 otherwise; one value a side gives no difference', () => {
    expect(meanDifference(summary([2, 2, 2]), summary([2, 2]))!.p).toBe(1);
    expect(meanDifference(summary([2, 2, 2]), summary([3, 3]))!.p).toBe(0);
    expect(meanDifference(summary([2]), summary([3, 4]))).toBeNull();
    expect(meanDifference(summary([]), summary([3, 4]))).toBeNull();
  });
});

describe('Newcombe difference of shares', () => {
  it('matches Newcombe (1998) example: 56/70 − 48/80 = 0.2, 95% interval 0.0524 to 0.3339', () => {
    const d = shareDifference(summarizeShare(48, 80), summarizeShare(56, 70))!;
    expect(d.diff).toBeCloseTo(0.2, 12);
    expect(d.diff_ci![0]).toBeCloseTo(0.0524, 4);
    expect(d.diff_ci![1]).toBeCloseTo(0.3339, 4);
    expect(d.p).toBeLessThan(0.01);
  });

  it('an empty side gives no difference', () => {
    expect(shareDifference(summarizeShare(0, 0), summarizeShare(3, 10))).toBeNull();
  });
});

describe('Holm', () => {
  it('matches R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")', () => {
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 12));
    expect(holm([0.2])).toEqual([0.2]);
    expect(holm([])).toEqual([]);
  });
});

describe('verdict words', () => {
  const spread = (centre: number, n: number) => Array.from({ length: n }, (_, i) => centre * (0.9 + (0.2 * i) / (n - 1)));

  it('"38% cheaper" and "1.8× slower" when the difference is clear', () => {
    const cheaper = meanDifference(summary(spread(1, 100)), summary(spread(0.62, 100)));
    expect(verdict(COST, cheaper, 100, 100, cheaper!.p)).toEqual({ text: '38% cheaper', tone: 'better' });
    const slower = meanDifference(summary(spread(500, 100)), summary(spread(900, 100)));
    expect(verdict(SPEED, slower, 100, 100, slower!.p)).toEqual({ text: '1.8× slower', tone: 'worse' });
  });

  it('"could be noise" when the interval holds zero, and after Holm even when the raw p does not', () => {
    const a = summary(spread(1, 40));
    const b = summary(spread(1.01, 40));
    const d = meanDifference(a, b)!;
    expect(verdict(COST, d, 40, 40, d.p).text).toBe('could be noise');
    const borderline = { ...d, p: 0.03 };
    expect(verdict(COST, borderline, 40, 40, 0.03).tone).toBe('worse');
    expect(verdict(COST, borderline, 40, 40, holm([0.03, 0.04])[0]!).text).toBe('could be noise');
  });

  it(`"too few logs" below ${MIN_N} in either group, whatever the p`, () => {
    const d = meanDifference(summary(spread(1, 10)), summary(spread(5, 10)));
    expect(verdict(COST, d, MIN_N - 1, 100, 0)).toEqual({ text: 'too few logs', tone: 'too-few' });
  });

  it('shares read in points', () => {
    const d = shareDifference(summarizeShare(48, 80), summarizeShare(56, 70))!;
    expect(verdict(LIKED, d, 80, 70, d.p)).toEqual({ text: '20 points more 👍', tone: 'better' });
  });
});
