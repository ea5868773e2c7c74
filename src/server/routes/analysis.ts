import { Hono } from 'hono';
import { analysisQuerySchema, analysisResultSchema, type AnalysisRequest } from '../../shared/analysis.ts';
import { ERROR_CODES } from '../../shared/envelope.ts';
import { fromUpstream, ok, RequestError, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';
import { resourceParams } from './params.ts';

/** The union's label; the datasets keep their names. */
export const UNION_LABEL = 'All datasets';

/**
 * The analysis of one evaluation: a group per dataset, then their distinct union, every group pinned to
 * logs created at or before the evaluation's created_at. Local mode asks the local gateway's exact
 * extension; Cloudflare mode has no such call (its estimate from official calls is not built yet), so
 * it answers 501 saying so rather than anything approximate passed off as exact.
 */
export function analysisRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  const path = '/gateways/:gw/evaluations/:id/analysis';
  r.get(path, async (c) => {
    const { gw, id } = resourceParams(c);
    const q = validate('query', analysisQuerySchema, c.req.query());
    if (upstream.mode !== 'local') {
      throw new RequestError(501, [
        { code: ERROR_CODES.invalidInput, message: 'The per-dataset analysis is computed by the local gateway; it is not available on a Cloudflare account yet' },
      ]);
    }
    const evaluation = await upstream.evaluations.get(gw, id);
    const until = evaluation.created_at;
    const request: AnalysisRequest = {
      exclude_cached_failed: q.exclude_cached_failed,
      groups: [
        ...evaluation.datasets.map((d) => ({ label: d.name, any_of: [d.filters], until })),
        { label: UNION_LABEL, any_of: evaluation.datasets.map((d) => d.filters), until },
      ],
    };
    const result = fromUpstream(analysisResultSchema, (await upstream.analysis.logs(gw, request)).result, 'result');
    return ok(c, { evaluation_id: evaluation.id, until, dataset_ids: [...evaluation.datasets.map((d) => d.id), null], ...result });
  });
  onlyMethods(r, path, ['GET']);
  return r;
}
