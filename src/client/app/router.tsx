import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Layout } from './layout.tsx';
import { RootRedirect } from './root-redirect.tsx';
import { PAGES } from './pages.ts';
import { RouteError } from './route-error.tsx';

// Every page is its own chunk (PAGES), loaded through the router's `lazy`: the first-screen start has already
// asked for the first page's chunk before the router is created, and a navigation keeps the current page
// until the next one's chunk is in. Until the first page's chunk is there, the router renders the HydrateFallback: the shell with
// its page loading (not a blank page).
const ShellPending = () => <Layout pending />;
const GATEWAY_PREFIX = '/gateways/:gw/';
const GATEWAY_PAGES = Object.values(PAGES).filter((entry) => entry.path.startsWith(GATEWAY_PREFIX));
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
              ...GATEWAY_PAGES.map((entry) => ({ path: entry.path.slice(GATEWAY_PREFIX.length), lazy: page(entry.load) })),
            ],
          },
          { path: '*', lazy: page(PAGES.notFound.load) },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
