import type { Locator, Page } from '@playwright/test';
import { FilterBuilderPart } from './filter-builder.ts';

/** The Logs explorer (`/gateways/:gw/logs`). */
export class LogsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly filters: FilterBuilderPart;
  readonly applyButton: Locator;
  readonly saveAsDatasetButton: Locator;
  /** The log detail drawer (`?log=<id>`). */
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Logs', level: 1 });
    this.table = page.getByRole('table', { name: 'Logs' });
    this.filters = new FilterBuilderPart(page);
    this.applyButton = page.getByRole('button', { name: 'Apply filters' });
    this.saveAsDatasetButton = page.getByRole('button', { name: 'Save as dataset' });
    this.detail = page.getByRole('dialog', { name: 'Log details' });
  }

  async goto(gw = 'default', query = '') {
    await this.page.goto(`/gateways/${gw}/logs${query}`);
    await this.heading.waitFor();
  }

  bodyRows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }

  /** One field of the open log's details, by its label ("Model", "Log id", …). */
  detailField(label: string): Locator {
    return this.detail.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  /** A sortable column's header button ("Time", "Provider", …). */
  sortButton(column: string): Locator {
    return this.table.getByRole('button', { name: column });
  }

  /** The cells of one column, by its header's position. */
  column(index: number): Locator {
    return this.table.locator(`tbody tr td:nth-child(${index + 1})`);
  }
}
