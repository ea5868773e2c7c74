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
  const top = highestPoint(bars);
  return top > 0 ? top * 1.05 : 1;
}

/** The highest bar end or whisker end (0 when nothing is above zero). */
const highestPoint = (bars: readonly IntervalBar[]) => Math.max(0, ...bars.map((b) => Math.max(b.value ?? 0, b.ci?.[1] ?? 0)));

/** How wide a string is drawn, in px (a canvas measure in the browser, a fixed estimate elsewhere). */
export type MeasureText = (text: string) => number;

/**
 * A label broken into lines no wider than `maxWidth`: at spaces, and inside a word only when the word alone
 * is too wide (a long dataset name with no spaces still shows whole). Non-breaking spaces hold "n = 1,234"
 * together.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than the line on its own is cut into pieces that fit (at least one character each).
    let rest = word;
    while (measure(rest) > maxWidth && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** "GPT-4o successes (n = 1,234)", with the count kept on one line. */
export const intervalBarLabel = (b: IntervalBar) => `${b.label} (n\u00a0=\u00a0${formatCount(b.n)})`;

/** A zero-based value axis: where it ends and where its ticks go (every tick labelled). */
export interface ValueAxis {
  max: number;
  ticks: number[];
}

/** A round step near `raw`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5]) if (m * power >= raw * (1 - 1e-9)) return m * power;
  return 10 * power;
}

/**
 * The value axis of an interval chart `widthPx` wide: round ticks from zero to a round end past every bar and
 * whisker, as many as fit with their labels side by side (at least two intervals, at most six), so no label
 * is dropped for overlapping its neighbour. Shares always end at 100%.
 */
export function valueAxis(bars: readonly IntervalBar[], unit: MetricUnit, widthPx: number, measure: MeasureText, gapPx = 16): ValueAxis {
  // Nothing above zero still gets an axis (0 to 1 of the unit), so the empty chart has a scale.
  const top = unit === 'share' ? 1 : highestPoint(bars) || 1;
  const axisFor = (intervals: number): ValueAxis => {
    if (unit === 'share') {
      const step = intervals >= 5 ? 0.2 : intervals >= 4 ? 0.25 : 0.5;
      return { max: 1, ticks: ticksUpTo(1, step) };
    }
    const step = niceStep(top / intervals);
    const max = Math.ceil(top / step - 1e-9) * step;
    return { max, ticks: ticksUpTo(max, step) };
  };
  for (let intervals = 6; intervals > 2; intervals--) {
    const axis = axisFor(intervals);
    const widest = Math.max(...axis.ticks.map((t) => measure(formatFigure(unit, t))));
    // Labels sit centred on their ticks: each needs its width plus a gap between neighbours.
    const spacing = widthPx / (axis.ticks.length - 1);
    if (spacing >= widest + gapPx) return axis;
  }
  return axisFor(2);
}

function ticksUpTo(max: number, step: number): number[] {
  const ticks: number[] = [];
  // Rounded so 0.1 + 0.2 style drift never makes a tick label read "$0.30000000000000004".
  for (let i = 0; i * step <= max * (1 + 1e-9); i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}
