import type { Evaluation } from '../../../shared/evaluations.ts';
import { paths, type EvaluationPrefill } from '../../lib/paths.ts';
import { parseIdsParam } from '../../lib/url-state.ts';

/** The link's prefill as the form reads it: the datasets always given (none when the link names none). */
export type Prefill = EvaluationPrefill & Required<Pick<EvaluationPrefill, 'datasetIds'>>;

export const RERUN_SUFFIX = ' (re-run)';

export function readPrefill(params: URLSearchParams): Prefill {
  const types = params.get('evaluation_type_ids');
  return {
    name: params.get('name') ?? undefined,
    datasetIds: parseIdsParam(params.get('dataset_ids')),
    evaluationTypeIds: types === null ? undefined : parseIdsParam(types),
  };
}

/**
 * The API has no re-run: a re-run is a new evaluation with the same datasets and evaluators. It goes
 * through the form (prefilled) so the user sees what the datasets match today before running it.
 */
export function rerunPath(gw: string, e: Pick<Evaluation, 'name' | 'datasets' | 'results'>): string {
  return paths.newEvaluation(gw, {
    name: e.name.endsWith(RERUN_SUFFIX) ? e.name : `${e.name}${RERUN_SUFFIX}`,
    datasetIds: e.datasets.map((d) => d.id),
    evaluationTypeIds: [...new Set(e.results.map((r) => r.evaluation_type_id))],
  });
}
