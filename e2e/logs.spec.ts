import { expect, test } from './pages/page-fixtures.ts';

interface Envelope<T> {
  success: boolean;
  result: T;
  result_info?: { total_count?: number };
}

test('filter the logs by provider and cost, save them as a dataset, and see it in the list', async ({
  page,
  logsPage,
  datasetEditor,
  datasetsList,
  server,
}) => {
  await logsPage.goto();
  await logsPage.filters.addRow({ key: 'Provider', operator: 'is', values: ['anthropic'] });
  await logsPage.filters.addRow({ key: 'Cost', operator: 'greater than', values: ['0.001'] });
  await expect(logsPage.filters.summary).toHaveText('Logs where provider is "anthropic" and cost > $0.001');

  const filters = [
    { key: 'provider', operator: 'eq', value: ['anthropic'] },
    { key: 'cost', operator: 'gt', value: [0.001] },
  ];
  const expected = await server.api<Envelope<unknown[]>>(`/gateways/default/logs?per_page=1&filters=${encodeURIComponent(JSON.stringify(filters))}`);
  const total = expected.json.result_info?.total_count ?? -1;
  expect(total).toBeGreaterThan(0);
  // The live count shows before Apply, and agrees with the API.
  await expect(logsPage.filters.matchCount()).toHaveText(`${total.toLocaleString('en-US')} logs match the draft`);

  await logsPage.applyButton.click();
  await expect(page).toHaveURL(/filters=/);
  await expect(logsPage.column(1).first()).toHaveText('anthropic');
  for (const provider of await logsPage.column(1).allTextContents()) expect(provider).toBe('anthropic');

  await logsPage.saveAsDatasetButton.click();
  await expect(page).toHaveURL(/\/gateways\/default\/datasets\/new\?filters=/);
  await expect(datasetEditor.filters.row(2).getByRole('textbox', { name: 'Value' })).toHaveValue('0.001');
  await datasetEditor.name.fill('Pricier Anthropic');
  await datasetEditor.saveButton.click();

  await expect(datasetsList.heading).toBeVisible();
  const row = datasetsList.row('Pricier Anthropic');
  await expect(row).toContainText('Logs where provider is "anthropic" and cost > $0.001');
  const list = await server.api<Envelope<{ name: string; filters: unknown }[]>>('/gateways/default/datasets?search=Pricier');
  expect(list.json.result.map((d) => ({ name: d.name, filters: d.filters }))).toEqual([{ name: 'Pricier Anthropic', filters }]);
});

test('a copied URL reopens with the same filters and page', async ({ page, logsPage, browser, baseURL }) => {
  await logsPage.goto();
  await logsPage.filters.addRow({ key: 'Model', operator: 'contains', values: ['llama'] });
  await logsPage.filters.addRow({ key: 'Status', values: [] });
  await logsPage.filters.value(2).selectOption({ label: 'Success' });
  await logsPage.applyButton.click();
  await expect(page).toHaveURL(/filters=/);
  await expect(logsPage.column(2).first()).toContainText('llama');
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  const url = page.url();

  await page.reload();
  await expect(logsPage.filters.summary).toHaveText('Logs where model contains "llama" and status is Success');

  // A colleague opening the link in another browser sees the same state.
  const other = await (await browser.newContext({ baseURL })).newPage();
  await other.goto(url);
  await expect(other.getByLabel('Filter summary')).toHaveText('Logs where model contains "llama" and status is Success');
  await expect(other.getByRole('group', { name: 'Filter 1' }).getByRole('combobox', { name: 'Key' })).toHaveValue('model');
  await expect(other.getByText(/^26–50 of /)).toBeVisible();
  for (const model of await other.locator('table[aria-label="Logs"] tbody tr td:nth-child(3)').allTextContents())
    expect(model).toContain('llama');
  await other.context().close();
});

test('thumbs up on a log is saved (PATCH feedback) and shown pressed', async ({ logsPage, server }) => {
  await logsPage.goto();
  const first = logsPage.bodyRows().first();
  const up = first.getByRole('button', { name: 'Thumbs up' });
  const pressedBefore = await up.getAttribute('aria-pressed');
  const patch = logsPage.page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/gateways/default/logs/'));
  await up.click();
  const response = await patch;
  expect(response.status()).toBe(200);
  const expectedFeedback = pressedBefore === 'true' ? 0 : 1;
  await expect(up).toHaveAttribute('aria-pressed', String(expectedFeedback === 1));
  const id = response.url().split('/').pop()!;
  const log = await server.api<Envelope<{ feedback: number }>>(`/gateways/default/logs/${id}`);
  expect(log.json.result.feedback).toBe(expectedFeedback);
});

test('switching the gateway keeps the section', async ({ page, shell, logsPage, datasetsList }) => {
  await logsPage.goto();
  await shell.switchGateway('production');
  await expect(page).toHaveURL(/\/gateways\/production\/logs$/);
  await expect(logsPage.bodyRows().first()).toBeVisible();

  await shell.section('Datasets').click();
  await expect(datasetsList.heading).toBeVisible();
  await shell.switchGateway('staging-eu');
  await expect(page).toHaveURL(/\/gateways\/staging-eu\/datasets$/);
  await expect(datasetsList.row('Anthropic models')).toBeVisible();
});

test('the root opens the first gateway, and unknown pages say so', async ({ page, logsPage }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/gateways\/default\/logs$/);
  await expect(logsPage.heading).toBeVisible();
  await page.goto('/nowhere');
  await expect(page.getByText('Page not found')).toBeVisible();
});

test('at 1280 px the logs table fits its card, and no time, provider or duration is cut short', async ({ logsPage }) => {
  await logsPage.page.setViewportSize({ width: 1280, height: 800 });
  await logsPage.goto();
  await expect(logsPage.bodyRows().first()).toBeVisible();
  // The card scrolls sideways only when the table is wider than it.
  expect(await logsPage.table.evaluate((t) => t.getBoundingClientRect().width <= (t.parentElement?.clientWidth ?? 0))).toBe(true);
  for (const index of [0, 1, 8]) {
    const cut = await logsPage.column(index).evaluateAll((cells) =>
      cells.filter((td) => [td, ...td.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1)).map((td) => td.textContent),
    );
    expect(cut, `column ${index}`).toEqual([]);
  }
});

test('screenshots of the logs page in light and dark', async ({ shell, logsPage }) => {
  await logsPage.goto('default', `?filters=${encodeURIComponent(JSON.stringify([{ key: 'cost', operator: 'gt', value: [5] }, { key: 'cost', operator: 'lt', value: [1] }, { key: 'provider', operator: 'eq', value: ['openai', 'anthropic'] }]))}`);
  await expect(logsPage.filters.row(3)).toBeVisible();
  await shell.setTheme('Light');
  await expect(logsPage.page.getByText(/contradict each other/)).toBeVisible();
  await shell.screenshot('logs-light');
  await shell.setTheme('Dark');
  await expect(logsPage.page.locator('html')).toHaveClass(/dark/);
  await shell.screenshot('logs-dark');
  await logsPage.goto();
  await expect(logsPage.bodyRows().first()).toBeVisible();
  await shell.screenshot('logs-unfiltered-dark');
  // The continuous view fills the window below the filters: the page itself does not scroll.
  await logsPage.page.setViewportSize({ width: 1440, height: 900 });
  await logsPage.goto('default', '?view=scroll');
  await expect(logsPage.gridRow(2)).toBeVisible();
  for (const mode of ['Light', 'Dark'] as const) {
    await shell.setTheme(mode);
    await shell.screenshot(`logs-continuous-${mode.toLowerCase()}`);
  }
  expect(await logsPage.page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
});

interface WireLog {
  id: string;
  provider: string;
  model: string;
  duration: number;
  feedback?: number | null;
}

test('a log opens in a detail drawer by keyboard or click, with its fields, bodies, feedback, neighbours and URL', async ({ page, logsPage, server }) => {
  const listed = await server.api<Envelope<WireLog[]>>('/gateways/default/logs?per_page=25');
  const [first, second] = listed.json.result;
  await logsPage.goto();

  // Keyboard: Enter on a focused row opens it; Escape closes it and gives the focus back to the row.
  const row = logsPage.bodyRows().first();
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]log=${first!.id}`));
  await expect(logsPage.detailField('Log id')).toHaveText(first!.id);
  await expect(logsPage.detailField('Provider')).toHaveText(first!.provider);
  await expect(logsPage.detailField('Model')).toHaveText(first!.model);
  await expect(logsPage.detailField('Duration')).toHaveText(`${first!.duration.toLocaleString('en-US')} ms`);
  await expect(logsPage.detail.getByRole('button', { name: 'Close log details' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(logsPage.detail).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]log=/);
  await expect(row).toBeFocused();

  // Mouse: a click opens it; 👍 in the drawer is saved and shows on the row as well.
  await row.getByRole('cell').first().click();
  await expect(logsPage.detailField('Log id')).toHaveText(first!.id);
  const up = logsPage.detail.getByRole('button', { name: 'Thumbs up' });
  const wanted = (await up.getAttribute('aria-pressed')) === 'true' ? 0 : 1;
  const patch = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/logs/${first!.id}`));
  await up.click();
  expect((await patch).status()).toBe(200);
  await expect(up).toHaveAttribute('aria-pressed', String(wanted === 1));
  await expect(page.getByText(wanted === 1 ? 'Saved: thumbs up' : 'Feedback cleared')).toBeVisible();
  const saved = await server.api<Envelope<WireLog>>(`/gateways/default/logs/${first!.id}`);
  expect(saved.json.result.feedback).toBe(wanted);

  // The bodies load with the drawer: the seed's answer, indented as JSON.
  const answer = await server.api<Envelope<{ text: string }>>(`/gateways/default/logs/${first!.id}/response`);
  await expect(logsPage.detail.getByLabel('Response body')).toHaveText(JSON.stringify(JSON.parse(answer.json.result.text), null, 2));
  await expect(logsPage.detail.getByLabel('Request body')).toContainText('"messages"');

  // Next steps to the row below; the URL follows, and a reload reopens the same log.
  await logsPage.detail.getByRole('button', { name: 'Next log' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]log=${second!.id}`));
  await expect(logsPage.detailField('Log id')).toHaveText(second!.id);
  await page.reload();
  await expect(logsPage.detailField('Log id')).toHaveText(second!.id);
  await expect(logsPage.detail.getByRole('button', { name: 'Previous log' })).toBeEnabled();
  await logsPage.detail.getByRole('button', { name: 'Close log details' }).click();
  await expect(logsPage.detail).toBeHidden();
  await expect(logsPage.bodyRows().first().getByRole('button', { name: 'Thumbs up' })).toHaveAttribute('aria-pressed', String(wanted === 1));
});

test('sorting a column orders the logs as the API does, and the URL keeps it', async ({ page, logsPage, server }) => {
  const byProvider = async (direction: 'asc' | 'desc') =>
    (await server.api<Envelope<WireLog[]>>(`/gateways/default/logs?per_page=25&order_by=provider&order_by_direction=${direction}`)).json.result;
  await logsPage.goto();
  const header = logsPage.table.getByRole('columnheader', { name: 'Provider' });

  await logsPage.sortButton('Provider').click();
  await expect(page).toHaveURL(/order_by=provider&order_by_direction=asc/);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await byProvider('asc');
  await expect(logsPage.column(1)).toHaveText(ascending.map((l) => l.provider));

  await logsPage.sortButton('Provider').click();
  await expect(page).toHaveURL(/order_by_direction=desc/);
  const descending = await byProvider('desc');
  expect(descending[0]!.provider).not.toBe(ascending[0]!.provider);
  await expect(logsPage.column(1)).toHaveText(descending.map((l) => l.provider));

  await page.reload();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(logsPage.column(1)).toHaveText(descending.map((l) => l.provider));
});

test('the Continuous view lists every match in one grid, loads more near the loaded end, opens a row with Enter, and the URL keeps it', async ({
  page,
  logsPage,
  server,
}) => {
  const pageOf = async (n: number) => (await server.api<Envelope<WireLog[]>>(`/gateways/default/logs?per_page=50&page=${n}`)).json;
  const first = await pageOf(1);
  const total = first.result_info?.total_count ?? -1;
  expect(total).toBeGreaterThan(100);
  const second = (await pageOf(2)).result;
  const isPage = (n: number) => (r: { url: () => string }) => {
    const url = new URL(r.url());
    return url.pathname === '/api/gateways/default/logs' && url.searchParams.get('per_page') === '50' && url.searchParams.get('page') === String(n);
  };

  await logsPage.goto();
  await expect(logsPage.viewButton('Pages')).toHaveAttribute('aria-pressed', 'true');
  await logsPage.viewButton('Continuous').click();
  await expect(page).toHaveURL(/[?&]view=scroll/);
  await expect(logsPage.viewButton('Continuous')).toHaveAttribute('aria-pressed', 'true');

  // The header is row 1 of aria-rowcount, so the grid counts every match plus one.
  await expect(logsPage.grid).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(logsPage.loadStatus).toHaveText(`Loaded 50 of ${total.toLocaleString('en-US')}`);
  await expect(logsPage.gridRow(2)).toContainText(first.result[0]!.model);
  // Windowed: a screenful of rows is drawn, not the 50 loaded.
  expect(await logsPage.grid.getByRole('row').count()).toBeLessThan(50);

  // Scrolled to the last loaded row, the next page is fetched and its rows take the placeholders' place.
  const next = page.waitForResponse(isPage(2));
  await logsPage.scrollGridTo(49);
  expect((await next).status()).toBe(200);
  await expect(logsPage.loadStatus).toHaveText(`Loaded 100 of ${total.toLocaleString('en-US')}`);
  await expect(logsPage.gridRow(52)).toContainText(second[0]!.model);
  await expect(logsPage.gridRow(52)).not.toHaveAttribute('aria-busy');

  // Keyboard: End goes to the last loaded log; Enter opens it; Escape gives the focus back to the grid.
  await logsPage.grid.focus();
  await page.keyboard.press('End');
  await expect(logsPage.grid).toHaveAttribute('aria-activedescendant', (await logsPage.gridRow(101).getAttribute('id')) ?? 'no row');
  await page.keyboard.press('Enter');
  const last = second.at(-1)!;
  await expect(page).toHaveURL(new RegExp(`[?&]log=${last.id}`));
  await expect(logsPage.detailField('Log id')).toHaveText(last.id);
  await page.keyboard.press('Escape');
  await expect(logsPage.detail).toBeHidden();
  await expect(logsPage.grid).toBeFocused();

  await page.reload();
  await expect(logsPage.viewButton('Continuous')).toHaveAttribute('aria-pressed', 'true');
  await expect(logsPage.grid).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(logsPage.gridRow(2)).toContainText(first.result[0]!.model);
});

test('searching by model shows only its logs, counts them as the API does, and survives a reload', async ({ page, logsPage, server }) => {
  const all = (await server.api<Envelope<WireLog[]>>('/gateways/default/logs?per_page=1')).json;
  const model = all.result[0]!.model;
  const searched = (await server.api<Envelope<WireLog[]>>(`/gateways/default/logs?per_page=25&search=${encodeURIComponent(model)}`)).json;
  const total = searched.result_info?.total_count ?? -1;
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(all.result_info?.total_count ?? 0);
  const models = searched.result.map((l) => l.model);
  for (const m of models) expect(m.toLowerCase()).toContain(model.toLowerCase());
  const count = `${total.toLocaleString('en-US')} ${total === 1 ? 'log matches' : 'logs match'}`;

  await logsPage.goto('default', '?page=2');
  await logsPage.search.fill(model);
  // The search replaces the page number: a new search starts at its first page.
  await expect(page).toHaveURL((url) => url.searchParams.get('search') === model && !url.searchParams.has('page'));
  await expect(logsPage.column(2)).toHaveText(models);
  await expect(logsPage.filters.matchCount()).toHaveText(count);

  await page.reload();
  await expect(logsPage.search).toHaveValue(model);
  await expect(logsPage.column(2)).toHaveText(models);
  await expect(logsPage.filters.matchCount()).toHaveText(count);

  // The continuous view lists the same matches.
  await logsPage.viewButton('Continuous').click();
  await expect(logsPage.grid).toHaveAttribute('aria-rowcount', String(total + 1));
});
