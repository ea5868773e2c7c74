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

/** One request at a time: the added latency with no queue in front of it. */
async function sequentialP50(url: string, headers: Record<string, string>, times: number): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < times + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} → ${res.status}`);
    if (i >= 5) out.push(performance.now() - t0);
  }
  return median(out);
}

const describeOther = (r: LoadResult) =>
  [...r.other.entries()].map(([s, n]) => `${n}×${s}`).join(', ') + (r.errors ? ` ${r.errors} errors` : '');

/** The same reads through the BFF (`/api`) and straight to the local gateway (`/client/v4`), side by side. */
export async function runBffBench(t: Target, o: LoadOptions, metrics: Metrics, problems: string[]): Promise<void> {
  const gw = encodeURIComponent(t.gatewayId);
  const oneRow = benchFilters(Date.now()).find((f) => f.id === 'one_row')!;
  const reads = [
    { name: 'logs count [provider eq openai]', api: `/api/gateways/${gw}/logs${countQuery(oneRow.filters)}`, direct: t.client.gatewayPath(`/gateways/${gw}/logs${countQuery(oneRow.filters)}`) },
    { name: 'datasets list', api: `/api/gateways/${gw}/datasets`, direct: t.client.gatewayPath(`/gateways/${gw}/datasets`) },
  ];
  const auth = t.client.authHeaders();
  for (const read of reads) {
    console.log(`bff: ${read.name} (${o.connections} connections, ${o.durationS} s each)…`);
    const seqDirect = await sequentialP50(t.client.baseUrl + read.direct, auth, o.sequential);
    const seqApi = await sequentialP50(t.client.baseUrl + read.api, {}, o.sequential);
    await load(t.client.baseUrl + read.direct, auth, o.connections, o.warmupS);
    const direct = await load(t.client.baseUrl + read.direct, auth, o.connections, o.durationS);
    await load(t.client.baseUrl + read.api, {}, o.connections, o.warmupS);
    const api = await load(t.client.baseUrl + read.api, {}, o.connections, o.durationS);
    for (const [label, r] of [['direct', direct], ['/api', api]] as const) {
      if (r.ok === 0) problems.push(`bff ${read.name} ${label}: no 2xx answer under load (${describeOther(r)})`);
      else if (r.other.size > 0 || r.errors > 0) console.warn(`!!! bff ${read.name} ${label}: non-2xx under load: ${describeOther(r)}`);
    }
    const note = (r: LoadResult) => (r.other.size > 0 || r.errors > 0 ? `also ${describeOther(r)}` : undefined);
    const n = `bff: ${read.name}`;
    const directNote = note(direct);
    const apiNote = note(api);
    metrics.add({ name: `${n} direct req/s`, value: direct.rps, unit: 'req/s', better: 'higher', ...(directNote ? { note: directNote } : {}) });
    metrics.add({ name: `${n} /api req/s`, value: api.rps, unit: 'req/s', better: 'higher', ...(apiNote ? { note: apiNote } : {}) });
    metrics.add({ name: `${n} direct p50 / p99`, value: direct.p50, unit: 'ms', note: `p99 ${direct.p99.toFixed(2)} ms` });
    metrics.add({ name: `${n} /api p50 / p99`, value: api.p50, unit: 'ms', note: `p99 ${api.p99.toFixed(2)} ms` });
    metrics.add({ name: `${n} added latency p50 under load`, value: api.p50 - direct.p50, unit: 'ms', target: 1, note: `×${(api.p50 / direct.p50).toFixed(2)} of direct` });
    metrics.add({ name: `${n} added latency p50 one at a time`, value: seqApi - seqDirect, unit: 'ms', target: 1, note: `${seqDirect.toFixed(2)} → ${seqApi.toFixed(2)} ms` });
    metrics.add({ name: `${n} throughput /api ÷ direct`, value: (100 * api.rps) / direct.rps, unit: '%', better: 'higher', target: 50 });
  }
}
