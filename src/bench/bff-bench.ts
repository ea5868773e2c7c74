import autocannon from 'autocannon';
import { benchFilters } from './filter-set.ts';
import type { Target } from './gateway-measures.ts';
import { countQuery } from './http-client.ts';
import type { Metrics } from './report.ts';
import { median, percentile } from './stats.ts';

export interface LoadOptions {
  connections: number;
  durationS: number;
  warmupS: number;
  sequential: number;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: Map<number, number>;
  errors: number;
}

/**
 * A fixed-concurrency load for a fixed time. Latencies come from autocannon's per-response event, which
 * carries the float duration (its own histogram rounds to whole milliseconds, too coarse for a 1 ms target).
 */
function load(url: string, headers: Record<string, string>, connections: number, durationS: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const other = new Map<number, number>();
    const instance = autocannon(
      { url, headers, connections, duration: durationS, timeout: 30, renderProgressBar: false, renderResultsTable: false },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          rps: result['2xx'] / result.duration,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          ok: result['2xx'],
          other,
          errors: result.errors,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else other.set(status, (other.get(status) ?? 0) + 1);
    });
  });
}

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} → ${res.status}`);
  return performance.now() - t0;
}

/**
 * One request at a time, alternating the two doors: each /api call is paired with the direct call just
 * before it, so a slow patch of the shared machine lands on both sides of a pair. Returns the p50 of each
 * door and the median of the paired differences.
 */
async function pairedLatency(direct: string, api: string, auth: Record<string, string>, pairs: number): Promise<{ direct: number; api: number; added: number }> {
  const d: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < pairs + 5; i++) {
    const dt = await timedGet(direct, auth);
    const at = await timedGet(api, {});
    if (i < 5) continue; // warm-up pairs
    d.push(dt);
    a.push(at);
  }
  return { direct: median(d), api: median(a), added: median(a.map((x, i) => x - d[i]!)) };
}

const describeOther = (r: LoadResult) =>
  [...r.other.entries()].map(([s, n]) => `${n}×${s}`).join(', ') + (r.errors ? ` ${r.errors} errors` : '');

interface Read {
  name: string;
  api: string;
  direct: string;
}

/** The reads compared: a logs match count (the one-row filter) and the datasets list. */
function reads(t: Target): Read[] {
  const gw = encodeURIComponent(t.gatewayId);
  const oneRow = benchFilters(Date.now()).find((f) => f.id === 'one_row')!;
  const q = countQuery(oneRow.filters);
  return [
    { name: 'logs count [provider eq openai]', api: `/api/gateways/${gw}/logs${q}`, direct: t.client.gatewayPath(`/gateways/${gw}/logs${q}`) },
    { name: 'datasets list', api: `/api/gateways/${gw}/datasets`, direct: t.client.gatewayPath(`/gateways/${gw}/datasets`) },
  ];
}

/**
 * One request at a time through each door: the BFF's own cost per call, with no queue in front of it.
 * Runs before the load, which may exhaust the BFF's upstream pacing budget (1,100 calls per 5 minutes).
 */
export async function runBffSequential(t: Target, o: LoadOptions, metrics: Metrics): Promise<void> {
  const auth = t.client.authHeaders();
  for (const read of reads(t)) {
    console.log(`bff: ${read.name}, one at a time…`);
    const r = await pairedLatency(t.client.baseUrl + read.direct, t.client.baseUrl + read.api, auth, o.sequential);
    metrics.add({
      name: `bff: ${read.name} added latency p50 one at a time`,
      value: r.added,
      unit: 'ms',
      target: 1,
      note: `median of paired differences; p50 ${r.direct.toFixed(2)} direct, ${r.api.toFixed(2)} /api; ${o.sequential} pairs`,
    });
  }
}

/** The same reads through the BFF (`/api`) and straight to the local gateway (`/client/v4`) under load, side by side. */
export async function runBffLoad(t: Target, o: LoadOptions, metrics: Metrics, problems: string[]): Promise<void> {
  const auth = t.client.authHeaders();
  for (const read of reads(t)) {
    console.log(`bff: ${read.name} (${o.connections} connections, ${o.durationS} s each)…`);
    // Server CPU per answered request: what each door costs, whatever else the machine is doing.
    const cpuPerRequest = async (url: string, headers: Record<string, string>): Promise<[LoadResult, number]> => {
      await load(url, headers, o.connections, o.warmupS);
      const before = t.server.cpuSeconds();
      const r = await load(url, headers, o.connections, o.durationS);
      const answered = r.ok + [...r.other.values()].reduce((a, b) => a + b, 0);
      return [r, (1000 * (t.server.cpuSeconds() - before)) / Math.max(1, answered)];
    };
    const [direct, directCpu] = await cpuPerRequest(t.client.baseUrl + read.direct, auth);
    const [api, apiCpu] = await cpuPerRequest(t.client.baseUrl + read.api, {});
    for (const [label, r] of [['direct', direct], ['/api', api]] as const) {
      const broken = r.errors > 0 || [...r.other.keys()].some((s) => s !== 429);
      if (broken) problems.push(`bff ${read.name} ${label}: failures under load (${describeOther(r)})`);
      if (r.other.size > 0 || r.errors > 0) console.warn(`!!! bff ${read.name} ${label}: non-2xx under load: ${describeOther(r)}`);
    }
    const note = (r: LoadResult) => (r.other.size > 0 || r.errors > 0 ? `not 2xx: ${describeOther(r)}` : undefined);
    const n = `bff: ${read.name}`;
    const directNote = note(direct);
    const apiNote = note(api);
    metrics.add({ name: `${n} direct 2xx req/s`, value: direct.rps, unit: 'req/s', better: 'higher', ...(directNote ? { note: directNote } : {}) });
    metrics.add({ name: `${n} /api 2xx req/s`, value: api.rps, unit: 'req/s', better: 'higher', ...(apiNote ? { note: apiNote } : {}) });
    metrics.add({ name: `${n} direct p50`, value: direct.p50, unit: 'ms' });
    metrics.add({ name: `${n} direct p99`, value: direct.p99, unit: 'ms' });
    metrics.add({ name: `${n} /api p50`, value: api.p50, unit: 'ms' });
    metrics.add({ name: `${n} /api p99`, value: api.p99, unit: 'ms' });
    // Latencies of the few 2xx among fast refusals are not the BFF's cost: not judged then.
    const comparable = api.other.size === 0 && direct.other.size === 0;
    const ratios = `/api ÷ direct ×${(api.p50 / direct.p50).toFixed(2)} at p50, ×${(api.p99 / direct.p99).toFixed(2)} at p99`;
    // Not judged against 1 ms: at saturation each door's p50 is about connections ÷ its throughput, so
    // the gap follows from the throughput ratio, which is what the product judges under load (≥ 50 %).
    // At 50 % the gap is the direct latency itself; 1 ms would ask for about 80 % (README, Performance).
    metrics.add({
      name: `${n} added latency p50 under load`,
      value: api.p50 - direct.p50,
      unit: 'ms',
      note: comparable ? `${ratios}; the ≤ 1 ms target is judged one request at a time (above); under load this follows from the throughput ratio below` : `most answers were refusals (${describeOther(api)})`,
    });
    metrics.add({ name: `${n} server CPU per request, direct`, value: directCpu, unit: 'ms' });
    metrics.add({ name: `${n} server CPU per request, /api`, value: apiCpu, unit: 'ms', note: `+${(apiCpu - directCpu).toFixed(2)} ms for the BFF` });
    metrics.add({ name: `${n} throughput /api ÷ direct`, value: (100 * api.rps) / direct.rps, unit: '%', better: 'higher', target: 50 });
  }
}
