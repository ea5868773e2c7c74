import { Hono } from 'hono';
import { datasetInputSchema, datasetListQuerySchema, type Dataset } from '../../shared/datasets.ts';
import { oddFilterRows } from '../../shared/filters.ts';
import type { AnnotatedDataset } from '../../shared/dataset-annotations.ts';
import { jsonBody, ok, okPage, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';
import { gatewayParam, resourceParams } from './params.ts';

/** Flags, rather than refuses, filter rows made elsewhere that the console's rules would not allow. */
export const annotateDataset = <D extends Pick<Dataset, 'filters'>>(d: D): D & Pick<AnnotatedDataset, 'odd_filters'> => ({
  ...d,
  odd_filters: oddFilterRows(d.filters),
});

export function datasetRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  const list = '/gateways/:gw/datasets';
  const item = '/gateways/:gw/datasets/:id';

  r.get(list, async (c) => {
    const gw = gatewayParam(c);
    const q = validate('query', datasetListQuerySchema, c.req.query());
    const page = await upstream.datasets.list(gw, q);
    return okPage(c, { ...page, result: page.result.map(annotateDataset) });
  });
  r.post(list, async (c) => {
    const gw = gatewayParam(c);
    const body = validate('body', datasetInputSchema, await jsonBody(c));
    return ok(c, annotateDataset(await upstream.datasets.create(gw, body)));
  });
  onlyMethods(r, list, ['GET', 'POST']);

  r.get(item, async (c) => {
    const { gw, id } = resourceParams(c);
    return ok(c, annotateDataset(await upstream.datasets.get(gw, id)));
  });
  r.put(item, async (c) => {
    const { gw, id } = resourceParams(c);
    const body = validate('body', datasetInputSchema, await jsonBody(c));
    return ok(c, annotateDataset(await upstream.datasets.update(gw, id, body)));
  });
  r.delete(item, async (c) => {
    const { gw, id } = resourceParams(c);
    return ok(c, annotateDataset(await upstream.datasets.delete(gw, id)));
  });
  onlyMethods(r, item, ['GET', 'PUT', 'DELETE']);

  return r;
}
