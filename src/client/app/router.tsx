import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Layout } from './layout.tsx';
import { RootRedirect } from './root-redirect.tsx';
import { RouteError } from './route-error.tsx';

// Every page is its own chunk, so the first screen loads only the shell and the page it shows.
const LogsPage = lazy(() => import('../features/logs/logs-page.tsx'));
const DatasetsPage = lazy(() => import('../features/datasets/datasets-page.tsx'));
const NewDatasetPage = lazy(() => import('../features/datasets/new-dataset-page.tsx'));
const EditDatasetPage = lazy(() => import('../features/datasets/edit-dataset-page.tsx'));
const EvaluationsPage = lazy(() => import('../features/evaluations/evaluations-page.tsx'));
const NewEvaluation = lazy(() => import('../features/evaluations/new-evaluation.tsx'));
const ComparePage = lazy(() => import('../features/evaluations/compare-page.tsx'));
const EvaluationDetail = lazy(() => import('../features/evaluations/evaluation-detail.tsx'));
const NotFound = lazy(() => import('./not-found.tsx'));

export const routes = [
  {
    element: <Layout />,
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
              { path: 'logs', element: <LogsPage /> },
              { path: 'datasets', element: <DatasetsPage /> },
              { path: 'datasets/new', element: <NewDatasetPage /> },
              { path: 'datasets/:id', element: <EditDatasetPage /> },
              { path: 'evaluations', element: <EvaluationsPage /> },
              { path: 'evaluations/new', element: <NewEvaluation /> },
              { path: 'evaluations/compare', element: <ComparePage /> },
              { path: 'evaluations/:id', element: <EvaluationDetail /> },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
