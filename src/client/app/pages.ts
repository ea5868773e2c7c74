import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { datasetQueries } from '../features/datasets/dataset-queries.ts';
import { datasetListParamsFrom } from '../features/datasets/datasets-url.ts';

/**
 * Every page's chunk and what it can start before React first renders it, in one table that the router and
 * the first-screen start both read. It imports no UI, so it can run before the UI's modules have evaluated.
 */
export interface PageEntry {
  /** The page's full path, as the router nests it. */
  path: string;
  load: () => Promise<{ default: ComponentType }>;
  /** Prefetches the queries the page will ask for, with the same factories, so the page finds them cached. */
  prefetch?: (client: QueryClient, params: Record<string, string | undefined>, search: URLSearchParams) => void;
}

export const PAGES = {
  logs: { path: '/gateways/:gw/logs', load: () => import('../features/logs/logs-page.tsx') },
  datasets: {
    path: '/gateways/:gw/datasets',
    load: () => import('../features/datasets/datasets-page.tsx'),
    prefetch: (client, params, search) => {
      if (params.gw) void client.prefetchQuery(datasetQueries.list(params.gw, datasetListParamsFrom(search)));
    },
  },
  newDataset: { path: '/gateways/:gw/datasets/new', load: () => import('../features/datasets/new-dataset-page.tsx') },
  editDataset: { path: '/gateways/:gw/datasets/:id', load: () => import('../features/datasets/edit-dataset-page.tsx') },
  evaluations: { path: '/gateways/:gw/evaluations', load: () => import('../features/evaluations/evaluations-page.tsx') },
  newEvaluation: { path: '/gateways/:gw/evaluations/new', load: () => import('../features/evaluations/new-evaluation.tsx') },
  compare: { path: '/gateways/:gw/evaluations/compare', load: () => import('../features/evaluations/compare-page.tsx') },
  evaluation: { path: '/gateways/:gw/evaluations/:id', load: () => import('../features/evaluations/evaluation-detail.tsx') },
  sources: { path: '/gateways/:gw/sources', load: () => import('../features/sources/sources-page.tsx') },
  notFound: { path: '*', load: () => import('./not-found.tsx') },
} satisfies Record<string, PageEntry>;
