import type { Hono } from 'hono';
import { datasetInputSchema, datasetListQuerySchema } from '../../shared/datasets.ts';
import { resourceIdSchema } from '../../shared/gateways.ts';
import { resolveGateway, type GatewayContext } from '../context.ts';
import { notFound, ok, pageInfo, parseBody, parseQuery } from '../http.ts';

const DATASET_FIELDS = ['name', 'enable', 'filters'] as const;

/** Datasets of a gateway: list, create, get, update (PUT, full replace), delete (answers the deleted object). */
export function registerDatasetRoutes(app: Hono, base: string, ctx: GatewayContext): string[] {
  const list = `${base}/gateways/:gateway_id/datasets`;
  const one = `${list}/:id`;

  app.get(list, (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const q = parseQuery(c, datasetListQuerySchema);
    if (!q.ok) return q.response;
    const { items, total } = ctx.store.datasets.list(gw.id, q.data);
    return ok(c, items, pageInfo(q.data.page, q.data.per_page, items.length, total));
  });

  app.post(list, async (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const body = await parseBody(c, datasetInputSchema, DATASET_FIELDS);
    if (!body.ok) return body.response;
    return ok(c, ctx.store.datasets.create(gw.id, body.data));
  });

  app.get(one, (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const id = resourceIdSchema.safeParse(c.req.param('id'));
    const dataset = id.success ? ctx.store.datasets.get(gw.id, id.data) : undefined;
    return dataset ? ok(c, dataset) : notFound(c);
  });

  app.put(one, async (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const id = resourceIdSchema.safeParse(c.req.param('id'));
    // 404 before validating the body: there is nothing to replace.
    if (!id.success || !ctx.store.datasets.get(gw.id, id.data)) return notFound(c);
    const body = await parseBody(c, datasetInputSchema, DATASET_FIELDS);
    if (!body.ok) return body.response;
    const dataset = ctx.store.datasets.replace(gw.id, id.data, body.data);
    return dataset ? ok(c, dataset) : notFound(c);
  });

  app.delete(one, (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const id = resourceIdSchema.safeParse(c.req.param('id'));
    const deleted = id.success ? ctx.store.datasets.delete(gw.id, id.data) : undefined;
    return deleted ? ok(c, deleted) : notFound(c);
  });

  return [list, one];
}
