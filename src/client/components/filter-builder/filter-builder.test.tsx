// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TestForm } from './test-form.tsx';

const operatorChoices = (group: HTMLElement) =>
  within(within(group).getByRole('combobox', { name: 'Operator' }))
    .getAllByRole('option')
    .map((o) => o.textContent);

// The rows' module loads with the first row. Its first import in a test run is a transform of it and of the
// MUI parts it uses, which on a busy machine takes longer than a find's wait: load it once before the tests,
// so each test waits only for what the builder itself does.
beforeAll(async () => {
  await import('./filter-row.tsx');
});

describe('FilterBuilder', () => {
  it('offers only the operators of the chosen key and resets the operator when the key changes', async () => {
    const user = userEvent.setup();
    render(<TestForm onSubmit={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    // The new row's Key gets the focus. react-hook-form moves it in an effect after the commit that shows
    // the row, so the row can be found a moment before its Key is focused: wait for the focus itself.
    const row = await screen.findByRole('group', { name: 'Filter 1' });
    expect(within(row).getByRole('combobox', { name: 'Key' })).toHaveValue('provider');
    await waitFor(() => expect(within(row).getByRole('combobox', { name: 'Key' })).toHaveFocus());
    expect(operatorChoices(row)).toEqual(['is', 'contains']);

    await user.selectOptions(within(row).getByRole('combobox', { name: 'Operator' }), 'contains');
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Key' }), 'Cost');
    expect(operatorChoices(row)).toEqual(['greater than', 'less than', 'is']);
    // `contains` means nothing for a number, so the operator falls back to the key's first one.
    expect(within(row).getByRole('combobox', { name: 'Operator' })).toHaveValue('gt');

    await user.selectOptions(within(row).getByRole('combobox', { name: 'Key' }), 'Status');
    expect(operatorChoices(row)).toEqual(['is']);
    expect(within(row).getByRole('combobox', { name: 'Value' })).toBeInTheDocument();
  });

  it('refuses a word in Cost with a message on that row, and submits nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <TestForm
        onSubmit={onSubmit}
        defaultFilters={[
          { key: 'provider', operator: 'eq', value: ['openai'] },
          { key: 'cost', operator: 'gt', value: [] },
        ]}
      />,
    );
    const row = await screen.findByRole('group', { name: 'Filter 2' });
    await user.type(within(row).getByRole('textbox', { name: 'Value' }), 'cheap');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(row).findByText('Cost must be a number (USD)')).toBeInTheDocument();
    expect(within(row).getByRole('textbox', { name: 'Value' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(screen.getByRole('group', { name: 'Filter 1' })).queryByText(/must be/)).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(within(row).getByRole('textbox', { name: 'Value' }));
    await user.type(within(row).getByRole('textbox', { name: 'Value' }), '0.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      filters: [
        { key: 'provider', operator: 'eq', value: ['openai'] },
        { key: 'cost', operator: 'gt', value: [0.5] },
      ],
    });
  });

  it('says a number field holds a word as soon as the field is left, or typing pauses, before any Save', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <TestForm
        onSubmit={onSubmit}
        defaultFilters={[
          { key: 'cost', operator: 'gt', value: [] },
          { key: 'duration', operator: 'lt', value: [] },
        ]}
        match={{ data: { total_count: 10, ranges: {} }, isFetching: false }}
      />,
    );
    const cost = await screen.findByRole('group', { name: 'Filter 1' });
    const costValue = within(cost).getByRole('textbox', { name: 'Value' });
    await user.type(costValue, 'cheap');
    // Mid-word nothing is said yet; leaving the field says it at once.
    expect(within(cost).queryByText('Cost must be a number (USD)')).toBeNull();
    await user.tab();
    expect(within(cost).getByText('Cost must be a number (USD)')).toBeInTheDocument();
    expect(costValue).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('(1 incomplete row and 1 row with an error not counted)')).toBeInTheDocument();

    // Without leaving the field, a pause in typing is enough.
    const duration = screen.getByRole('group', { name: 'Filter 2' });
    await user.type(within(duration).getByRole('textbox', { name: 'Value' }), 'soon');
    expect(await within(duration).findByText('Duration must be a number (ms)', {}, { timeout: 2000 })).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    // Fixing the value clears the message.
    await user.clear(costValue);
    await user.type(costValue, '0.5');
    await user.tab();
    expect(within(cost).queryByText('Cost must be a number (USD)')).toBeNull();
  });

  it('reads a three-row filter back as one sentence', () => {
    render(
      <TestForm
        onSubmit={vi.fn()}
        defaultFilters={[
          { key: 'success', operator: 'eq', value: [true] },
          { key: 'model', operator: 'contains', value: ['llama'] },
          { key: 'cost', operator: 'gt', value: [0.01] },
        ]}
      />,
    );
    expect(screen.getByLabelText('Filter summary')).toHaveTextContent(
      'Logs where status is Success and model contains "llama" and cost > $0.01',
    );
  });

  it('warns about contradicting rows without blocking the form', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <TestForm
        onSubmit={onSubmit}
        defaultFilters={[
          { key: 'cost', operator: 'gt', value: [5] },
          { key: 'cost', operator: 'lt', value: [1] },
        ]}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Filter 1, Filter 2 contradict each other');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('moves and removes rows, renaming the groups in order', async () => {
    const user = userEvent.setup();
    render(
      <TestForm
        onSubmit={vi.fn()}
        defaultFilters={[
          { key: 'provider', operator: 'eq', value: ['openai'] },
          { key: 'duration', operator: 'lt', value: [500] },
        ]}
      />,
    );
    await user.click(within(await screen.findByRole('group', { name: 'Filter 2' })).getByRole('button', { name: 'Move filter up' }));
    expect(within(screen.getByRole('group', { name: 'Filter 1' })).getByRole('combobox', { name: 'Key' })).toHaveValue('duration');
    expect(within(screen.getByRole('group', { name: 'Filter 1' })).getByRole('button', { name: 'Move filter up' })).toBeDisabled();
    await user.click(within(screen.getByRole('group', { name: 'Filter 1' })).getByRole('button', { name: 'Remove filter' }));
    expect(screen.queryByRole('group', { name: 'Filter 2' })).toBeNull();
    expect(screen.getByLabelText('Filter summary')).toHaveTextContent('Logs where provider is "openai"');
  });

  it('picks feedback with 👍/👎/none toggles and shows the live count with ranges', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <TestForm
        onSubmit={onSubmit}
        defaultFilters={[{ key: 'feedback', operator: 'eq', value: [] }]}
        match={{ data: { total_count: 1243, ranges: { min_cost: 0.001, max_cost: 2.5 } }, isFetching: false }}
      />,
    );
    const value = within(await screen.findByRole('group', { name: 'Filter 1' })).getByRole('group', { name: 'Value' });
    await user.click(within(value).getByRole('button', { name: 'Thumbs down' }));
    expect(within(value).getByRole('button', { name: 'Thumbs down' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('1,243 logs match')).toBeInTheDocument();
    expect(screen.getByText(/Observed cost\s\$0.001\s–\s\$2.5/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit.mock.calls[0]![0]).toEqual({ filters: [{ key: 'feedback', operator: 'eq', value: [-1] }] });
  });

  it('notes in Cloudflare mode that a row has several values, and still sends it', async () => {
    render(
      <TestForm onSubmit={vi.fn()} cloudflare defaultFilters={[{ key: 'provider', operator: 'eq', value: ['openai', 'anthropic'] }]} />,
    );
    expect(await screen.findByText(/Cloudflare documents one value per filter/)).toBeInTheDocument();
  });
});
