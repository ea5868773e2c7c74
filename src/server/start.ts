// What `npm start` runs: read the configuration, build the dashboard if its sources are newer than dist/,
// then start the server.
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
