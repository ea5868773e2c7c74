import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { join } from 'node:path';
import { benchFilters } from './filter-set.ts';
import { startAndTime, type Target } from './gateway-measures.ts';
import { countQuery } from './http-client.ts';
import type { Metrics } from './report.ts';
import { ROOT } from './server-process.ts';
import { percentile } from './stats.ts';

/** Clients looping heavy counts meanwhile (product §5: 4). */
const COUNT_CLIENTS = 4;
const DURATION_MS = 10_000;
/** Pause between two probe requests: the probe samples, it is not a load of its own. */
const PROBE_GAP_MS = 10;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The dashboard's main script, as index.html names it: the static asset a user waits for first. */
function mainScriptPath(): string {
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1] ?? /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error('dist/index.html names no script');
  return src;
}

async function timedGet(url: string, headers: Record<string, string> = {}): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} → ${res.status}`);
  return performance.now() - t0;
}

/** What a browser sends, so the probe gets the answer a user's page gets (the precompressed script). */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const probeAgent = new Agent({ keepAlive: true });

/**
 * Time from sending a request to the last byte of its answer, as sent: the server's answer time. `fetch`
 * would also decode the brotli script in this process (3–5 ms a time for the main script, more while the
 * count clients share the thread), which is the client's work, not the server's wait.
 */
function probeGet(url: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { agent: probeAgent, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } }, (res) => {
      res.on('data', () => {});
      res.on('error', reject);
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`${url} → ${res.statusCode}`))));
    }).on('error', reject);
  });
}

interface Responsiveness {
  datasets: number[];
  asset: number[];
  counts: number[];
}

/**
 * While COUNT_CLIENTS clients loop match counts over the largest gateway (the heavy filters of the set, in
 * turn), one probe asks for a datasets list through the dashboard's API and for the main script, one after
 * the other; the probe's latencies (to the last byte, see probeGet) say whether the heavy work holds up
 * everything else.
 */
async function measure(t: Target): Promise<Responsiveness> {
  const heavy = benchFilters(Date.now()).filter((f) => f.id !== 'created_range');
  const gw = encodeURIComponent(t.gatewayId);
  const auth = t.client.authHeaders();
  const base = t.client.baseUrl;
  const asset = base + mainScriptPath();
  const datasets = `${base}/api/gateways/${gw}/datasets`;
  const out: Responsiveness = { datasets: [], asset: [], counts: [] };
  let stop = false;
  const client = async (i: number) => {
    for (let k = i; !stop; k++) {
      const f = heavy[k % heavy.length]!;
      out.counts.push(await timedGet(base + t.client.gatewayPath(`/gateways/${gw}/logs${countQuery(f.filters)}`), auth));
    }
  };
  const clients = Array.from({ length: COUNT_CLIENTS }, (_, i) => client(i));
  await sleep(500); // the loops are running before the probe starts
  const end = performance.now() + DURATION_MS;
  while (performance.now() < end) {
    out.datasets.push(await probeGet(datasets));
    out.asset.push(await probeGet(asset));
    await sleep(PROBE_GAP_MS);
  }
  stop = true;
  await Promise.all(clients);
  return out;
}

/**
 * The responsiveness figure, side by side: the running server (scans on worker threads), then a second
 * server on the same data with LOCAL_GATEWAY_QUERY_THREADS=0 (every scan on the thread serving HTTP).
 */
export async function runResponsiveness(t: Target, dataDir: string, logs: number, metrics: Metrics): Promise<void> {
  const size = `${t.gatewayLogs.toLocaleString('en-US')}-log counts`;
  console.log(`responsiveness: ${COUNT_CLIENTS} clients looping ${size}, worker threads…`);
  const workers = await measure(t);
  console.log('responsiveness: the same on a server scanning on its serving thread…');
  const inline = await startAndTime(dataDir, logs, [], { LOCAL_GATEWAY_QUERY_THREADS: '0' });
  let mainThread: Responsiveness;
  try {
    mainThread = await measure(inline.target);
  } finally {
    await inline.target.server.stop();
  }
  const load = `${COUNT_CLIENTS} clients looping ${size}`;
  for (const [label, r] of [['worker threads', workers], ['scans on the serving thread', mainThread]] as const) {
    const judged = label === 'worker threads';
    const perS = (r.counts.length / DURATION_MS) * 1000;
    metrics.add({ name: `responsiveness (${label}): datasets list /api p99`, value: percentile(r.datasets, 99), unit: 'ms', ...(judged ? { target: 25 } : {}), note: `p50 ${percentile(r.datasets, 50).toFixed(1)} ms, ${r.datasets.length} requests, to the last byte; ${load}` });
    metrics.add({ name: `responsiveness (${label}): main script p99`, value: percentile(r.asset, 99), unit: 'ms', ...(judged ? { target: 25 } : {}), note: `p50 ${percentile(r.asset, 50).toFixed(1)} ms, ${r.asset.length} requests` });
    metrics.add({ name: `responsiveness (${label}): counts meanwhile p50`, value: percentile(r.counts, 50), unit: 'ms', note: `${perS.toFixed(1)} counts/s over ${COUNT_CLIENTS} clients` });
  }
}
