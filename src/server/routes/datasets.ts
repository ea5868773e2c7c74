import { Hono } from 'hono';
import { datasetInputSchema, datasetListQuerySchema, datasetSchema, type Dataset } from '../../shared/datasets.ts';
import { oddFilterRows } from '../../shared/filters.ts';
import type { AnnotatedDataset } from '../../shared/dataset-annotations.ts';
import { fromUpstream, jsonBody, ok, okList, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';
import { gatewayParam, resourceParams } from './params.ts';

/** Flags, rather than refuses, filter rows made elsewhere that the console's rules would not allow. */
export const annotateDataset = <D extends Pick<Dataset, 'filters'>>(d: D): D & Pick<AnnotatedDataset, 'odd_filters'> => ({
  ...d,
  odd_filters: oddFilterRows(d.filters),
});

const one = (value: unknown) => annotateDataset(fromUpstream(datasetSchema, value, 'result'));

export function datasetRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  const list = '/gateways/:gw/datasets';
  const item = '/gateways/:gw/datasets/:id';

  r.get(list, async (c) => {
    const gw = gatewayParam(c);
    const q = validate('query', datasetListQuerySchema, c.req.query());
    return okList(c, await upstream.datasets.list(gw, q), datasetSchema, { annotate: annotateDataset });
  });
  r.post(list, async (c) => {
    const gw = gatewayParam(c);
    const body = validate('body', datasetInputSchema, await jsonBody(c));
    return ok(c, one((await upstream.datasets.create(gw, body)).result));
  });
  onlyMethods(r, list, ['GET', 'POST']);

  r.get(item, async (c) => {
    const { gw, id } = resourceParams(c);
    return ok(c, one((await upstream.datasets.get(gw, id)).result));
  });
  r.put(item, async (c) => {
    const { gw, id } = resourceParams(c);
    const body = validate('body', datasetInputSchema, await jsonBody(c));
    return ok(c, one((await upstream.datasets.update(gw, id, body)).result));
  });
  r.delete(item, async (c) => {
    const { gw, id } = resourceParams(c);
    return ok(c, one((await upstream.datasets.delete(gw, id)).result));
  });
  onlyMethods(r, item, ['GET', 'PUT', 'DELETE']);
  return r;
}
