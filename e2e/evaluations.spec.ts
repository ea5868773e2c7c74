import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { delta, formatDelta } from '../src/client/features/evaluations/compare.ts';
import { formatResult, formatValue } from '../src/client/features/evaluations/format-result.ts';
import { EvaluationsApi } from './pages/evaluations-api.ts';
import { expect, test } from './pages/page-fixtures.ts';
import { screenshotsInBothSchemes, SHOTS } from './pages/screenshots.ts';
import { parseCsv } from '../src/test-support/parse-csv.ts';


const screenshots = (page: Page, name: string) => screenshotsInBothSchemes(page, `evaluations-${name}`);

/** How the page prints: navigation and buttons hidden by the print stylesheet. */
async function printScreenshot(page: Page, name: string) {
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Export CSV' }).or(page.getByRole('combobox', { name: 'Baseline' }))).toBeHidden();
  await page.screenshot({ path: resolve(SHOTS, `evaluations-${name}-print.png`), fullPage: true, animations: 'disabled' });
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
}


test.describe('a slowed job', () => {
  test.use({ evaluationDelayMs: 1_500 });

  test('create from two datasets and all evaluators, watch it run, and check every figure against the logs', async ({
    page,
    server,
    evaluationsList,
    newEvaluation,
    evaluationDetail,
  }) => {
    const api = new EvaluationsApi(server);
    const chosen = [await api.dataset('Llama (any host)'), await api.dataset('Rated logs')];
    const expected = await api.expectedFigures(chosen);

    await evaluationsList.goto();
    await screenshots(page, 'list');
    await evaluationsList.newButton.click();
    await expect(newEvaluation.evaluator('Cost')).toBeChecked();
    await expect(newEvaluation.evaluator('Cost')).toBeDisabled();
    await newEvaluation.name.fill('Llama and rated');
    for (const d of chosen) await newEvaluation.dataset(d.name).check();
    // Read-backs in words, as the checkbox's description: no emoji font needed to read them.
    await expect(newEvaluation.dataset('Rated logs')).toHaveAccessibleDescription(/thumbs up.* [\d,]+ logs$/);
    await expect(newEvaluation.evaluator('Cost')).toHaveAccessibleDescription(/^Always included /);
    await newEvaluation.evaluator('Human feedback').check();
    await expect(newEvaluation.review).toHaveText(/^Evaluates 2 datasets \(up to [\d,]+ logs\) with Cost, Speed and Human feedback$/);
    await screenshots(page, 'new');
    await newEvaluation.run.click();

    await expect(evaluationDetail.heading('Llama and rated')).toBeVisible();
    await expect(evaluationDetail.status(/^Running · \d+ s$/)).toBeVisible();
    await expect(evaluationDetail.status(/^Done$/)).toBeVisible();
    await expect(page.getByText(`${expected.totalLogs.toLocaleString('en-US')} distinct logs across 2 datasets`)).toBeVisible();

    const figures = [
      ['Cost', 'cost', expected.cost],
      ['Speed', 'speed', expected.speed],
      ['Human feedback', 'feedback', expected.feedback],
    ] as const;
    for (const [evaluator, kind, { value, n }] of figures) {
      const cells = evaluationDetail.resultCells(evaluator);
      await expect(cells.nth(1)).toHaveText(formatValue(kind, value));
      await expect(cells.nth(2)).toHaveText(n.toLocaleString('en-US'));
      await expect(cells.nth(3)).toHaveText('Done');
    }
    for (const d of chosen) await expect(evaluationDetail.datasets).toContainText(d.name);
    await expect(evaluationDetail.datasets).toContainText('Logs where model contains "llama"');
    await expect(page.getByRole('img', { name: /^Cost, zero-based axis/ })).toBeVisible();
    await screenshots(page, 'detail');
    await printScreenshot(page, 'detail');

    // The list shows it Done too, with its datasets and evaluators.
    await evaluationsList.goto();
    const row = evaluationsList.row('Llama and rated');
    await expect(row).toContainText('Done');
    await expect(row).toContainText('Llama (any host), Rated logs');
    await expect(row).toContainText('Cost, Speed, Human feedback');
  });
});

test('more than five datasets is refused with a message', async ({ server, newEvaluation }) => {
  const api = new EvaluationsApi(server);
  await api.createDataset('OpenAI models', [{ key: 'provider', operator: 'eq', value: ['openai'] }]);
  const names = (await api.datasets()).map((d) => d.name);
  expect(names.length).toBeGreaterThanOrEqual(6);

  await newEvaluation.goto();
  for (const name of names.slice(0, 5)) await newEvaluation.dataset(name).check();
  await newEvaluation.dataset(names[5]!).click();
  await expect(newEvaluation.dataset(names[5]!)).not.toBeChecked();
  await expect(newEvaluation.datasets.getByRole('alert')).toHaveText('Choose at most 5 datasets');
});

test('export CSV: one row per evaluator with units, n and the datasets read-back', async ({ page, server, evaluationDetail }) => {
  const api = new EvaluationsApi(server);
  const datasets = [await api.dataset('Anthropic models'), await api.dataset('Rated logs')];
  const created = await api.createEvaluation('Anthropic, rated', datasets.map((d) => d.id));
  await evaluationDetail.goto(created.id);
  await expect(evaluationDetail.status(/^Done$/)).toBeVisible();
  const { evaluation } = await api.evaluation(created.id);
  const types = await api.types();

  const [download] = await Promise.all([page.waitForEvent('download'), evaluationDetail.exportCsv.click()]);
  expect(download.suggestedFilename()).toBe('anthropic-rated.csv');
  const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
  expect(rows[0]).toEqual(['Evaluation', 'Evaluator', 'Result', 'Value', 'Unit', 'Logs (n)', 'Status', 'Status description', 'Updated', 'Datasets']);
  expect(rows.slice(1).map((r) => r[1])).toEqual(['Cost', 'Speed', 'Human feedback']);
  const units = { Cost: 'USD', Speed: 'ms', 'Human feedback': '%' } as const;
  const kinds = { Cost: 'cost', Speed: 'speed', 'Human feedback': 'feedback' } as const;
  for (const row of rows.slice(1)) {
    const evaluator = row[1] as keyof typeof units;
    const result = evaluation!.results.find((r) => r.evaluation_type_id === types.find((t) => t.name === evaluator)!.id)!;
    expect(row[0]).toBe('Anthropic, rated');
    expect(row[2]).toBe(formatResult(kinds[evaluator], result.result));
    expect(Number(row[3])).toBe(Number(result.result));
    expect(row[4]).toBe(units[evaluator]);
    expect(row[5]).toBe(String(result.total_logs));
    expect(row[9]).toBe('Anthropic models: Logs where provider is "anthropic"; Rated logs: Logs where feedback is any of thumbs up or thumbs down');
  }
});

test('re-run goes through the prefilled form and makes a new evaluation', async ({ page, server, evaluationDetail, newEvaluation, evaluationsList }) => {
  const api = new EvaluationsApi(server);
  const d = await api.dataset('Anthropic models');
  const types = await api.types();
  const original = await api.createEvaluation('Anthropic only', [d.id], types.filter((t) => t.mandatory).map((t) => t.id));
  await evaluationDetail.goto(original.id);
  await expect(evaluationDetail.status(/^Done$/)).toBeVisible();
  await evaluationDetail.rerun.click();

  await expect(newEvaluation.name).toHaveValue('Anthropic only (re-run)');
  await expect(newEvaluation.dataset('Anthropic models')).toBeChecked();
  await expect(newEvaluation.evaluator('Human feedback')).not.toBeChecked();
  await newEvaluation.run.click();
  await expect(evaluationDetail.heading('Anthropic only (re-run)')).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(original.id));
  await expect(evaluationDetail.status(/^Done$/)).toBeVisible();
  await expect(evaluationDetail.datasets.getByText('Modified since')).toHaveCount(0);

  // Editing the dataset afterwards marks it on the evaluation: its figures describe the old filters.
  const put = await server.api(`/gateways/default/datasets/${d.id}`, {
    method: 'PUT',
    body: { name: d.name, enable: d.enable, filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }] },
  });
  expect(put.status).toBe(200);
  await evaluationDetail.goto(original.id);
  await expect(evaluationDetail.datasets.getByText('Modified since')).toBeVisible();
  await expect(evaluationDetail.datasets).toContainText('Logs where provider is "anthropic"');

  await evaluationsList.goto();
  await expect(evaluationsList.row('Anthropic only')).toBeVisible();
  await expect(evaluationsList.row('Anthropic only (re-run)')).toBeVisible();
});

test('compare two evaluations: deltas against the chosen baseline, n and small-sample flags', async ({
  page,
  server,
  evaluationsList,
  comparePage,
}) => {
  const api = new EvaluationsApi(server);
  const a = await api.createEvaluation('Anthropic', [(await api.dataset('Anthropic models')).id]);
  const b = await api.createEvaluation('Llama', [(await api.dataset('Llama (any host)')).id]);
  await expect.poll(async () => (await api.evaluations()).filter((e) => e.processed).length).toBeGreaterThanOrEqual(3);
  const types = await api.types();
  const speedId = types.find((t) => t.name === 'Speed')!.id;
  const [ea, eb] = [(await api.evaluation(a.id)).evaluation!, (await api.evaluation(b.id)).evaluation!];
  const speed = (e: typeof ea) => Number(e.results.find((r) => r.evaluation_type_id === speedId)!.result);

  await evaluationsList.goto();
  await evaluationsList.select('Anthropic');
  await evaluationsList.select('Llama');
  await evaluationsList.compareButton.click();
  await expect(page).toHaveURL(new RegExp(`/evaluations/compare\\?ids=${a.id},${b.id}$`));

  const speedCells = comparePage.cells('Speed');
  await expect(speedCells.nth(0)).toContainText('baseline');
  await expect(speedCells.nth(1)).toContainText(formatDelta('speed', delta(speed(eb), speed(ea))));
  await expect(speedCells.nth(1)).toContainText(`n = ${eb.results.find((r) => r.evaluation_type_id === speedId)!.total_logs.toLocaleString('en-US')}`);
  // The breakdown's charts follow the verdicts: one group per evaluation, with its interval.
  await expect(page.getByRole('figure', { name: 'Mean duration by group, with 95% intervals' })).toBeVisible();
  await screenshots(page, 'compare');
  await printScreenshot(page, 'compare');

  // The baseline lives in the URL, so the page reproduces from a link.
  await comparePage.chooseBaseline('Llama');
  await expect(page).toHaveURL(/baseline=/);
  await expect(speedCells.nth(0)).toContainText(formatDelta('speed', delta(speed(ea), speed(eb))));
  await comparePage.goto([a.id, b.id], 'default', b.id);
  await expect(comparePage.cells('Speed').nth(1)).toContainText('baseline');

  // Every figure from fewer than 30 logs carries the flag, and no other does.
  const smallSamples = [ea, eb].flatMap((e) => e.results).filter((r) => r.status === 1 && r.total_logs < 30).length;
  await expect(comparePage.table.getByLabel(/^small sample: \d+ logs$/)).toHaveCount(smallSamples);
});

test('delete from the list with Undo, then for real', async ({ server, evaluationsList }) => {
  const api = new EvaluationsApi(server);
  const created = await api.createEvaluation('To delete', [(await api.dataset('Anthropic models')).id]);
  await evaluationsList.goto();
  await expect(evaluationsList.row('To delete')).toBeVisible();

  await evaluationsList.delete('To delete');
  // In place, greyed, with Undo where its Delete was.
  await expect(evaluationsList.row('To delete')).toBeVisible();
  await evaluationsList.undoInRow('To delete').click();
  await expect(evaluationsList.page.getByRole('button', { name: 'Delete To delete', exact: true })).toBeVisible();
  expect((await api.evaluation(created.id)).status).toBe(200);

  await evaluationsList.delete('To delete');
  await expect(evaluationsList.undoInRow('To delete')).toBeVisible();
  await expect.poll(async () => (await api.evaluation(created.id)).status).toBe(404);
  await evaluationsList.page.reload();
  await expect(evaluationsList.row('GPT-4o vs Anthropic')).toBeVisible();
  await expect(evaluationsList.row('To delete')).toHaveCount(0);
});

test.describe('a stuck job', () => {
  // The job really runs this long: the page must have shown "Running" before it ends, and on a loaded
  // machine opening the page alone has taken over 6 s, so the margin is wide and the wait for the end long.
  test.use({ evaluationDelayMs: 20_000 });

  test('shows its elapsed time, then the stuck notice past the threshold, and recovers when it finishes', async ({
    page,
    server,
    evaluationDetail,
  }) => {
    test.setTimeout(120_000);
    const api = new EvaluationsApi(server);
    // The browser's clock is moved forward instead of waiting a minute.
    await page.clock.install();
    const created = await api.createEvaluation('Slow one', [(await api.dataset('Anthropic models')).id]);
    await evaluationDetail.goto(created.id);
    await expect(evaluationDetail.status(/^Running · \d+ s$/)).toBeVisible();
    await expect(evaluationDetail.stuck).toHaveCount(0);

    await page.clock.fastForward('01:05');
    await expect(evaluationDetail.status(/^Running · 1 min \d+ s$/)).toBeVisible();
    await expect(evaluationDetail.stuck).toBeVisible();
    await expect(evaluationDetail.stuck).toContainText('re-run it, or check that the gateway is reachable');
    await screenshots(page, 'stuck');

    await expect.poll(async () => (await api.evaluation(created.id)).evaluation?.processed, { timeout: 40_000 }).toBe(true);
    // The next poll is at most 10 s away on the page's clock.
    await page.clock.fastForward(10_000);
    await expect(evaluationDetail.status(/^Done$/)).toBeVisible();
    await expect(evaluationDetail.stuck).toHaveCount(0);
    await expect(evaluationDetail.resultCells('Cost').nth(1)).toHaveText(/^\$/);
  });
});
