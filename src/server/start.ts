// What `npm start` runs: read the configuration, build the dashboard if its sources are newer than dist/,
// then start the server.
//
// The start script caps V8's old space at 128 MB (--max-old-space-size). Left alone, V8 grows the heap
// lazily under request load to far more than the server keeps alive (RSS 369 MB after a load run, with
// ~15 MB of live JS objects), because collecting less often is cheaper while memory looks free. The big
// data does not live there: the local gateway's log projection is typed arrays (outside the JS heap,
// ~60 bytes a log) and SQLite's page cache is native memory. A million-log seed, the projection load and
// the benchmark's load runs all fit in 128 MB with room to spare; with the cap, RSS stays near 270 MB
// at the same throughput. Raise it with NODE_OPTIONS if a deployment ever needs more.
import { resolve } from 'node:path';
import { buildClientIfStale } from './build-client.ts';
import { loadEnvOrExit } from './env.ts';
import { closeOnSignals, startServer, StartupError } from './main.ts';
import { bindRefusal } from './security.ts';

const env = loadEnvOrExit();
// Refuse an unsafe bind before spending time on a build (startServer checks it again).
const refusal = bindRefusal(env.host, Boolean(env.dashboardSecret || env.access));
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
const root = resolve('.');
await buildClientIfStale(root);
try {
  closeOnSignals(await startServer(env, { distDir: resolve(root, 'dist') }));
} catch (e) {
  if (e instanceof StartupError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
