import type { GroupAnalysis, Histogram } from '../../../../shared/analysis.ts';
import { formatCount, formatFigure, formatInterval, type MetricUnit } from './analysis-format.ts';

/** One bar of a histogram: a value range and the logs in it. */
export interface HistogramBin {
  /** "$0", "120 ms – 180 ms" */
  label: string;
  /** The lower edge as shown under the bar. */
  tick: string;
  from: number;
  to: number;
  count: number;
}

/**
 * A histogram's bars in order: values at or below zero first (a cached answer costs $0, which a log scale
 * cannot place), then one bar per bin. Bins are equally wide on the histogram's scale, so equal bars side by
 * side are a faithful log (or linear) axis.
 */
export function histogramBins(h: Histogram, unit: MetricUnit): HistogramBin[] {
  const bins: HistogramBin[] = [];
  if (h.zeros > 0) bins.push({ label: formatFigure(unit, 0), tick: formatFigure(unit, 0), from: 0, to: 0, count: h.zeros });
  for (let i = 0; i < h.counts.length; i++) {
    const from = h.edges[i]!;
    const to = h.edges[i + 1]!;
    bins.push({ label: `${formatFigure(unit, from)} – ${formatFigure(unit, to)}`, tick: formatFigure(unit, from), from, to, count: h.counts[i]! });
  }
  return bins;
}

/** How wide one bin is, in words: "each bar spans ×1.42" on a log scale, "each bar spans 12 ms" on a linear one. */
export function binWidthWords(h: Histogram, unit: MetricUnit): string {
  if (h.edges.length < 2) return '';
  const [a, b] = [h.edges[0]!, h.edges[1]!];
  if (h.scale === 'log') return a > 0 ? `log scale: each bar spans ×${(b / a).toFixed(2)} of values` : 'log scale';
  return `each bar spans ${formatFigure(unit, b - a)}`;
}

/** The groups whose distributions are drawn: every dataset, and the union only when it is the one group. */
export function chartedGroups(groups: readonly GroupAnalysis[], hasUnion: boolean): readonly GroupAnalysis[] {
  return hasUnion && groups.length > 1 ? groups.slice(0, -1) : groups;
}

/** A mean or share per group with its 95% interval and the n it counts, ready for a bar with a whisker. */
export interface IntervalBar {
  label: string;
  value: number | null;
  ci: [number, number] | null;
  n: number;
  /** "$0.0012 (95% CI $0.0011 – $0.0013), n = 1,234" */
  text: string;
}

export type IntervalMetric = 'cost' | 'duration' | 'thumbs_up';

export const INTERVAL_METRICS: readonly { key: IntervalMetric; title: string; unit: MetricUnit; nWord: string }[] = [
  { key: 'cost', title: 'Mean cost per request', unit: 'usd', nWord: 'logs' },
  { key: 'duration', title: 'Mean duration', unit: 'ms', nWord: 'logs' },
  { key: 'thumbs_up', title: 'Thumbs-up share', unit: 'share', nWord: 'rated logs' },
];

export function intervalBars(groups: readonly GroupAnalysis[], metric: (typeof INTERVAL_METRICS)[number]): IntervalBar[] {
  return groups.map((g) => {
    const s =
      metric.key === 'thumbs_up'
        ? { value: g.feedback.thumbs_up.share, ci: g.feedback.thumbs_up.ci, n: g.feedback.thumbs_up.n }
        : { value: g[metric.key].mean, ci: g[metric.key].mean_ci, n: g[metric.key].n };
    const ci = s.ci ? `(95% CI ${formatInterval(metric.unit, s.ci)})` : '';
    return { label: g.label, ...s, text: [formatFigure(metric.unit, s.value), ci, `n = ${formatCount(s.n)} ${metric.nWord}`].filter(Boolean).join(' ') };
  });
}

/** The end of a zero-based value axis that holds every bar and whisker; shares always end at 100%. */
export function intervalAxisMax(bars: readonly IntervalBar[], unit: MetricUnit): number {
  if (unit === 'share') return 1;
  const top = Math.max(0, ...bars.map((b) => Math.max(b.value ?? 0, b.ci?.[1] ?? 0)));
  return top > 0 ? top * 1.05 : 1;
}
