import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { annotatedDatasetSchema } from '../../../shared/dataset-annotations.ts';
import type { datasetListQuerySchema } from '../../../shared/datasets.ts';
import { envelopeOf, pageOf } from '../../../shared/envelope.ts';
import { apiPath, apiRequest } from '../../lib/api-client.ts';

/**
 * A dataset as the server answers it, flagging rows that break the strict per-key rules (data made
 * elsewhere); read liberally, so an answer without the flags still shows.
 */
export const datasetListItemSchema = annotatedDatasetSchema.partial({ odd_filters: true });
export type DatasetListItem = z.infer<typeof datasetListItemSchema>;

export const datasetPageSchema = pageOf(datasetListItemSchema);
export type DatasetPage = z.infer<typeof datasetPageSchema>;
export const datasetEnvelopeSchema = envelopeOf(datasetListItemSchema);

/** What the list asks for: the server's own query schema, as it accepts it. */
export type DatasetListParams = z.input<typeof datasetListQuerySchema>;

/**
 * Query factory for datasets: keys and fetchers together, entity → gateway → list/detail → params.
 * No dataset query key is written anywhere else.
 */
export const datasetQueries = {
  all: () => ['datasets'] as const,
  gateway: (gw: string) => [...datasetQueries.all(), gw] as const,
  lists: (gw: string) => [...datasetQueries.gateway(gw), 'list'] as const,
  list: (gw: string, params: DatasetListParams = {}) =>
    queryOptions({
      queryKey: [...datasetQueries.lists(gw), params] as const,
      queryFn: ({ signal }) =>
        apiRequest({
          path: apiPath('gateways', gw, 'datasets'),
          query: { ...params },
          schema: datasetPageSchema,
          signal,
        }),
      // Paging and searching keep the previous page on screen instead of flashing a skeleton.
      placeholderData: keepPreviousData,
    }),
  details: (gw: string) => [...datasetQueries.gateway(gw), 'detail'] as const,
  detail: (gw: string, id: string) =>
    queryOptions({
      queryKey: [...datasetQueries.details(gw), id] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: apiPath('gateways', gw, 'datasets', id), schema: datasetEnvelopeSchema, signal }).then(
          (e) => e.result,
        ),
    }),
};
