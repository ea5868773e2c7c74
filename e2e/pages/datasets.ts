import type { Locator, Page } from '@playwright/test';
import { FilterBuilderPart } from './filter-builder.ts';

/** The datasets list (`/gateways/:gw/datasets`). */
export class DatasetsListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly newButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Datasets', level: 1 });
    this.table = page.getByRole('table', { name: 'Datasets' });
    this.search = page.getByRole('searchbox', { name: 'Search datasets' });
    this.newButton = page.getByRole('link', { name: 'New dataset' });
  }

  async goto(gw = 'default', query = '') {
    await this.page.goto(`/gateways/${gw}/datasets${query}`);
    await this.heading.waitFor();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  enabledSwitch(name: string): Locator {
    return this.page.getByRole('switch', { name: `Enabled: ${name}`, exact: true });
  }

  async open(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click();
  }

  async delete(name: string) {
    await this.page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
  }

  async duplicate(name: string) {
    await this.page.getByRole('link', { name: `Duplicate ${name}`, exact: true }).click();
  }
}

/** The dataset editor (`…/datasets/new` and `…/datasets/:id`). */
export class DatasetEditorPage {
  readonly name: Locator;
  readonly enabled: Locator;
  readonly saveButton: Locator;
  readonly filters: FilterBuilderPart;

  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Name', exact: true });
    this.enabled = page.getByRole('switch', { name: 'Enabled', exact: true });
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.filters = new FilterBuilderPart(page);
  }

  async gotoNew(gw = 'default') {
    await this.page.goto(`/gateways/${gw}/datasets/new`);
    await this.name.waitFor();
  }
}
