import { benchFilters, type BenchFilter } from './filter-set.ts';
import { countQuery, HttpClient, totalCount } from './http-client.ts';
import { loadColumns, loopCount, loopEvaluation, type Columns } from './reference-loop.ts';
import { SqlReference, type EvaluationAggregates } from './reference-sql.ts';
import type { Metrics } from './report.ts';
import { ServerProcess } from './server-process.ts';
import { median, percentile, timeRepeated } from './stats.ts';

/** Seeding a million logs may take minutes on a slow machine; past this the run is broken, not slow. */
const START_TIMEOUT_MS = 300_000;
const EVALUATION_TIMEOUT_MS = 60_000;
const POLL_MS = 5;

export interface Repetitions {
  api: number;
  sql: number;
  loop: number;
  evaluations: number;
}

/** One started server with what the bench needs to talk to it. */
export interface Target {
  server: ServerProcess;
  client: HttpClient;
  /** The gateway holding most logs: the one every figure is taken on. */
  gatewayId: string;
  gatewayLogs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a server on `dataDir` and times spawn → the first answer that counts logs (the gateways list,
 * then a logs count on each gateway). On a fresh dir this includes seeding.
 */
export async function startAndTime(
  dataDir: string,
  seedLogs: number,
  nodeArgs: string[] = [],
): Promise<{ target: Target; ms: number; cpuS: number; logs: number }> {
  const t0 = performance.now();
  const server = await ServerProcess.spawn({ dataDir, seedLogs, nodeArgs });
  try {
    await server.waitFor('/api/gateways', START_TIMEOUT_MS);
    const client = new HttpClient(server.baseUrl, server.accountId(), server.token());
    const gateways = (await client.get<{ id: string }[]>(client.gatewayPath('/gateways?per_page=100'))).result;
    let best = { id: '', logs: -1 };
    let logs = 0;
    for (const g of gateways) {
      const n = totalCount(await client.get(client.gatewayPath(`/gateways/${encodeURIComponent(g.id)}/logs${countQuery([])}`)));
      logs += n;
      if (n > best.logs) best = { id: g.id, logs: n };
    }
    const ms = performance.now() - t0;
    const cpuS = server.cpuSeconds();
    if (!best.id) throw new Error('the local gateway lists no gateway');
    return { target: { server, client, gatewayId: best.id, gatewayLogs: best.logs }, ms, cpuS, logs };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

const logsPath = (t: Target, filters: BenchFilter['filters']) =>
  t.client.gatewayPath(`/gateways/${encodeURIComponent(t.gatewayId)}/logs${countQuery(filters)}`);

/** p50 of match counts through the HTTP API, after one warm-up call; checks every answer is the same. */
export async function apiCountTimes(t: Target, f: BenchFilter, reps: number): Promise<{ times: number[]; count: number }> {
  const counts = new Set<number>();
  const times = await timeRepeated(
    reps,
    async () => totalCount(await t.client.get(logsPath(t, f.filters))),
    (n) => counts.add(n),
  );
  if (counts.size !== 1) throw new Error(`${f.id}: the API answered different counts for the same filter: ${[...counts].join(', ')}`);
  return { times, count: [...counts][0]! };
}

/** Per filter: API p50/p95, SQL p50, loop p50, the ratios, and a three-way count cross-check. */
export async function measureFilters(
  t: Target,
  columns: Columns,
  sql: SqlReference,
  reps: Repetitions,
  metrics: Metrics,
  problems: string[],
): Promise<Map<BenchFilter['id'], number>> {
  const p50s = new Map<BenchFilter['id'], number>();
  for (const f of benchFilters(Date.now())) {
    const api = await apiCountTimes(t, f, reps.api);
    let sqlCount = -1;
    const sqlTimes = await timeRepeated(reps.sql, () => sql.count(t.gatewayId, f), (n) => (sqlCount = n));
    let loopN = -1;
    const loopTimes = await timeRepeated(reps.loop, () => loopCount(columns, t.gatewayId, f), (n) => (loopN = n));
    if (api.count !== sqlCount || api.count !== loopN) {
      const message = `COUNT MISMATCH for "${f.label}": API ${api.count}, SQL ${sqlCount}, loop ${loopN}`;
      console.error(`\n!!! ${message}\n`);
      problems.push(message);
    }
    const apiP50 = median(api.times);
    const sqlP50 = median(sqlTimes);
    const loopP50 = median(loopTimes);
    p50s.set(f.id, apiP50);
    const note = `${api.count.toLocaleString('en-US')} match`;
    metrics.add({ name: `gateway: count [${f.label}] API p50`, value: apiP50, unit: 'ms', targetAtFull: 20, note });
    metrics.add({ name: `gateway: count [${f.label}] API p95`, value: percentile(api.times, 95), unit: 'ms' });
    metrics.add({ name: `gateway: count [${f.label}] SQL p50`, value: sqlP50, unit: 'ms' });
    metrics.add({ name: `gateway: count [${f.label}] loop p50`, value: loopP50, unit: 'ms' });
    metrics.add({ name: `gateway: count [${f.label}] API ÷ SQL`, value: apiP50 / sqlP50, unit: '×', targetAtFull: 0.25 });
    metrics.add({ name: `gateway: count [${f.label}] API ÷ loop`, value: apiP50 / loopP50, unit: '×', targetAtFull: 10 });
  }
  return p50s;
}

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

/** Which aggregate an evaluator's `total_logs` should equal, by the type's name (product §3). */
function expectedLogs(type: EvaluationType | undefined, agg: EvaluationAggregates): number | undefined {
  const name = `${type?.name ?? ''} ${type?.type ?? ''}`.toLowerCase();
  if (name.includes('cost')) return agg.nCost;
  if (name.includes('speed') || name.includes('latency') || name.includes('duration')) return agg.n;
  if (name.includes('feedback')) return agg.rated;
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
    const expected = expectedLogs(
      types.find((x) => x.id === r.evaluation_type_id),
      ref,
    );
    if (expected !== undefined && r.total_logs !== expected) mismatch(`${r.evaluation_type_id}: total_logs ${r.total_logs}, SQL says ${expected}`);
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


