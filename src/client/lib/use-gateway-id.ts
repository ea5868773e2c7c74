import { useParams } from 'react-router';

/** The gateway of the current route (`/gateways/:gw/...`). Only call it under that route. */
export function useGatewayId(): string {
  const { gw } = useParams();
  if (!gw) throw new Error('useGatewayId() used outside a /gateways/:gw route');
  return gw;
}
