import type { Context } from 'hono';
import type { z } from 'zod';
import { resourceIdSchema } from '../../shared/gateways.ts';
import { resolveGateway, type GatewayContext } from '../context.ts';
import { notFound, ok, pageInfo, parseQuery } from '../http.ts';
import type { Page } from '../store/list-query.ts';

/**
 * The path's resource id, or undefined when it breaks Cloudflare's rule. Callers answer that as 404, as
 * Cloudflare does: no resource can have such an id.
 */
function resourceIdOf(c: Context): string | undefined {
  const id = resourceIdSchema.safeParse(c.req.param('id'));
  return id.success ? id.data : undefined;
}

/** GET of a list inside a gateway: the gateway (400/404), then the query (400), then one page with result_info. */
export function listInGateway<S extends z.ZodType<{ page: number; per_page: number }>, T>(
  ctx: GatewayContext,
  schema: S,
  list: (gatewayId: string, q: z.infer<S>) => Page<T>,
) {
  return (c: Context) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const q = parseQuery(c, schema);
    if (!q.ok) return q.response;
    const { items, total } = list(gw.id, q.data);
    return ok(c, items, pageInfo(q.data.page, q.data.per_page, items.length, total));
  };
}

type Resolved<T> = { ok: true; gatewayId: string; id: string; found: T } | { ok: false; response: Response };

/**
 * The gateway and resource of `…/gateways/:gateway_id/<resources>/:id`: 400/404 for the gateway, then
 * 404 when the id breaks the rule or `find` gives nothing for it.
 */
export function resolveResource<T>(c: Context, ctx: GatewayContext, find: (gatewayId: string, id: string) => T | undefined): Resolved<T> {
  const gw = resolveGateway(c, ctx);
  if (!gw.ok) return gw;
  const id = resourceIdOf(c);
  const found = id === undefined ? undefined : find(gw.id, id);
  return found && id !== undefined ? { ok: true, gatewayId: gw.id, id, found } : { ok: false, response: notFound(c) };
}

/** A handler that answers what `find` gives for the path's resource (a get, or a delete answering the deleted object). */
export function answerFound(ctx: GatewayContext, find: (gatewayId: string, id: string) => object | undefined) {
  return (c: Context) => {
    const resource = resolveResource(c, ctx, find);
    return resource.ok ? ok(c, resource.found) : resource.response;
  };
}
