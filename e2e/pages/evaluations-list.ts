import { expect, type Locator, type Page } from '@playwright/test';

/** The Evaluations list (`/gateways/:gw/evaluations`). */
export class EvaluationsListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly compareButton: Locator;
  readonly newButton: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Evaluations', level: 1 });
    this.table = page.getByRole('table', { name: 'Evaluations' });
    this.compareButton = page.getByRole('button', { name: /^Compare/ });
    this.newButton = page.getByRole('link', { name: 'New evaluation' }).first();
    this.search = page.getByRole('searchbox', { name: 'Search evaluations' });
  }

  async goto(gw = 'default', query = '') {
    await this.page.goto(`/gateways/${gw}/evaluations${query}`);
    await this.heading.waitFor();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async select(name: string) {
    // The selection lives in the URL, so the box turns checked once the navigation has rendered.
    const box = this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
    await box.click();
    await expect(box).toBeChecked();
  }

  async delete(name: string) {
    await this.page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
  }

  /** The toast's Undo. */
  undo(): Locator {
    return this.page.getByRole('alert').getByRole('button', { name: 'Undo', exact: true });
  }

  /** The Undo a deleted row shows in place of its actions during the window. */
  undoInRow(name: string): Locator {
    return this.page.getByRole('button', { name: `Undo delete of ${name}`, exact: true });
  }
}
