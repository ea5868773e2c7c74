// A bounded soak through the BFF on the local gateway: mixed reads and writes from many connections for a
// fixed time, with latency and the server's RSS sampled. Run it as a script (SOAK_SECONDS, default 60; CI
// or SOAK_SIZE=small: 10) or call runSoak() from the benchmark. Everything is on 127.0.0.1 and stops by itself.
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnServer } from './spawn-server.ts';
import { percentile, rssMiB, slope } from './stats.ts';

export interface SoakOptions {
  /** Length of the load, warm-up included (default 60). */
  seconds?: number;
  /** Concurrent keep-alive connections (default 50). */
  connections?: number;
  /** Logs seeded into the fresh local gateway (default 20000, the server's default). */
  seedLogs?: number;
  /** Share of the run treated as warm-up, not judged for RSS growth (default 0.25). */
  warmupFraction?: number;
  /** RSS may grow by at most this share of its post-warm-up start over the judged window (default 0.15, and at least 24 MiB). */
  rssGrowthTolerance?: number;
  /**
   * The server's V8 old-space limit in MiB (default 192; 0 leaves V8's own). Without one V8 grows its heap
   * lazily toward its default limit (~2 GiB) before collecting hard, so RSS climbs for minutes whether or not
   * anything leaks. Under the cap RSS follows what is really live, and a leak ends in an out-of-memory
   * crash, which the soak counts as failures.
   */
  heapLimitMiB?: number;
}

export interface SoakResult {
  seconds: number;
  /** The server's V8 old-space limit during the run (0: V8's default). */
  heapLimitMiB: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  byStatus: Record<string, number>;
  fiveXx: number;
  /** Requests that got no answer (socket error); counted as failures like 5xx. */
  networkErrors: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Latency p99 per operation kind. */
  p99ByOperation: Record<string, number>;
  rssMiB: { start: number; warm: number; end: number; max: number; slopeMiBPerMinute: number; growthAfterWarmup: number; toleranceMiB: number };
  rssSamples: { t: number; mib: number }[];
  rssFlat: boolean;
  ok: boolean;
}

interface Shared {
  gw: string;
  logIds: string[];
  datasetIds: string[];
  typeId: string;
}

type Op = { name: string; weight: number; run: (s: Shared, n: number) => { method: string; path: string; body?: unknown } };

const filters = encodeURIComponent(JSON.stringify([{ key: 'provider', operator: 'eq', value: ['openai'] }]));

/** The mix: mostly the reads the dashboard makes, with the writes people make. */
const OPS: Op[] = [
  { name: 'logs list', weight: 30, run: (s, n) => ({ method: 'GET', path: `/api/gateways/${s.gw}/logs?per_page=20&page=${1 + (n % 5)}&meta_info=true` }) },
  { name: 'logs filtered', weight: 12, run: (s, n) => ({ method: 'GET', path: `/api/gateways/${s.gw}/logs?per_page=20&order_by=model&filters=${filters}&page=${1 + (n % 3)}` }) },
  { name: 'log', weight: 10, run: (s, n) => ({ method: 'GET', path: `/api/gateways/${s.gw}/logs/${s.logIds[n % s.logIds.length]}` }) },
  { name: 'datasets list', weight: 12, run: (s) => ({ method: 'GET', path: `/api/gateways/${s.gw}/datasets?per_page=20` }) },
  { name: 'evaluations list', weight: 8, run: (s) => ({ method: 'GET', path: `/api/gateways/${s.gw}/evaluations?per_page=20` }) },
  { name: 'dataset', weight: 6, run: (s, n) => ({ method: 'GET', path: `/api/gateways/${s.gw}/datasets/${s.datasetIds[n % s.datasetIds.length]}` }) },
  { name: 'feedback', weight: 12, run: (s, n) => ({ method: 'PATCH', path: `/api/gateways/${s.gw}/logs/${s.logIds[(n * 7) % s.logIds.length]}`, body: { feedback: [1, -1, 0][n % 3] } }) },
  {
    name: 'dataset update',
    weight: 8,
    run: (s, n) => ({
      method: 'PUT',
      path: `/api/gateways/${s.gw}/datasets/${s.datasetIds[n % s.datasetIds.length]}`,
      body: { name: `soak ${n % s.datasetIds.length}`, enable: n % 2 === 0, filters: [{ key: 'model', operator: 'eq', value: [`m${n % 10}`] }] },
    }),
  },
  // Rare, as in use: each starts a job on the server.
  { name: 'evaluation create', weight: 2, run: (s, n) => ({ method: 'POST', path: `/api/gateways/${s.gw}/evaluations`, body: { name: `soak ev ${n}`, dataset_ids: [s.datasetIds[n % s.datasetIds.length]], evaluation_type_ids: [s.typeId] } }) },
];
const TOTAL_WEIGHT = OPS.reduce((s, o) => s + o.weight, 0);

function pick(n: number): Op {
  let r = (n * 2654435761) % TOTAL_WEIGHT; // spread deterministically over the mix
  for (const op of OPS) {
    if (r < op.weight) return op;
    r -= op.weight;
  }
  return OPS[0]!;
}

function send(agent: Agent, base: URL, req: { method: string; path: string; body?: unknown }): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const r = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers: { origin: base.origin, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    r.setTimeout(30_000, () => r.destroy(new Error('timeout')));
    r.on('error', reject);
    if (body) r.write(body);
    r.end();
  });
}

async function json<T>(base: string, path: string, init?: { method: string; body: unknown }): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: init?.method ?? 'GET',
    headers: { origin: base, 'content-type': 'application/json' },
    body: init ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return ((await res.json()) as { result: T }).result;
}

/** Starts a server on a fresh local gateway, loads it for `seconds`, stops it, and reports. */
export async function runSoak(o: SoakOptions = {}): Promise<SoakResult> {
  const seconds = o.seconds ?? 60;
  const connections = o.connections ?? 50;
  const warmupFraction = o.warmupFraction ?? 0.25;
  const dataDir = mkdtempSync(join(tmpdir(), 'soak-'));
  const heapLimit = o.heapLimitMiB ?? 192;
  const nodeOptions = [process.env.NODE_OPTIONS, heapLimit > 0 ? `--max-old-space-size=${heapLimit}` : ''].filter(Boolean).join(' ');
  const server = await spawnServer({ DATA_DIR: dataDir, SEED_LOGS: String(o.seedLogs ?? 20_000), ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) });
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  try {
    const base = new URL(server.url);
    const gw = (await json<{ id: string }[]>(server.url, '/api/gateways'))[0]!.id;
    const logIds = (await Promise.all([1, 2, 3, 4].map((p) => json<{ id: string }[]>(server.url, `/api/gateways/${gw}/logs?per_page=50&page=${p}`)))).flat().map((l) => l.id);
    const typeId = (await json<{ id: string }[]>(server.url, '/api/evaluation-types'))[0]!.id;
    // The soak's own datasets, updated in place so the store does not grow with the run's length.
    const datasetIds: string[] = [];
    for (let i = 0; i < 10; i++)
      datasetIds.push((await json<{ id: string }>(server.url, `/api/gateways/${gw}/datasets`, { method: 'POST', body: { name: `soak ${i}`, enable: true, filters: [] } })).id);
    const shared: Shared = { gw, logIds, datasetIds, typeId };

    const latencies: number[] = [];
    const byOp = new Map<string, number[]>();
    const byStatus: Record<string, number> = {};
    let networkErrors = 0;
    const rssSamples: { t: number; mib: number }[] = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let counter = 0;

    const sampler = setInterval(() => {
      void rssMiB(server.pid).then((mib) => mib !== undefined && rssSamples.push({ t: (performance.now() - started) / 1000, mib }));
    }, 500);

    async function loop() {
      while (performance.now() < deadline) {
        const n = counter++;
        const op = pick(n);
        const t0 = performance.now();
        try {
          const status = await send(agent, base, op.run(shared, n));
          const ms = performance.now() - t0;
          latencies.push(ms);
          (byOp.get(op.name) ?? byOp.set(op.name, []).get(op.name)!).push(ms);
          byStatus[status] = (byStatus[status] ?? 0) + 1;
        } catch {
          networkErrors += 1;
        }
      }
    }
    await Promise.all(Array.from({ length: connections }, loop));
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;

    const warmT = seconds * warmupFraction;
    const judged = rssSamples.filter((s) => s.t >= warmT);
    const slopePerSecond = slope(judged.map((s) => ({ x: s.t, y: s.mib })));
    const window = judged.length > 1 ? judged.at(-1)!.t - judged[0]!.t : 0;
    const growth = slopePerSecond * window;
    const warm = judged[0]?.mib ?? 0;
    const toleranceMiB = Math.max(24, warm * (o.rssGrowthTolerance ?? 0.15));
    const fiveXx = Object.entries(byStatus).reduce((s, [k, v]) => (Number(k) >= 500 ? s + v : s), 0);
    const rssFlat = growth <= toleranceMiB;
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      seconds: round(elapsed),
      heapLimitMiB: heapLimit,
      connections,
      requests: latencies.length,
      requestsPerSecond: round(latencies.length / elapsed),
      byStatus,
      fiveXx,
      networkErrors,
      latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(percentile(latencies, 100)) },
      p99ByOperation: Object.fromEntries([...byOp].map(([k, v]) => [k, round(percentile(v, 99))])),
      rssMiB: {
        start: round(rssSamples[0]?.mib ?? 0),
        warm: round(warm),
        end: round(rssSamples.at(-1)?.mib ?? 0),
        max: round(Math.max(0, ...rssSamples.map((s) => s.mib))),
        slopeMiBPerMinute: round(slopePerSecond * 60),
        growthAfterWarmup: round(growth),
        toleranceMiB: round(toleranceMiB),
      },
      rssSamples: rssSamples.map((s) => ({ t: round(s.t), mib: round(s.mib) })),
      rssFlat,
      ok: fiveXx === 0 && networkErrors === 0 && rssFlat,
    };
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const small = process.env.SOAK_SIZE === 'small' || Boolean(process.env.CI);
  const seconds = Number(process.env.SOAK_SECONDS ?? (small ? 10 : 60));
  const result = await runSoak({ seconds, connections: Number(process.env.SOAK_CONNECTIONS ?? 50) });
  const { rssSamples, ...summary } = result;
  process.stdout.write(`${JSON.stringify({ ...summary, rssSamples: rssSamples.length }, null, 2)}\n`);
  process.exit(result.ok ? 0 : 1);
}
