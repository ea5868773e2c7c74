import type { Locator, Page } from '@playwright/test';

/** The New evaluation form (`/gateways/:gw/evaluations/new`). */
export class NewEvaluationPage {
  readonly name: Locator;
  readonly datasets: Locator;
  readonly evaluators: Locator;
  readonly review: Locator;
  readonly run: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Name' });
    this.datasets = page.getByRole('group', { name: 'Datasets' });
    this.evaluators = page.getByRole('group', { name: 'Evaluators' });
    this.review = page.getByRole('status').filter({ hasText: /Evaluates|Choose at least/ });
    this.run = page.getByRole('button', { name: 'Run evaluation' });
  }

  async goto(gw = 'default', query = '') {
    await this.page.goto(`/gateways/${gw}/evaluations/new${query}`);
    await this.run.waitFor();
  }

  /** A dataset's checkbox, named by the dataset alone (its state, read-back and count are its description). */
  dataset(name: string): Locator {
    return this.datasets.getByRole('checkbox', { name, exact: true });
  }

  /** An evaluator's checkbox, named by the evaluator alone (its description is the checkbox's description). */
  evaluator(name: string): Locator {
    return this.evaluators.getByRole('checkbox', { name, exact: true });
  }

  async create(name: string, datasets: string[], evaluators: string[] = []) {
    await this.name.fill(name);
    for (const d of datasets) await this.dataset(d).check();
    for (const e of evaluators) await this.evaluator(e).check();
    await this.run.click();
  }
}
