import { runSoak } from '../reliability/soak.ts';
import type { Metrics } from './report.ts';
import { startScriptNodeFlags } from './server-process.ts';

/** The start script's old-space cap in MiB (0: none), so the soaked server is sized as `npm start` sizes it. */
function startScriptHeapLimit(): number {
  const flag = startScriptNodeFlags().find((f) => f.startsWith('--max-old-space-size='));
  return flag ? Number(flag.split('=')[1]) : 0;
}

/**
 * The reliability soak (mixed reads and writes through /api on a fresh local gateway, many connections) as
 * bench figures: its p99, failures (target zero) and the server's RSS after warm-up and at the end, with
 * the growth over the judged window against the soak's own flatness tolerance.
 */
export async function runSoakBench(seconds: number, metrics: Metrics, problems: string[]): Promise<void> {
  console.log(`soak: ${seconds} s of mixed reads and writes through /api…`);
  const r = await runSoak({ seconds, heapLimitMiB: startScriptHeapLimit() });
  const failures = r.fiveXx + r.networkErrors;
  if (failures > 0) problems.push(`soak: ${r.fiveXx} 5xx and ${r.networkErrors} network errors`);
  const about = `${r.connections} connections, ${r.seconds} s, ${r.requests.toLocaleString('en-US')} requests (${Math.round(r.requestsPerSecond)}/s)`;
  metrics.add({ name: 'soak: latency p99 (mixed reads and writes via /api)', value: r.latencyMs.p99, unit: 'ms', note: `${about}; p50 ${r.latencyMs.p50.toFixed(1)} ms` });
  metrics.add({ name: 'soak: 5xx and network errors', value: failures, unit: 'count', target: 0 });
  metrics.add({ name: 'soak: server RSS after warm-up', value: r.rssMiB.warm, unit: 'MiB', ...(r.heapLimitMiB ? { note: `old space capped at ${r.heapLimitMiB} MiB, as npm start` } : {}) });
  metrics.add({ name: 'soak: server RSS at end', value: r.rssMiB.end, unit: 'MiB', note: `max ${r.rssMiB.max} MiB` });
  metrics.add({
    name: 'soak: RSS growth after warm-up (flat)',
    value: r.rssMiB.growthAfterWarmup,
    unit: 'MiB',
    target: r.rssMiB.toleranceMiB,
    note: `slope ${r.rssMiB.slopeMiBPerMinute} MiB/min`,
  });
}
