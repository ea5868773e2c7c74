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
  // The shared harness's consoleErrors fixture asks for `page` while its `page` asks for consoleErrors, which
  // Playwright refuses as a cycle. Watching the context instead collects the same console errors and page
  // errors without needing `page`, so the harness's end-of-test check still applies.
  consoleErrors: async ({ context }, use) => {
    const errors: string[] = [];
    context.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    context.on('weberror', (err) => errors.push(err.error().message));
    await use(errors);
  },
  evaluationsList: async ({ page }, use) => use(new EvaluationsListPage(page)),
  newEvaluation: async ({ page }, use) => use(new NewEvaluationPage(page)),
  evaluationDetail: async ({ page }, use) => use(new EvaluationDetailPage(page)),
  comparePage: async ({ page }, use) => use(new ComparePage(page)),
});

export { expect } from '../fixtures.ts';
