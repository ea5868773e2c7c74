import type { Locator, Page } from '@playwright/test';

/** The Compare page (`/gateways/:gw/evaluations/compare?ids=…&baseline=…`). */
export class ComparePage {
  readonly table: Locator;
  readonly baseline: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Comparison' });
    this.baseline = page.getByRole('combobox', { name: 'Baseline' });
  }

  async goto(ids: string[], gw = 'default', baseline?: string) {
    await this.page.goto(`/gateways/${gw}/evaluations/compare?ids=${ids.join(',')}${baseline ? `&baseline=${baseline}` : ''}`);
    await this.table.waitFor();
  }

  /** One evaluator's cells (the row header aside): one per evaluation, in the URL's order. */
  cells(evaluator: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: evaluator, exact: true }) }).getByRole('cell');
  }

  async chooseBaseline(name: string) {
    await this.baseline.click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }
}
