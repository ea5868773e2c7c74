import { describe, expect, it } from 'vitest';
import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import { summarizeShare, summarizeSorted } from '../../../../shared/stats.ts';
import { binWidthWords, chartedGroups, histogramBins, INTERVAL_METRICS, intervalAxisMax, intervalBarLabel, intervalBars, valueAxis, wrapText } from './chart-data.ts';

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

/** 7 px per character: a fixed-width stand-in for the browser's text measure. */
const mono = (text: string) => text.length * 7;

describe('wrapText', () => {
  it('keeps a label that fits on one line', () => {
    expect(wrapText('GPT-4o successes', 200, mono)).toEqual(['GPT-4o successes']);
  });

  it('breaks at spaces, every line within the width and every word kept', () => {
    const text = 'OpenAI and Anthropic production traffic, all models (n\u00a0=\u00a01,914)';
    const lines = wrapText(text, 140, mono);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(140);
    expect(lines.join(' ')).toBe(text);
    // The count is held together by its non-breaking spaces.
    expect(lines.at(-1)).toBe('(n\u00a0=\u00a01,914)');
  });

  it('cuts a word wider than the line into pieces, losing no character', () => {
    const lines = wrapText('a-very-long-dataset-name-without-spaces', 70, mono);
    expect(lines.every((l) => mono(l) <= 70)).toBe(true);
    expect(lines.join('')).toBe('a-very-long-dataset-name-without-spaces');
  });
});

describe('intervalBarLabel', () => {
  it('names the group and its n', () => {
    const [a] = intervalBars([group('A', [1, 2, 3, 4], 3, 4)], INTERVAL_METRICS[0]!);
    expect(intervalBarLabel(a!)).toBe('A (n\u00a0=\u00a04)');
  });
});

describe('valueAxis', () => {
  const bar = (value: number, hi: number) => ({ label: 'x', value, ci: [value * 0.9, hi] as [number, number], n: 10, text: '' });

  it('ends on a round tick past the highest whisker, with every tick a round step from zero', () => {
    const axis = valueAxis([bar(3500, 4300)], 'ms', 330, mono);
    expect(axis.max).toBeGreaterThanOrEqual(4300);
    expect(axis.ticks[0]).toBe(0);
    expect(axis.ticks.at(-1)).toBe(axis.max);
    const step = axis.ticks[1]! - axis.ticks[0]!;
    expect([1000, 2000, 2500]).toContain(step);
    axis.ticks.forEach((t, i) => expect(t).toBe(i * step));
  });

  it('gives a phone at least three labels and a wide chart more, none overlapping their neighbours', () => {
    const bars = [bar(3500, 4300)];
    const phone = valueAxis(bars, 'ms', 300, mono);
    const wide = valueAxis(bars, 'ms', 700, mono);
    expect(phone.ticks.length).toBeGreaterThanOrEqual(3);
    expect(wide.ticks.length).toBeGreaterThan(phone.ticks.length);
    for (const [axis, width] of [[phone, 300], [wide, 700]] as const) {
      const widest = Math.max(...axis.ticks.map((t) => mono(`${t.toLocaleString('en-US')} ms`)));
      expect(width / (axis.ticks.length - 1)).toBeGreaterThanOrEqual(widest);
    }
  });

  it('has no floating-point noise in small dollar ticks', () => {
    const axis = valueAxis([bar(0.0061, 0.0072)], 'usd', 330, mono);
    for (const t of axis.ticks) expect(String(t)).toMatch(/^0(\.\d{1,4})?$/);
    expect(axis.max).toBeGreaterThanOrEqual(0.0072);
  });

  it('runs shares from 0 to 100%, in quarters on a phone and fifths when wide', () => {
    expect(valueAxis([bar(0.7, 0.8)], 'share', 280, mono).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(valueAxis([bar(0.7, 0.8)], 'share', 700, mono).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('still draws an axis when nothing is above zero', () => {
    const axis = valueAxis([{ label: 'x', value: null, ci: null, n: 0, text: '' }], 'usd', 330, mono);
    expect(axis.max).toBeGreaterThan(0);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(3);
  });
});
