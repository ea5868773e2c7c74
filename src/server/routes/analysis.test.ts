import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationAnalysisSchema } from '../../shared/analysis.ts';
import { envelopeOf, errorEnvelopeSchema, pageOf } from '../../shared/envelope.ts';
import { evaluationSchema, evaluationTypeSchema } from '../../shared/evaluations.ts';
import { gatewaySchema } from '../../shared/gateways.ts';
import { localApp } from '../test-support/local.ts';

let ctx: Awaited<ReturnType<typeof localApp>>;
let gw: string;
beforeAll(async () => {
  ctx = await localApp({ seedLogs: 2000 });
  gw = pageOf(gatewaySchema).parse(await (await ctx.app.request('/api/gateways')).json()).result[0]!.id;
});
afterAll(() => ctx.close());

describe('GET /api/gateways/:gw/evaluations/:id/analysis', () => {
  it('answers a group per dataset and the union, pinned to created_at, the union equal to the results', async () => {
    const evaluations = pageOf(evaluationSchema).parse(await (await ctx.app.request(`/api/gateways/${gw}/evaluations`)).json()).result;
    const evaluation = evaluations.find((e) => e.processed)!;
    const types = pageOf(evaluationTypeSchema).parse(await (await ctx.app.request('/api/evaluation-types?per_page=50')).json()).result;
    const res = await ctx.app.request(`/api/gateways/${gw}/evaluations/${evaluation.id}/analysis`);
    expect(res.status).toBe(200);
    const analysis = envelopeOf(evaluationAnalysisSchema).parse(await res.json()).result;
    expect(analysis.until).toBe(evaluation.created_at);
    expect(analysis.dataset_ids).toEqual([...evaluation.datasets.map((d) => d.id), null]);
    const union = analysis.groups.at(-1)!;
    expect(union.logs).toBe(evaluation.total_logs);
    const cost = evaluation.results.find((r) => types.find((t) => t.id === r.evaluation_type_id)?.type === 'cost');
    expect(cost?.result).toBeTruthy();
    expect(union.cost.mean).toBe(Number(cost!.result));

    const excluded = envelopeOf(evaluationAnalysisSchema).parse(
      await (await ctx.app.request(`/api/gateways/${gw}/evaluations/${evaluation.id}/analysis?exclude_cached_failed=true`)).json(),
    ).result;
    expect(excluded.exclude_cached_failed).toBe(true);
    expect(excluded.groups.at(-1)!.measured_logs).toBeLessThanOrEqual(union.measured_logs);
  });

  it('names a bad query field; 404 for an unknown evaluation', async () => {
    const evaluations = pageOf(evaluationSchema).parse(await (await ctx.app.request(`/api/gateways/${gw}/evaluations`)).json()).result;
    const bad = await ctx.app.request(`/api/gateways/${gw}/evaluations/${evaluations[0]!.id}/analysis?exclude_cached_failed=maybe`);
    expect(bad.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await bad.json()).errors[0]!.message).toMatch(/exclude_cached_failed/);
    expect((await ctx.app.request(`/api/gateways/${gw}/evaluations/0123456789abcdef0123456789abcdef/analysis`)).status).toBe(404);
  });
});

interface WireLog {
  created_at: string;
  cost?: number | null;
  duration?: number | null;
  tokens_in?: number | null;
  tokens_out?: number | null;
  success: boolean;
  cached: boolean;
  feedback?: number | null;
}

/** Every log of one filter set, paged through the local gateway's /client/v4 API as any client would. */
async function pagedLogs(filters: unknown[]): Promise<WireLog[]> {
  const out: WireLog[] = [];
  for (let page = 1; ; page++) {
    const q = new URLSearchParams({ page: String(page), per_page: '50', filters: JSON.stringify(filters) });
    const res = await ctx.gateway.fetch(
      new Request(`http://gateway.test/client/v4/accounts/${ctx.gateway.accountId}/ai-gateway/gateways/${gw}/logs?${q}`, {
        headers: { authorization: `Bearer ${ctx.gateway.token}` },
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: WireLog[]; result_info: { total_count: number } };
    out.push(...body.result);
    if (page * 50 >= body.result_info.total_count) return out;
  }
}

/** Type 7 quantile written out here, apart from the code under test. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const i = Math.floor(h);
  return s[i]! + (h - i) * (s[Math.min(i + 1, s.length - 1)]! - s[i]!);
}

const expectRelClose = (got: number | null, want: number) => {
  expect(got).not.toBeNull();
  expect(Math.abs(got! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
};

describe('GET …/analysis with split_dataset and split_at', () => {
  const analysisOf = async (evaluationId: string, query: Record<string, string>) =>
    ctx.app.request(`/api/gateways/${gw}/evaluations/${evaluationId}/analysis?${new URLSearchParams(query)}`);
  const processedEvaluation = async () =>
    pageOf(evaluationSchema).parse(await (await ctx.app.request(`/api/gateways/${gw}/evaluations`)).json()).result.find((e) => e.processed)!;

  it('answers the halves of a dataset before and from the instant, equal to a computation from the paged logs', async () => {
    const evaluation = await processedEvaluation();
    const dataset = evaluation.datasets[0]!;
    const until = Date.parse(evaluation.created_at);
    const pinned = (await pagedLogs(dataset.filters)).filter((l) => Date.parse(l.created_at) <= until);
    // Split at the median instant of the pinned logs, so both halves have logs.
    const instants = pinned.map((l) => Date.parse(l.created_at)).sort((a, b) => a - b);
    const at = new Date(instants[Math.floor(instants.length / 2)]!).toISOString();
    const res = await analysisOf(evaluation.id, { split_dataset: dataset.id, split_at: at });
    expect(res.status).toBe(200);
    const analysis = envelopeOf(evaluationAnalysisSchema).parse(await res.json()).result;
    // The evaluation's own groups are unchanged by the split.
    const plain = envelopeOf(evaluationAnalysisSchema).parse(await (await analysisOf(evaluation.id, {})).json()).result;
    expect(plain.split).toBeNull();
    expect(analysis.groups.map((g) => g.logs)).toEqual(plain.groups.map((g) => g.logs));
    expect(analysis.split).not.toBeNull();
    const split = analysis.split!;
    expect(split.dataset_id).toBe(dataset.id);
    expect(split.at).toBe(at);
    expect(split.groups.map((g) => g.label)).toEqual([`${dataset.name} before ${at}`, `${dataset.name} from ${at}`]);
    const halves = [pinned.filter((l) => Date.parse(l.created_at) < Date.parse(at)), pinned.filter((l) => Date.parse(l.created_at) >= Date.parse(at))];
    expect(halves[0]!.length + halves[1]!.length).toBe(analysis.groups[0]!.logs);
    halves.forEach((logs, i) => {
      const got = split.groups[i]!;
      const costs = logs.flatMap((l) => (typeof l.cost === 'number' ? [l.cost] : []));
      const durations = logs.flatMap((l) => (typeof l.duration === 'number' ? [l.duration] : []));
      const up = logs.filter((l) => l.feedback === 1).length;
      const down = logs.filter((l) => l.feedback === -1).length;
      expect(logs.length).toBeGreaterThan(20);
      expect(got.logs).toBe(logs.length);
      expectRelClose(got.cost.mean, costs.reduce((s, c) => s + c, 0) / costs.length);
      expectRelClose(got.cost.median, quantile(costs, 0.5));
      expectRelClose(got.duration.p95, quantile(durations, 0.95));
      expect(got.duration.min).toBe(Math.min(...durations));
      expect(got.duration.max).toBe(Math.max(...durations));
      expect(got.feedback).toMatchObject({ up, down, rated: up + down });
      expect(got.error_rate.k).toBe(logs.filter((l) => !l.success).length);
      expect(got.cache_hit_rate.k).toBe(logs.filter((l) => l.cached).length);
      expect(got.estimate).toBeNull();
    });
    expect(analysis.estimate).toBeNull();
  });

  it('leaves cached and failed logs out of the halves too', async () => {
    const evaluation = await processedEvaluation();
    const dataset = evaluation.datasets[0]!;
    const at = evaluation.created_at;
    const res = await analysisOf(evaluation.id, { split_dataset: dataset.id, split_at: at, exclude_cached_failed: 'true' });
    const split = envelopeOf(evaluationAnalysisSchema).parse(await res.json()).result.split!;
    const until = Date.parse(evaluation.created_at);
    const kept = (await pagedLogs(dataset.filters)).filter((l) => Date.parse(l.created_at) < until && l.success && !l.cached);
    expect(split.groups[0]!.measured_logs).toBe(kept.length);
    expect(split.groups[0]!.cost.min).toBeGreaterThan(0);
  });

  it('refuses a bad instant, an instant after the pin, an unknown dataset and one without the other, naming the field', async () => {
    const evaluation = await processedEvaluation();
    const dataset = evaluation.datasets[0]!.id;
    const later = new Date(Date.parse(evaluation.created_at) + 1000).toISOString();
    const cases: [Record<string, string>, string][] = [
      [{ split_dataset: dataset, split_at: 'last tuesday' }, 'split_at'],
      [{ split_dataset: dataset, split_at: '2026-02-30T10:00:00Z' }, 'split_at'],
      [{ split_dataset: dataset, split_at: later }, 'split_at'],
      [{ split_dataset: 'no-such-dataset', split_at: evaluation.created_at }, 'split_dataset'],
      [{ split_dataset: dataset }, 'split_at'],
      [{ split_at: evaluation.created_at }, 'split_dataset'],
    ];
    for (const [query, field] of cases) {
      const res = await analysisOf(evaluation.id, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      const error = errorEnvelopeSchema.parse(await res.json()).errors[0]!;
      expect(error.message, JSON.stringify(query)).toMatch(new RegExp(`^${field}: `));
      expect(error.path).toEqual(['query', field]);
    }
  });

  it('creates nothing upstream: only reads and the analysis call', async () => {
    const seen: string[] = [];
    const recorded = await localApp({ seedLogs: 300, onUpstream: (req) => seen.push(`${req.method} ${new URL(req.url).pathname}`) });
    try {
      const gateway = pageOf(gatewaySchema).parse(await (await recorded.app.request('/api/gateways')).json()).result[0]!.id;
      const evaluation = pageOf(evaluationSchema)
        .parse(await (await recorded.app.request(`/api/gateways/${gateway}/evaluations`)).json())
        .result.find((e) => e.processed)!;
      seen.length = 0;
      const q = new URLSearchParams({ split_dataset: evaluation.datasets[0]!.id, split_at: evaluation.created_at });
      expect((await recorded.app.request(`/api/gateways/${gateway}/evaluations/${evaluation.id}/analysis?${q}`)).status).toBe(200);
      expect(seen.length).toBeGreaterThan(0);
      for (const call of seen) expect(call).toMatch(/^(GET .*\/evaluations\/[0-9a-f]+|POST .*\/x-local\/logs-analysis)$/);
    } finally {
      await recorded.close();
    }
  });
});

describe('Cloudflare mode', () => {
  let cf: Awaited<ReturnType<typeof localApp>>;
  beforeAll(async () => {
    cf = await localApp({ seedLogs: 100, upstream: { mode: 'cloudflare' } });
  });
  afterAll(() => cf.close());

  it('answers 501 saying the exact analysis is local only, before any upstream call', async () => {
    const res = await cf.app.request(`/api/gateways/default/evaluations/0123456789abcdef0123456789abcdef/analysis`);
    expect(res.status).toBe(501);
    expect(errorEnvelopeSchema.parse(await res.json()).errors[0]!.message).toMatch(/local gateway/);
  });
});
