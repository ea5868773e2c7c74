import type { Hono } from 'hono';
import { logListQuerySchema, logPatchSchema } from '../../shared/logs.ts';
import { resolveGateway, type GatewayContext } from '../context.ts';
import { notFound, ok, pageInfo, parseBody, parseQuery } from '../http.ts';
import { toWireLog } from '../store/log-rows.ts';
import { answerFound, resolveResource } from './handlers.ts';

const PATCH_FIELDS = ['feedback', 'score', 'metadata'] as const;

/**
 * Logs of a gateway. The list's count, page selection and ranges come from the columnar projection; only
 * the page's rows are read from SQLite (by rowid).
 */
export function registerLogRoutes(app: Hono, base: string, ctx: GatewayContext): string[] {
  const list = `${base}/gateways/:gateway_id/logs`;
  const one = `${list}/:id`;

  app.get(list, async (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const q = parseQuery(c, logListQuerySchema);
    if (!q.ok) return q.response;
    const { page, per_page, order_by, order_by_direction, search, meta_info, filters } = q.data;
    const cols = ctx.projections.get(gw.id);
    let searchArg: { text: string; idPosition: number } | undefined;
    if (search) {
      const byId = ctx.store.logs.get(gw.id, search);
      searchArg = { text: search, idPosition: byId ? cols.positionOf(byId.rid, byId.created_at) : -1 };
    }
    // Count, ranges and the page's rowids from one selection, scanned off this thread (query-runner.ts).
    const { total, ranges, rids } = await ctx.queries.run(cols, 'select', {
      filters: filters ?? [],
      ...(searchArg ? { search: searchArg } : {}),
      ranges: Boolean(meta_info),
      page: { orderBy: order_by, direction: order_by_direction, offset: (page - 1) * per_page, limit: per_page },
    });
    const byRid = new Map(ctx.store.logs.byRowid(rids).map((row) => [row.rid, row]));
    const logs = rids.flatMap((rid) => {
      const row = byRid.get(rid);
      return row ? [toWireLog(row)] : [];
    });
    return ok(c, logs, { ...pageInfo(page, per_page, logs.length, total), ...ranges });
  });

  app.get(
    one,
    answerFound(ctx, (gw, id) => {
      const row = ctx.store.logs.get(gw, id);
      return row && toWireLog(row);
    }),
  );

  app.patch(one, async (c) => {
    // 404 before validating the body: there is nothing to patch.
    const target = resolveResource(c, ctx, (gw, id) => ctx.store.logs.get(gw, id));
    if (!target.ok) return target.response;
    const { gatewayId, id } = target;
    const body = await parseBody(c, logPatchSchema, PATCH_FIELDS);
    if (!body.ok) return body.response;
    const cols = ctx.projections.get(gatewayId);
    let projectionMissed = false;
    // The projection's feedback column changes inside the transaction that commits the write.
    // A write by another process between get() above and this transaction is caught by noteOwnWrite.
    const row = ctx.store.logs.patch(gatewayId, id, body.data, (written, generationBefore) => {
      if (!cols.setFeedback(written.rid, written.created_at, written.feedback)) projectionMissed = true;
      ctx.projections.noteOwnWrite(gatewayId, generationBefore);
    });
    if (projectionMissed) ctx.projections.rebuild(gatewayId);
    return row ? ok(c, {}) : notFound(c);
  });

  // The raw body as the gateway kept it (the spec's answer is the body itself, not an envelope): JSON as
  // JSON, anything else as text. 404 (code 7002) when the log is unknown or kept no such body.
  const bodies = (['request', 'response'] as const).map((part) => {
    const path = `${one}/${part}`;
    app.get(path, (c) => {
      const target = resolveResource(c, ctx, (gw, id) => ctx.store.logBodies.get(gw, id, part));
      if (!target.ok) return target.response;
      const text = target.found;
      let json = true;
      try {
        JSON.parse(text);
      } catch {
        json = false;
      }
      return c.body(text, 200, { 'content-type': json ? 'application/json' : 'text/plain; charset=utf-8' });
    });
    return path;
  });

  return [list, one, ...bodies];
}
