import { Hono } from 'hono';
import { evaluationInputSchema, evaluationListQuerySchema, type Evaluation } from '../../shared/evaluations.ts';
import { jsonBody, ok, okPage, validate } from '../http.ts';
import { annotateDataset } from './datasets.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';
import { gatewayParam, resourceParams } from './params.ts';

const annotate = (e: Evaluation) => ({ ...e, datasets: e.datasets.map(annotateDataset) });

export function evaluationRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  const list = '/gateways/:gw/evaluations';
  const item = '/gateways/:gw/evaluations/:id';

  r.get(list, async (c) => {
    const gw = gatewayParam(c);
    const q = validate('query', evaluationListQuerySchema, c.req.query());
    const page = await upstream.evaluations.list(gw, q);
    return okPage(c, { ...page, result: page.result.map(annotate) });
  });
  // Never retried (the upstream wrapper retries reads only): a repeat would start a second evaluation.
  r.post(list, async (c) => {
    const gw = gatewayParam(c);
    const body = validate('body', evaluationInputSchema, await jsonBody(c));
    return ok(c, annotate(await upstream.evaluations.create(gw, body)));
  });
  onlyMethods(r, list, ['GET', 'POST']);

  r.get(item, async (c) => {
    const { gw, id } = resourceParams(c);
    return ok(c, annotate(await upstream.evaluations.get(gw, id)));
  });
  r.delete(item, async (c) => {
    const { gw, id } = resourceParams(c);
    return ok(c, annotate(await upstream.evaluations.delete(gw, id)));
  });
  onlyMethods(r, item, ['GET', 'DELETE']);

  return r;
}
