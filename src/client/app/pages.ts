import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { datasetQueries } from '../features/datasets/dataset-queries.ts';
import { datasetListParamsFrom } from '../features/datasets/datasets-url.ts';
import { analysisQueries, excludedInUrl } from '../features/evaluations/analysis/analysis-queries.ts';
import { evaluationQueries, evaluationTypeQueries } from '../features/evaluations/evaluation-queries.ts';
import { PAGE_ROUTES, type PageName } from '../../shared/page-routes.ts';

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
  logs: { path: PAGE_ROUTES.logs.path, load: () => import('../features/logs/logs-page.tsx') },
  datasets: {
    path: PAGE_ROUTES.datasets.path,
    load: () => import('../features/datasets/datasets-page.tsx'),
    prefetch: (client, params, search) => {
      if (params.gw) void client.prefetchQuery(datasetQueries.list(params.gw, datasetListParamsFrom(search)));
    },
  },
  newDataset: { path: PAGE_ROUTES.newDataset.path, load: () => import('../features/datasets/new-dataset-page.tsx') },
  editDataset: { path: PAGE_ROUTES.editDataset.path, load: () => import('../features/datasets/edit-dataset-page.tsx') },
  evaluations: { path: PAGE_ROUTES.evaluations.path, load: () => import('../features/evaluations/evaluations-page.tsx') },
  newEvaluation: { path: PAGE_ROUTES.newEvaluation.path, load: () => import('../features/evaluations/new-evaluation.tsx') },
  compare: { path: PAGE_ROUTES.compare.path, load: () => import('../features/evaluations/compare-page.tsx') },
  evaluation: {
    path: PAGE_ROUTES.evaluation.path,
    load: () => import('../features/evaluations/evaluation-detail.tsx'),
    prefetch: (client, params, search) => {
      void client.prefetchQuery(evaluationTypeQueries.list());
      if (!params.gw || !params.id) return;
      void client.prefetchQuery(evaluationQueries.detail(params.gw, params.id));
      // The breakdown and its code, which the page would otherwise ask for only once its own chunk rendered.
      void client.prefetchQuery(analysisQueries.evaluation(params.gw, params.id, excludedInUrl(search)));
      void import('../features/evaluations/analysis/analysis-section.tsx').catch(() => undefined);
      void import('../features/evaluations/analysis/analysis-charts.tsx').catch(() => undefined);
    },
  },
  sources: { path: PAGE_ROUTES.sources.path, load: () => import('../features/sources/sources-page.tsx') },
  notFound: { path: PAGE_ROUTES.notFound.path, load: () => import('./not-found.tsx') },
} satisfies Record<PageName, PageEntry>;
