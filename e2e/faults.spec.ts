import { startServer } from './start-server.ts';
import { expect, test as appTest } from './pages/page-fixtures.ts';

// Under the local gateway's test-only faults, every page says what failed and offers Retry (never a blank
// page or an endless spinner), Retry works once the faults are cleared, and a failed save keeps the edits.

interface FaultSettings {
  latencyMs?: number;
  errorRate?: number;
  rateLimitEvery?: number;
  retryAfterSeconds?: number;
  dropRate?: number;
}

const test = appTest.extend<{ faults: (settings: FaultSettings) => Promise<void> }>({
  // The same per-test server from the test-only entry point, whose test-control route switches the faults.
  running: async ({ seedLogs, evaluationDelayMs }, use) => {
    const running = await startServer({ seedLogs, evaluationDelayMs, withFaults: true });
    await use(running);
    await running.stop();
  },
  faults: async ({ server }, use) => {
    await use(async (settings) => {
      const res = await server.api('/test/faults', { method: 'PUT', body: settings });
      expect(res.status).toBe(200);
    });
  },
});

test('a failing upstream: the datasets page says so with Retry, and Retry works once it is back', async ({ page, datasetsList, faults, consoleErrors }) => {
  await datasetsList.goto();
  await expect(datasetsList.table).toBeVisible();
  await faults({ errorRate: 1 });
  await page.reload();
  await expect(datasetsList.heading).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: /Could not (load|reach)/ }).first();
  await expect(alert).toContainText('Internal error (test fault)');
  await expect(page.getByLabel('Loading')).toHaveCount(0);
  await faults({});
  await page.getByRole('button', { name: 'Retry' }).first().click();
  await expect(datasetsList.table).toBeVisible();
  await expect(datasetsList.row('Anthropic models')).toBeVisible();
  consoleErrors.length = 0; // the failed loads above were provoked on purpose
});

test('a failing upstream when opening the console: a clear error with Retry, not a blank page', async ({ page, logsPage, faults, consoleErrors }) => {
  await faults({ errorRate: 1 });
  await page.goto('/');
  const gatewaysAlert = page.getByRole('alert').filter({ hasText: 'Could not load the gateways' });
  await expect(gatewaysAlert).toContainText('Internal error (test fault)');
  // One Retry for the outage (the session's banner), not one per failed query.
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await faults({});
  // Press Retry until the page is back, as a person would.
  await expect(async () => {
    const retry = page.getByRole('button', { name: 'Retry' });
    if ((await retry.count()) > 0) await retry.first().click({ timeout: 2_000 });
    await expect(logsPage.table).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  consoleErrors.length = 0;
});

test('rate limited: the page names the limit and offers Retry', async ({ page, datasetsList, faults, consoleErrors }) => {
  await datasetsList.goto();
  await faults({ rateLimitEvery: 1, retryAfterSeconds: 30 });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: /rate limit/i }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' }).first()).toBeVisible();
  consoleErrors.length = 0;
});

test('dropped connections: an error with Retry, and the page comes back after Retry', async ({ page, datasetsList, faults, consoleErrors }) => {
  await datasetsList.goto();
  await faults({ dropRate: 1 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Retry' }).first()).toBeVisible();
  await faults({});
  await page.getByRole('button', { name: 'Retry' }).first().click();
  await expect(datasetsList.row('Anthropic models')).toBeVisible();
  consoleErrors.length = 0;
});

test('a slow upstream shows loading, then the data: no endless spinner', async ({ page, datasetsList, faults }) => {
  await faults({ latencyMs: 700 });
  await page.goto('/gateways/default/datasets');
  await expect(datasetsList.row('Anthropic models')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('Loading')).toHaveCount(0);
});

test('a save that fails keeps the edits; saving again once the upstream is back succeeds', async ({ page, datasetEditor, datasetsList, faults, server, consoleErrors }) => {
  await datasetEditor.gotoNew();
  await datasetEditor.name.fill('Kept through a fault');
  await datasetEditor.filters.addRow({ key: 'Cost', operator: 'less than', values: ['0.002'] });
  await expect(datasetEditor.filters.summary).toHaveText('Logs where cost < $0.002');

  await faults({ errorRate: 1 });
  const failed = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/gateways/default/datasets'));
  await datasetEditor.saveButton.click();
  expect((await failed).status()).toBe(502);
  await expect(page.getByRole('alert').filter({ hasText: 'Internal error (test fault)' })).toBeVisible();
  // Still on the form, with everything the user typed.
  await expect(datasetEditor.name).toHaveValue('Kept through a fault');
  await expect(datasetEditor.filters.row(1).getByRole('textbox', { name: 'Value' })).toHaveValue('0.002');
  await expect(datasetEditor.filters.summary).toHaveText('Logs where cost < $0.002');

  await faults({});
  await datasetEditor.saveButton.click();
  await expect(datasetsList.heading).toBeVisible();
  await expect(datasetsList.row('Kept through a fault')).toBeVisible();
  const list = await server.api<{ result: { name: string; filters: unknown }[] }>('/gateways/default/datasets?per_page=100');
  expect(list.json.result.filter((d) => d.name === 'Kept through a fault')).toEqual([
    expect.objectContaining({ filters: [{ key: 'cost', operator: 'lt', value: [0.002] }] }),
  ]);
  consoleErrors.length = 0;
});
