import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import type { Evaluation, EvaluationType } from '../../../../shared/evaluations.ts';
import { parseResult } from '../format-result.ts';

export interface UnionMismatch {
  evaluator: string;
  reported: number;
  recomputed: number;
}

/**
 * The evaluators' figures recomputed from the union group, against the evaluation's own results. Exact
 * equality is expected in local mode (same logs, exactly rounded sums); anything else is reported. A sum
 * estimated from log counts (Cloudflare mode) is not compared: it is not meant to be exact.
 */
export function unionMismatches(evaluation: Evaluation, types: readonly EvaluationType[], union: GroupAnalysis): UnionMismatch[] {
  const e = union.evaluator;
  const out: UnionMismatch[] = [];
  const estimated = (path: string) => union.estimate?.estimated.includes(path) || union.estimate?.omitted.includes(path);
  for (const r of evaluation.results) {
    const type = types.find((t) => t.id === r.evaluation_type_id);
    const reported = parseResult(r.result);
    if (!type || reported === null) continue;
    if ((type.type === 'cost' && estimated('evaluator.cost_sum')) || (type.type === 'speed' && estimated('evaluator.duration_sum'))) continue;
    const rated = e.thumbs_up + e.thumbs_down;
    const recomputed =
      type.type === 'cost'
        ? e.cost_logs && e.cost_sum / e.cost_logs
        : type.type === 'speed'
          ? e.duration_logs && e.duration_sum / e.duration_logs
          : type.type === 'performance'
            ? rated && (100 * e.thumbs_up) / rated
            : null;
    if (recomputed !== null && recomputed !== reported) out.push({ evaluator: type.name, reported, recomputed });
  }
  return out;
}
