import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

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
 */
export function QueryBoundary<T>({ query, loading, what, children }: QueryBoundaryProps<T>) {
  if (query.isPending) return <>{loading ?? <LoadingLines />}</>;
  if (query.data === undefined)
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void query.refetch()} disabled={query.isFetching}>
            Retry
          </Button>
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
