import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { envelopeOf, pageOf } from '../../../shared/envelope.ts';
import { evaluationSchema, evaluationTypeSchema, type evaluationListQuerySchema } from '../../../shared/evaluations.ts';
import { apiPath, apiRequest } from '../../lib/api-client.ts';
import { pollDelay } from './evaluation-status.ts';

export const evaluationPageSchema = pageOf(evaluationSchema);
export type EvaluationPage = z.infer<typeof evaluationPageSchema>;
export const evaluationEnvelopeSchema = envelopeOf(evaluationSchema);
const evaluationTypePageSchema = pageOf(evaluationTypeSchema);

/** What the list asks for: the server's own query schema, as it accepts it. */
export type EvaluationListParams = z.input<typeof evaluationListQuerySchema>;

/**
 * Query factory for evaluations: entity → gateway → list/detail → params. No evaluation query key is
 * written anywhere else.
 */
export const evaluationQueries = {
  all: () => ['evaluations'] as const,
  gateway: (gw: string) => [...evaluationQueries.all(), gw] as const,
  lists: (gw: string) => [...evaluationQueries.gateway(gw), 'list'] as const,
  list: (gw: string, params: EvaluationListParams = {}) =>
    queryOptions({
      queryKey: [...evaluationQueries.lists(gw), params] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: apiPath('gateways', gw, 'evaluations'), query: { ...params }, schema: evaluationPageSchema, signal }),
      placeholderData: keepPreviousData,
      // A running evaluation's chip must turn Done without a reload; the list is one cheap request.
      refetchInterval: (query) => (query.state.data?.result.some((e) => !e.processed) ? 5_000 : false),
      refetchIntervalInBackground: false,
    }),
  details: (gw: string) => [...evaluationQueries.gateway(gw), 'detail'] as const,
  detail: (gw: string, id: string) =>
    queryOptions({
      queryKey: [...evaluationQueries.details(gw), id] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: apiPath('gateways', gw, 'evaluations', id), schema: evaluationEnvelopeSchema, signal }).then(
          (e) => e.result,
        ),
      // Poll until the job has run, backing off (1 s, 2 s, 4 s … 10 s) so a slow job costs few requests;
      // never while the tab is hidden (react-query resumes on return).
      refetchInterval: (query) => (query.state.data && !query.state.data.processed ? pollDelay(query.state.dataUpdateCount) : false),
      refetchIntervalInBackground: false,
    }),
};

/** Evaluators are account-wide and change rarely; 50 is the API's largest page. */
export const evaluationTypeQueries = {
  all: () => ['evaluation-types'] as const,
  list: () =>
    queryOptions({
      queryKey: [...evaluationTypeQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: apiPath('evaluation-types'), query: { per_page: 50 }, schema: evaluationTypePageSchema, signal }).then(
          (p) => p.result,
        ),
      staleTime: 5 * 60_000,
    }),
};
