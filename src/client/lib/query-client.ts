import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.ts';

/** Retries only what a retry can fix: no 4xx (but 429), at most twice. Mutations never retry on their own. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failureCount, error) => !(isApiError(error) && error.isClientError) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
