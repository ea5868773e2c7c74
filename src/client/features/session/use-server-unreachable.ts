import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from './session-queries.ts';

/**
 * True while the session failed to load, which is when the session banner says the server is unreachable and
 * offers the one Retry for everything. Reads the cache only: it never fetches the session itself.
 */
export function useServerUnreachable(): boolean {
  return useQuery({ ...sessionQueries.current(), enabled: false }).isError;
}
