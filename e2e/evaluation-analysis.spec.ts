import type { Locator, Page } from '@playwright/test';
import { formatInterval } from '../src/client/features/evaluations/analysis/analysis-format.ts';
import { formatMs, formatPercent } from '../src/client/lib/format.ts';
import { meanDifference, verdict } from '../src/shared/stats-compare.ts';
import { summarizeSorted, wilsonInterval } from '../src/shared/stats.ts';
import { EvaluationsApi } from './pages/evaluations-api.ts';
import { expect, test } from './pages/page-fixtures.ts';
import { screenshotsInBothSchemes } from './pages/screenshots.ts';


const screenshots = (page: Page, name: string) => screenshotsInBothSchemes(page, `evaluation-analysis-${name}`);

/** Type 7 quantile, written out here so the journey checks the page against its own computation. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const i = Math.floor(h);
  return s[i]! + (h - i) * (s[Math.min(i + 1, s.length - 1)]! - s[i]!);
}

/** The cell of a statistic's row in a group's column (the row header is not a cell). */
const cell = (table: Locator, statistic: string, column: number) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: statistic, exact: true }) }).getByRole('cell').nth(column);

test('an evaluation of two datasets shows each dataset\'s n, p95 duration, thumbs-up share with its interval, and a verdict', async ({
  page,
  server,
  evaluationDetail,
}) => {
  const api = new EvaluationsApi(server);
  const a = await api.createDataset('OpenAI only', [{ key: 'provider', operator: 'eq', value: ['openai'] }]);
  const b = await api.createDataset('Claude models', [{ key: 'model', operator: 'contains', value: ['claude'] }]);
  const created = await api.createEvaluation('OpenAI vs Claude', [a.id, b.id]);
  await expect.poll(async () => (await api.evaluation(created.id)).evaluation?.processed).toBe(true);

  await evaluationDetail.goto(created.id);
  const duration = page.getByRole('table', { name: 'Duration (ms)' });
  const feedback = page.getByRole('table', { name: 'Human feedback (as of now)' });
  await expect(duration).toBeVisible();

  const summaries = [];
  for (const [i, dataset] of [a, b].entries()) {
    const logs = await api.logsOf(dataset);
    const durations = logs.map((l) => l.duration).filter((d) => typeof d === 'number');
    const up = logs.filter((l) => l.feedback === 1).length;
    const rated = logs.filter((l) => l.feedback === 1 || l.feedback === -1).length;
    await expect(cell(duration, 'n', i)).toHaveText(durations.length.toLocaleString('en-US'));
    await expect(cell(duration, 'p95', i)).toHaveText(formatMs(quantile(durations, 0.95)));
    await expect(cell(feedback, 'Thumbs-up share', i)).toHaveText(
      `${formatPercent((100 * up) / rated)}95% CI ${formatInterval('share', wilsonInterval(up, rated))}`,
    );
    summaries.push(summarizeSorted(Float64Array.from(durations).sort(), durations.reduce((s, x) => s + x, 0)));
  }

  // The verdict on speed, against the first dataset, as the shared rules word it from these logs.
  const verdicts = page.getByRole('table', { name: 'Verdicts against OpenAI only' });
  const d = meanDifference(summaries[0]!, summaries[1]!);
  const expected = verdict({ kind: 'mean', lower: 'faster', higher: 'slower', lowerIsBetter: true }, d, summaries[0]!.n, summaries[1]!.n, d!.p);
  await expect(cell(verdicts, 'Mean duration', 0)).toContainText(expected.text);
  await expect(page.getByRole('region', { name: 'Against a baseline' })).toContainText("Welch's t");

  await expect(page.getByText('“All datasets” matches the evaluation\'s results exactly')).toBeVisible();
  await screenshots(page, 'detail');

  // The toggle lives in the URL and changes which logs cost and speed count.
  // The switch's state follows the URL, which changes just after the click.
  await page.getByRole('switch', { name: /Leave out cached and failed logs/ }).click();
  await expect(page).toHaveURL(/exclude_cached_failed=true/);
  await expect(page.getByRole('switch', { name: /Leave out cached and failed logs/ })).toBeChecked();
  await expect(page.getByText('Cached and failed logs are left out').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('switch', { name: /Leave out cached and failed logs/ })).toBeChecked();
});
