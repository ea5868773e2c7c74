import { Hono } from 'hono';
import { z } from 'zod';
import { resultInfoSchema } from '../../shared/envelope.ts';
import { gatewayListQuerySchema, gatewaySchema } from '../../shared/gateways.ts';
import { fromUpstream, ok, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';

export function gatewayRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  r.get('/gateways', async (c) => {
    const q = validate('query', gatewayListQuerySchema, c.req.query());
    const a = await upstream.gateways.list(q);
    return ok(c, fromUpstream(z.array(gatewaySchema), a.result, 'result'), fromUpstream(resultInfoSchema.optional(), a.result_info, 'result_info'));
  });
  onlyMethods(r, '/gateways', ['GET']);
  return r;
}
