import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type RouteObject } from 'react-router';
import { gatewayQueries } from '../features/gateways/gateway-queries.ts';
import { sessionQueries } from '../features/session/session-queries.ts';

/**
 * What a route can start before React first renders it: prefetching the queries its page will ask for (with
 * the same factories, so the page finds them in the cache). The router fetches the page's chunk itself.
 */
export interface RouteHandle {
  prefetch?: (client: QueryClient, params: Record<string, string | undefined>, search: URLSearchParams) => void;
}

/**
 * Starts the first screen's requests in parallel with its chunks: the shell's session and gateways and the
 * page's data. Without it each waits on the one before (shell JS → render → page chunk → render → data),
 * which costs a round trip or two before the page is usable.
 */
export function startFirstScreen(client: QueryClient, routes: RouteObject[], location: Location): void {
  void client.prefetchQuery(sessionQueries.current());
  void client.prefetchQuery(gatewayQueries.list());
  const search = new URLSearchParams(location.search);
  for (const match of matchRoutes(routes, location.pathname) ?? []) {
    const handle = match.route.handle as RouteHandle | undefined;
    handle?.prefetch?.(client, match.params, search);
  }
}
