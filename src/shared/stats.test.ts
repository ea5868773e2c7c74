import { describe, expect, it } from 'vitest';
import { meanInterval, quantileInterval, quantileIntervalRanks, quantileSorted, summarizeShare, summarizeSorted, wilsonInterval } from './stats.ts';
import { binomialCdf, normalQuantile, normalTwoSidedP, tCritical, tTwoSidedP } from './stats-distributions.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('distributions', () => {
  it('t quantiles match the printed table (two-sided 95%)', () => {
    const table: [number, number][] = [[1, 12.7062], [2, 4.3027], [5, 2.5706], [9, 2.2622], [10, 2.2281], [30, 2.0423], [100, 1.984], [1000, 1.9623]];
    for (const [df, t] of table) expect(tCritical(df)).toBeCloseTo(t, 3);
    expect(tCritical(1e9)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('two-sided p-values: the table quantiles give 0.05; the normal tail at 3 is 0.0027', () => {
    expect(tTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 6);
    expect(tTwoSidedP(12.7062, 1)).toBeCloseTo(0.05, 5);
    expect(tTwoSidedP(0, 7)).toBe(1);
    expect(normalTwoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(normalTwoSidedP(3)).toBeCloseTo(0.0027, 4);
  });

  it('t tail agrees with a numerical integration of the t density (an independent reference)', () => {
    const density = (x: number, df: number) => Math.pow(1 + (x * x) / df, -(df + 1) / 2);
    // Simpson's rule on the unnormalised density: two-sided p = 1 − ∫₀ᵗ f / ∫₀^∞ f.
    const simpson = (f: (x: number) => number, a: number, b: number, steps = 20000) => {
      const h = (b - a) / steps;
      let s = f(a) + f(b);
      for (let i = 1; i < steps; i++) s += f(a + i * h) * (i % 2 ? 4 : 2);
      return (s * h) / 3;
    };
    for (const [t, df] of [[1.3, 4], [2.1, 17], [0.4, 3]] as const) {
      const f = (x: number) => density(x, df);
      const half = simpson(f, 0, 400, 400000);
      const below = simpson(f, 0, t);
      expect(tTwoSidedP(t, df)).toBeCloseTo(1 - below / half, 4);
    }
  });

  it('binomial cdf: exact small cases', () => {
    expect(binomialCdf(0, 6, 0.5)).toBeCloseTo(1 / 64, 12);
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
  });
});

describe('quantiles (type 7)', () => {
  const xs = sorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  it('match NumPy / R defaults', () => {
    expect(quantileSorted(xs, 0.5)).toBe(5.5);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(9.1, 12);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantileSorted(xs, 0.99)).toBeCloseTo(9.91, 12);
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 1)).toBe(10);
    expect(quantileSorted(sorted([7]), 0.99)).toBe(7);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('median interval by order statistics: textbook ranks (n = 6 → x₁..x₆, n = 10 → x₂..x₉), none below n = 6', () => {
    expect(quantileIntervalRanks(5, 0.5)).toBeNull();
    expect(quantileIntervalRanks(6, 0.5)).toEqual([1, 6]);
    expect(quantileIntervalRanks(10, 0.5)).toEqual([2, 9]);
    expect(quantileInterval(xs, 0.5)).toEqual([2, 9]);
  });

  it('every exact interval covers at least 95%, and the large-n ranks agree with the exact ones near the switch', () => {
    for (const n of [6, 11, 40, 99, 500]) {
      for (const p of [0.5, 0.9]) {
        const r = quantileIntervalRanks(n, p);
        if (!r) continue;
        const coverage = binomialCdf(r[1] - 1, n, p) - binomialCdf(r[0] - 1, n, p);
        expect(coverage).toBeGreaterThanOrEqual(0.95);
      }
    }
    const exact = quantileIntervalRanks(1000, 0.5)!;
    const approx = quantileIntervalRanks(1001, 0.5)!;
    expect(Math.abs(approx[0] - exact[0])).toBeLessThanOrEqual(2);
    expect(Math.abs(approx[1] - exact[1])).toBeLessThanOrEqual(3);
  });
});

describe('mean interval (t)', () => {
  it('1..10: mean 5.5, s = 3.02765, half-width t₉·s/√10 = 2.16585', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const s = summarizeSorted(sorted(xs), sum(xs));
    expect(s.mean).toBe(5.5);
    expect(s.sd).toBeCloseTo(3.0276504, 6);
    expect(s.mean_ci![0]).toBeCloseTo(3.334149, 5);
    expect(s.mean_ci![1]).toBeCloseTo(7.665851, 5);
    expect(meanInterval(5, 1, 1)).toBeNull();
  });
});

describe('summaries at the edges', () => {
  it('n = 0: every figure null', () => {
    const s = summarizeSorted(new Float64Array(0), 0);
    expect(s).toMatchObject({ n: 0, mean: null, sd: null, mean_ci: null, median: null, p95: null, min: null, max: null });
  });

  it('n = 1: the value everywhere, no interval', () => {
    const s = summarizeSorted(sorted([42]), 42);
    expect(s).toMatchObject({ n: 1, mean: 42, sd: null, mean_ci: null, median: 42, median_ci: null, p90: 42, p99: 42, min: 42, max: 42 });
  });

  it('all equal: zero spread, intervals collapse to the value', () => {
    const xs = new Array(50).fill(0.25);
    const s = summarizeSorted(sorted(xs), 0.25 * 50);
    expect(s.sd).toBe(0);
    expect(s.mean_ci).toEqual([0.25, 0.25]);
    expect(s.median_ci).toEqual([0.25, 0.25]);
    expect(s.p99).toBe(0.25);
  });

  it('one huge outlier moves the mean and widens its interval, but not the median or its interval', () => {
    const base = Array.from({ length: 99 }, (_, i) => 100 + i);
    const withOutlier = [...base, 1e9];
    const plain = summarizeSorted(sorted([...base, 199]), sum([...base, 199]));
    const s = summarizeSorted(sorted(withOutlier), sum(withOutlier));
    expect(s.mean).toBeCloseTo((sum(base) + 1e9) / 100, 6);
    expect(s.max).toBe(1e9);
    expect(s.median).toBe(plain.median);
    expect(s.median_ci).toEqual(plain.median_ci);
    // The t interval now reaches below zero: the mean is not a figure to trust here, which the median shows.
    expect(s.mean_ci![0]).toBeLessThan(0);
    expect(s.mean_ci![1] - s.mean_ci![0]).toBeGreaterThan(1000 * (plain.mean_ci![1] - plain.mean_ci![0]));
  });
});

describe('Wilson interval', () => {
  it("matches Newcombe (1998), table I", () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const ci = wilsonInterval(k, n)!;
      expect(ci[0]).toBeCloseTo(lo, 4);
      expect(ci[1]).toBeCloseTo(hi, 4);
    }
  });

  it('n = 0 has no share; k = n ends at exactly 1', () => {
    expect(summarizeShare(0, 0)).toEqual({ k: 0, n: 0, share: null, ci: null });
    expect(wilsonInterval(5, 5)![1]).toBe(1);
    expect(summarizeShare(1, 1).share).toBe(1);
  });
});
