import { expect, test } from './fixtures.ts';

// The HTML of a page path names that page's chunks as module preloads, so a first visit fetches them beside
// the entry script; each one is a real built script, and the page then loads no chunk of its own late.
test('each page path preloads its own chunks, all of them served, none fetched again', async ({ page, baseURL, server }) => {
  const ds = (await server.api<{ result: { id: string }[] }>('/gateways/default/datasets?per_page=1')).json.result[0]!;
  for (const [path, chunk] of [
    ['/gateways/default/datasets', /\/assets\/datasets-page-[\w-]+\.js$/],
    [`/gateways/default/datasets/${ds.id}`, /\/assets\/edit-dataset-page-[\w-]+\.js$/],
    ['/gateways/default/sources', /\/assets\/sources-page-[\w-]+\.js$/],
    ['/', /\/assets\/logs-page-[\w-]+\.js$/],
  ] as const) {
    const html = await (await fetch(baseURL + path)).text();
    const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]!);
    expect(preloads.some((href) => chunk.test(href)), `${path} preloads its page chunk`).toBe(true);
    for (const href of preloads) expect((await fetch(baseURL + href)).status, href).toBe(200);
    expect(new Set(preloads).size, `${path}: each chunk once`).toBe(preloads.length);
  }

  // Opened in the browser, the datasets page fetches each script once: the preloads are used, not doubled.
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/gateways/default/datasets');
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rated logs', exact: true })).toBeVisible();
  expect(scripts.filter((s, i) => scripts.indexOf(s) !== i), 'scripts fetched twice').toEqual([]);
});
