import { queryOptions } from '@tanstack/react-query';
import { evaluationAnalysisSchema } from '../../../../shared/analysis.ts';
import { envelopeOf } from '../../../../shared/envelope.ts';
import { apiPath, apiRequest } from '../../../lib/api-client.ts';
import { readBoolParam } from '../../../lib/url-state.ts';

/** URL parameter of the "leave out cached and failed logs" toggle. */
export const EXCLUDE_PARAM = 'exclude_cached_failed';

/** Whether the URL leaves cached and failed logs out (the toggle's state, read before React renders too). */
export const excludedInUrl = (params: URLSearchParams): boolean => readBoolParam(params, EXCLUDE_PARAM) === true;

const analysisEnvelopeSchema = envelopeOf(evaluationAnalysisSchema);

/** Query factory for evaluation analyses: entity → gateway → evaluation → options. */
export const analysisQueries = {
  all: () => ['evaluation-analysis'] as const,
  /** With `split`, the answer also holds that dataset's two halves (`split`), before and from the instant. */
  evaluation: (gw: string, id: string, excludeCachedFailed: boolean, split?: { dataset: string; at: string }) =>
    queryOptions({
      queryKey: [...analysisQueries.all(), gw, id, { excludeCachedFailed, split }] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: apiPath('gateways', gw, 'evaluations', id, 'analysis'),
          query: {
            ...(excludeCachedFailed ? { exclude_cached_failed: true } : {}),
            ...(split ? { split_dataset: split.dataset, split_at: split.at } : {}),
          },
          schema: analysisEnvelopeSchema,
          signal,
        }).then((e) => e.result),
      // Pinned to the evaluation's created_at: only feedback and late arrivals move, so a minute is fresh enough.
      staleTime: 60_000,
    }),
};
