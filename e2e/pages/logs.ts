import type { Locator, Page } from '@playwright/test';
import { FilterBuilderPart } from './filter-builder.ts';

/** The Logs explorer (`/gateways/:gw/logs`). */
export class LogsPage {
  readonly heading: Locator;
  readonly table: Locator;
  /** The text search over provider, model or log id (`search` in the URL). */
  readonly search: Locator;
  readonly filters: FilterBuilderPart;
  readonly applyButton: Locator;
  readonly saveAsDatasetButton: Locator;
  /** The log detail drawer (`?log=<id>`). */
  readonly detail: Locator;
  /** The Continuous view's windowed grid (`view=scroll`). */
  readonly grid: Locator;
  /** "Loaded N of M" under the view switch, in the Continuous view. */
  readonly loadStatus: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Logs', level: 1 });
    this.table = page.getByRole('table', { name: 'Logs' });
    this.search = page.getByRole('searchbox', { name: 'Search logs' });
    this.filters = new FilterBuilderPart(page);
    this.applyButton = page.getByRole('button', { name: 'Apply filters' });
    this.saveAsDatasetButton = page.getByRole('button', { name: 'Save as dataset' });
    this.detail = page.getByRole('dialog', { name: 'Log details' });
    this.grid = page.getByRole('grid', { name: 'Logs' });
    this.loadStatus = page.getByRole('status').filter({ hasText: /^Loaded / });
  }

  /** "Pages" or "Continuous", in the View group. */
  viewButton(name: 'Pages' | 'Continuous'): Locator {
    return this.page.getByRole('group', { name: 'View' }).getByRole('button', { name, exact: true });
  }

  /** A row of the grid by its `aria-rowindex` (the header is 1, the first log 2). */
  gridRow(rowIndex: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${rowIndex}"]`);
  }

  /** Scrolls the grid so that the log at `index` (from 0) is at the top of its rows. */
  async scrollGridTo(index: number) {
    await this.grid.evaluate((grid, i) => {
      // Rows are all one height: any drawn log row gives it.
      const row = grid.querySelector<HTMLElement>('[role="row"]:not([aria-rowindex="1"])');
      grid.scrollTop = i * (row?.offsetHeight ?? 0);
    }, index);
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
