import { expect, test } from './pages/page-fixtures.ts';

interface Envelope<T> {
  result: T;
  result_info?: { total_count?: number };
}

test('a filter not yet applied is marked as a draft: its count says so, the table says what it lists, and leaving asks first', async ({
  page,
  logsPage,
  shell,
  datasetsList,
  server,
}) => {
  const groq = [{ key: 'provider', operator: 'eq', value: ['groq'] }];
  const expected = await server.api<Envelope<unknown[]>>(`/gateways/default/logs?per_page=1&filters=${encodeURIComponent(JSON.stringify(groq))}`);
  const total = (expected.json.result_info?.total_count ?? -1).toLocaleString('en-US');

  await logsPage.goto();
  const shows = page.getByLabel('What the table shows');
  await expect(shows).toHaveText('Showing: All logs');
  // Nothing to apply yet.
  await expect(logsPage.applyButton).toBeDisabled();

  await logsPage.filters.addRow({ key: 'Provider', operator: 'is', values: ['groq'] });
  await expect(logsPage.filters.matchCount()).toHaveText(`${total} logs match the draft`);
  await expect(shows).toHaveText('The filters above are not applied yet. The table still shows: All logs.');
  await expect(logsPage.applyButton).toBeEnabled();
  // The table still lists every provider, and says so above.
  await expect(logsPage.column(1).filter({ hasNotText: 'groq' }).first()).toBeVisible();

  // Leaving asks first; keeping the draft stays on the page with it.
  await shell.section('Datasets').click();
  const leave = page.getByRole('dialog', { name: 'Leave with filters not applied?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Keep editing' }).click();
  await expect(leave).toBeHidden();
  await expect(logsPage.heading).toBeVisible();
  await expect(logsPage.filters.key(1)).toHaveValue('provider');

  await logsPage.applyButton.click();
  await expect(page).toHaveURL(/filters=/);
  await expect(logsPage.filters.matchCount()).toHaveText(`${total} logs match`);
  await expect(shows).toHaveText('Showing: Logs where provider is "groq"');
  await expect(logsPage.applyButton).toBeDisabled();
  await expect(logsPage.column(1).first()).toHaveText('groq');
  for (const provider of await logsPage.column(1).allTextContents()) expect(provider).toBe('groq');

  // A change that is undone is no draft; discarding one restores the applied rows.
  await logsPage.filters.setRow(1, { operator: 'contains' });
  await expect(logsPage.applyButton).toBeEnabled();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(logsPage.filters.operator(1)).toHaveValue('eq');
  await expect(logsPage.applyButton).toBeDisabled();

  // With nothing unapplied, leaving does not ask.
  await shell.section('Datasets').click();
  await expect(datasetsList.heading).toBeVisible();
});
