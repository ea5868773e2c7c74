import { useQueries } from '@tanstack/react-query';
import type { Evaluation } from '../../../shared/evaluations.ts';
import { isApiError } from '../../lib/api-error.ts';
import { datasetQueries } from '../datasets/dataset-queries.ts';
import type { ExportDataset } from './export-evaluation.ts';

export type DatasetState = NonNullable<ExportDataset['currentState']> | 'unknown';

/**
 * Whether each dataset changed since the evaluation was created. An evaluation is a snapshot of what its
 * datasets matched then; a dataset edited later (or deleted) no longer describes these figures.
 */
export function datasetStateOf(
  evaluationCreatedAt: string,
  current: { modified_at: string } | undefined,
  error: unknown,
): DatasetState {
  if (error) return isApiError(error) && error.status === 404 ? 'deleted' : 'unknown';
  if (!current) return 'unknown';
  return Date.parse(current.modified_at) > Date.parse(evaluationCreatedAt) ? 'modified' : 'unchanged';
}

export function useDatasetStates(gw: string, evaluation: Evaluation | undefined): Map<string, DatasetState> {
  const datasets = evaluation?.datasets ?? [];
  const results = useQueries({ queries: datasets.map((d) => ({ ...datasetQueries.detail(gw, d.id), retry: false })) });
  return new Map(datasets.map((d, i) => [d.id, datasetStateOf(evaluation!.created_at, results[i]?.data, results[i]?.error)]));
}
