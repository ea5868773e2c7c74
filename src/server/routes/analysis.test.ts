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
