import { test as base } from '../fixtures.ts';
import { AppShell } from './app-shell.ts';
import { DatasetEditorPage, DatasetsListPage } from './datasets.ts';
import { ComparePage } from './evaluations-compare.ts';
import { EvaluationDetailPage } from './evaluations-detail.ts';
import { EvaluationsListPage } from './evaluations-list.ts';
import { NewEvaluationPage } from './evaluations-new.ts';
import { LogsPage } from './logs.ts';

/** Every page object as a fixture, on top of the per-test server; a test asks only for the ones it uses. */
export const test = base.extend<{
  shell: AppShell;
  logsPage: LogsPage;
  datasetsList: DatasetsListPage;
  datasetEditor: DatasetEditorPage;
  evaluationsList: EvaluationsListPage;
  newEvaluation: NewEvaluationPage;
  evaluationDetail: EvaluationDetailPage;
  comparePage: ComparePage;
}>({
  shell: async ({ page }, use) => use(new AppShell(page)),
  logsPage: async ({ page }, use) => use(new LogsPage(page)),
  datasetsList: async ({ page }, use) => use(new DatasetsListPage(page)),
  datasetEditor: async ({ page }, use) => use(new DatasetEditorPage(page)),
  evaluationsList: async ({ page }, use) => use(new EvaluationsListPage(page)),
  newEvaluation: async ({ page }, use) => use(new NewEvaluationPage(page)),
  evaluationDetail: async ({ page }, use) => use(new EvaluationDetailPage(page)),
  comparePage: async ({ page }, use) => use(new ComparePage(page)),
});

export { expect } from '../fixtures.ts';
