import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import { useColorScheme, useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useDrawingArea, useXScale, useYScale } from '@mui/x-charts/hooks';
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import { formatCount, formatFigure, type MetricUnit } from './analysis-format.ts';
import {
  binWidthWords,
  chartedGroups,
  histogramBins,
  INTERVAL_METRICS,
  intervalBarLabel,
  intervalBars,
  valueAxis,
  wrapText,
  type IntervalBar,
  type MeasureText,
} from './chart-data.ts';

/**
 * Colours per group, in the groups' order, chosen for contrast on each scheme's paper (≥3:1 for
 * graphics) and to stay apart for the common colour-vision deficiencies.
 */
const PALETTE = {
  light: ['#1d4ed8', '#c2410c', '#047857', '#7e22ce', '#0e7490', '#a16207'],
  dark: ['#93c5fd', '#fdba74', '#6ee7b7', '#d8b4fe', '#67e8f9', '#fde047'],
} as const;

function useGroupColors(print = false): readonly string[] {
  const { mode, systemMode } = useColorScheme();
  const resolved = mode === 'system' ? systemMode : mode;
  return print || resolved !== 'dark' ? PALETTE.light : PALETTE.dark;
}

const colorAt = (colors: readonly string[], i: number) => colors[i % colors.length]!;

/** A chart with its caption and the same figures as a table (for screen readers, and for reading exact values). */
function ChartFigure({ title, caption, table, children }: { title: string; caption: string; table: ReactNode; children: ReactNode }) {
  return (
    <Paper component="figure" variant="outlined" aria-label={title} sx={{ p: 2, m: 0, breakInside: 'avoid', minWidth: 0 }}>
      <Typography variant="subtitle2" component="figcaption">
        {title}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {caption}
      </Typography>
      {children}
      <Box component="details" className="no-print" sx={{ mt: 1, '& summary': { cursor: 'pointer', typography: 'body2', color: 'text.secondary' } }}>
        <summary>Figures as a table</summary>
        {table}
      </Box>
    </Paper>
  );
}

/** Whiskers from each bar's 95% interval, drawn over a horizontal bar chart (categories on the y axis). */
function Whiskers({ bars }: { bars: readonly IntervalBar[] }) {
  const x = useXScale<'linear'>();
  const y = useYScale<'band'>();
  const band = y.bandwidth();
  return (
    <g aria-hidden="true" style={{ stroke: 'var(--mui-palette-text-primary)', strokeWidth: 1.5 }}>
      {bars.map((b) => {
        if (!b.ci) return null;
        const top = y(b.label);
        if (top === undefined) return null;
        const mid = top + band / 2;
        const [x0, x1] = [x(Math.max(0, b.ci[0])), x(b.ci[1])];
        const cap = Math.min(8, band / 3);
        return (
          <g key={b.label}>
            <line x1={x0} x2={x1} y1={mid} y2={mid} />
            <line x1={x0} x2={x0} y1={mid - cap} y2={mid + cap} />
            <line x1={x1} x2={x1} y1={mid - cap} y2={mid + cap} />
          </g>
        );
      })}
    </g>
  );
}

/** The font of the group labels and tick labels (the charts' caption style), for measuring before drawing. */
const LABEL_FONT_PX = 12;
const LINE_PX = 15;
const BAR_PX = 22;
/** Between a label's baseline and the top of its bar. */
const LABEL_GAP_PX = 5;
/** Above a label, so it reads as belonging to the bar under it, not the one above. */
const GROUP_GAP_PX = 10;
/** The value axis under the bars (ticks and their labels). */
const X_AXIS_PX = 25;

const measurers = new Map<string, MeasureText>();

/** Measures text in the labels' font (one canvas and cache per font); without a canvas (tests) a generous per-character estimate. */
function measurerFor(family: string): MeasureText {
  let measure = measurers.get(family);
  if (measure) return measure;
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) measure = (text: string) => text.length * LABEL_FONT_PX * 0.62;
  else {
    ctx.font = `${LABEL_FONT_PX}px ${family}`;
    const cache = new Map<string, number>();
    measure = (text: string) => {
      let w = cache.get(text);
      if (w === undefined) cache.set(text, (w = ctx.measureText(text).width));
      return w;
    };
  }
  measurers.set(family, measure);
  return measure;
}

const useMeasureText = (): MeasureText => measurerFor(useTheme().typography.fontFamily ?? 'sans-serif');

/** The content width of the element `ref` points at, following resizes; `fixed` (print) wins. */
function useContentWidth(fixed?: number): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fixed ?? 0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (fixed !== undefined || !el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry!.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [fixed]);
  return [ref, fixed ?? width];
}

/**
 * Each group's name and n written above its bar, across the chart's whole width and wrapped onto more lines
 * when it is longer, so no name is cut and the bars keep the width a side axis would have taken.
 */
function BarLabels({ bars, lines }: { bars: readonly IntervalBar[]; lines: ReadonlyMap<string, string[]> }) {
  const y = useYScale<'band'>();
  const { left } = useDrawingArea();
  return (
    <g style={{ fill: 'var(--mui-palette-text-primary)', fontSize: LABEL_FONT_PX }}>
      {bars.map((b) => {
        const top = y(b.label);
        const text = lines.get(b.label) ?? [b.label];
        if (top === undefined) return null;
        const first = top - LABEL_GAP_PX - (text.length - 1) * LINE_PX;
        return (
          <text key={b.label} x={left} y={first} data-group-label={b.label}>
            {text.map((line, i) => (
              <tspan key={i} x={left} dy={i === 0 ? 0 : LINE_PX}>
                {line}
              </tspan>
            ))}
          </text>
        );
      })}
    </g>
  );
}

function IntervalChart({ groups, metric, colors, width }: { groups: readonly GroupAnalysis[]; metric: (typeof INTERVAL_METRICS)[number]; colors: readonly string[]; width?: number }) {
  const bars = intervalBars(groups, metric);
  const labels = bars.map((b) => b.label);
  const format = (v: number | null) => formatFigure(metric.unit, v);
  const measure = useMeasureText();
  const [boxRef, boxWidth] = useContentWidth(width);
  // Until the box is measured (the first layout) a phone's width stands in; the layout effect corrects it before paint.
  const outer = boxWidth > 0 ? boxWidth : 320;
  const first = measure(format(0));
  const provisional = valueAxis(bars, metric.unit, outer - 40, measure);
  const last = measure(format(provisional.max));
  // Half of the first and last tick labels hang past the ends of the axis.
  const margin = { left: Math.ceil(first / 2) + 2, right: Math.ceil(last / 2) + 4, top: 0, bottom: 4 };
  const drawWidth = Math.max(40, outer - margin.left - margin.right);
  const axis = valueAxis(bars, metric.unit, drawWidth, measure);
  const lines = new Map(bars.map((b) => [b.label, wrapText(intervalBarLabel(b), drawWidth, measure)]));
  const maxLines = Math.max(1, ...[...lines.values()].map((l) => l.length));
  // One band per group: a gap, the label's lines, a smaller gap, then the bar. The band scale pads half a
  // gap above the first bar, so the top margin gives its label the other half.
  const labelPx = GROUP_GAP_PX + maxLines * LINE_PX + LABEL_GAP_PX;
  const step = BAR_PX + labelPx;
  margin.top = Math.max(0, Math.ceil(labelPx / 2) - GROUP_GAP_PX + 4);
  return (
    <ChartFigure
      title={`${metric.title} by group, with 95% intervals`}
      caption={`Zero-based axis; the whisker is the 95% confidence interval; n = ${metric.nWord} per group.`}
      table={
        <Table size="small" aria-label={`${metric.title} by group`}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">Group</TableCell>
              <TableCell component="th" scope="col">{metric.title}, 95% CI, n</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {bars.map((b) => (
              <TableRow key={b.label}>
                <TableCell component="th" scope="row">{b.label}</TableCell>
                <TableCell>{b.text}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    >
      <Box ref={boxRef} sx={{ minWidth: 0 }}>
        <BarChart
          layout="horizontal"
          height={margin.top + bars.length * step + X_AXIS_PX + margin.bottom}
          width={width}
          skipAnimation
          hideLegend
          margin={margin}
          yAxis={[
            {
              scaleType: 'band',
              data: labels,
              // The names are drawn above the bars (BarLabels), not beside them.
              position: 'none',
              categoryGapRatio: labelPx / step,
              valueFormatter: (v: string) => {
                const bar = bars.find((b) => b.label === v);
                return bar ? intervalBarLabel(bar) : v;
              },
              colorMap: { type: 'ordinal', values: labels, colors: labels.map((_, i) => colorAt(colors, i)) },
            },
          ]}
          xAxis={[{ min: 0, max: axis.max, tickInterval: axis.ticks, valueFormatter: (v: number) => format(v) }]}
          series={[{ data: bars.map((b) => b.value), label: metric.title, valueFormatter: (v) => format(v) }]}
        >
          <BarLabels bars={bars} lines={lines} />
          <Whiskers bars={bars} />
        </BarChart>
      </Box>
    </ChartFigure>
  );
}

const HISTOGRAM_METRICS: readonly { key: 'cost' | 'duration'; title: string; unit: MetricUnit }[] = [
  { key: 'cost', title: 'Cost per request', unit: 'usd' },
  { key: 'duration', title: 'Duration', unit: 'ms' },
];

function HistogramChart({ group, metric, color, width }: { group: GroupAnalysis; metric: (typeof HISTOGRAM_METRICS)[number]; color: string; width?: number }) {
  const h = group.histograms[metric.key];
  const bins = histogramBins(h, metric.unit);
  const n = group[metric.key].n;
  const title = `${metric.title}: ${group.label} (n = ${formatCount(n)})`;
  return (
    <ChartFigure
      title={title}
      caption={`Logs per value range; zero-based counts; ${binWidthWords(h, metric.unit)}${h.zeros > 0 ? `; the first bar is logs at ${formatFigure(metric.unit, 0)}` : ''}.`}
      table={
        <Table size="small" aria-label={`${metric.title} distribution of ${group.label}`}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">Range</TableCell>
              <TableCell component="th" scope="col" align="right">Logs</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {bins.map((b) => (
              <TableRow key={b.label}>
                <TableCell component="th" scope="row">{b.label}</TableCell>
                <TableCell align="right">{formatCount(b.count)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    >
      {n === 0 ? (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          No logs with a {metric.key} in this group.
        </Typography>
      ) : (
        <BarChart
          height={200}
          width={width}
          skipAnimation
          hideLegend
          margin={{ left: 8, right: 16, top: 8, bottom: 8 }}
          xAxis={[
            {
              scaleType: 'band',
              data: bins.map((b) => b.label),
              valueFormatter: (v: string, ctx) => (ctx.location === 'tick' ? (bins.find((b) => b.label === v)?.tick ?? v) : v),
              // Each label is a bin's lower edge, so it sits on that edge, not mid-bar.
              tickPlacement: 'start',
              tickLabelPlacement: 'tick',
              // Labels that would overlap are left out (narrow screens show fewer).
              tickLabelInterval: 'auto',
              categoryGapRatio: 0.08,
            },
          ]}
          yAxis={[{ min: 0, width: 60, label: 'logs' }]}
          series={[{ data: bins.map((b) => b.count), label: 'Logs', color, valueFormatter: (v) => `${formatCount(v ?? 0)} logs` }]}
        />
      )}
    </ChartFigure>
  );
}

/**
 * The analysis drawn: means and thumbs-up shares with their intervals per group, then per metric a
 * histogram per dataset (the bins are shared by all groups of one analysis, so the shapes line up).
 * `width` fixes the drawing's size (the printed report); otherwise the charts follow their container.
 */
export default function AnalysisCharts({ groups, hasUnion = true, print = false, width }: { groups: readonly GroupAnalysis[]; hasUnion?: boolean; print?: boolean; width?: number }) {
  const colors = useGroupColors(print);
  const drawn = chartedGroups(groups, hasUnion);
  return (
    <Box component="section" aria-label="Charts" sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(3, minmax(0, 1fr))' } }}>
        {INTERVAL_METRICS.map((m) => (
          <IntervalChart key={m.key} groups={groups} metric={m} colors={colors} width={width} />
        ))}
      </Box>
      {HISTOGRAM_METRICS.map((m) => (
        <Box key={m.key} sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: `repeat(${Math.min(drawn.length, 3)}, minmax(0, 1fr))` } }}>
          {drawn.map((g, i) => (
            <HistogramChart key={g.label} group={g} metric={m} color={colorAt(colors, i)} width={width} />
          ))}
        </Box>
      ))}
    </Box>
  );
}
