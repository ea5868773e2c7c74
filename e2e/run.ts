// `npm run test:e2e [-- playwright args]`: finds (or installs) a system Chromium, builds the client if its sources changed,
// then runs Playwright with e2e/playwright.config.ts. Exits with Playwright's code.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildClientIfStale } from '../src/server/build-client.ts';
import { findOrInstallChromium } from './find-chromium.ts';

const root = resolve(import.meta.dirname, '..');
const chromium = findOrInstallChromium();
console.log(`e2e: using ${chromium}`);
await buildClientIfStale(root);
const result = spawnSync(
  process.execPath,
  [resolve(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', resolve(root, 'e2e/playwright.config.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } },
);
process.exit(result.status ?? 1);
