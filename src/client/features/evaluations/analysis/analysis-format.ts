import type { Interval } from '../../../../shared/stats.ts';
import { formatMs, formatPercent, formatUsd, MISSING } from '../../../lib/format.ts';

export type MetricUnit = 'usd' | 'ms' | 'tokens' | 'share';

const EN = 'en-US';

/** One figure in its unit; shares are fractions shown as percentages. */
export function formatFigure(unit: MetricUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  switch (unit) {
    case 'usd':
      return formatUsd(value);
    case 'ms':
      return formatMs(value);
    case 'tokens':
      return value.toLocaleString(EN, { maximumFractionDigits: 1 });
    case 'share':
      return formatPercent(value * 100);
  }
}

/** "a – b", or nothing when there is no interval. */
export function formatInterval(unit: MetricUnit, ci: Interval | null): string {
  return ci ? `${formatFigure(unit, ci[0])} – ${formatFigure(unit, ci[1])}` : '';
}

export const formatCount = (n: number) => n.toLocaleString(EN);
