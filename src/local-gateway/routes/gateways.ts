import type { Hono } from 'hono';
import { gatewayListQuerySchema } from '../../shared/gateways.ts';
import { resolveGateway, type GatewayContext } from '../context.ts';
import { ok, pageInfo, parseQuery } from '../http.ts';

/** GET gateways (page, per_page ≤ 100, search by id) and GET gateways/:id. */
export function registerGatewayRoutes(app: Hono, base: string, ctx: GatewayContext): string[] {
  app.get(`${base}/gateways`, (c) => {
    const q = parseQuery(c, gatewayListQuerySchema);
    if (!q.ok) return q.response;
    const { items, total } = ctx.store.gateways.list(q.data);
    return ok(c, items, pageInfo(q.data.page, q.data.per_page, items.length, total));
  });
  app.get(`${base}/gateways/:id`, (c) => {
    const gw = resolveGateway(c, ctx, 'id');
    if (!gw.ok) return gw.response;
    return ok(c, ctx.store.gateways.get(gw.id));
  });
  return [`${base}/gateways`, `${base}/gateways/:id`];
}
