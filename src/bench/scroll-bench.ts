// The continuous view's scroll figure alone, `runs` times on one seeded store, without the whole bench:
//   BENCH_LOGS=1000000 SCROLL_RUNS=3 node --import tsx src/bench/scroll-bench.ts
// (the client must be built: `npm run build`). The largest gateway of a 1M seed holds about 700,000 logs.
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS, chromiumPath, measureScroll } from './browser-bench.ts';
import { startAndTime } from './gateway-measures.ts';
import { formatTable, Metrics } from './report.ts';
import { freshDataDir, removeDir } from './server-process.ts';

const logs = Number(process.env.BENCH_LOGS) || 1_000_000;
const runs = Number(process.env.SCROLL_RUNS) || 3;
const dataDir = freshDataDir();
const metrics = new Metrics('full');
const problems: string[] = [];
console.log(`scroll: seeding ${logs.toLocaleString('en-US')} logs; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const { target } = await startAndTime(dataDir, logs);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
try {
  const gw = encodeURIComponent(target.gatewayId);
  for (let i = 0; i < runs; i++) {
    await measureScroll(browser, target, gw, metrics, problems);
    console.log(`scroll: run ${i + 1} done; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  }
} finally {
  await browser.close();
  await target.server.stop();
  removeDir(dataDir);
}
console.log(formatTable(metrics.list));
if (problems.length) console.error(problems.join('\n'));
