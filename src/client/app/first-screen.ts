import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes } from 'react-router';
import { gatewayQueries } from '../features/gateways/gateway-queries.ts';
import { sessionQueries } from '../features/session/session-queries.ts';
import { PAGES, type PageEntry } from './pages.ts';

// Not the catch-all: a path it alone matches ("/" before its redirect) has no first page worth starting.
const entries: PageEntry[] = Object.values(PAGES).filter((entry) => entry.path !== '*');

/**
 * Starts the first screen's requests and its page's chunk at once: the shell's session and gateways, the
 * page's data and code. Without it each waits on the one before (shell JS → render → page chunk → render →
 * data), which costs a round trip or two before the page is usable.
 */
export function startFirstScreen(client: QueryClient, location: Location): void {
  void client.prefetchQuery(sessionQueries.current());
  void client.prefetchQuery(gatewayQueries.list());
  const search = new URLSearchParams(location.search);
  // The most specific match, as the router ranks them ("datasets/new" before "datasets/:id").
  const match = matchRoutes(entries, location.pathname)?.at(-1);
  if (!match) return;
  const page = match.route as PageEntry;
  // The same dynamic import the router makes: the browser fetches and evaluates the chunk once for both.
  void page.load().catch(() => undefined);
  page.prefetch?.(client, match.params, search);
}
