// What `npm start` runs: read the configuration, build the dashboard if its sources are newer than dist/,
// then start the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEnvOrExit } from './env.ts';
import { closeOnSignals, startServer, StartupError } from './main.ts';
import { bindRefusal } from './security.ts';

const root = resolve('.');
const dist = join(root, 'dist');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The dashboard is built only once its entry exists (the client may not be written yet). */
async function buildClientIfStale() {
  if (!existsSync(join(root, 'src/client/main.tsx'))) return;
  const built = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(root, 'src/client')), newestMtime(join(root, 'src/shared')), newestMtime(join(root, 'index.html')));
  if (built > sources) return;
  process.stdout.write('Building the dashboard…\n');
  const { build } = await import('vite');
  try {
    await build({ root, logLevel: 'warn' });
  } catch (e) {
    // The API stays useful without a fresh bundle; say so in one line and serve what exists.
    process.stderr.write(`The dashboard build failed (${(e as Error).message.split('\n')[0]}); serving the API and any previous build.\n`);
  }
}

const env = loadEnvOrExit();
// Refuse an unsafe bind before spending time on a build (startServer checks it again).
const refusal = bindRefusal(env.host, Boolean(env.dashboardSecret || env.access));
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
await buildClientIfStale();
try {
  closeOnSignals(await startServer(env, { distDir: dist }));
} catch (e) {
  if (e instanceof StartupError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
