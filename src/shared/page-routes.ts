/**
 * The dashboard's pages: each one's path and the module its chunk is built from. The client's router and
 * first-screen start read the paths (src/client/app/pages.ts); the server reads the modules to name the
 * first page's chunks in the HTML it sends, so the browser fetches them beside the entry script instead of
 * after it has run (src/server/page-preloads.ts).
 */
export const PAGE_ROUTES = {
  logs: { path: '/gateways/:gw/logs', module: 'src/client/features/logs/logs-page.tsx' },
  datasets: { path: '/gateways/:gw/datasets', module: 'src/client/features/datasets/datasets-page.tsx' },
  newDataset: { path: '/gateways/:gw/datasets/new', module: 'src/client/features/datasets/new-dataset-page.tsx' },
  editDataset: { path: '/gateways/:gw/datasets/:id', module: 'src/client/features/datasets/edit-dataset-page.tsx' },
  evaluations: { path: '/gateways/:gw/evaluations', module: 'src/client/features/evaluations/evaluations-page.tsx' },
  newEvaluation: { path: '/gateways/:gw/evaluations/new', module: 'src/client/features/evaluations/new-evaluation.tsx' },
  compare: { path: '/gateways/:gw/evaluations/compare', module: 'src/client/features/evaluations/compare-page.tsx' },
  evaluation: { path: '/gateways/:gw/evaluations/:id', module: 'src/client/features/evaluations/evaluation-detail.tsx' },
  sources: { path: '/gateways/:gw/sources', module: 'src/client/features/sources/sources-page.tsx' },
  notFound: { path: '*', module: 'src/client/app/not-found.tsx' },
} as const satisfies Record<string, { path: string; module: string }>;

export type PageName = keyof typeof PAGE_ROUTES;

/** The paths that show another page's content: the root and a gateway's own path open its logs. */
export const REDIRECTED_TO_LOGS = ['/', '/gateways/:gw'] as const;

/** The build's list of each page module's chunks (written by the Vite config, read by the server), in dist/. */
export const PAGE_CHUNKS_FILE = 'page-chunks.json';
