import { test as base } from '../fixtures.ts';
import { ComparePage } from './evaluations-compare.ts';
import { EvaluationDetailPage } from './evaluations-detail.ts';
import { EvaluationsListPage } from './evaluations-list.ts';
import { NewEvaluationPage } from './evaluations-new.ts';

/** The evaluations page objects as fixtures, on top of the per-test server. */
export const test = base.extend<{
  evaluationsList: EvaluationsListPage;
  newEvaluation: NewEvaluationPage;
  evaluationDetail: EvaluationDetailPage;
  comparePage: ComparePage;
}>({
  evaluationsList: async ({ page }, use) => use(new EvaluationsListPage(page)),
  newEvaluation: async ({ page }, use) => use(new NewEvaluationPage(page)),
  evaluationDetail: async ({ page }, use) => use(new EvaluationDetailPage(page)),
  comparePage: async ({ page }, use) => use(new ComparePage(page)),
});

export { expect } from '../fixtures.ts';
