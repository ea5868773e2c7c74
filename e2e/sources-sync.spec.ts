import { FakeLogsApi, fakeLogs } from '../src/local-gateway/sync/fake-logs-api.ts';
import { expect, test as base } from './pages/page-fixtures.ts';
import { SourcesPage } from './pages/sources.ts';
import { startServer } from './start-server.ts';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const TOKEN = 'e2e-sync-token-never-shown';
const LOGS = 2000;

// The server syncs from a fake of Cloudflare's Logs API (its `SYNC_CLOUDFLARE_*` variables point at it). The
// fake answers each call 150 ms late, so the 40-odd calls of this sync last long enough to pause it.
const test = base.extend<{ fake: FakeLogsApi; sourcesPage: SourcesPage }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: an empty one says "none".
  // eslint-disable-next-line no-empty-pattern
  fake: async ({}, use) => {
    const fake = new FakeLogsApi({ accountId: ACCOUNT, token: TOKEN, delayMs: 150 });
    fake.add('default', fakeLogs('e2e', LOGS, Date.now() - 2 * 86_400_000, 60_000));
    await use(fake);
    await fake.close();
  },
  running: async ({ fake }, use) => {
    const baseUrl = await fake.listen();
    const running = await startServer({
      env: { SYNC_CLOUDFLARE_API_TOKEN: TOKEN, SYNC_CLOUDFLARE_ACCOUNT_ID: ACCOUNT, SYNC_CLOUDFLARE_BASE_URL: baseUrl },
    });
    await use(running);
    await running.stop();
  },
  sourcesPage: async ({ page }, use) => use(new SourcesPage(page)),
});

test('sync a gateway from the account: progress, pause and resume, then a second sync that fetches only what is new', async ({
  page,
  fake,
  sourcesPage,
  shell,
  running,
}) => {
  const answers: Promise<string>[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) answers.push(r.text().catch(() => ''));
  });
  await sourcesPage.goto();
  await expect(sourcesPage.syncCard).toContainText(`From account ${ACCOUNT}, gateway default. Last up to date: never.`);
  await expect(shell.page.getByRole('link', { name: /^Log sources: seeded/ }).first()).toBeVisible();

  await sourcesPage.syncButton('Sync now').click();
  await expect(sourcesPage.syncLine).toContainText(/^Syncing \d+% of 2,000 expected: [\d,]+ new logs · 0 already here · \d+ API calls/);
  await expect(page.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
  // The first committed batch is in the provenance (and the header's chip) while the sync still runs.
  await expect(shell.page.getByRole('link', { name: /^Log sources: synced/ }).first()).toBeVisible();

  await sourcesPage.syncButton('Pause').click();
  await expect(sourcesPage.syncLine).toContainText(/^Paused: /);
  const paused = Number((await sourcesPage.syncLine.textContent())!.match(/: ([\d,]+) new logs/)![1]!.replace(/,/g, ''));
  expect(paused).toBeLessThan(LOGS);
  // Paused means no more calls. The fake records a call when it answers it, 150 ms after it arrived, so a
  // call sent just before the pause may still land: wait that out, then its count must stand still.
  await page.waitForTimeout(400);
  const callsWhenPaused = fake.calls.length;
  await page.waitForTimeout(600);
  expect(fake.calls.length).toBe(callsWhenPaused);

  await sourcesPage.syncButton('Resume').click();
  await expect(sourcesPage.syncLine).toContainText(/^Up to date: /, { timeout: 30_000 });
  await expect(sourcesPage.syncCard).not.toContainText('Last up to date: never');
  const list = sourcesPage.list.getByRole('listitem');
  await expect(list.first()).toContainText(`Synced: account ${ACCOUNT}, gateway default`);
  await expect(list.first()).toContainText(`${LOGS.toLocaleString('en-US')} logs`);
  await expect(sourcesPage.syncButton('Sync now')).toBeVisible();

  // Logs that arrived since: the next sync stores those alone.
  fake.add('default', fakeLogs('late', 30, Date.now() - 60_000, 1000));
  await sourcesPage.syncButton('Sync now').click();
  await expect(sourcesPage.syncLine).toHaveText(/^Up to date: 30 new logs · 0 already here · \d API calls$/, { timeout: 30_000 });
  await expect(list.first()).toContainText(`${(LOGS + 30).toLocaleString('en-US')} logs`);

  // The token never reaches the browser (not in the page, not in any API answer it received) nor the server's log.
  expect(await page.content()).not.toContain(TOKEN);
  const bodies = await Promise.all(answers);
  expect(bodies.length).toBeGreaterThan(10);
  for (const body of bodies) expect(body).not.toContain(TOKEN);
  expect(running.output()).not.toContain(TOKEN);
});
