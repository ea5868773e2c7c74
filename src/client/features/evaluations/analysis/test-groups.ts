// Test support: analysis groups with the figures verdicts and reports read, from values spread ±10 % around a centre.
import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import { summarizeShare, summarizeSorted } from '../../../../shared/stats.ts';

const spread = (centre: number, n: number) => Float64Array.from({ length: n }, (_, i) => centre * (0.9 + (0.2 * i) / (n - 1)));
const numbers = (centre: number, n: number) => {
  const xs = spread(centre, n);
  return summarizeSorted(xs, xs.reduce((s, x) => s + x, 0));
};

/** A group with the figures the verdicts and the report read; the rest is not looked at. */
export function testGroup(label: string, cost: number, duration: number, n: number, up: number, rated: number): GroupAnalysis {
  return {
    label,
    logs: n,
    cost: numbers(cost, n),
    duration: numbers(duration, n),
    tokens_total: numbers(100, n),
    feedback: { up, down: rated - up, rated, thumbs_up: summarizeShare(up, rated), rated_share: summarizeShare(rated, n) },
    error_rate: summarizeShare(0, n),
  } as unknown as GroupAnalysis;
}
