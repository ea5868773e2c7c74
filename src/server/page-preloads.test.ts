import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CHUNKS_FILE, PAGE_ROUTES } from '../shared/page-routes.ts';
import { createApp } from './app.ts';
import { pageModuleOf, withPagePreloads } from './page-preloads.ts';
import { createUpstream } from './upstream.ts';

describe('the page a path opens', () => {
  it.each([
    ['/', PAGE_ROUTES.logs.module],
    ['/gateways/prod', PAGE_ROUTES.logs.module],
    ['/gateways/prod/logs', PAGE_ROUTES.logs.module],
    ['/gateways/prod/datasets', PAGE_ROUTES.datasets.module],
    // A fixed segment outranks a parameter, as in the client's router.
    ['/gateways/prod/datasets/new', PAGE_ROUTES.newDataset.module],
    ['/gateways/prod/datasets/ds-1', PAGE_ROUTES.editDataset.module],
    ['/gateways/prod/evaluations/compare', PAGE_ROUTES.compare.module],
    ['/gateways/prod/evaluations/ev-1', PAGE_ROUTES.evaluation.module],
    ['/gateways/prod/sources', PAGE_ROUTES.sources.module],
    ['/nothing/here', PAGE_ROUTES.notFound.module],
    ['/gateways/prod/datasets/ds-1/more', PAGE_ROUTES.notFound.module],
  ])('%s → its page module', (path, module) => {
    expect(pageModuleOf(path)).toBe(module);
  });
});

describe('module preloads in the HTML', () => {
  const html = '<!doctype html><head><script type="module" crossorigin src="/assets/index-a1.js"></script></head><body></body>';
  const chunks = { [PAGE_ROUTES.datasets.module]: ['assets/datasets-page-b2.js', 'assets/index-a1.js', 'assets/Switch-c3.js', '../outside.js'] };

  it("names the page's chunks the HTML does not name yet, and nothing that is not a built script", () => {
    const out = withPagePreloads(html, '/gateways/prod/datasets', chunks);
    expect(out.match(/<link rel="modulepreload"[^>]*>/g)).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/datasets-page-b2.js">',
      '<link rel="modulepreload" crossorigin href="/assets/Switch-c3.js">',
    ]);
    expect(out.indexOf('modulepreload')).toBeLessThan(out.indexOf('</head>'));
  });

  it('leaves the HTML as it is for a page the build did not list', () => {
    expect(withPagePreloads(html, '/gateways/prod/logs', chunks)).toBe(html);
  });
});

describe('the served HTML', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'page-preloads-'));
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><title>spa</title></head><body></body></html>');
    await writeFile(join(dir, PAGE_CHUNKS_FILE), JSON.stringify({ [PAGE_ROUTES.sources.module]: ['assets/sources-page-d4.js'] }));
    await writeFile(join(dir, 'assets/sources-page-d4.js'), 'export {};');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("carries the opened page's preloads, and each page path its own", async () => {
    const app = createApp({ upstream: createUpstream({ mode: 'cloudflare', accountId: 'a'.repeat(32), apiToken: 'x'.repeat(20) }), distDir: dir, log: () => {} });
    const sources = await (await app.request('/gateways/default/sources')).text();
    expect(sources).toContain('<link rel="modulepreload" crossorigin href="/assets/sources-page-d4.js"></head>');
    const logs = await (await app.request('/gateways/default/logs')).text();
    expect(logs).not.toContain('modulepreload');
    // The root opens the logs: the same HTML, not index.html as built.
    expect(await (await app.request('/')).text()).toBe(logs);
    // A list half written by a build running meanwhile: the page, without preloads.
    await writeFile(join(dir, PAGE_CHUNKS_FILE), '{"src/client/feat');
    const during = await app.request('/gateways/default/sources');
    expect(during.status).toBe(200);
    expect(await during.text()).not.toContain('modulepreload');
  });
});
