import { runAnalysisBench } from './analysis-bench.ts';
import { createBenchDatasets, evaluationReferences, measureEvaluation } from './evaluation-bench.ts';
import { measureFilters, startAndTime, type Repetitions, type Target } from './gateway-measures.ts';
import { loadColumns } from './reference-loop.ts';
import { SqlReference } from './reference-sql.ts';
import type { Metrics } from './report.ts';
import { runResponsiveness } from './responsiveness-bench.ts';
import { loopTurn } from './stats.ts';

export interface GatewayOutcome {
  /** The restarted server, left running for the BFF and browser benches; the caller stops it. */
  target: Target;
  threeRowP50: number;
  evaluationMs: number;
}

/**
 * The local gateway at `logs` logs: seed into `dataDir` (first start), then restart on the same dir for
 * start-up alone, then the filter set and the evaluation side by side with SQL and the loop.
 */
export async function runGatewayBench(
  dataDir: string,
  logs: number,
  reps: Repetitions,
  metrics: Metrics,
  problems: string[],
  serverNodeArgs: string[] = [],
): Promise<GatewayOutcome> {
  console.log(`gateway: seeding ${logs.toLocaleString('en-US')} logs (first start)…`);
  const first = await startAndTime(dataDir, logs);
  let rssSeeded: number;
  try {
    rssSeeded = first.target.server.rssMb();
  } finally {
    await first.target.server.stop();
  }
  if (first.logs !== logs) problems.push(`seeded ${first.logs} logs, asked for ${logs}`);

  console.log('gateway: restart on the same data…');
  const second = await startAndTime(dataDir, logs, serverNodeArgs);
  const t = second.target;
  try {
    const seedingS = (first.ms - second.ms) / 1000;
    const cpu = (s: number) => `server CPU ${s.toFixed(1)} s`;
    metrics.add({ name: 'gateway: first start (seeding + start) to first answer', value: first.ms / 1000, unit: 's', note: `${first.logs.toLocaleString('en-US')} logs counted; ${cpu(first.cpuS)}` });
    metrics.add({ name: 'gateway: seeding (first start − restart)', value: seedingS, unit: 's', targetAtFull: 20, note: cpu(first.cpuS - second.cpuS) });
    metrics.add({ name: 'gateway: seeding rate', value: first.logs / seedingS, unit: 'logs/s', better: 'higher', targetAtHuge: 100_000 });
    metrics.add({ name: 'gateway: start-up to first answer (restart)', value: second.ms / 1000, unit: 's', targetAtFull: 5, targetAtHuge: 10, note: cpu(second.cpuS) });
    metrics.add({ name: 'gateway: server RSS after seeding', value: rssSeeded, unit: 'MB', targetAtFull: 300, targetAtHuge: 1500 });
    metrics.add({ name: 'gateway: server RSS after restart', value: t.server.rssMb(), unit: 'MB', targetAtFull: 300, targetAtHuge: 1500 });

    console.log('gateway: loading the loop reference columns…');
    const l0 = performance.now();
    const columns = loadColumns(t.server.storeFile());
    metrics.add({ name: 'reference: load typed-array columns from SQLite', value: (performance.now() - l0) / 1000, unit: 's', note: 'bench process, once' });
    const sql = new SqlReference(t.server.storeFile());
    await loopTurn(); // loading the columns held the loop for seconds: retire idle sockets before the next call
    try {
      console.log(`gateway: match counts on "${t.gatewayId}" (${t.gatewayLogs.toLocaleString('en-US')} logs)…`);
      const p50s = await measureFilters(t, columns, sql, reps, metrics, problems);

      console.log('gateway: evaluation…');
      const refs = await evaluationReferences(t, columns, sql, reps, problems);
      const datasetIds = await createBenchDatasets(t);
      const evaluationMs = await measureEvaluation(t, datasetIds, reps.evaluations, refs.aggregates, problems);
      const logsNote = `${refs.aggregates.n.toLocaleString('en-US')} logs in the union`;
      metrics.add({ name: 'gateway: evaluation 3 evaluators × 2 datasets, create → processed', value: evaluationMs, unit: 'ms', targetAtFull: 250, targetAtHuge: 1000, note: `median of ${reps.evaluations}; ${logsNote}` });
      metrics.add({ name: 'gateway: evaluation aggregates SQL p50', value: refs.sqlMs, unit: 'ms' });
      metrics.add({ name: 'gateway: evaluation aggregates loop p50', value: refs.loopMs, unit: 'ms' });
      metrics.add({ name: 'gateway: server RSS after counts and evaluations', value: t.server.rssMb(), unit: 'MB', targetAtHuge: 1500 });
      await runAnalysisBench(t, datasetIds, reps, metrics, problems);

      await runResponsiveness(t, dataDir, logs, metrics);
      return { target: t, threeRowP50: p50s.get('three_rows')!, evaluationMs };
    } finally {
      sql.close();
    }
  } catch (e) {
    await t.server.stop();
    throw e;
  }
}
