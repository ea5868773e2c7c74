import { Hono } from 'hono';
import { z } from 'zod';
import { logBodyOf, logListQuerySchema, logPatchResultSchema, logPatchSchema, logResultInfoSchema, logSchema } from '../../shared/logs.ts';
import { fromUpstream, jsonBody, ok, okList, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';
import { gatewayParam, resourceParams } from './params.ts';

/** The PATCH answer is an object the spec leaves open (`{}` in practice). */
// Cloudflare answers `{}`; an upstream that answers null is read as the same.
const patchResultSchema = logPatchResultSchema.nullable();

export function logRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  const list = '/gateways/:gw/logs';
  const item = '/gateways/:gw/logs/:id';

  r.get(list, async (c) => {
    const gw = gatewayParam(c);
    // `filters` is one JSON array in the query; the shared schema holds each row to the per-key rules.
    const q = validate('query', logListQuerySchema, c.req.query());
    return okList(c, await upstream.logs.list(gw, q), logSchema, { info: logResultInfoSchema });
  });
  onlyMethods(r, list, ['GET']);

  r.get(item, async (c) => {
    const { gw, id } = resourceParams(c);
    return ok(c, fromUpstream(logSchema, (await upstream.logs.get(gw, id)).result, 'result'));
  });
  r.patch(item, async (c) => {
    const { gw, id } = resourceParams(c);
    const body = validate('body', logPatchSchema, await jsonBody(c));
    return ok(c, fromUpstream(patchResultSchema, (await upstream.logs.edit(gw, id, body)).result, 'result') ?? {});
  });
  onlyMethods(r, item, ['GET', 'PATCH']);

  // A log's request or response body, fetched on demand (a drawer opening): cut at the shared limit.
  for (const part of ['request', 'response'] as const) {
    const path = `${item}/${part}`;
    r.get(path, async (c) => {
      const { gw, id } = resourceParams(c);
      return ok(c, logBodyOf(fromUpstream(z.string(), (await upstream.logs[part](gw, id)).result, 'result')));
    });
    onlyMethods(r, path, ['GET']);
  }
  return r;
}
