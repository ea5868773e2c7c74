import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../shared/analysis.ts';
import type { WireFilter } from '../../shared/filters.ts';
import { preciseSum } from '../precise-sum.ts';
import { generateLogs } from '../seed.ts';
import { Store } from '../store.ts';
import { caller, openTestGateway, waitProcessed } from '../test-helpers.ts';
import { ANALYSIS_PATH } from '../routes/analysis.ts';

type Call = ReturnType<typeof caller>;
interface WireLog {
  created_at: string;
  cost?: number | null;
  duration?: number | null;
  success: boolean;
  cached: boolean;
  feedback?: number | null;
}

const GW = 'default';
const DATASET_A: WireFilter[] = [{ key: 'provider', operator: 'eq', value: ['openai'] }];
const DATASET_B: WireFilter[] = [{ key: 'model', operator: 'contains', value: ['claude'] }];

/** Every log of a filter set, paged through the public list (50 a page), as any Cloudflare client would. */
async function allLogs(call: Call, filters: WireFilter[]): Promise<WireLog[]> {
  const out: WireLog[] = [];
  for (let page = 1; ; page++) {
    const q = new URLSearchParams({ page: String(page), per_page: '50', filters: JSON.stringify(filters) });
    const res = await call('GET', `/gateways/${GW}/logs?${q}`);
    expect(res.status).toBe(200);
    out.push(...(res.body.result as WireLog[]));
    if (page * 50 >= res.body.result_info.total_count) return out;
  }
}

/** Type 7 quantile, written out again here so the test does not trust the code it checks. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const i = Math.floor(h);
  return s[i]! + (h - i) * (s[Math.min(i + 1, s.length - 1)]! - s[i]!);
}

function independent(logs: WireLog[]) {
  const costs = logs.flatMap((l) => (typeof l.cost === 'number' ? [l.cost] : []));
  const durations = logs.flatMap((l) => (typeof l.duration === 'number' ? [l.duration] : []));
  const up = logs.filter((l) => l.feedback === 1).length;
  const down = logs.filter((l) => l.feedback === -1).length;
  return {
    n: logs.length,
    meanCost: preciseSum(costs) / costs.length,
    medianCost: quantile(costs, 0.5),
    p95Duration: quantile(durations, 0.95),
    maxDuration: Math.max(...durations),
    up,
    down,
    errors: logs.filter((l) => !l.success).length,
    cached: logs.filter((l) => l.cached).length,
  };
}

describe('logs analysis (local extension)', () => {
  let env: Awaited<ReturnType<typeof openTestGateway>>;
  let call: Call;
  let evaluation: { id: string; created_at: string; results: { evaluation_type_id: string; result: string }[] };
  let types: { id: string; type: string }[];
  const analysis = async (exclude = false): Promise<AnalysisResult> => {
    const res = await call('POST', `/gateways/${GW}/${ANALYSIS_PATH}`, {
      body: {
        exclude_cached_failed: exclude,
        groups: [
          { label: 'A', any_of: [DATASET_A], until: evaluation.created_at },
          { label: 'B', any_of: [DATASET_B], until: evaluation.created_at },
          { label: 'union', any_of: [DATASET_A, DATASET_B], until: evaluation.created_at },
        ],
      },
    });
    expect(res.status).toBe(200);
    return res.body.result;
  };

  beforeAll(async () => {
    // On worker threads (every scan off the serving thread), as a large gateway runs the analysis.
    env = await openTestGateway({ seedLogs: 3000, queryThreads: 2, inlineScanBelow: 0 });
    call = caller(env.gateway);
    types = (await call('GET', '/evaluation-types?per_page=50')).body.result;
    const ids: string[] = [];
    for (const [name, filters] of [['A', DATASET_A], ['B', DATASET_B]] as const) {
      const res = await call('POST', `/gateways/${GW}/datasets`, { body: { name: `analysis ${name}`, enable: true, filters } });
      expect(res.status).toBe(200);
      ids.push(res.body.result.id);
    }
    const created = await call('POST', `/gateways/${GW}/evaluations`, {
      body: { name: 'A vs B', dataset_ids: ids, evaluation_type_ids: types.map((t) => t.id) },
    });
    evaluation = (await waitProcessed(call, GW, created.body.result.id)).body.result;
  }, 60_000);
  afterAll(() => env.dispose());

  it('each dataset and the union equal a computation from the logs paged through /client/v4', async () => {
    const result = await analysis();
    const a = await allLogs(call, DATASET_A);
    const b = await allLogs(call, DATASET_B);
    const seen = new Set<string>();
    const union = [...a, ...b].filter((l) => {
      const key = JSON.stringify(l);
      return seen.has(key) ? false : (seen.add(key), true);
    });
    const until = Date.parse(evaluation.created_at);
    const pinned = (logs: WireLog[]) => logs.filter((l) => Date.parse(l.created_at) <= until);
    [a, b, union].forEach((logs, i) => {
      const want = independent(pinned(logs));
      const got = result.groups[i]!;
      expect(want.n).toBeGreaterThan(30);
      expect(got.logs).toBe(want.n);
      expect(got.cost.mean).toBe(want.meanCost);
      expect(got.cost.median).toBeCloseTo(want.medianCost, 15);
      expect(got.duration.p95).toBeCloseTo(want.p95Duration, 9);
      expect(got.duration.max).toBe(want.maxDuration);
      expect(got.feedback).toMatchObject({ up: want.up, down: want.down, rated: want.up + want.down });
      expect(got.feedback.thumbs_up.share).toBe(want.up / (want.up + want.down));
      expect(got.error_rate.k).toBe(want.errors);
      expect(got.cache_hit_rate.k).toBe(want.cached);
      // Every histogram counts every measured log once.
      const h = got.histograms.duration;
      expect(h.counts.reduce((s, c) => s + c, 0) + h.zeros).toBe(got.duration.n);
    });
  });

  it("the union's figures equal the evaluation's own results exactly", async () => {
    const union = (await analysis()).groups[2]!;
    const byType = new Map(types.map((t) => [t.id, t.type]));
    for (const r of evaluation.results) {
      const type = byType.get(r.evaluation_type_id);
      const expected =
        type === 'cost'
          ? union.cost.mean
          : type === 'speed'
            ? union.duration.mean
            : (100 * union.feedback.up) / union.feedback.rated;
      expect(Number(r.result)).toBe(expected);
    }
  });

  it('leaving cached and failed logs out changes cost and speed only', async () => {
    const all = (await analysis(false)).groups[0]!;
    const kept = (await analysis(true)).groups[0]!;
    expect(kept.measured_logs).toBeLessThan(all.measured_logs);
    expect(kept.measured_logs).toBeLessThanOrEqual(all.logs - all.error_rate.k);
    expect(kept.feedback).toEqual(all.feedback);
    expect(kept.evaluator).toEqual(all.evaluator);
    expect(kept.cost.min!).toBeGreaterThan(0);
  });

  it('logs added after the evaluation do not change it, and are counted as arrived since', async () => {
    const before = await analysis();
    const store = new Store(env.dataDir);
    try {
      // A day's logs ending two days ahead: every one is newer than the evaluation.
      store.logs.insert(generateLogs(GW, 500, { endMs: Date.now() + 2 * 86_400_000, days: 1, seed: 11 }));
    } finally {
      store.close();
    }
    const after = await analysis();
    after.groups.forEach((g, i) => {
      const { arrived_since, ...rest } = g;
      const { arrived_since: before_arrived, ...was } = before.groups[i]!;
      expect(rest).toEqual(was);
      expect(arrived_since).toBeGreaterThan(before_arrived);
    });
  });

  it('refuses a bad body naming the field', async () => {
    const res = await call('POST', `/gateways/${GW}/${ANALYSIS_PATH}`, { body: { groups: [{ label: 'x', any_of: [[]], until: 'yesterday' }] } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/groups › 0 › until/);
  });
});
