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
