import type { Locator, Page } from '@playwright/test';

/** An evaluation's detail page (`/gateways/:gw/evaluations/:id`). */
export class EvaluationDetailPage {
  readonly results: Locator;
  readonly stuck: Locator;
  readonly exportCsv: Locator;
  readonly exportJson: Locator;
  readonly rerun: Locator;
  readonly delete: Locator;
  readonly datasets: Locator;

  constructor(readonly page: Page) {
    this.results = page.getByRole('table', { name: 'Results' });
    this.stuck = page.getByRole('alert').filter({ hasText: 'This evaluation looks stuck' });
    this.exportCsv = page.getByRole('button', { name: 'Export CSV' });
    this.exportJson = page.getByRole('button', { name: 'Export JSON' });
    this.rerun = page.getByRole('link', { name: 'Re-run' });
    this.delete = page.getByRole('button', { name: 'Delete' });
    this.datasets = page.getByRole('list', { name: 'Datasets' });
  }

  async goto(id: string, gw = 'default') {
    await this.page.goto(`/gateways/${gw}/evaluations/${id}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  /** The status chip's text: "Running · 8 s", "Done", "Error". */
  status(text: string | RegExp): Locator {
    return this.page.getByText(text).first();
  }

  /** The cells of one evaluator's row: Evaluator, Result, Logs, Status, Updated. */
  resultCells(evaluator: string): Locator {
    return this.results.getByRole('row').filter({ has: this.page.getByRole('cell', { name: evaluator, exact: true }) }).getByRole('cell');
  }
}
