import { queryOptions } from '@tanstack/react-query';
import { pageOf } from '../../../shared/envelope.ts';
import { gatewaySchema } from '../../../shared/gateways.ts';
import { apiPath, apiRequest } from '../../lib/api-client.ts';

const gatewayPageSchema = pageOf(gatewaySchema);

export const gatewayQueries = {
  all: () => ['gateways'] as const,
  // The switcher shows one page of up to 100 gateways (the API's maximum per page).
  list: () =>
    queryOptions({
      queryKey: [...gatewayQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        apiRequest({ path: apiPath('gateways'), query: { per_page: 100 }, schema: gatewayPageSchema, signal }).then(
          (p) => p.result,
        ),
      staleTime: 60_000,
    }),
};
