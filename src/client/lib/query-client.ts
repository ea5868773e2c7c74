import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.ts';

/** The server's sign-in page: a full page load, since it is served by the server, not the dashboard. */
const goToSignIn = () => window.location.assign('/login');

/**
 * Retries only what a retry can fix: no 4xx (but 429), at most twice. Mutations never retry on their own.
 * A request refused because the dashboard session is missing or expired sends the user to sign in again,
 * whichever query or mutation met it first.
 */
export function createQueryClient(onSignInNeeded: () => void = goToSignIn): QueryClient {
  const signInIfNeeded = (error: unknown) => {
    if (isApiError(error) && error.needsSignIn) onSignInNeeded();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: signInIfNeeded }),
    mutationCache: new MutationCache({ onError: signInIfNeeded }),
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
