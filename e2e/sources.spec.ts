import { gzipSync } from 'node:zlib';
import { encryptField, logpushEvent, rsaKeyPair } from '../src/test-support/logpush-fixtures.ts';
import { expect, test as base } from './pages/page-fixtures.ts';
import { SourcesPage } from './pages/sources.ts';

const test = base.extend<{ sourcesPage: SourcesPage }>({
  sourcesPage: async ({ page }, use) => use(new SourcesPage(page)),
});

const MODEL = 'acme/sources-journey-1';
const EVENTS = 120;

test('upload a gzipped Logpush file, find its logs, and evaluate them as a dataset', async ({
  page,
  sourcesPage,
  logsPage,
  datasetEditor,
  datasetsList,
  newEvaluation,
  evaluationDetail,
  shell,
}) => {
  // A Logpush export as Cloudflare writes it: gzipped NDJSON, request bodies encrypted to the user's key.
  const keys = rsaKeyPair();
  const lines = Array.from({ length: EVENTS }, (_, i) =>
    JSON.stringify(logpushEvent(i, { Model: MODEL, RequestedModel: MODEL, RequestBody: encryptField(JSON.stringify({ prompt: `q${i}` }), keys.publicKey) })),
  );
  const file = gzipSync(`${lines.join('\n')}\n`);

  await sourcesPage.goto();
  await expect(sourcesPage.list).toContainText('Seeded');
  await sourcesPage.fileInput.setInputFiles({ name: 'ai_gateway_events.log.gz', mimeType: 'application/gzip', buffer: file });
  await sourcesPage.keyInput.setInputFiles({ name: 'logpush.pem', mimeType: 'text/plain', buffer: Buffer.from(keys.privateKeyPem) });
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/gateways/default/sources'));
  await sourcesPage.uploadButton.click();
  expect((await answer).status()).toBe(200);
  await expect(sourcesPage.progress).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText('Uploaded 100%', { exact: true })).toBeVisible();
  await expect(sourcesPage.result).toHaveText(`ai_gateway_events.log.gz: ${EVENTS} logs added, 0 duplicates skipped.`);
  await expect(sourcesPage.list.getByRole('listitem').first()).toContainText(`Imported file: ai_gateway_events.log.gz`);
  await expect(sourcesPage.list.getByRole('listitem').first()).toContainText(`${EVENTS} logs`);
  await expect(shell.page.getByRole('link', { name: /^Log sources: imported/ }).first()).toBeVisible();

  // The file's model is its own: filtering on it shows exactly the file's logs.
  await logsPage.goto();
  await logsPage.filters.addRow({ key: 'Model', operator: 'contains', values: ['sources-journey'] });
  await logsPage.applyButton.click();
  await expect(page).toHaveURL(/filters=/);
  await expect(logsPage.column(2).first()).toContainText(MODEL);
  for (const model of await logsPage.column(2).allTextContents()) expect(model).toContain(MODEL);
  await expect(page.getByText(new RegExp(`\\b${EVENTS} logs\\b`)).first()).toBeVisible();

  await logsPage.saveAsDatasetButton.click();
  await expect(page).toHaveURL(/\/datasets\/new\?filters=/);
  await datasetEditor.name.fill('Imported Logpush calls');
  await datasetEditor.saveButton.click();
  await expect(datasetsList.row('Imported Logpush calls')).toContainText('model contains "sources-journey"');

  await newEvaluation.goto();
  await newEvaluation.create('Imported file: cost and speed', ['Imported Logpush calls']);
  await expect(evaluationDetail.heading('Imported file: cost and speed')).toBeVisible();
  await expect(evaluationDetail.status(/^Done$/)).toBeVisible();
  const speed = evaluationDetail.resultCells('Speed');
  await expect(speed.nth(3)).toHaveText('Done');
  await expect(speed.nth(2)).toHaveText(String(EVENTS));
});
