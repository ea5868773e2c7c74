import { HISTOGRAM_BINS, type AnalysisGroupInput, type AnalysisRequest, type AnalysisResult, type GroupAnalysis } from '../../shared/analysis.ts';
import type { GatewayColumns } from '../column-store.ts';
import { groupFigures, type GroupFigures } from './group-figures.ts';
import { histogramOfSorted, logEdges, minPositiveOfSorted } from './histogram.ts';
import { selectGroup } from './select-group.ts';

const msOr = (iso: string | undefined, fallback: number) => (iso === undefined ? fallback : Date.parse(iso));

/** One group's selection and figures: the part of an analysis a worker thread can compute alone. */
export interface GroupPart {
  arrivedSince: number;
  f: GroupFigures;
}

export function analyzeGroup(cols: GatewayColumns, g: AnalysisGroupInput, excludeCachedFailed: boolean): GroupPart {
  const { positions, arrivedSince } = selectGroup(cols, g.any_of, {
    fromMs: msOr(g.from, -Infinity),
    beforeMs: msOr(g.before, Infinity),
    untilMs: Date.parse(g.until),
  });
  return { arrivedSince, f: groupFigures(cols, positions, excludeCachedFailed) };
}

/**
 * The exact analysis of a request over one gateway's columns: pure over the typed arrays (no store, no
 * I/O), so it can run wherever the columns are. Histogram edges are shared by all groups, so bars of
 * different groups line up.
 */
export function analyze(cols: GatewayColumns, request: AnalysisRequest): AnalysisResult {
  return assembleAnalysis(request, request.groups.map((g) => analyzeGroup(cols, g, request.exclude_cached_failed)));
}

/** The answer from the groups' parts (computed here or on worker threads, one group each). */
export function assembleAnalysis(request: AnalysisRequest, parts: readonly GroupPart[]): AnalysisResult {
  const figures = parts.map((p, i) => ({ label: request.groups[i]!.label, arrivedSince: p.arrivedSince, f: p.f }));
  const range = (pick: (f: GroupFigures) => ArrayLike<number>) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const { f } of figures) {
      const sorted = pick(f);
      if (!sorted.length) continue;
      const m = minPositiveOfSorted(sorted);
      if (m < lo) lo = m;
      if (sorted[sorted.length - 1]! > hi) hi = sorted[sorted.length - 1]!;
    }
    return logEdges(lo, hi, HISTOGRAM_BINS);
  };
  const costEdges = range((f) => f.sortedCost);
  const durationEdges = range((f) => f.sortedDuration);
  return {
    exclude_cached_failed: request.exclude_cached_failed,
    groups: figures.map(({ label, arrivedSince, f }): GroupAnalysis => ({
      label,
      logs: f.logs,
      arrived_since: arrivedSince,
      measured_logs: f.measuredLogs,
      cost: f.cost,
      duration: f.duration,
      tokens_in: f.tokensIn,
      tokens_out: f.tokensOut,
      tokens_total: f.tokensTotal,
      cost_per_1k_tokens: f.costPer1kTokens,
      feedback: { up: f.feedback.up, down: f.feedback.down, rated: f.feedback.rated, thumbs_up: f.feedback.thumbsUp, rated_share: f.feedback.ratedShare },
      error_rate: f.errorRate,
      cache_hit_rate: f.cacheHitRate,
      histograms: { cost: histogramOfSorted(f.sortedCost, costEdges), duration: histogramOfSorted(f.sortedDuration, durationEdges) },
      evaluator: f.evaluator,
      estimate: null,
    })),
  };
}
