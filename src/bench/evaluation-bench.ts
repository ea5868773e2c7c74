import { benchFilters } from './filter-set.ts';
import type { Repetitions, Target } from './gateway-measures.ts';
import { loopEvaluation, type Columns } from './reference-loop.ts';
import type { EvaluationAggregates, SqlReference } from './reference-sql.ts';
import { median, timeRepeated } from './stats.ts';

const EVALUATION_TIMEOUT_MS = 60_000;
const POLL_MS = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface EvaluationResult {
  evaluation_type_id: string;
  result: string;
  total_logs: number;
}
interface Evaluation {
  id: string;
  processed: boolean;
  total_logs: number;
  results: EvaluationResult[];
}
interface EvaluationType {
  id: string;
  name: string;
  type: string;
}

/** The two datasets the evaluation runs over: the three-row filter and `model contains llama`. */
export async function createBenchDatasets(t: Target): Promise<string[]> {
  const set = benchFilters(Date.now());
  const ids: string[] = [];
  for (const id of ['three_rows', 'model_contains'] as const) {
    const f = set.find((x) => x.id === id)!;
    const body = { name: `bench ${f.label}`, enable: true, filters: f.filters };
    const created = await t.client.post<{ id: string }>(t.client.gatewayPath(`/gateways/${encodeURIComponent(t.gatewayId)}/datasets`), body);
    ids.push(created.result.id);
  }
  return ids;
}

/** What an evaluator's result should be, from the SQL aggregates, by the type's name (product §3). */
function expected(type: EvaluationType | undefined, agg: EvaluationAggregates): { logs: number; value: number | null } | undefined {
  const name = `${type?.name ?? ''} ${type?.type ?? ''}`.toLowerCase();
  if (name.includes('cost')) return { logs: agg.nCost, value: agg.avgCost };
  if (name.includes('speed')) return { logs: agg.n, value: agg.avgDuration };
  if (name.includes('feedback')) return { logs: agg.rated, value: agg.rated ? (100 * agg.up) / agg.rated : null };
  return undefined;
}

/**
 * Create → `processed` of an evaluation with three evaluators over two datasets, polling every 5 ms,
 * `runs` times; returns the median, and checks the counts against the SQL aggregates.
 */
export async function measureEvaluation(
  t: Target,
  datasetIds: string[],
  runs: number,
  reference: EvaluationAggregates,
  problems: string[],
): Promise<number> {
  const types = (await t.client.get<EvaluationType[]>(t.client.gatewayPath('/evaluation-types?per_page=50'))).result;
  if (types.length < 3) throw new Error(`expected at least 3 evaluation types, got ${types.length}`);
  const typeIds = types.slice(0, 3).map((x) => x.id);
  const base = `/gateways/${encodeURIComponent(t.gatewayId)}/evaluations`;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const created = await t.client.post<Evaluation>(t.client.gatewayPath(base), {
      name: `bench evaluation ${run + 1}`,
      dataset_ids: datasetIds,
      evaluation_type_ids: typeIds,
    });
    let evaluation = created.result;
    const deadline = Date.now() + EVALUATION_TIMEOUT_MS;
    while (!evaluation.processed) {
      if (Date.now() > deadline) throw new Error(`evaluation ${evaluation.id} not processed within ${EVALUATION_TIMEOUT_MS} ms`);
      await sleep(POLL_MS);
      evaluation = (await t.client.get<Evaluation>(t.client.gatewayPath(`${base}/${evaluation.id}`))).result;
    }
    times.push(performance.now() - t0);
    if (run === 0) checkEvaluation(evaluation, types, reference, problems);
  }
  return median(times);
}

function checkEvaluation(e: Evaluation, types: EvaluationType[], ref: EvaluationAggregates, problems: string[]): void {
  const mismatch = (what: string) => {
    const message = `EVALUATION MISMATCH: ${what}`;
    console.error(`\n!!! ${message}\n`);
    problems.push(message);
  };
  if (e.total_logs !== ref.n) mismatch(`total_logs ${e.total_logs}, SQL says ${ref.n} distinct logs in the union`);
  for (const r of e.results) {
    const want = expected(
      types.find((x) => x.id === r.evaluation_type_id),
      ref,
    );
    if (!want) continue;
    if (r.total_logs !== want.logs) mismatch(`${r.evaluation_type_id}: total_logs ${r.total_logs}, SQL says ${want.logs}`);
    // Exact up to summation order: the gateway and SQLite may add the same numbers in a different order.
    const got = Number(r.result);
    if (want.value !== null && !(Math.abs(got - want.value) <= 1e-9 * Math.max(1, Math.abs(want.value)))) {
      mismatch(`${r.evaluation_type_id}: result ${r.result}, SQL says ${want.value}`);
    }
  }
}

/** The evaluation aggregates as plain SQL and as the loop, timed like the counts, cross-checked. */
export async function evaluationReferences(
  t: Target,
  columns: Columns,
  sql: SqlReference,
  reps: Repetitions,
  problems: string[],
): Promise<{ sqlMs: number; loopMs: number; aggregates: EvaluationAggregates }> {
  const set = benchFilters(Date.now());
  const a = set.find((x) => x.id === 'three_rows')!;
  const b = set.find((x) => x.id === 'model_contains')!;
  let aggregates = sql.evaluation(t.gatewayId, a, b);
  const sqlTimes = await timeRepeated(reps.sql, () => sql.evaluation(t.gatewayId, a, b), (x) => (aggregates = x));
  let loop = loopEvaluation(columns, t.gatewayId);
  const loopTimes = await timeRepeated(reps.loop, () => loopEvaluation(columns, t.gatewayId), (x) => (loop = x));
  if (loop.n !== aggregates.n || loop.nCost !== aggregates.nCost || loop.rated !== aggregates.rated || loop.up !== aggregates.up) {
    problems.push(`evaluation reference mismatch: SQL ${JSON.stringify(aggregates)} vs loop ${JSON.stringify(loop)}`);
  }
  return { sqlMs: median(sqlTimes), loopMs: median(loopTimes), aggregates };
}
