import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useServerUnreachable } from '../lib/server-reachability.ts';
import { useRetryFailed } from '../lib/use-retry-failed.ts';

interface QueryBoundaryProps<T> {
  query: UseQueryResult<T>;
  /** What to show while the first answer is on its way; defaults to a few skeleton lines. */
  loading?: ReactNode;
  /** Names what failed to load, e.g. "the datasets". */
  what: string;
  children: (data: T) => ReactNode;
}

/**
 * Loading skeleton, then either the error with a Retry button or the children with the data. A failed
 * refetch keeps the data it already had on screen (BackgroundErrorToasts says it failed).
 *
 * Retry refetches every failed query on screen, not only this one. While the server is unreachable the
 * session banner offers that same Retry, so this alert leaves its own out rather than show a second one.
 */
export function QueryBoundary<T>({ query, loading, what, children }: QueryBoundaryProps<T>) {
  const retryFailed = useRetryFailed();
  const unreachable = useServerUnreachable();
  if (query.isPending) return <>{loading ?? <LoadingLines />}</>;
  if (query.data === undefined)
    return (
      <Alert
        severity="error"
        action={
          !unreachable && (
            <Button color="inherit" size="small" onClick={() => void retryFailed()} disabled={query.isFetching}>
              Retry
            </Button>
          )
        }
      >
        Could not load {what}: {query.error?.message ?? 'no answer'}
      </Alert>
    );
  return <>{children(query.data)}</>;
}

export function LoadingLines({ lines = 4 }: { lines?: number }) {
  return (
    <Stack spacing={1} role="status" aria-busy="true" aria-label="Loading">
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={36} />
      ))}
    </Stack>
  );
}
