import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// axe-core on every page in light and dark: no serious or critical violation. Then the keyboard: Tab
// reaches the navigation, the filter builder's Add filter and Save, and Enter/Space operate them.

interface Listed {
  id: string;
  name: string;
  processed?: boolean;
}
type Page_ = { name: string; path: string; ready: (page: Page) => Locator };

async function ids(api: (path: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; json: unknown }>) {
  const list = async (path: string) => ((await api(path)).json as { result: Listed[] }).result;
  const dataset = (await list('/gateways/default/datasets?per_page=5'))[0]!;
  const types = await list('/evaluation-types');
  // Compare needs two evaluations; the seed has at least one, add one more.
  await api('/gateways/default/evaluations', {
    method: 'POST',
    body: { name: 'Second for compare', dataset_ids: [dataset.id], evaluation_type_ids: types.map((t) => t.id) },
  });
  const evaluations = await list('/gateways/default/evaluations?per_page=5');
  return { dataset: dataset.id, evaluations: evaluations.map((e) => e.id) };
}

function pages(dataset: string, evaluations: string[]): Page_[] {
  const h1 = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });
  return [
    { name: 'logs', path: '/gateways/default/logs', ready: (p) => p.getByRole('table', { name: 'Logs' }) },
    { name: 'logs (continuous)', path: '/gateways/default/logs?view=scroll', ready: (p) => p.getByRole('grid', { name: 'Logs' }) },
    { name: 'datasets', path: '/gateways/default/datasets', ready: (p) => p.getByRole('table', { name: 'Datasets' }) },
    { name: 'dataset editor (new)', path: '/gateways/default/datasets/new', ready: (p) => p.getByRole('button', { name: 'Add filter' }) },
    { name: 'dataset editor (existing)', path: `/gateways/default/datasets/${dataset}`, ready: (p) => p.getByRole('button', { name: 'Add filter' }) },
    { name: 'evaluations', path: '/gateways/default/evaluations', ready: h1('Evaluations') },
    { name: 'new evaluation', path: '/gateways/default/evaluations/new', ready: (p) => p.getByRole('button', { name: 'Run evaluation' }) },
    { name: 'evaluation detail', path: `/gateways/default/evaluations/${evaluations[0]}`, ready: (p) => p.getByRole('list', { name: 'Datasets' }) },
    { name: 'compare', path: `/gateways/default/evaluations/compare?ids=${evaluations.slice(0, 2).join(',')}`, ready: (p) => p.getByRole('table', { name: 'Comparison' }) },
    { name: '404', path: '/no/such/page', ready: (p) => p.getByText('Page not found') },
  ];
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations on any page (${scheme})`, async ({ page, server }) => {
    const { dataset, evaluations } = await ids(server.api);
    expect(evaluations.length).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ colorScheme: scheme });
    for (const p of pages(dataset, evaluations)) {
      await page.goto(p.path);
      await expect(p.ready(page).first(), `${p.name} ready`).toBeVisible();
      // Let no skeleton be judged: the page's data is in.
      await expect(page.getByLabel('Loading')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          rule: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), why: n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() })),
        }));
      expect.soft(bad, `${p.name} (${scheme}): ${JSON.stringify(bad, null, 1)}`).toEqual([]);
    }
  });
}

/** Presses Tab until `target` has focus; bounded, so an unreachable control fails instead of looping. */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reachable with Tab in ${maxPresses} presses: ${target}`);
}

test('the keyboard reaches and operates the navigation, Add filter and Save', async ({ page }) => {
  await page.goto('/gateways/default/logs');
  await expect(page.getByRole('table', { name: 'Logs' })).toBeVisible();
  const datasetsLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Datasets', exact: true });
  await page.locator('body').focus();
  await tabTo(page, datasetsLink);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/gateways\/default\/datasets$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Datasets' })).toBeVisible();

  await page.goto('/gateways/default/datasets/new');
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await tabTo(page, name);
  await page.keyboard.type('Made by keyboard');
  const add = page.getByRole('button', { name: 'Add filter' });
  await tabTo(page, add);
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'Filter 1', exact: true })).toBeVisible();
  // Adding a row moves focus into it; come back to Add filter and use Enter this time.
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /^Filter \d+$/ })).toHaveCount(2);

  // Save with the two empty rows: Enter on Save submits, and the form says what is missing.
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Filter 1', exact: true }).getByText(/needs a value|required|Choose/i).first()).toBeVisible();
  await expect(name).toHaveValue('Made by keyboard');
});
