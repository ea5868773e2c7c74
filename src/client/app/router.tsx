import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Layout } from './layout.tsx';
import { RootRedirect } from './root-redirect.tsx';
import { datasetQueries } from '../features/datasets/dataset-queries.ts';
import { datasetListParamsFrom } from '../features/datasets/datasets-url.ts';
import type { RouteHandle } from './first-screen.ts';
import { RouteError } from './route-error.tsx';

// Every page is its own chunk, loaded through the router's `lazy`: the router starts fetching the first
// screen's chunk as soon as it is created, and a navigation keeps the current page until the next one's
// chunk is in. Until the first page's chunk is there, the router renders the HydrateFallback: the shell with
// its page loading (not a blank page).
const ShellPending = () => <Layout pending />;
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

export const routes = [
  {
    element: <Layout />,
    HydrateFallback: ShellPending,
    children: [
      {
        // Pathless, so a page that fails to load or render shows its error inside the shell.
        errorElement: <RouteError />,
        children: [
          { path: '/', element: <RootRedirect /> },
          {
            path: '/gateways/:gw',
            children: [
              { index: true, element: <Navigate to="logs" replace /> },
              { path: 'logs', lazy: page(() => import('../features/logs/logs-page.tsx')) },
              {
                path: 'datasets',
                lazy: page(() => import('../features/datasets/datasets-page.tsx')),
                handle: {
                  prefetch: (client, params, search) => {
                    if (params.gw) void client.prefetchQuery(datasetQueries.list(params.gw, datasetListParamsFrom(search)));
                  },
                } satisfies RouteHandle,
              },
              { path: 'datasets/new', lazy: page(() => import('../features/datasets/new-dataset-page.tsx')) },
              { path: 'datasets/:id', lazy: page(() => import('../features/datasets/edit-dataset-page.tsx')) },
              { path: 'evaluations', lazy: page(() => import('../features/evaluations/evaluations-page.tsx')) },
              { path: 'evaluations/new', lazy: page(() => import('../features/evaluations/new-evaluation.tsx')) },
              { path: 'evaluations/compare', lazy: page(() => import('../features/evaluations/compare-page.tsx')) },
              { path: 'evaluations/:id', lazy: page(() => import('../features/evaluations/evaluation-detail.tsx')) },
              { path: 'sources', lazy: page(() => import('../features/sources/sources-page.tsx')) },
            ],
          },
          { path: '*', lazy: page(() => import('./not-found.tsx')) },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
