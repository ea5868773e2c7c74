import { benchFilters, type BenchFilter } from './filter-set.ts';
import { countQuery, HttpClient, totalCount } from './http-client.ts';
import { loopCount, type Columns } from './reference-loop.ts';
import type { SqlReference } from './reference-sql.ts';
import type { Metrics } from './report.ts';
import { ServerProcess } from './server-process.ts';
import { median, percentile, timeRepeated } from './stats.ts';

/** Seeding a million logs may take minutes on a slow machine; past this the run is broken, not slow. */
const START_TIMEOUT_MS = 900_000;

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

/**
 * Starts a server on `dataDir` and times spawn → the first answer that counts logs (the gateways list,
 * then a logs count on each gateway). On a fresh dir this includes seeding.
 */
export async function startAndTime(
  dataDir: string,
  seedLogs: number,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<{ target: Target; ms: number; cpuS: number; logs: number }> {
  const t0 = performance.now();
  const server = await ServerProcess.spawn({ dataDir, seedLogs, nodeArgs, env });
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
    metrics.add({ name: `gateway: count [${f.label}] API p50`, value: apiP50, unit: 'ms', targetAtFull: 20, targetAtHuge: 50, note });
    metrics.add({ name: `gateway: count [${f.label}] API p95`, value: percentile(api.times, 95), unit: 'ms' });
    metrics.add({ name: `gateway: count [${f.label}] SQL p50`, value: sqlP50, unit: 'ms' });
    metrics.add({ name: `gateway: count [${f.label}] loop p50`, value: loopP50, unit: 'ms' });
    metrics.add({ name: `gateway: count [${f.label}] API ÷ SQL`, value: apiP50 / sqlP50, unit: '×', targetAtFull: 0.25 });
    metrics.add({ name: `gateway: count [${f.label}] API ÷ loop`, value: apiP50 / loopP50, unit: '×', targetAtFull: 10, targetAtHuge: 3 });
  }
  return p50s;
}
