import { expect, test } from './pages/page-fixtures.ts';
import type { FilterBuilderPart } from './pages/filter-builder.ts';

/** Types a word into a Cost row and leaves the field: the row says what is wrong before any Apply or Save. */
async function expectWordRefusedAtOnce(filters: FilterBuilderPart) {
  const n = await filters.addRow({ key: 'Cost', operator: 'greater than', values: ['cheap'] });
  await filters.value(n).press('Tab');
  await expect(filters.row(n).getByText('Cost must be a number (USD)')).toBeVisible();
  await expect(filters.value(n)).toHaveAttribute('aria-invalid', 'true');
  await expect(filters.page.getByText(/1 row with an error not counted/)).toBeVisible();
  await filters.value(n).fill('0.01');
  await filters.value(n).press('Tab');
  await expect(filters.row(n).getByText('Cost must be a number (USD)')).toBeHidden();
  await expect(filters.summary).toHaveText(/cost > \$0\.01$/);
}

test('a word in a number field is refused on the field as soon as it is left, on Logs and in the dataset editor', async ({
  page,
  logsPage,
  datasetEditor,
}) => {
  await logsPage.goto();
  await expectWordRefusedAtOnce(logsPage.filters);
  // The draft is applied: nothing left to ask about when the next page opens.
  await logsPage.applyButton.click();
  await expect(page).toHaveURL(/filters=/);

  await datasetEditor.gotoNew();
  await expectWordRefusedAtOnce(datasetEditor.filters);
});
