import { Hono } from 'hono';
import { logBodyOf, logListQuerySchema, logPatchSchema } from '../../shared/logs.ts';
import { jsonBody, ok, okPage, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';
import { gatewayParam, resourceParams } from './params.ts';

export function logRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  const list = '/gateways/:gw/logs';
  const item = '/gateways/:gw/logs/:id';

  r.get(list, async (c) => {
    const gw = gatewayParam(c);
    // `filters` is one JSON array in the query; the shared schema holds each row to the per-key rules.
    const q = validate('query', logListQuerySchema, c.req.query());
    return okPage(c, await upstream.logs.list(gw, q));
  });
  onlyMethods(r, list, ['GET']);

  r.get(item, async (c) => {
    const { gw, id } = resourceParams(c);
    return ok(c, await upstream.logs.get(gw, id));
  });
  r.patch(item, async (c) => {
    const { gw, id } = resourceParams(c);
    const body = validate('body', logPatchSchema, await jsonBody(c));
    return ok(c, await upstream.logs.edit(gw, id, body));
  });
  onlyMethods(r, item, ['GET', 'PATCH']);

  // A log's request or response body, fetched on demand (a drawer opening): cut at the shared limit.
  for (const part of ['request', 'response'] as const) {
    const path = `${item}/${part}`;
    r.get(path, async (c) => {
      const { gw, id } = resourceParams(c);
      return ok(c, logBodyOf(await upstream.logs[part](gw, id)));
    });
    onlyMethods(r, path, ['GET']);
  }
  return r;
}
