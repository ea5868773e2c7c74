import { Hono } from 'hono';
import {
  analysisQuerySchema,
  analysisResultSchema,
  type AnalysisGroupInput,
  type AnalysisQuery,
  type AnalysisRequest,
  type EvaluationAnalysis,
} from '../../shared/analysis.ts';
import { ERROR_CODES } from '../../shared/envelope.ts';
import { evaluationSchema, type Evaluation } from '../../shared/evaluations.ts';
import { fromUpstream, ok, RequestError, UpstreamShapeError, validate } from '../http.ts';
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

/**
 * The analysis of one evaluation (see `evaluationGroups`). Local mode asks the local gateway's exact
 * extension; Cloudflare mode has no such call (its estimate from official calls is not built yet), so
 * it answers 501 saying so rather than anything approximate passed off as exact. Nothing is created
 * upstream: a split is two more groups of the same request.
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
    const evaluation = fromUpstream(evaluationSchema, (await upstream.evaluations.get(gw, id)).result, 'result');
    const { request, split } = evaluationGroups(evaluation, q);
    const result = fromUpstream(analysisResultSchema, (await upstream.analysis.logs(gw, request)).result, 'result');
    const datasets = evaluation.datasets.length + 1;
    const groups = result.groups.slice(0, datasets);
    const halves = result.groups.slice(datasets);
    if (split && halves.length !== 2) throw new UpstreamShapeError('result.groups');
    const answer: EvaluationAnalysis = {
      evaluation_id: evaluation.id,
      until: evaluation.created_at,
      dataset_ids: [...evaluation.datasets.map((d) => d.id), null],
      exclude_cached_failed: result.exclude_cached_failed,
      groups,
      split: split ? { dataset_id: split.datasetId, at: split.at, groups: [halves[0]!, halves[1]!] } : null,
      estimate: null,
    };
    return ok(c, answer);
  });
  onlyMethods(r, path, ['GET']);
  return r;
}
