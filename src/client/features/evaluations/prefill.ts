import type { Evaluation } from '../../../shared/evaluations.ts';
import { parseIds } from './compare.ts';

/** What the new-evaluation form may start from (Re-run, or "Evaluate" from a dataset). */
export interface Prefill {
  name?: string;
  datasetIds: string[];
  evaluationTypeIds?: string[];
}

export const RERUN_SUFFIX = ' (re-run)';

export function readPrefill(params: URLSearchParams): Prefill {
  const types = params.get('evaluation_type_ids');
  return {
    name: params.get('name') ?? undefined,
    datasetIds: parseIds(params.get('dataset_ids')),
    evaluationTypeIds: types === null ? undefined : parseIds(types),
  };
}

/**
 * The API has no re-run: a re-run is a new evaluation with the same datasets and evaluators. It goes
 * through the form (prefilled) so the user sees what the datasets match today before running it.
 */
export function rerunSearch(e: Pick<Evaluation, 'name' | 'datasets' | 'results'>): string {
  const name = e.name.endsWith(RERUN_SUFFIX) ? e.name : `${e.name}${RERUN_SUFFIX}`;
  const params = new URLSearchParams({
    name,
    dataset_ids: e.datasets.map((d) => d.id).join(','),
    evaluation_type_ids: [...new Set(e.results.map((r) => r.evaluation_type_id))].join(','),
  });
  return `?${params.toString()}`;
}
