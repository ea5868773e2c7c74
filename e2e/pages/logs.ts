import type { Locator, Page } from '@playwright/test';
import { FilterBuilderPart } from './filter-builder.ts';

/** The Logs explorer (`/gateways/:gw/logs`). */
export class LogsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly filters: FilterBuilderPart;
  readonly applyButton: Locator;
  readonly saveAsDatasetButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Logs', level: 1 });
    this.table = page.getByRole('table', { name: 'Logs' });
    this.filters = new FilterBuilderPart(page);
    this.applyButton = page.getByRole('button', { name: 'Apply filters' });
    this.saveAsDatasetButton = page.getByRole('button', { name: 'Save as dataset' });
  }

  async goto(gw = 'default', query = '') {
    await this.page.goto(`/gateways/${gw}/logs${query}`);
    await this.heading.waitFor();
  }

  bodyRows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }

  /** The cells of one column, by its header's position. */
  column(index: number): Locator {
    return this.table.locator(`tbody tr td:nth-child(${index + 1})`);
  }
}
