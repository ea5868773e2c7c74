import type { Hono } from 'hono';
import { analysisRequestSchema } from '../../shared/analysis.ts';
import { assembleAnalysis } from '../analysis/analyze.ts';
import { resolveGateway, type GatewayContext } from '../context.ts';
import { ok, parseBody } from '../http.ts';

/** The extension's path under a gateway: `x-local` marks it as the local gateway's own, not Cloudflare's. */
export const ANALYSIS_PATH = 'x-local/logs-analysis';

/**
 * EXTENSION (not in Cloudflare's API): the exact analysis of groups of logs, each the union of filter sets
 * pinned to an instant. One general call rather than one per evaluation, so a dataset, an evaluation's
 * union, two evaluations side by side and the halves of a split are all the same request.
 */
export function registerAnalysisRoutes(app: Hono, base: string, ctx: GatewayContext): string[] {
  const path = `${base}/gateways/:gateway_id/${ANALYSIS_PATH}`;
  app.post(path, async (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const body = await parseBody(c, analysisRequestSchema, ['groups', 'exclude_cached_failed']);
    if (!body.ok) return body.response;
    const cols = ctx.projections.get(gw.id);
    const request = body.data;
    // One task per group, off this thread and side by side on the workers; the answer is assembled here.
    const parts = await Promise.all(
      request.groups.map((group) => ctx.queries.run(cols, 'analysisGroup', { group, excludeCachedFailed: request.exclude_cached_failed })),
    );
    return ok(c, assembleAnalysis(request, parts));
  });
  return [path];
}
