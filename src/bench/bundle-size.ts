import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildClientIfStale } from '../server/build-client.ts';
import { ROOT } from './server-process.ts';

const DIST = join(ROOT, 'dist');

/**
 * Builds the client the way `npm start` does (only when its sources are newer than dist); returns whether
 * it built. Done before any timed server start, so a build is never measured as start-up.
 */
export async function ensureClientBuilt(): Promise<boolean> {
  const index = join(DIST, 'index.html');
  const before = existsSync(index) ? statSync(index).mtimeMs : 0;
  await buildClientIfStale(ROOT);
  if (!existsSync(index)) throw new Error('the client build produced no dist/index.html');
  return statSync(index).mtimeMs !== before;
}

const gzipSize = (file: string) => gzipSync(readFileSync(file)).length;

/** Gzip bytes of built files named by their URL paths (`/assets/x.js`); paths outside dist are ignored. */
export function gzipOfUrlPaths(paths: readonly string[]): number {
  return paths
    .map((p) => join(DIST, decodeURIComponent(p).replace(/^\/+/, '')))
    .filter((f) => f.startsWith(DIST) && existsSync(f))
    .reduce((sum, f) => sum + gzipSize(f), 0);
}

/** Relative specifiers a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`); not `import()`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']|\bimport\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) out.push(m[1] ?? m[2]!);
  return out;
}

export interface BundleSizes {
  initialGzip: number;
  initialFiles: string[];
  totalGzip: number;
  totalFiles: number;
}

/**
 * The JS the first page load fetches: the module scripts and modulepreload links of dist/index.html, plus
 * whatever those import statically (followed transitively, so a missing preload link cannot hide a chunk).
 */
export function bundleSizes(): BundleSizes {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script\b[^>]*type=["']module["'][^>]*src=["']([^"']+)["']/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<script\b[^>]*src=["']([^"']+)["'][^>]*type=["']module["']/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*href=["']([^"']+)["']/g)].map((m) => m[1]!),
  ];
  const seen = new Set<string>();
  const queue = entries.map((src) => join(DIST, src.replace(/^\//, '')));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) queue.push(resolve(dirname(file), spec));
  }
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) all.push(p);
    }
  };
  walk(DIST);
  const initial = [...seen];
  return {
    initialGzip: initial.reduce((s, f) => s + gzipSize(f), 0),
    initialFiles: initial.map((f) => relative(DIST, f)),
    totalGzip: all.reduce((s, f) => s + gzipSize(f), 0),
    totalFiles: all.length,
  };
}
