import { queryOptions } from '@tanstack/react-query';
import { evaluationAnalysisSchema } from '../../../../shared/analysis.ts';
import { envelopeOf } from '../../../../shared/envelope.ts';
import { apiPath, apiRequest } from '../../../lib/api-client.ts';

const analysisEnvelopeSchema = envelopeOf(evaluationAnalysisSchema);

/** Query factory for evaluation analyses: entity → gateway → evaluation → options. */
export const analysisQueries = {
  all: () => ['evaluation-analysis'] as const,
  evaluation: (gw: string, id: string, excludeCachedFailed: boolean) =>
    queryOptions({
      queryKey: [...analysisQueries.all(), gw, id, { excludeCachedFailed }] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: apiPath('gateways', gw, 'evaluations', id, 'analysis'),
          query: excludeCachedFailed ? { exclude_cached_failed: true } : {},
          schema: analysisEnvelopeSchema,
          signal,
        }).then((e) => e.result),
      // Pinned to the evaluation's created_at: only feedback and late arrivals move, so a minute is fresh enough.
      staleTime: 60_000,
    }),
};
