import { test as base } from '../fixtures.ts';
import { AppShell } from './app-shell.ts';
import { DatasetEditorPage, DatasetsListPage } from './datasets.ts';
import { LogsPage } from './logs.ts';

/** The shell, Logs and Datasets page objects as fixtures, on top of the per-test server. */
export const test = base.extend<{
  shell: AppShell;
  logsPage: LogsPage;
  datasetsList: DatasetsListPage;
  datasetEditor: DatasetEditorPage;
}>({
  shell: async ({ page }, use) => use(new AppShell(page)),
  logsPage: async ({ page }, use) => use(new LogsPage(page)),
  datasetsList: async ({ page }, use) => use(new DatasetsListPage(page)),
  datasetEditor: async ({ page }, use) => use(new DatasetEditorPage(page)),
});

export { expect } from '../fixtures.ts';
