import { runAnalysisBench } from './analysis-bench.ts';
import { createBenchDatasets } from './evaluation-bench.ts';
import { startAndTime } from './gateway-measures.ts';
import { formatTable, Metrics } from './report.ts';
import { freshDataDir, removeDir } from './server-process.ts';

/**
 * The breakdown bench alone (`npm run bench` runs it inside the gateway part): seeds BENCH_LOGS logs
 * (default 1,000,000) on a fresh server, then times the exact breakdown and the Cloudflare-mode estimate.
 */
async function main() {
  const logs = Number(process.env.BENCH_LOGS) || 1_000_000;
  const dataDir = freshDataDir();
  const metrics = new Metrics(logs * 0.7 >= 10_000_000 ? 'huge' : logs >= 1_000_000 ? 'full' : 'small');
  const problems: string[] = [];
  const { target } = await startAndTime(dataDir, logs);
  try {
    const ids = await createBenchDatasets(target);
    await runAnalysisBench(target, ids, { api: 10, sql: 1, loop: 1, evaluations: 5 }, metrics, problems);
  } finally {
    await target.server.stop();
    removeDir(dataDir);
  }
  console.log(formatTable(metrics.list));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}
void main();
