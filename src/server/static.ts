import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { PAGE_CHUNKS_FILE } from '../shared/page-routes.ts';
import { memoizeImmutableAnswers } from './asset-memo.ts';
import { withPagePreloads, type PageChunks } from './page-preloads.ts';

/** Shown at every page path until the dashboard has been built into `dist/`. */
export const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AI Gateway Console</title></head>
<body><main><h1>AI Gateway Console</h1>
<p>The dashboard has not been built yet. The API answers under <a href="/api/health">/api</a>.</p></main></body></html>
`;

/**
 * The built SPA: files from `distDir`, `index.html` for any other page path (history routing), fingerprinted
 * `/assets/*` cached for good. A file the build precompressed (`name.br`, `name.gz` beside it) is sent in
 * that encoding when the client accepts it; anything else compressible is compressed per answer by the app. `/api` never reaches here (the app answers its misses with a 404 envelope).
 * The HTML names the first page's chunks as module preloads (page-preloads.ts).
 */
/** The build's page chunks; none (the page still loads, without preloads) while a build is writing them. */
async function readPageChunks(file: string): Promise<PageChunks> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PageChunks;
  } catch {
    return {};
  }
}

export function staticRoutes(distDir: string) {
  const r = new Hono();
  const indexFile = join(distDir, 'index.html');
  const chunksFile = join(distDir, PAGE_CHUNKS_FILE);
  let files: MiddlewareHandler | undefined;
  let assets: MiddlewareHandler | undefined;

  r.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
  });

  r.on(['GET', 'HEAD'], '*', async (c, next) => {
    // Checked per request so a build that lands while the server runs is picked up.
    if (!existsSync(indexFile)) return c.html(PLACEHOLDER_HTML);
    files ??= serveStatic({ root: distDir, precompressed: true });
    // Fingerprinted names never change content: read once (asset-memo.ts).
    assets ??= memoizeImmutableAnswers(files);
    const serve = c.req.path.startsWith('/assets/') ? assets : files;
    // The root is a page too (index.html with its preloads), not the file as built.
    const served = c.req.path === '/' ? undefined : await serve(c, async () => {});
    if (served) return served;
    // A missing file with an extension is a real 404 (never HTML in place of a script); a route is the SPA's.
    if (/\.[A-Za-z0-9]{1,8}$/.test(c.req.path)) return next();
    c.header('cache-control', 'no-cache');
    return c.html(withPagePreloads(await readFile(indexFile, 'utf8'), c.req.path, await readPageChunks(chunksFile)));
  });
  return r;
}
