import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { EmptyState } from '../components/empty-state.tsx';
import { QueryBoundary } from '../components/query-boundary.tsx';
import { gatewayQueries } from '../features/gateways/gateway-queries.ts';
import { paths } from '../lib/paths.ts';

/** `/` opens the first gateway's logs. */
export function RootRedirect() {
  const gateways = useQuery(gatewayQueries.list());
  return (
    <QueryBoundary query={gateways} what="the gateways">
      {(list) =>
        list[0] ? (
          <Navigate to={paths.logs(list[0].id)} replace />
        ) : (
          <EmptyState title="No gateways yet">
            This account has no AI gateways. Create one in the Cloudflare dashboard (or seed the local gateway), then
            reload this page.
          </EmptyState>
        )
      }
    </QueryBoundary>
  );
}
