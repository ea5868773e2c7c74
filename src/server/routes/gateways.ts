import { Hono } from 'hono';
import { gatewayListQuerySchema } from '../../shared/gateways.ts';
import { okPage, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';

export function gatewayRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  r.get('/gateways', async (c) => {
    const q = validate('query', gatewayListQuerySchema, c.req.query());
    return okPage(c, await upstream.gateways.list(q));
  });
  onlyMethods(r, '/gateways', ['GET']);
  return r;
}
