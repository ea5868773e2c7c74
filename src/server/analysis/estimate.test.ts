import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationAnalysisSchema, type EvaluationAnalysis, type GroupAnalysis } from '../../shared/analysis.ts';
import { envelopeOf, errorEnvelopeSchema, pageOf } from '../../shared/envelope.ts';
import { evaluationSchema, type Evaluation } from '../../shared/evaluations.ts';
import { openLocalGateway, type LocalGateway } from '../../local-gateway/index.ts';
import { createApp } from '../app.ts';
import { DEFAULT_PACING } from '../pacing.ts';
import { createUpstream, inProcessFetch, LOCAL_GATEWAY_BASE_URL } from '../upstream.ts';
import { ESTIMATE_CALL_BUDGET } from './estimate.ts';

/**
 * The Cloudflare-mode estimate run against the local gateway, which speaks the same API: one gateway, two
 * apps, one asking the exact extension (local mode), the other only official log counts (Cloudflare mode).
 * Every exact count must match, every estimate lie inside the bounds it states, and the calls stay in budget.
 */
let dataDir: string;
let gateway: LocalGateway;
let exact: Hono;
let estimated: Hono;
let gw: string;
const calls: string[] = [];
/** The Cloudflare-mode pacing's clock: a test moves it on to refill the shared call budget. */
let clock = 0;
const refill = () => (clock += DEFAULT_PACING.windowMs);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'estimate-test-'));
  gateway = await openLocalGateway({ dataDir, seedLogs: 4000, evaluationDelayMs: 0 });
  const upstream = (mode: 'local' | 'cloudflare', onRequest?: (req: Request) => void) =>
    createUpstream({
      mode,
      accountId: gateway.accountId,
      apiToken: gateway.token,
      baseURL: LOCAL_GATEWAY_BASE_URL,
      pacing: mode === 'local' ? false : { ...DEFAULT_PACING, now: () => clock },
      fetch: inProcessFetch((req) => {
        onRequest?.(req);
        return gateway.fetch(req);
      }),
    });
  exact = createApp({ upstream: upstream('local'), log: () => {} });
  estimated = createApp({ upstream: upstream('cloudflare', (req) => calls.push(`${req.method} ${new URL(req.url).pathname}`)), log: () => {} });
  gw = 'default';
}, 60_000);
afterAll(async () => {
  await gateway.close();
  await rm(dataDir, { recursive: true, force: true });
});

const analysisOf = async (app: Hono, evaluationId: string, query: Record<string, string> = {}): Promise<EvaluationAnalysis> => {
  refill();
  const res = await app.request(`/api/gateways/${gw}/evaluations/${evaluationId}/analysis?${new URLSearchParams(query)}`);
  expect(res.status).toBe(200);
  return envelopeOf(evaluationAnalysisSchema).parse(await res.json()).result;
};

const NUMBER_FIELDS = ['cost', 'duration', 'tokens_total', 'tokens_in', 'tokens_out'] as const;
const FIGURES = ['mean', 'median', 'p90', 'p95', 'p99'] as const;

/** Counts equal, min/max equal, every estimate and exact figure inside the stated bounds. */
function expectWithinBounds(got: GroupAnalysis, want: GroupAnalysis) {
  expect(got.label).toBe(want.label);
  expect(got.logs).toBe(want.logs);
  expect(got.arrived_since).toBe(want.arrived_since);
  expect(got.measured_logs).toBe(want.measured_logs);
  expect(got.feedback).toEqual(want.feedback);
  expect(got.error_rate).toEqual(want.error_rate);
  expect(got.cache_hit_rate).toEqual(want.cache_hit_rate);
  expect(got.estimate).not.toBeNull();
  const estimate = got.estimate!;
  for (const field of NUMBER_FIELDS) {
    if (estimate.omitted.includes(field)) continue;
    const g = got[field];
    const w = want[field];
    expect(g.n, `${field}.n`).toBe(w.n);
    expect(g.min, `${field}.min`).toBe(w.min);
    expect(g.max, `${field}.max`).toBe(w.max);
    if (w.n === 0) continue;
    for (const figure of FIGURES) {
      const path = `${field}.${figure}`;
      expect(estimate.estimated, path).toContain(path);
      const bounds = estimate.bounds[path];
      expect(bounds, path).toBeDefined();
      const [lo, hi] = bounds!;
      const slack = 1e-9 * Math.max(Math.abs(lo), Math.abs(hi), 1e-12);
      expect(w[figure]!, `${path} exact ${w[figure]} in [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo - slack);
      expect(w[figure]!, `${path} exact in bounds`).toBeLessThanOrEqual(hi + slack);
      expect(g[figure]!, `${path} estimate in bounds`).toBeGreaterThanOrEqual(lo - slack);
      expect(g[figure]!, `${path} estimate in bounds`).toBeLessThanOrEqual(hi + slack);
    }
  }
  // The histograms count every measured log once, on edges shared by the groups.
  const h = got.histograms.cost;
  expect(h.counts.reduce((s, c) => s + c, 0) + h.zeros).toBe(got.cost.n);
}

const relative = (a: number | null, b: number | null) => (a === null || b === null ? NaN : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));

describe('Cloudflare-mode analysis from official log counts, against the exact local one', () => {
  let evaluation: Evaluation;
  beforeAll(async () => {
    evaluation = pageOf(evaluationSchema)
      .parse(await (await exact.request(`/api/gateways/${gw}/evaluations`)).json())
      .result.find((e) => e.processed && e.datasets.length === 2)!;
    expect(evaluation).toBeDefined();
  });

  it('counts exactly, estimates inside its bounds, within the call budget, and caches the answer', async () => {
    const want = await analysisOf(exact, evaluation.id);
    calls.length = 0;
    const got = await analysisOf(estimated, evaluation.id);
    expect(calls.length).toBeLessThanOrEqual(ESTIMATE_CALL_BUDGET);
    expect(got.estimate).toMatchObject({ upstream_calls: calls.length, call_budget: ESTIMATE_CALL_BUDGET, from_cache: false });
    expect(got.estimate!.method).toMatch(/total_count/);
    // Only official reads: the evaluation, then log lists.
    for (const call of calls) expect(call).toMatch(/^GET .*\/gateways\/default\/(evaluations\/[0-9a-f]+|logs)$/);
    expect(got.groups).toHaveLength(want.groups.length);
    got.groups.forEach((g, i) => expectWithinBounds(g, want.groups[i]!));
    // Estimates close enough to be useful: the means and the p95 within 10% on this seed.
    for (const [i, g] of got.groups.entries()) {
      expect(relative(g.cost.mean, want.groups[i]!.cost.mean)).toBeLessThan(0.1);
      expect(relative(g.duration.p95, want.groups[i]!.duration.p95)).toBeLessThan(0.1);
    }

    calls.length = 0;
    const again = await analysisOf(estimated, evaluation.id);
    expect(calls).toHaveLength(1); // the evaluation's read; the pinned analysis comes from the cache
    expect(again.estimate!.from_cache).toBe(true);
    expect(again.groups).toEqual(got.groups);
  });

  it('estimates the halves of a split and the figures without cached and failed logs the same way', async () => {
    const dataset = evaluation.datasets[0]!;
    const at = new Date(Date.parse(evaluation.created_at) - 3 * 86_400_000).toISOString();
    const query = { split_dataset: dataset.id, split_at: at, exclude_cached_failed: 'true' };
    const want = await analysisOf(exact, evaluation.id, query);
    calls.length = 0;
    const got = await analysisOf(estimated, evaluation.id, query);
    expect(calls.length).toBeLessThanOrEqual(ESTIMATE_CALL_BUDGET);
    expect(got.split!.groups[0]!.logs + got.split!.groups[1]!.logs).toBe(want.groups[0]!.logs);
    got.split!.groups.forEach((g, i) => expectWithinBounds(g, want.split!.groups[i]!));
    got.groups.forEach((g, i) => expectWithinBounds(g, want.groups[i]!));
  });

  it('counts the union of overlapping datasets by inclusion–exclusion', async () => {
    const dataset = async (name: string, filters: unknown[]) => {
      const res = await exact.request(`/api/gateways/${gw}/datasets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ name, enable: true, filters }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { id: string } }).result.id;
    };
    const a = await dataset('OpenAI', [{ key: 'provider', operator: 'eq', value: ['openai'] }]);
    const b = await dataset('Slow', [{ key: 'duration', operator: 'gt', value: [1500] }]);
    const c = await dataset('Successes', [{ key: 'success', operator: 'eq', value: [true] }]);
    const types = ((await (await exact.request('/api/evaluation-types?per_page=50')).json()) as { result: { id: string }[] }).result;
    const created = await exact.request(`/api/gateways/${gw}/evaluations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ name: 'overlapping', dataset_ids: [a, b, c], evaluation_type_ids: types.map((t) => t.id) }),
    });
    expect(created.status).toBe(200);
    const id = ((await created.json()) as { result: { id: string } }).result.id;
    for (let i = 0; i < 200; i++) {
      const e = evaluationSchema.parse(((await (await exact.request(`/api/gateways/${gw}/evaluations/${id}`)).json()) as { result: unknown }).result);
      if (e.processed) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const want = await analysisOf(exact, id);
    calls.length = 0;
    const got = await analysisOf(estimated, id);
    expect(calls.length).toBeLessThanOrEqual(ESTIMATE_CALL_BUDGET);
    const union = got.groups.at(-1)!;
    expect(union.logs).toBeLessThan(got.groups.slice(0, -1).reduce((s, g) => s + g.logs, 0)); // they overlap
    got.groups.forEach((g, i) => expectWithinBounds(g, want.groups[i]!));
  });

  it('spends the shared pacing budget: refused part-way with a 429, a retry resumes from the counts it has', async () => {
    let now = 0;
    const sent: string[] = [];
    const paced = createApp({
      upstream: createUpstream({
        mode: 'cloudflare',
        accountId: gateway.accountId,
        apiToken: gateway.token,
        baseURL: LOCAL_GATEWAY_BASE_URL,
        // A small budget: 25 calls at once, refilled at 5 per second.
        pacing: { burst: 25, perWindow: 1500, windowMs: 300_000, now: () => now },
        fetch: inProcessFetch((req) => {
          sent.push(new URL(req.url).pathname);
          return gateway.fetch(req);
        }),
      }),
      log: () => {},
    });
    const path = `/api/gateways/${gw}/evaluations/${evaluation.id}/analysis`;
    let res = await paced.request(path);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    let refusals = 1;
    while (res.status === 429) {
      now += Number(res.headers.get('retry-after')) * 1000 * 5; // wait long enough to refill 25 calls
      res = await paced.request(path);
      if (res.status === 429) refusals++;
      expect(refusals).toBeLessThan(20);
    }
    expect(res.status).toBe(200);
    const resumed = envelopeOf(evaluationAnalysisSchema).parse(await res.json()).result;
    const logCalls = sent.filter((p) => p.endsWith('/logs')).length;
    // Every count went out once over all the attempts: the same calls as one uninterrupted analysis.
    calls.length = 0;
    const whole = await analysisOf(estimated, evaluation.id);
    expect(logCalls).toBeLessThanOrEqual(ESTIMATE_CALL_BUDGET);
    expect(resumed.groups).toEqual(whole.groups);
  });

  it('names the gateway in a 404 and a bad split field in a 400, like local mode', async () => {
    const res = await estimated.request(`/api/gateways/${gw}/evaluations/${evaluation.id}/analysis?split_at=soon&split_dataset=x`);
    expect(res.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await res.json()).errors[0]!.message).toMatch(/^split_at/);
    expect((await estimated.request(`/api/gateways/${gw}/evaluations/0123456789abcdef0123456789abcdef/analysis`)).status).toBe(404);
  });
});
