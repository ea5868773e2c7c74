import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { PAGE_CHUNKS_FILE } from './src/shared/page-routes.ts';

/**
 * Writes `name.br` and `name.gz` beside every built text file of at least 1 KiB, at the highest
 * compression levels, once per build: the server sends them as they are to clients that accept them,
 * instead of compressing a 400 KB script on every request.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(file.fileName)) continue;
        const source = file.type === 'chunk' ? file.code : file.source;
        const bytes = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
        if (bytes.byteLength < 1024) continue;
        const path = join(dir, file.fileName);
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * Writes PAGE_CHUNKS_FILE: for each lazily loaded module (a page), its chunk and every chunk that chunk
 * imports statically, as the browser would discover them one level at a time. The server names the first
 * page's in the HTML as module preloads, so they load beside the entry script rather than after it ran.
 */
function pageChunks(): Plugin {
  return {
    name: 'page-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((f) => (f.type === 'chunk' ? [[f.fileName, f] as const] : [])));
      const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const dep of chunks.get(fileName)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      const pages: Record<string, string[]> = {};
      for (const chunk of chunks.values()) {
        const module = chunk.isDynamicEntry && chunk.facadeModuleId ? relative(process.cwd(), chunk.facadeModuleId).split('\\').join('/') : '';
        if (module.startsWith('src/')) pages[module] = [...closure(chunk.fileName)];
      }
      this.emitFile({ type: 'asset', fileName: PAGE_CHUNKS_FILE, source: `${JSON.stringify(pages, null, 1)}\n` });
    },
  };
}

// The dashboard is built into dist/ and served by the server (src/server). In `npm run dev`, Vite proxies
// /api to a server started with `npm start` on 8787.
export default defineConfig({
  plugins: [react(), pageChunks(), precompress()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': 'http://127.0.0.1:8787' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // The conformance suites need the spec oracle (Prism) running; .ci/conformance.sh starts it and runs them.
    exclude: process.env.ORACLE_BASE_URL ? ['node_modules/**'] : ['node_modules/**', 'src/**/conformance/**'],
    environment: 'node',
    setupFiles: ['./src/test-support/setup-tests.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // CI asks for a JSON report too, to print one closing line over every runner.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : undefined,
  },
});
