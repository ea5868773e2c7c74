import { isCancelledError, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useToast } from '../components/toast/toast-provider.tsx';

/**
 * A refetch that fails while the page already shows data keeps that data on screen and says so in a toast
 * with Retry. A first load that fails has nothing to keep: QueryBoundary shows it inline instead. Listening
 * on the query cache keeps this out of the HTTP client and out of every page.
 */
export function BackgroundErrorToasts() {
  const client = useQueryClient();
  const toast = useToast();
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { query, action } = event;
        // A superseded or undone fetch is not a failure; a query without data is the page's to show.
        if (isCancelledError(action.error) || query.state.data === undefined) return;
        toast({
          severity: 'warning',
          message: `Could not refresh: ${action.error.message} What is on screen is the last data loaded.`,
          action: { label: 'Retry', onClick: () => void client.refetchQueries({ queryKey: query.queryKey, exact: true }) },
          autoHideMs: 10_000,
        });
      }),
    [client, toast],
  );
  return null;
}
