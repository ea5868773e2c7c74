import type { Request } from '@playwright/test';
import { expect, test } from './pages/page-fixtures.ts';

interface Dataset {
  id: string;
  name: string;
  enable: boolean;
  filters: { key: string; operator: string; value: unknown[] }[];
}
interface Envelope<T> {
  success: boolean;
  result: T;
}

test('open a dataset, change a row and the name, Save (PUT), and see the result in the list and the detail', async ({
  page,
  datasetsList,
  datasetEditor,
  server,
}) => {
  await datasetsList.goto();
  await datasetsList.open('Anthropic models');
  await expect(datasetEditor.name).toHaveValue('Anthropic models');
  await datasetEditor.filters.expectChips(1, ['anthropic']);

  await datasetEditor.name.fill('Anthropic, cheap calls');
  await datasetEditor.filters.setRow(1, { operator: 'contains' });
  await datasetEditor.filters.addRow({ key: 'Cost', operator: 'less than', values: ['0.002'] });
  await expect(datasetEditor.filters.summary).toHaveText('Logs where provider contains "anthropic" and cost < $0.002');

  const put = page.waitForRequest((r) => r.method() === 'PUT' && /\/api\/gateways\/default\/datasets\/[^/]+$/.test(r.url()));
  await datasetEditor.saveButton.click();
  const request = await put;
  expect(request.postDataJSON()).toEqual({
    name: 'Anthropic, cheap calls',
    enable: true,
    filters: [
      { key: 'provider', operator: 'contains', value: ['anthropic'] },
      { key: 'cost', operator: 'lt', value: [0.002] },
    ],
  });

  await expect(datasetsList.heading).toBeVisible();
  await expect(datasetsList.row('Anthropic, cheap calls')).toContainText('Logs where provider contains "anthropic" and cost < $0.002');
  await expect(datasetsList.row('Anthropic models')).toHaveCount(0);

  await datasetsList.open('Anthropic, cheap calls');
  await expect(datasetEditor.name).toHaveValue('Anthropic, cheap calls');
  await expect(datasetEditor.filters.operator(1)).toHaveValue('contains');
  await expect(datasetEditor.filters.row(2).getByRole('textbox', { name: 'Value' })).toHaveValue('0.002');

  const id = request.url().split('/').pop()!;
  const stored = await server.api<Envelope<Dataset>>(`/gateways/default/datasets/${id}`);
  expect(stored.json.result.name).toBe('Anthropic, cheap calls');
});

test('a word in Cost is refused on its row, and nothing is sent', async ({ page, datasetEditor }) => {
  const writes: Request[] = [];
  page.on('request', (r) => {
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method()) && r.url().includes('/api/')) writes.push(r);
  });
  await datasetEditor.gotoNew();
  await datasetEditor.name.fill('Cheap calls');
  await datasetEditor.filters.addRow({ key: 'Cost', operator: 'less than', values: ['cheap'] });
  await datasetEditor.saveButton.click();

  const value = datasetEditor.filters.row(1).getByRole('textbox', { name: 'Value' });
  await expect(datasetEditor.filters.row(1)).toContainText('Cost must be a number (USD)');
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toBeFocused();
  expect(writes.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
});

test('toggle enabled in the list, then Undo', async ({ datasetsList, shell, server }) => {
  await datasetsList.goto();
  const toggle = datasetsList.enabledSwitch('Expensive requests');
  await expect(toggle).not.toBeChecked();

  const put = datasetsList.page.waitForResponse((r) => r.request().method() === 'PUT');
  await toggle.click();
  await expect(toggle).toBeChecked();
  expect((await put).status()).toBe(200);
  await expect(shell.toast('Enabled "Expensive requests"')).toBeVisible();

  const undoPut = datasetsList.page.waitForResponse((r) => r.request().method() === 'PUT');
  await shell.undo();
  expect(((await undoPut).request().postDataJSON() as Dataset).enable).toBe(false);
  await expect(toggle).not.toBeChecked();
  const list = await server.api<Envelope<Dataset[]>>('/gateways/default/datasets?search=Expensive');
  expect(list.json.result[0]?.enable).toBe(false);
});

test('delete keeps the row in place, greyed with Undo; Undo brings it back and nothing is deleted', async ({ page, datasetsList, shell, server }) => {
  await page.clock.install();
  const deletes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'DELETE') deletes.push(r.url());
  });
  await datasetsList.goto();
  const pager = page.getByRole('navigation', { name: 'Pages' }).getByRole('status');
  await expect(pager).toHaveText(/^1–\d+ of \d+$/);
  const shown = await pager.textContent();
  const deleteButton = page.getByRole('button', { name: 'Delete Rated logs', exact: true });
  const box = (await deleteButton.boundingBox())!;
  await deleteButton.click();
  // The row stays where it was; where the pointer is, Undo now is (not the next row's Delete).
  const undoInRow = page.getByRole('button', { name: 'Undo delete of Rated logs' });
  await expect(undoInRow).toBeVisible();
  await expect(datasetsList.row('Rated logs')).toBeVisible();
  await expect(pager).toHaveText(shown!);
  const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label'), {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
  });
  expect(under === null || under === undefined || !under.startsWith('Delete ')).toBe(true);
  await shell.undo();
  await expect(undoInRow).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete Rated logs', exact: true })).toBeVisible();

  // Past the undo window: an undone delete is never sent.
  await page.clock.fastForward(10_000);
  expect(deletes).toEqual([]);
  const list = await server.api<Envelope<Dataset[]>>('/gateways/default/datasets?search=Rated');
  expect(list.json.result.map((d) => d.name)).toEqual(['Rated logs']);
});

test('delete without Undo is sent after the window, and the row and the count go together', async ({ page, datasetsList, server }) => {
  await page.clock.install();
  await datasetsList.goto();
  const pager = page.getByRole('navigation', { name: 'Pages' }).getByRole('status');
  await expect(pager).toHaveText(/^1–\d+ of \d+$/);
  const n = Number((await pager.textContent())!.split(' of ')[1]);
  await datasetsList.delete('Llama (any host)');
  await expect(page.getByRole('button', { name: 'Undo delete of Llama (any host)' })).toBeVisible();
  await expect(pager).toHaveText(`1–${n} of ${n}`);
  const sent = page.waitForResponse((r) => r.request().method() === 'DELETE');
  await page.clock.fastForward(7_000);
  expect((await sent).status()).toBe(200);
  await expect(datasetsList.row('Llama (any host)')).toHaveCount(0);
  await expect(pager).toHaveText(`1–${n - 1} of ${n - 1}`);
  const list = await server.api<Envelope<Dataset[]>>('/gateways/default/datasets?search=Llama');
  expect(list.json.result).toEqual([]);
});

test('a delete still in its window is sent when the page is left', async ({ page, datasetsList, shell, server }) => {
  await datasetsList.goto();
  await datasetsList.delete('Llama (any host)');
  const sent = page.waitForResponse((r) => r.request().method() === 'DELETE');
  await shell.section('Logs').click();
  expect((await sent).status()).toBe(200);
  const list = await server.api<Envelope<Dataset[]>>('/gateways/default/datasets?search=Llama');
  expect(list.json.result).toEqual([]);
});

test('duplicate opens a prefilled new dataset; search and status live in the URL', async ({ page, datasetsList, datasetEditor }) => {
  await datasetsList.goto();
  await datasetsList.duplicate('GPT-4o successes');
  await expect(datasetEditor.name).toHaveValue('Copy of GPT-4o successes');
  await expect(datasetEditor.filters.summary).toHaveText('Logs where model is "gpt-4o" and status is Success');
  const post = page.waitForRequest((r) => r.method() === 'POST');
  await datasetEditor.saveButton.click();
  expect(((await post).postDataJSON() as Dataset).name).toBe('Copy of GPT-4o successes');
  await expect(datasetsList.row('Copy of GPT-4o successes')).toBeVisible();

  await datasetsList.search.fill('gpt-4o');
  await expect(page).toHaveURL(/search=gpt-4o/);
  await expect(datasetsList.table.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Disabled only' });
  await expect(page.getByText('No datasets match')).toBeVisible();
  await page.reload();
  await expect(datasetsList.search).toHaveValue('gpt-4o');
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveValue('false');

  // A link to the plain list (the Datasets tab) clears the URL, and the fields follow it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Datasets' }).click();
  await expect(page).not.toHaveURL(/search=/);
  await expect(datasetsList.search).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveValue('all');
  await expect(datasetsList.row('Rated logs')).toBeVisible();
  await expect(page).not.toHaveURL(/search=/);
});

test('leaving an edited dataset asks first', async ({ page, datasetsList, datasetEditor, shell }) => {
  await datasetsList.goto();
  await datasetsList.open('Rated logs');
  await datasetEditor.name.fill('Rated logs, edited');
  await shell.section('Logs').click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(datasetEditor.name).toHaveValue('Rated logs, edited');
  await shell.section('Logs').click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page).toHaveURL(/\/logs$/);
});

test('screenshots of the datasets list and editor in light and dark', async ({ page, shell, datasetsList, datasetEditor }) => {
  for (const mode of ['Light', 'Dark'] as const) {
    await datasetsList.goto();
    await shell.setTheme(mode);
    await page.mouse.move(0, 400);
    await expect(datasetsList.row('Rated logs')).toBeVisible();
    await shell.screenshot(`datasets-${mode.toLowerCase()}`);
    await datasetsList.open('GPT-4o successes');
    await datasetEditor.filters.addRow({ key: 'Created', values: [] });
    await datasetEditor.filters.addRow({ key: 'Feedback', values: [] });
    await datasetEditor.filters.addRow({ key: 'Duration', operator: 'less than', values: ['800'] });
    await expect(datasetEditor.filters.matchCount()).toBeVisible();
    await page.mouse.move(0, 400);
    await shell.screenshot(`dataset-editor-${mode.toLowerCase()}`);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(datasetsList.heading).toBeVisible();
  }
});
