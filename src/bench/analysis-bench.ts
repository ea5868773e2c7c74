import type { AnalysisRequest, AnalysisResult, GroupAnalysis } from '../shared/analysis.ts';
import type { WireFilter } from '../shared/filters.ts';
import { Counter } from '../server/analysis/count-terms.ts';
import { ESTIMATE_CALL_BUDGET, estimateAnalysis } from '../server/analysis/estimate.ts';
import type { Repetitions, Target } from './gateway-measures.ts';
import type { Metrics } from './report.ts';
import { median } from './stats.ts';

interface Dataset {
  id: string;
  name: string;
  filters: WireFilter[];
}

const FIELDS = ['cost', 'duration', 'tokens_total'] as const;
const FIGURES = ['mean', 'median', 'p95', 'p99'] as const;

/** The worst relative error of the estimate against the exact figures, and whether every bound held. */
function compare(exact: AnalysisResult, estimate: AnalysisResult): { worst: number; where: string; boundsHeld: boolean; countsExact: boolean } {
  let worst = 0;
  let where = '';
  let boundsHeld = true;
  let countsExact = true;
  exact.groups.forEach((want: GroupAnalysis, i) => {
    const got = estimate.groups[i]!;
    if (got.logs !== want.logs || got.feedback.up !== want.feedback.up || got.error_rate.k !== want.error_rate.k) countsExact = false;
    for (const field of FIELDS) {
      for (const figure of FIGURES) {
        const w = want[field][figure];
        const g = got[field][figure];
        if (w === null || g === null) continue;
        const err = Math.abs(g - w) / Math.max(Math.abs(w), 1e-300);
        if (err > worst) {
          worst = err;
          where = `${want.label} ${field} ${figure}`;
        }
        const b = got.estimate?.bounds[`${field}.${figure}`];
        const slack = 1e-9 * Math.max(Math.abs(w), 1e-12);
        if (!b || w < b[0] - slack || w > b[1] + slack) boundsHeld = false;
      }
    }
  });
  return { worst, where, boundsHeld, countsExact };
}

/**
 * The per-dataset breakdown of a 2-dataset evaluation (each dataset and their union, pinned), exact from
 * the local gateway's extension, then the Cloudflare-mode estimate of the same request from official log
 * counts against the same gateway: its calls, time and error against the exact figures.
 */
export async function runAnalysisBench(t: Target, datasetIds: string[], reps: Repetitions, metrics: Metrics, problems: string[]): Promise<void> {
  const gw = `/gateways/${encodeURIComponent(t.gatewayId)}`;
  const datasets = await Promise.all(datasetIds.map(async (id) => (await t.client.get<Dataset>(t.client.gatewayPath(`${gw}/datasets/${id}`))).result));
  const until = new Date().toISOString();
  const request: AnalysisRequest = {
    exclude_cached_failed: false,
    groups: [
      ...datasets.map((d) => ({ label: d.name, any_of: [d.filters], until })),
      { label: 'union', any_of: datasets.map((d) => d.filters), until },
    ],
  };
  const path = t.client.gatewayPath(`${gw}/x-local/logs-analysis`);
  let exact = (await t.client.post<AnalysisResult>(path, request)).result;
  const times: number[] = [];
  const runs = Math.max(5, reps.evaluations * 2);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    exact = (await t.client.post<AnalysisResult>(path, request)).result;
    times.push(performance.now() - t0);
  }
  const union = exact.groups.at(-1)!;
  metrics.add({
    name: 'gateway: per-dataset breakdown, 2 datasets + union (exact)',
    value: median(times),
    unit: 'ms',
    targetAtFull: 300,
    targetAtHuge: 1500,
    note: `median of ${runs}; ${union.logs.toLocaleString('en-US')} logs in the union`,
  });

  // Cloudflare mode's path, run against the local gateway (it speaks the same API), nothing cached.
  const count = async (filters: WireFilter[], metaInfo: boolean) => {
    const q = new URLSearchParams({ page: '1', per_page: '1', filters: JSON.stringify(filters), ...(metaInfo ? { meta_info: 'true' } : {}) });
    const res = await t.client.get<unknown[]>(t.client.gatewayPath(`${gw}/logs?${q}`));
    const info = (res.result_info ?? {}) as { total_count?: number };
    if (typeof info.total_count !== 'number') throw new Error('logs list without result_info.total_count');
    return { total: info.total_count, info };
  };
  const counter = new Counter(count, ESTIMATE_CALL_BUDGET - 1);
  const t0 = performance.now();
  const { result } = await estimateAnalysis(counter, request);
  const ms = performance.now() - t0;
  const calls = counter.sent + 1; // and the evaluation's read, which the server makes first
  const c = compare(exact, result);
  if (!c.countsExact) problems.push('analysis estimate: a count differs from the exact analysis');
  if (!c.boundsHeld) problems.push('analysis estimate: an exact figure lies outside the bounds the estimate states');
  metrics.add({ name: 'gateway: Cloudflare-mode breakdown estimate, upstream calls', value: calls, unit: 'calls', target: ESTIMATE_CALL_BUDGET, note: 'against the local gateway; incl. the evaluation read' });
  metrics.add({ name: 'gateway: Cloudflare-mode breakdown estimate, time', value: ms, unit: 'ms', note: `${calls} calls, 6 at a time, against the local gateway` });
  metrics.add({
    name: 'gateway: Cloudflare-mode estimate, worst relative error',
    value: 100 * c.worst,
    unit: '%',
    note: `${c.where}; over mean, median, p95, p99 of cost, duration, tokens; every exact figure inside its stated bounds: ${c.boundsHeld ? 'yes' : 'NO'}`,
  });
}
