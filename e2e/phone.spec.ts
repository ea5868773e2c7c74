import type { Locator, Page } from '@playwright/test';
import { EvaluationsApi } from './pages/evaluations-api.ts';
import { expect, test } from './pages/page-fixtures.ts';

// Runs in the `phone` project (390×844): every list keeps its actions on screen without sideways scrolling.

/**
 * Nothing is wider than the screen: neither the page nor any box inside `scope` (the whole page by default)
 * scrolls sideways.
 */
async function expectNoSidewaysScroll(page: Page, scope = 'main') {
  const wide = await page.evaluate((scope) => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>(`${scope}, ${scope} *`)) {
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName.toLowerCase()}.${el.className.toString().split(' ')[0]} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  }, scope);
  expect(wide, 'boxes wider than the screen').toEqual([]);
}

/** Inside the screen's width (a vertical scroll may still be needed to reach it). */
async function expectWithinWidth(locator: Locator) {
  const box = await locator.boundingBox();
  const width = locator.page().viewportSize()!.width;
  expect(box, 'has a box').not.toBeNull();
  expect(box!.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, 'right edge').toBeLessThanOrEqual(width);
}

test('the header is one row with a menu for navigation, gateway and theme', async ({ page, shell, datasetsList }) => {
  await page.goto('/gateways/default/logs');
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
  const header = page.getByRole('banner');
  expect((await header.boundingBox())!.height, 'header height').toBeLessThan(80);
  // Closed, the menu hides what it holds.
  await expect(shell.section('Datasets')).toBeHidden();
  await expect(shell.gateway).toBeHidden();

  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(shell.gateway).toBeVisible();
  await expectWithinWidth(page.getByRole('button', { name: 'Dark theme' }));
  await shell.setTheme('Dark');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await shell.section('Datasets').click();
  await expect(datasetsList.heading).toBeVisible();
  // A navigation closes the menu.
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.section('Datasets')).toBeHidden();
  await expectNoSidewaysScroll(page);
});

test('datasets: each card keeps its actions on screen', async ({ page, datasetsList }) => {
  await datasetsList.goto();
  await expect(datasetsList.row('Rated logs')).toBeVisible();
  await expectNoSidewaysScroll(page);
  for (const action of ['Edit', 'Duplicate', 'Delete'] as const) {
    const button = datasetsList.row('Rated logs').getByRole(action === 'Delete' ? 'button' : 'link', { name: `${action} Rated logs` });
    await expectWithinWidth(button);
  }
  await expectWithinWidth(datasetsList.enabledSwitch('Rated logs'));
  await expectWithinWidth(datasetsList.row('Rated logs').locator('td[data-label="Modified"]'));
  await expectWithinWidth(page.getByRole('button', { name: 'Go to next page' }));
});

test('evaluations, an evaluation and its results: actions and every column on screen', async ({ page, server, evaluationsList }) => {
  const api = new EvaluationsApi(server);
  const created = await api.createEvaluation('Anthropic on a phone', [(await api.dataset('Anthropic models')).id]);
  await expect.poll(async () => (await api.evaluation(created.id)).evaluation?.processed).toBe(true);

  await evaluationsList.goto();
  const row = evaluationsList.row('Anthropic on a phone');
  await expect(row).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectWithinWidth(page.getByRole('checkbox', { name: 'Select Anthropic on a phone' }));
  for (const name of ['Open', 'Re-run', 'Delete']) await expectWithinWidth(row.getByRole(name === 'Delete' ? 'button' : 'link', { name: `${name} Anthropic on a phone` }));
  await expectWithinWidth(evaluationsList.newButton);

  await row.getByRole('link', { name: 'Anthropic on a phone', exact: true }).click();
  const results = page.getByRole('table', { name: 'Results' });
  await expect(results).toBeVisible();
  // The results; the breakdown's tables below them are not lists.
  await expectNoSidewaysScroll(page, '.MuiTableContainer-root:has(> table[aria-label="Results"])');
  const cost = results.getByRole('row').filter({ hasText: 'Cost' });
  for (const label of ['Logs', 'Status', 'Updated']) await expectWithinWidth(cost.locator(`td[data-label="${label}"]`));
});

test('logs: a page of logs as cards, the thumbs on screen and the details one tap away', async ({ page, logsPage }) => {
  await logsPage.goto();
  await expect(logsPage.bodyRows().first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  const first = logsPage.bodyRows().first();
  await expectWithinWidth(first.getByRole('button', { name: 'Thumbs up' }));
  await expectWithinWidth(first.locator('td[data-label="Duration"]'));
  await first.getByRole('cell').first().click();
  await expect(logsPage.detail).toBeVisible();
  await expectWithinWidth(logsPage.detail.getByRole('button', { name: 'Close log details' }));
});

/** The toast on screen (the alert inside the Notifications landmark). */
const toastOf = (page: Page) => page.getByRole('region', { name: 'Notifications' }).getByRole('alert');

/**
 * `button` and the toast are apart wherever the user has scrolled to reach the button: just onto the screen at
 * the bottom (scrolling down to it), mid-screen, and at the end of the page (where forms keep it).
 */
async function expectToastClearOf(page: Page, button: Locator) {
  const toast = toastOf(page);
  for (const at of ['end', 'center', 'page end'] as const) {
    if (at === 'page end') await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    else await button.evaluate((el, block) => el.scrollIntoView({ block }), at);
    await expect(toast, 'a toast is showing').toBeVisible();
    await expect(button).toBeInViewport();
    const [a, b] = [(await toast.boundingBox())!, (await button.boundingBox())!];
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, `button at ${at}: toast ${JSON.stringify(a)} overlaps the button ${JSON.stringify(b)}`).toBe(false);
  }
  await expectWithinWidth(toast);
}

test('a toast never covers Run evaluation or Save', async ({ page, server, newEvaluation, evaluationDetail, datasetsList, datasetEditor }) => {
  // Run an evaluation: its detail page says "Started …", and Re-run brings the form back while that toast shows.
  await newEvaluation.goto();
  // A long name makes a wide toast, as wide as the screen allows.
  const name = 'Anthropic against the production traffic of the quarter';
  await newEvaluation.create(name, ['Anthropic models']);
  await expect(toastOf(page)).toContainText(`Started “${name}”`);
  await evaluationDetail.rerun.click();
  await expectToastClearOf(page, newEvaluation.run);

  // Disable a dataset (a toast with Undo), then edit it while the toast shows.
  const dataset = 'Claude production traffic rated by the support team';
  await new EvaluationsApi(server).createDataset(dataset, [{ key: 'provider', operator: 'eq', value: ['anthropic'] }]);
  await datasetsList.goto();
  await datasetsList.enabledSwitch(dataset).click();
  await expect(toastOf(page)).toContainText(`Disabled "${dataset}"`);
  await datasetsList.open(dataset);
  await expect(datasetEditor.name).toHaveValue(dataset);
  await expectToastClearOf(page, datasetEditor.saveButton);
});

test('an evaluation’s charts: group names whole above their bars, every axis with several labels, nothing cut', async ({ page, server }) => {
  const api = new EvaluationsApi(server);
  const longName = 'Claude and GPT production traffic over the whole quarter, all models';
  const wide = await api.createDataset(longName, [{ key: 'success', operator: 'eq', value: [true] }]);
  const created = await api.createEvaluation('Charts on a phone', [wide.id, (await api.dataset('Anthropic models')).id]);
  await expect.poll(async () => (await api.evaluation(created.id)).evaluation?.processed).toBe(true);

  await page.goto(`/gateways/default/evaluations/${created.id}`);
  const charts = page.getByRole('region', { name: 'Charts' });
  for (const title of ['Mean cost per request', 'Mean duration', 'Thumbs-up share']) {
    const figure = charts.getByRole('figure', { name: `${title} by group, with 95% intervals` });
    await expect(figure.locator('svg text[data-group-label]')).toHaveCount(3);
    const drawn = await figure.evaluate((fig) => {
      const svg = fig.querySelector('svg')!.getBoundingClientRect();
      const texts = [...fig.querySelectorAll('svg text')].filter((t) => t.textContent);
      return {
        labels: [...fig.querySelectorAll('svg text[data-group-label]')].map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ')),
        ticks: [...fig.querySelectorAll('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel')].map((t) => t.textContent),
        // Every text inside the drawing, none cut by its edges or shortened with an ellipsis.
        outside: texts.filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 || r.bottom > svg.bottom + 0.5;
        }).map((t) => t.textContent),
        ellipsized: texts.map((t) => t.textContent!).filter((s) => s.includes('…')),
      };
    });
    expect(drawn.labels.map((l) => l.replace(/\u00a0/g, ' '))).toEqual([
      expect.stringMatching(new RegExp(`^${longName} \\(n = [\\d,]+\\)$`)),
      expect.stringMatching(/^Anthropic models \(n = [\d,]+\)$/),
      expect.stringMatching(/^All datasets \(n = [\d,]+\)$/),
    ]);
    expect(drawn.ticks.length, `${title}: value axis labels ${drawn.ticks.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(drawn.outside, `${title}: texts cut by the chart's edges`).toEqual([]);
    expect(drawn.ellipsized, `${title}: shortened texts`).toEqual([]);
    await expectWithinWidth(figure);
  }
  for (const figure of await charts.getByRole('figure', { name: /^(Cost per request|Duration): / }).all()) {
    const ticks = await figure.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').allTextContents();
    expect(ticks.length, `histogram labels ${ticks.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect((await figure.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').allTextContents()).length).toBeGreaterThanOrEqual(3);
  }
  await expectWithinWidth(charts);
  // The long name widens nothing else either: the Baseline menu cuts it, the tables wrap it.
  await expectNoSidewaysScroll(page);
});
