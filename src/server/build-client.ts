import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Builds the dashboard into `dist/` when its sources (client, shared, index.html, public, the Vite config)
 * are newer than the last build. Used by `npm start` and by the end-to-end runner, so neither serves a
 * stale bundle and neither rebuilds a fresh one.
 */
export async function buildClientIfStale(root: string): Promise<void> {
  if (!existsSync(join(root, 'src/client/main.tsx'))) return;
  const dist = join(root, 'dist');
  const built = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  const sources = Math.max(
    ...['src/client', 'src/shared', 'index.html', 'public', 'vite.config.ts'].map((p) => newestMtime(join(root, p))),
  );
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
