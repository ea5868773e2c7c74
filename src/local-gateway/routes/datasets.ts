import type { Hono } from 'hono';
import { datasetInputSchema, datasetListQuerySchema } from '../../shared/datasets.ts';
import { resolveGateway, type GatewayContext } from '../context.ts';
import { notFound, ok, parseBody } from '../http.ts';
import { answerFound, listInGateway, resolveResource } from './handlers.ts';

const DATASET_FIELDS = ['name', 'enable', 'filters'] as const;

/** Datasets of a gateway: list, create, get, update (PUT, full replace), delete (answers the deleted object). */
export function registerDatasetRoutes(app: Hono, base: string, ctx: GatewayContext): string[] {
  const list = `${base}/gateways/:gateway_id/datasets`;
  const one = `${list}/:id`;

  app.get(list, listInGateway(ctx, datasetListQuerySchema, (gw, q) => ctx.store.datasets.list(gw, q)));

  app.post(list, async (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const body = await parseBody(c, datasetInputSchema, DATASET_FIELDS);
    if (!body.ok) return body.response;
    return ok(c, ctx.store.datasets.create(gw.id, body.data));
  });

  app.get(one, answerFound(ctx, (gw, id) => ctx.store.datasets.get(gw, id)));

  app.put(one, async (c) => {
    // 404 before validating the body: there is nothing to replace.
    const target = resolveResource(c, ctx, (gw, id) => ctx.store.datasets.get(gw, id));
    if (!target.ok) return target.response;
    const body = await parseBody(c, datasetInputSchema, DATASET_FIELDS);
    if (!body.ok) return body.response;
    const dataset = ctx.store.datasets.replace(target.gatewayId, target.id, body.data);
    return dataset ? ok(c, dataset) : notFound(c);
  });

  app.delete(one, answerFound(ctx, (gw, id) => ctx.store.datasets.delete(gw, id)));

  return [list, one];
}
