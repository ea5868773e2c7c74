import { queryOptions } from '@tanstack/react-query';
import { apiSessionEnvelopeSchema } from '../../../shared/api-session.ts';
import { apiRequest } from '../../lib/api-client.ts';

export const sessionQueries = {
  all: () => ['session'] as const,
  // The server caches its capability probe; a minute here keeps the banner current without chatter.
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => apiRequest({ path: '/session', schema: apiSessionEnvelopeSchema, signal }).then((e) => e.result),
      staleTime: 60_000,
    }),
};
