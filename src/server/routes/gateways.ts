import { Hono } from 'hono';
import { gatewayListQuerySchema, gatewaySchema } from '../../shared/gateways.ts';
import { okList, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';

export function gatewayRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  r.get('/gateways', async (c) => {
    const q = validate('query', gatewayListQuerySchema, c.req.query());
    return okList(c, await upstream.gateways.list(q), gatewaySchema);
  });
  onlyMethods(r, '/gateways', ['GET']);
  return r;
}
