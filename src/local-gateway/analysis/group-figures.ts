import type { EvaluatorFigures } from '../../shared/analysis.ts';
import { summarizeShare, summarizeSorted, type NumberSummary, type ShareSummary } from '../../shared/stats.ts';
import type { GatewayColumns } from '../column-store.ts';
import { PreciseSum } from '../precise-sum.ts';
import { sortIntegers, sortNonNegativeDoubles } from './sort.ts';

/** A group's figures before histograms (whose edges are shared by all groups of one analysis). */
export interface GroupFigures {
  logs: number;
  measuredLogs: number;
  cost: NumberSummary;
  duration: NumberSummary;
  tokensIn: NumberSummary;
  tokensOut: NumberSummary;
  tokensTotal: NumberSummary;
  costPer1kTokens: number | null;
  feedback: { up: number; down: number; rated: number; thumbsUp: ShareSummary; ratedShare: ShareSummary };
  errorRate: ShareSummary;
  cacheHitRate: ShareSummary;
  evaluator: EvaluatorFigures;
  /** Ascending measured costs and durations, kept for the histograms. */
  sortedCost: Float64Array;
  sortedDuration: Int32Array;
}

/**
 * Every figure of one group in one pass over its positions, then a sort per metric for the quantiles.
 * Means use exactly rounded sums (PreciseSum for cost; integer sums for the rest), so the union's mean
 * cost and duration equal the evaluator's to the last bit. `excludeCachedFailed` leaves cached and failed
 * logs out of cost, duration and tokens only; feedback, error and cache-hit rates always count every log.
 * Missing values (cost NaN, integers −1) are left out of their metric, as the evaluators do.
 */
export function groupFigures(cols: GatewayColumns, positions: Uint32Array, excludeCachedFailed: boolean): GroupFigures {
  const n = positions.length;
  const { cost, duration, tokensIn, tokensOut, success, cached, feedback } = cols;
  const costs = new Float64Array(n);
  const durations = new Int32Array(n);
  const ins = new Int32Array(n);
  const outs = new Int32Array(n);
  const totals = new Int32Array(n);
  let kc = 0, kd = 0, ki = 0, ko = 0, kt = 0;
  let durationMeasured = 0, inSum = 0, outSum = 0, totalSum = 0;
  const allCost = new PreciseSum();
  const measuredCost = excludeCachedFailed ? new PreciseSum() : allCost;
  const pairCost = new PreciseSum();
  let pairTokens = 0, pairs = 0;
  let allCostLogs = 0, allDurationSum = 0, allDurationLogs = 0;
  let up = 0, down = 0, failed = 0, hits = 0, measured = 0;
  for (let i = 0; i < n; i++) {
    const p = positions[i]!;
    const c = cost[p]!;
    const d = duration[p]!;
    const f = feedback[p]!;
    if (f === 1) up++;
    else if (f === -1) down++;
    const ok = success[p]! === 1;
    const hit = cached[p]! === 1;
    if (!ok) failed++;
    if (hit) hits++;
    if (c === c) {
      allCostLogs++;
      if (excludeCachedFailed) allCost.add(c);
    }
    if (d >= 0) {
      allDurationSum += d;
      allDurationLogs++;
    }
    if (excludeCachedFailed && (!ok || hit)) continue;
    measured++;
    if (c === c) {
      costs[kc++] = c;
      measuredCost.add(c);
    }
    if (d >= 0) {
      durations[kd++] = d;
      durationMeasured += d;
    }
    const a = tokensIn[p]!;
    const b = tokensOut[p]!;
    if (a >= 0) {
      ins[ki++] = a;
      inSum += a;
    }
    if (b >= 0) {
      outs[ko++] = b;
      outSum += b;
    }
    if (a >= 0 && b >= 0) {
      totals[kt++] = a + b;
      totalSum += a + b;
      if (c === c) {
        pairCost.add(c);
        pairTokens += a + b;
        pairs++;
      }
    }
  }
  const sortedCost = sortNonNegativeDoubles(costs.subarray(0, kc));
  const sortedDuration = sortIntegers(durations.subarray(0, kd));
  const rated = up + down;
  return {
    logs: n,
    measuredLogs: measured,
    cost: summarizeSorted(sortedCost, measuredCost.value()),
    duration: summarizeSorted(sortedDuration, durationMeasured),
    tokensIn: summarizeSorted(sortIntegers(ins.subarray(0, ki)), inSum),
    tokensOut: summarizeSorted(sortIntegers(outs.subarray(0, ko)), outSum),
    tokensTotal: summarizeSorted(sortIntegers(totals.subarray(0, kt)), totalSum),
    costPer1kTokens: pairs && pairTokens > 0 ? (1000 * pairCost.value()) / pairTokens : null,
    feedback: { up, down, rated, thumbsUp: summarizeShare(up, rated), ratedShare: summarizeShare(rated, n) },
    errorRate: summarizeShare(failed, n),
    cacheHitRate: summarizeShare(hits, n),
    evaluator: {
      cost_sum: allCost.value(),
      cost_logs: allCostLogs,
      duration_sum: allDurationSum,
      duration_logs: allDurationLogs,
      thumbs_up: up,
      thumbs_down: down,
    },
    sortedCost,
    sortedDuration,
  };
}
