import { describe, expect, it } from 'vitest';
import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import { summarizeShare, summarizeSorted } from '../../../../shared/stats.ts';
import { binWidthWords, chartedGroups, histogramBins, INTERVAL_METRICS, intervalAxisMax, intervalBars } from './chart-data.ts';

const summary = (xs: number[]) => summarizeSorted(Float64Array.from(xs).sort(), xs.reduce((s, x) => s + x, 0));
const group = (label: string, costs: number[], up: number, rated: number) =>
  ({ label, cost: summary(costs), duration: summary(costs.map((c) => c * 1000)), feedback: { thumbs_up: summarizeShare(up, rated) } }) as unknown as GroupAnalysis;

describe('histogramBins', () => {
  it('puts the logs at zero first, then one bar per bin with its range', () => {
    const bins = histogramBins({ scale: 'log', edges: [1, 10, 100], counts: [3, 5], zeros: 2 }, 'ms');
    expect(bins.map((b) => [b.label, b.count])).toEqual([
      ['0 ms', 2],
      ['1 ms – 10 ms', 3],
      ['10 ms – 100 ms', 5],
    ]);
    expect(bins.map((b) => b.tick)).toEqual(['0 ms', '1 ms', '10 ms']);
  });

  it('has no zero bar when no log is at zero', () => {
    expect(histogramBins({ scale: 'linear', edges: [0, 5], counts: [4], zeros: 0 }, 'ms')).toHaveLength(1);
  });
});

describe('binWidthWords', () => {
  it('states the ratio of a log bin and the width of a linear one', () => {
    expect(binWidthWords({ scale: 'log', edges: [1, 2, 4], counts: [1, 1], zeros: 0 }, 'ms')).toBe('log scale: each bar spans ×2.00 of values');
    expect(binWidthWords({ scale: 'linear', edges: [0, 12, 24], counts: [1, 1], zeros: 0 }, 'ms')).toBe('each bar spans 12 ms');
  });
});

describe('intervalBars', () => {
  const groups = [group('A', [1, 2, 3, 4], 3, 4), group('B', [5, 5, 5, 5], 0, 0)];

  it('carries each group mean, its interval and its n into the words', () => {
    const [a, b] = intervalBars(groups, INTERVAL_METRICS[0]!);
    expect(a!.value).toBe(2.5);
    expect(a!.ci![0]).toBeLessThan(2.5);
    expect(a!.n).toBe(4);
    expect(a!.text).toMatch(/^\$2\.50 \(95% CI .+\) n = 4 logs$/);
    expect(b!.text).toMatch(/n = 4 logs$/);
  });

  it('reads the thumbs-up share of rated logs, none when nothing was rated', () => {
    const [a, b] = intervalBars(groups, INTERVAL_METRICS[2]!);
    expect(a!.value).toBe(0.75);
    expect(a!.text).toMatch(/n = 4 rated logs$/);
    expect(b!.value).toBeNull();
    expect(b!.ci).toBeNull();
  });

  it('ends the axis past the highest whisker, and at 100% for shares', () => {
    const bars = intervalBars(groups, INTERVAL_METRICS[0]!);
    expect(intervalAxisMax(bars, 'usd')).toBeGreaterThanOrEqual(Math.max(...bars.map((b) => b.ci?.[1] ?? b.value!)));
    expect(intervalAxisMax(bars, 'share')).toBe(1);
  });
});

describe('chartedGroups', () => {
  it('draws datasets, leaving the union out unless it is the only group', () => {
    const g = [group('A', [1], 0, 0), group('B', [1], 0, 0), group('All', [1], 0, 0)];
    expect(chartedGroups(g, true).map((x) => x.label)).toEqual(['A', 'B']);
    expect(chartedGroups(g.slice(2), true).map((x) => x.label)).toEqual(['All']);
    expect(chartedGroups(g, false)).toHaveLength(3);
  });
});
