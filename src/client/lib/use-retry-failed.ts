import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * Refetches every query on screen whose last load failed. One outage fails the session, the gateway list and
 * the page together; one Retry should bring all of them back, not only the query whose button was pressed.
 */
export function useRetryFailed(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' }), [client]);
}
