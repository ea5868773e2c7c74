import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { sessionQueries } from '../features/session/session-queries.ts';
import { ServerUnreachableContext } from '../lib/server-reachability.ts';

/**
 * The server is unreachable while the session failed to load: that is when the session banner says so and
 * offers the one Retry for everything. Reads the cache only: it never fetches the session itself.
 */
export function ServerReachabilityProvider({ children }: { children: ReactNode }) {
  const unreachable = useQuery({ ...sessionQueries.current(), enabled: false }).isError;
  return <ServerUnreachableContext value={unreachable}>{children}</ServerUnreachableContext>;
}
