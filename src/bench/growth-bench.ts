import { benchFilters } from './filter-set.ts';
import { createBenchDatasets, measureEvaluation } from './evaluation-bench.ts';
import { apiCountTimes, startAndTime, type Repetitions } from './gateway-measures.ts';
import { SqlReference } from './reference-sql.ts';
import type { Metrics } from './report.ts';
import { freshDataDir, removeDir } from './server-process.ts';
import { loopTurn, median } from './stats.ts';

export interface GrowthPoint {
  logs: number;
  threeRowP50: number;
  evaluationMs: number;
}

/** One size of the cost-growth series: a fresh seeded server, the three-row count and the evaluation. */
export async function growthPoint(logs: number, reps: Repetitions, problems: string[]): Promise<GrowthPoint> {
  const dataDir = freshDataDir();
  try {
    console.log(`growth: ${logs.toLocaleString('en-US')} logs…`);
    const { target } = await startAndTime(dataDir, logs);
    const sql = new SqlReference(target.server.storeFile());
    try {
      const set = benchFilters(Date.now());
      const three = set.find((f) => f.id === 'three_rows')!;
      const api = await apiCountTimes(target, three, reps.api);
      const sqlCount = sql.count(target.gatewayId, three);
      if (api.count !== sqlCount) problems.push(`COUNT MISMATCH at ${logs} logs for "${three.label}": API ${api.count}, SQL ${sqlCount}`);
      const aggregates = sql.evaluation(target.gatewayId, three, set.find((f) => f.id === 'model_contains')!);
      await loopTurn(); // after synchronous reference work, before the next call (see loopTurn)
      const datasetIds = await createBenchDatasets(target);
      const evaluationMs = await measureEvaluation(target, datasetIds, reps.evaluations, aggregates, problems);
      return { logs, threeRowP50: median(api.times), evaluationMs };
    } finally {
      sql.close();
      await target.server.stop();
    }
  } finally {
    removeDir(dataDir);
  }
}

/** The series as metrics, smallest first, with the growth factor between neighbours. */
export function addGrowthMetrics(points: GrowthPoint[], metrics: Metrics): void {
  const sorted = [...points].sort((a, b) => a.logs - b.logs);
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    const size = p.logs >= 1_000_000 ? `${p.logs / 1_000_000}M` : `${p.logs / 1000}k`;
    const growth = (now: number, before: number | undefined) =>
      prev && before ? `×${(now / before).toFixed(1)} for ×${(p.logs / prev.logs).toFixed(0)} logs` : undefined;
    const countNote = growth(p.threeRowP50, prev?.threeRowP50);
    const evalNote = growth(p.evaluationMs, prev?.evaluationMs);
    metrics.add({ name: `growth: three-row count API p50 at ${size}`, value: p.threeRowP50, unit: 'ms', ...(countNote ? { note: countNote } : {}) });
    metrics.add({ name: `growth: evaluation at ${size}`, value: p.evaluationMs, unit: 'ms', ...(evalNote ? { note: evalNote } : {}) });
  });
}
