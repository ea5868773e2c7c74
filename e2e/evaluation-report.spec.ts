import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { isoToLocalInput } from '../src/client/components/filter-builder/date-time-picker.tsx';
import { meanDifference, verdict } from '../src/shared/stats-compare.ts';
import { summarizeSorted } from '../src/shared/stats.ts';
import { EvaluationsApi } from './pages/evaluations-api.ts';
import { expect, test } from './pages/page-fixtures.ts';
import { screenshotsInBothSchemes, SHOTS } from './pages/screenshots.ts';


const screenshots = (page: Page, name: string) => screenshotsInBothSchemes(page, `evaluation-report-${name}`);

const cell = (table: Locator, statistic: string, column: number) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: statistic, exact: true }) }).getByRole('cell').nth(column);

const durationSummary = (durations: number[]) => summarizeSorted(Float64Array.from(durations).sort(), durations.reduce((s, x) => s + x, 0));
const SPEED = { kind: 'mean', lower: 'faster', higher: 'slower', lowerIsBetter: true } as const;

test('comparing two evaluations reads each one\'s verdict against the baseline, worked out here from their logs', async ({ page, server }) => {
  const api = new EvaluationsApi(server);
  const a = await api.createDataset('OpenAI only', [{ key: 'provider', operator: 'eq', value: ['openai'] }]);
  const b = await api.createDataset('Claude models', [{ key: 'model', operator: 'contains', value: ['claude'] }]);
  const first = await api.createEvaluation('OpenAI run', [a.id]);
  const second = await api.createEvaluation('Claude run', [b.id]);
  for (const e of [first, second]) await expect.poll(async () => (await api.evaluation(e.id)).evaluation?.processed).toBe(true);

  await page.goto(`/gateways/default/evaluations/compare?ids=${first.id},${second.id}`);
  const verdicts = page.getByRole('table', { name: 'Verdicts against OpenAI run' });
  await expect(verdicts).toBeVisible();

  const [sa, sb] = await Promise.all([a, b].map(async (d) => durationSummary((await api.logsOf(d)).map((l) => l.duration))));
  const d = meanDifference(sa!, sb!);
  const expected = verdict(SPEED, d, sa!.n, sb!.n, d!.p);
  await expect(cell(verdicts, 'Mean duration', 0)).toContainText(expected.text);
  await expect(page.getByRole('region', { name: 'Verdicts against the baseline' })).toContainText("Welch's t");
  await screenshots(page, 'compare');

  // The baseline lives in the URL; swapping it swaps the words.
  await page.getByRole('combobox', { name: 'Baseline' }).first().click();
  await page.getByRole('option', { name: 'Claude run', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`baseline=${second.id}`));
  const swapped = verdict(SPEED, meanDifference(sb!, sa!), sb!.n, sa!.n, d!.p);
  await expect(cell(page.getByRole('table', { name: 'Verdicts against Claude run' }), 'Mean duration', 0)).toContainText(swapped.text);
});

test('splitting a dataset at a date compares its logs before and from that instant, kept in the URL', async ({ page, server, evaluationDetail }) => {
  const api = new EvaluationsApi(server);
  const a = await api.createDataset('OpenAI only', [{ key: 'provider', operator: 'eq', value: ['openai'] }]);
  const b = await api.createDataset('Claude models', [{ key: 'model', operator: 'contains', value: ['claude'] }]);
  const created = await api.createEvaluation('OpenAI vs Claude', [a.id, b.id]);
  await expect.poll(async () => (await api.evaluation(created.id)).evaluation?.processed).toBe(true);

  // The median log time of the dataset, to the minute, so both halves have logs.
  const logs = (await api.logsOf(a)) as unknown as { created_at: string; duration: number }[];
  const times = logs.map((l) => Date.parse(l.created_at)).sort((x, y) => x - y);
  const local = isoToLocalInput(new Date(times[Math.floor(times.length / 2)]!).toISOString());
  const at = new Date(local).getTime();
  const before = logs.filter((l) => Date.parse(l.created_at) < at);
  const from = logs.filter((l) => Date.parse(l.created_at) >= at);

  await evaluationDetail.goto(created.id);
  const split = page.getByRole('region', { name: 'Before and after' });
  await split.getByRole('textbox', { name: 'Split at' }).fill(local);
  await split.getByRole('button', { name: 'Compare before and after' }).click();
  await expect(page).toHaveURL(new RegExp(`split_dataset=${a.id}&split_at=`));

  const duration = split.getByRole('table', { name: 'Duration (ms)' });
  await expect(cell(duration, 'n', 0)).toHaveText(before.length.toLocaleString('en-US'));
  await expect(cell(duration, 'n', 1)).toHaveText(from.length.toLocaleString('en-US'));
  const [sb, sf] = [durationSummary(before.map((l) => l.duration)), durationSummary(from.map((l) => l.duration))];
  const d = meanDifference(sb, sf);
  await expect(cell(split.getByRole('table', { name: /^Verdicts against Before / }), 'Mean duration', 0)).toContainText(verdict(SPEED, d, sb.n, sf.n, d!.p).text);
  await split.scrollIntoViewIfNeeded();
  await screenshots(page, 'split');

  // The URL reproduces the split; an instant after the evaluation is refused before asking, naming the field.
  await page.reload();
  await expect(cell(split.getByRole('table', { name: 'Duration (ms)' }), 'n', 0)).toHaveText(before.length.toLocaleString('en-US'));

  // The report carries the split on screen: a fact, the halves' verdict and their rows, in UTC.
  await page.getByRole('button', { name: 'One-page report' }).click();
  const report = page.getByRole('article', { name: 'Evaluation report: OpenAI vs Claude' });
  const utc = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC';
  await expect(report).toContainText(new RegExp(`Split\\s*OpenAI only at ${utc}`));
  await expect(report).toContainText(new RegExp(`OpenAI only from ${utc} against OpenAI only before ${utc}:`));
  const heads = report.getByRole('table', { name: 'Figures' }).getByRole('rowheader');
  await expect(heads).toHaveCount(5);
  await expect(heads.last()).toHaveText(new RegExp(`^OpenAI only from ${utc}$`));
  await page.getByRole('button', { name: 'Close report' }).click();

  await split.getByRole('textbox', { name: 'Split at' }).fill(isoToLocalInput(new Date(Date.parse(created.created_at) + 86_400_000).toISOString()));
  await split.getByRole('button', { name: 'Compare before and after' }).click();
  await expect(split.getByText(/^Split at: must be at or before the evaluation's creation/)).toBeVisible();
});

test('the one-page report opens from its URL and downloads as a PDF', async ({ page, server, evaluationDetail }) => {
  const api = new EvaluationsApi(server);
  const a = await api.createDataset('OpenAI only', [{ key: 'provider', operator: 'eq', value: ['openai'] }]);
  const b = await api.createDataset('Claude models', [{ key: 'model', operator: 'contains', value: ['claude'] }]);
  const created = await api.createEvaluation('OpenAI vs Claude', [a.id, b.id]);
  await expect.poll(async () => (await api.evaluation(created.id)).evaluation?.processed).toBe(true);

  await evaluationDetail.goto(created.id);
  await page.getByRole('button', { name: 'One-page report' }).click();
  await expect(page).toHaveURL(/report=1/);
  const report = page.getByRole('article', { name: 'Evaluation report: OpenAI vs Claude' });
  await expect(report).toContainText('default');
  const pin = new Date(created.created_at);
  const p2 = (n: number) => String(n).padStart(2, '0');
  await expect(report).toContainText(`created at or before ${pin.getUTCFullYear()}-${p2(pin.getUTCMonth() + 1)}-${p2(pin.getUTCDate())} ${p2(pin.getUTCHours())}:${p2(pin.getUTCMinutes())} UTC`);
  await expect(report).toContainText('Claude models against OpenAI only:');
  await expect(report.getByRole('table', { name: 'Figures' }).getByRole('rowheader')).toHaveText(['OpenAI only', 'Claude models', 'All datasets']);
  await screenshots(page, 'report');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('openai-vs-claude-report.pdf');
  const path = resolve(SHOTS, 'evaluation-report.pdf');
  await file.saveAs(path);
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  // Its pages as images, to look at (poppler's pdftoppm, where installed).
  try {
    execFileSync('pdftoppm', ['-png', '-r', '100', path, resolve(SHOTS, 'evaluation-report-pdf')]);
  } catch {
    // Not installed: the PDF itself is kept.
  }

  await page.reload();
  await expect(report).toBeVisible();
  await page.getByRole('button', { name: 'Close report' }).click();
  await expect(page).not.toHaveURL(/report=1/);
});
