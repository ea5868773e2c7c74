import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The dashboard is built into dist/ and served by the server (src/server). In `npm run dev`, Vite proxies
// /api to a server started with `npm start` on 8787.
export default defineConfig({
  plugins: [react()],
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
