// The measured server process: `npm start` (src/server/start.ts) without its build-if-stale step. The bench
// builds the client itself beforehand; a rebuild triggered by a source edit during the run would otherwise
// be timed as start-up and counted in the server's RSS.
import { resolve } from 'node:path';
import { loadEnvOrExit } from '../server/env.ts';
import { closeOnSignals, startServer, StartupError } from '../server/main.ts';

const env = loadEnvOrExit();
try {
  closeOnSignals(await startServer(env, { distDir: resolve('dist') }));
} catch (e) {
  if (e instanceof StartupError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
