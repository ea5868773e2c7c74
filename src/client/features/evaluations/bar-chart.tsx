import { useId } from 'react';
import { niceMax } from './chart-scale.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatValue, type ResultKind } from './format-result.ts';

export interface Bar {
  label: string;
  value: number | null;
  /** The figure as printed beside the bar (with its unit, or "—"). */
  display: string;
  /** A small-sample or similar flag shown after the figure. */
  note?: string;
}

interface BarChartProps {
  title: string;
  kind: ResultKind;
  bars: readonly Bar[];
  /** The drawing's width in px; the labels and figures take fixed room, the bars the rest. */
  width?: number;
  labelWidth?: number;
  valueWidth?: number;
}

const ROW = 28;

/**
 * An axis tick: a duration carries its unit on the last tick alone ("0 · 5,000 · 10,000 ms"), as
 * "5,000 ms" and "10,000 ms" ran into each other on a narrow plot; the other kinds' figures are short.
 */
const tickLabel = (kind: ResultKind, value: number, last: boolean) => (kind === 'speed' && !last ? formatNumber(value) : formatValue(kind, value));
const TOP = 6;

/**
 * Horizontal bars on a zero-based axis (a truncated axis makes small differences look large). Human
 * feedback always spans 0–100 %. Drawn as SVG: no chart library in the bundle.
 */
export function BarChart({ title, kind, bars, width: WIDTH = 560, labelWidth: LABEL_W = 150, valueWidth: VALUE_W = 150 }: BarChartProps) {
  const titleId = useId();
  const PLOT_W = WIDTH - LABEL_W - VALUE_W;
  const largest = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const max = kind === 'feedback' ? 100 : niceMax(largest);
  const height = TOP + bars.length * ROW + 22;
  const x = (v: number) => LABEL_W + (Math.max(0, v) / max) * PLOT_W;
  const summary = bars.map((b) => `${b.label}: ${b.display}${b.note ? ` (${b.note})` : ''}`).join('; ');
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${WIDTH} ${height}`}
      style={{ width: '100%', maxWidth: WIDTH, height: 'auto', display: 'block', font: '12px system-ui, sans-serif' }}
    >
      <title id={titleId}>{`${title}. ${summary}`}</title>
      {bars.map((b, i) => {
        const y = TOP + i * ROW;
        return (
          <g key={`${b.label}-${i}`}>
            <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" style={{ fill: 'var(--mui-palette-text-primary)' }}>
              {b.label.length > LABEL_W / 7 ? `${b.label.slice(0, Math.floor(LABEL_W / 7) - 1)}…` : b.label}
            </text>
            {b.value !== null && (
              <rect
                x={LABEL_W}
                y={y + 5}
                width={Math.max(1, x(b.value) - LABEL_W)}
                height={ROW - 10}
                rx={3}
                style={{ fill: 'var(--mui-palette-primary-main)' }}
              />
            )}
            <text x={WIDTH - VALUE_W + 8} y={y + ROW / 2 + 4} style={{ fill: 'var(--mui-palette-text-primary)', fontWeight: 600 }}>
              {b.display}
              {b.note ? ` ${b.note}` : ''}
            </text>
          </g>
        );
      })}
      <g style={{ fill: 'var(--mui-palette-text-secondary)' }}>
        <line
          x1={LABEL_W}
          x2={LABEL_W + PLOT_W}
          y1={height - 20}
          y2={height - 20}
          style={{ stroke: 'var(--mui-palette-divider)' }}
        />
        <line x1={LABEL_W} x2={LABEL_W} y1={TOP} y2={height - 20} style={{ stroke: 'var(--mui-palette-text-secondary)' }} />
        {[0, max / 2, max].map((t) => (
          <text key={t} x={x(t)} y={height - 6} textAnchor={t === 0 ? 'start' : t === max ? 'end' : 'middle'}>
            {tickLabel(kind, t, t === max)}
          </text>
        ))}
      </g>
    </svg>
  );
}
