import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { envelopeOf, pageOf } from '../../../shared/envelope.ts';
import type { WireFilter } from '../../../shared/filters.ts';
import { logDetailSchema, logResultInfoSchema, logSchema, type LogEntry, type logListQuerySchema } from '../../../shared/logs.ts';
import type { LogCount, ObservedValues } from '../../components/filter-builder/builder-data.ts';
import { apiPath, apiRequest } from '../../lib/api-client.ts';

export const logPageSchema = pageOf(logSchema, logResultInfoSchema);
export type LogPage = z.infer<typeof logPageSchema>;

const logDetailEnvelopeSchema = envelopeOf(logDetailSchema);

/**
 * What a page of logs asks for: the server's own query schema as it accepts it, but `filters` as rows
 * (the query carries them as one JSON array, written here).
 */
export type LogListParams = Omit<z.input<typeof logListQuerySchema>, 'filters' | 'meta_info'> & { filters?: readonly WireFilter[] };

/** What the continuous view lists by: the paged list's params but the page, which it walks itself. */
export type LogScrollParams = Omit<LogListParams, 'page' | 'per_page'>;

/** The continuous view's page size: the API's largest, so the fewest requests fill a long scroll. */
export const SCROLL_PAGE_SIZE = 50;

const filtersParam = (filters: readonly WireFilter[] | undefined) =>
  filters && filters.length > 0 ? JSON.stringify(filters) : undefined;

function fetchLogPage(gw: string, params: LogListParams, signal: AbortSignal): Promise<LogPage> {
  return apiRequest({
    path: apiPath('gateways', gw, 'logs'),
    query: {
      page: params.page,
      per_page: params.per_page,
      order_by: params.order_by,
      order_by_direction: params.order_by_direction,
      search: params.search,
      filters: filtersParam(params.filters),
    },
    schema: logPageSchema,
    signal,
  });
}

/** The page after `pages`, while the first page's total says there are more (or, with no total, while pages come full). */
export function nextScrollPage(pages: readonly LogPage[], lastPageParam: number): number | undefined {
  const last = pages.at(-1);
  if (!last || last.result.length < SCROLL_PAGE_SIZE) return undefined;
  const total = pages[0]?.result_info?.total_count;
  const loaded = pages.reduce((n, p) => n + p.result.length, 0);
  return total !== undefined && loaded >= total ? undefined : lastPageParam + 1;
}

/** Distinct non-empty values of one field, sorted, for an autocomplete. */
function distinct(logs: LogEntry[], pick: (l: LogEntry) => string | undefined) {
  return [...new Set(logs.map(pick).filter((v): v is string => !!v))].sort();
}

/** How many recent logs feed the autocompletes: one page, so it costs one cheap request. */
const OBSERVED_SAMPLE = 50;

/**
 * Query factory for logs: entity → gateway → list/count/observed → params.
 * `count` asks for one row with `meta_info`, which is how Cloudflare returns a total and the ranges.
 */
export const logQueries = {
  all: () => ['logs'] as const,
  gateway: (gw: string) => [...logQueries.all(), gw] as const,
  lists: (gw: string) => [...logQueries.gateway(gw), 'list'] as const,
  list: (gw: string, params: LogListParams = {}) =>
    queryOptions({
      queryKey: [...logQueries.lists(gw), params] as const,
      queryFn: ({ signal }) => fetchLogPage(gw, params, signal),
      placeholderData: keepPreviousData,
    }),
  /**
   * Every matching log, page after page, for the continuous view. Kept apart from `lists` because the cached
   * shape differs (pages of pages), so updates written for one page never meet it.
   */
  infinites: (gw: string) => [...logQueries.gateway(gw), 'infinite'] as const,
  infinite: (gw: string, params: LogScrollParams = {}) =>
    infiniteQueryOptions({
      queryKey: [...logQueries.infinites(gw), params] as const,
      queryFn: ({ pageParam, signal }) => fetchLogPage(gw, { ...params, page: pageParam, per_page: SCROLL_PAGE_SIZE }, signal),
      initialPageParam: 1,
      getNextPageParam: (_last, pages, lastPageParam) => nextScrollPage(pages, lastPageParam),
    }),
  counts: (gw: string) => [...logQueries.gateway(gw), 'count'] as const,
  count: (gw: string, filters: readonly WireFilter[], search?: string) =>
    queryOptions({
      queryKey: [...logQueries.counts(gw), filters, search || undefined] as const,
      // The signal lets react-query cancel a count that a newer one superseded.
      queryFn: ({ signal }): Promise<LogCount> =>
        apiRequest({
          path: apiPath('gateways', gw, 'logs'),
          query: { page: 1, per_page: 1, meta_info: true, search: search || undefined, filters: filtersParam(filters) },
          schema: logPageSchema,
          signal,
        }).then((page) => ({ total_count: page.result_info?.total_count ?? 0, ranges: page.result_info ?? {} })),
    }),
  observed: (gw: string) =>
    queryOptions({
      queryKey: [...logQueries.gateway(gw), 'observed'] as const,
      queryFn: ({ signal }): Promise<ObservedValues> =>
        apiRequest({
          path: apiPath('gateways', gw, 'logs'),
          query: { page: 1, per_page: OBSERVED_SAMPLE, meta_info: true },
          schema: logPageSchema,
          signal,
        }).then((page) => ({
          provider: distinct(page.result, (l) => l.provider),
          model: distinct(page.result, (l) => l.model),
          request_content_type: distinct(page.result, (l) => l.request_content_type),
          response_content_type: distinct(page.result, (l) => l.response_content_type),
          ranges: page.result_info ?? {},
        })),
      staleTime: 5 * 60_000,
    }),
  details: (gw: string) => [...logQueries.gateway(gw), 'detail'] as const,
  detail: (gw: string, id: string) =>
    queryOptions({
      queryKey: [...logQueries.details(gw), id] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: apiPath('gateways', gw, 'logs', id), schema: logDetailEnvelopeSchema, signal }).then((e) => e.result),
    }),
};
