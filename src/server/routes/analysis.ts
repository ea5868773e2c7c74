import { Hono } from 'hono';
import {
  analysisQuerySchema,
  analysisResultSchema,
  type AnalysisGroupInput,
  type AnalysisQuery,
  type AnalysisRequest,
  type AnalysisResult,
  type EvaluationAnalysis,
} from '../../shared/analysis.ts';
import { ERROR_CODES } from '../../shared/envelope.ts';
import type { Evaluation } from '../../shared/evaluations.ts';
import type { WireFilter } from '../../shared/filters.ts';
import { BudgetExceeded, Counter, type CountAnswer } from '../analysis/count-terms.ts';
import { ESTIMATE_CALL_BUDGET, ESTIMATE_METHOD, estimateAnalysis } from '../analysis/estimate.ts';
import { TtlCache } from '../analysis/ttl-cache.ts';
import { fromUpstream, ok, RequestError, validate } from '../http.ts';
import { UpstreamShapeError } from '../upstream-errors.ts';
import type { Upstream } from '../upstream.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';
import { resourceParams } from './params.ts';

/** The union's label; the datasets keep their names. */
export const UNION_LABEL = 'All datasets';

/** The halves' labels: "<dataset> before <instant>" and "<dataset> from <instant>". */
export const splitLabels = (name: string, at: string) => [`${name} before ${at}`, `${name} from ${at}`] as const;

const refuse = (field: string, message: string) =>
  new RequestError(400, [{ code: ERROR_CODES.invalidInput, message: `${field}: ${message}`, path: ['query', field] }]);

/**
 * The groups of one evaluation's analysis: a group per dataset, then their distinct union, every group
 * pinned to logs created at or before the evaluation's created_at; with a split, then the dataset's logs
 * created before the instant and those created from it on. The split is checked here, against the
 * evaluation: its dataset must be one of the evaluation's, its instant not after the pin.
 */
export function evaluationGroups(evaluation: Evaluation, q: AnalysisQuery): { request: AnalysisRequest; split: { datasetId: string; at: string } | null } {
  const until = evaluation.created_at;
  const groups: AnalysisGroupInput[] = [
    ...evaluation.datasets.map((d) => ({ label: d.name, any_of: [d.filters], until })),
    { label: UNION_LABEL, any_of: evaluation.datasets.map((d) => d.filters), until },
  ];
  let split: { datasetId: string; at: string } | null = null;
  if (q.split_dataset !== undefined && q.split_at !== undefined) {
    const dataset = evaluation.datasets.find((d) => d.id === q.split_dataset);
    if (!dataset) {
      const ids = evaluation.datasets.map((d) => d.id).join(', ');
      throw refuse('split_dataset', `the evaluation has no dataset ${q.split_dataset} (its datasets: ${ids})`);
    }
    const at = new Date(Date.parse(q.split_at)).toISOString();
    if (Date.parse(at) > Date.parse(until)) throw refuse('split_at', `must be at or before the evaluation's created_at (${until}): later logs are not in it`);
    const [before, from] = splitLabels(dataset.name, at);
    groups.push({ label: before, any_of: [dataset.filters], until, before: at }, { label: from, any_of: [dataset.filters], until, from: at });
    split = { datasetId: dataset.id, at };
  }
  return { request: { exclude_cached_failed: q.exclude_cached_failed, groups }, split };
}

/** How long a count or an estimated analysis is reused: logs are immutable once written, feedback is not. */
export const ESTIMATE_CACHE_MS = 10 * 60_000;

/** One official count: `logs.list` with `per_page=1`, read for `result_info.total_count` (and meta_info's ranges). */
function officialCount(upstream: Upstream, gw: string) {
  return async (filters: WireFilter[], metaInfo: boolean): Promise<CountAnswer> => {
    const answer = await upstream.logs.list(gw, {
      page: 1,
      per_page: 1,
      order_by: 'created_at',
      order_by_direction: 'desc',
      filters,
      ...(metaInfo ? { meta_info: true } : {}),
    });
    const info = answer.result_info ?? {};
    if (typeof info.total_count !== 'number') throw new UpstreamShapeError('result_info.total_count');
    return { total: info.total_count, info };
  };
}

/**
 * The analysis of one evaluation (see `evaluationGroups`). Nothing is created upstream: a split is two more
 * groups of the same request.
 *
 * - Local mode asks the local gateway's exact extension.
 * - Cloudflare mode has no such call, so it estimates from official log counts (server/analysis/estimate.ts):
 *   at most ESTIMATE_CALL_BUDGET calls per analysis, the evaluation's read included, each through the
 *   upstream's shared pacing; counts and answers are cached for ESTIMATE_CACHE_MS, so a pinned analysis
 *   asked again costs one call, and a retry after the pacing refused a call resumes where it stopped.
 */
export function analysisRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  const path = '/gateways/:gw/evaluations/:id/analysis';
  const counts = new TtlCache<CountAnswer>(20_000, ESTIMATE_CACHE_MS);
  const answers = new TtlCache<EvaluationAnalysis>(500, ESTIMATE_CACHE_MS);
  r.get(path, async (c) => {
    const { gw, id } = resourceParams(c);
    const q = validate('query', analysisQuerySchema, c.req.query());
    const evaluation = await upstream.evaluations.get(gw, id);
    const { request, split } = evaluationGroups(evaluation, q);
    const answerOf = (result: AnalysisResult, estimate: EvaluationAnalysis['estimate']): EvaluationAnalysis => {
      const datasets = evaluation.datasets.length + 1;
      const halves = result.groups.slice(datasets);
      if (split && halves.length !== 2) throw new UpstreamShapeError('result.groups');
      return {
        evaluation_id: evaluation.id,
        until: evaluation.created_at,
        dataset_ids: [...evaluation.datasets.map((d) => d.id), null],
        exclude_cached_failed: result.exclude_cached_failed,
        groups: result.groups.slice(0, datasets),
        split: split ? { dataset_id: split.datasetId, at: split.at, groups: [halves[0]!, halves[1]!] } : null,
        estimate,
      };
    };
    if (upstream.mode === 'local') {
      const result = fromUpstream(analysisResultSchema, (await upstream.analysis.logs(gw, request)).result, 'result');
      return ok(c, answerOf(result, null));
    }
    const key = JSON.stringify([gw, evaluation.id, request]);
    const cached = answers.get(key);
    if (cached) return ok(c, { ...cached, estimate: cached.estimate && { ...cached.estimate, from_cache: true } });
    // One call of the budget went to reading the evaluation.
    const counter = new Counter(officialCount(upstream, gw), ESTIMATE_CALL_BUDGET - 1, counts.scoped(`${gw} `));
    let result: AnalysisResult;
    try {
      result = (await estimateAnalysis(counter, request)).result;
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      throw new RequestError(501, [
        {
          code: ERROR_CODES.invalidInput,
          message: `This analysis would need more than ${ESTIMATE_CALL_BUDGET} calls to Cloudflare's API (its datasets overlap in many ways); analyse fewer datasets, or open the gateway in local mode for exact figures`,
        },
      ]);
    }
    const answer = answerOf(result, {
      method: ESTIMATE_METHOD,
      upstream_calls: counter.sent + 1,
      call_budget: ESTIMATE_CALL_BUDGET,
      from_cache: false,
      computed_at: new Date().toISOString(),
    });
    answers.set(key, answer);
    return ok(c, answer);
  });
  onlyMethods(r, path, ['GET']);
  return r;
}
