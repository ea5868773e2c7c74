import { expect, type Locator, type Page } from '@playwright/test';

export interface RowInput {
  key?: string;
  operator?: string;
  /** Typed into the Value field; several for autocomplete keys (each committed with Enter). */
  values?: string[];
}

/** The filter builder, as used on the Logs page and in the dataset editor. */
export class FilterBuilderPart {
  readonly addButton: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.addButton = page.getByRole('button', { name: 'Add filter' });
    this.summary = page.getByLabel('Filter summary');
  }

  row(n: number): Locator {
    return this.page.getByRole('group', { name: `Filter ${n}`, exact: true });
  }

  key(n: number) {
    return this.row(n).getByRole('combobox', { name: 'Key', exact: true });
  }

  operator(n: number) {
    return this.row(n).getByRole('combobox', { name: 'Operator', exact: true });
  }

  value(n: number) {
    return this.row(n).getByRole('combobox', { name: 'Value', exact: true }).or(this.row(n).getByRole('textbox', { name: 'Value', exact: true }));
  }

  /** Sets a row's fields in order: key, operator, then the values. */
  async setRow(n: number, { key, operator, values }: RowInput) {
    if (key) await this.key(n).selectOption({ label: key });
    if (operator) await this.operator(n).selectOption({ label: operator });
    for (const v of values ?? []) {
      const input = this.value(n);
      const isAutocomplete = (await input.getAttribute('aria-autocomplete')) !== null;
      if (isAutocomplete) {
        await input.fill(v);
        await input.press('Enter');
      } else await input.fill(v);
    }
  }

  async addRow(input: RowInput) {
    const n = (await this.page.getByRole('group', { name: /^Filter \d+$/ }).count()) + 1;
    await this.addButton.click();
    // The rows' code loads with the first row, so the new row can take a moment to appear.
    await expect(this.row(n)).toBeVisible();
    await this.setRow(n, input);
    return n;
  }

  async expectChips(n: number, values: string[]) {
    for (const v of values) await expect(this.row(n).getByRole('button', { name: v })).toBeVisible();
  }

  matchCount(): Locator {
    return this.page.getByText(/^[\d,]+ logs? match(es)?( the draft)?$/);
  }
}
