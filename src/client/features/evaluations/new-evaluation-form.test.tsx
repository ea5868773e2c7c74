// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../shared/datasets.ts';
import type { EvaluationType } from '../../../shared/evaluations.ts';
import { ApiError } from '../../lib/api-error.ts';
import { NewEvaluationForm } from './new-evaluation-form.tsx';

const datasets: Dataset[] = Array.from({ length: 6 }, (_, i) => ({
  id: `d${i + 1}`,
  gateway_id: 'gw',
  name: `Dataset ${i + 1}`,
  enable: i !== 0,
  filters: [{ key: 'cost', operator: 'gt', value: [i] }],
  created_at: '2026-01-01T00:00:00Z',
  modified_at: '2026-01-01T00:00:00Z',
}));
const type = (id: string, name: string, mandatory: boolean): EvaluationType => ({
  id, name, type: id, description: `${name} description`, enable: true, mandatory, created_at: '', modified_at: '',
});
const types = [type('cost', 'Cost', true), type('speed', 'Speed', true), type('performance', 'Human feedback', false)];

beforeEach(() => {
  // Each dataset's match count: 100 logs, whatever the filters.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      new Response(JSON.stringify({ success: true, errors: [], messages: [], result: [], result_info: { total_count: 100 } }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderForm(onSubmit = vi.fn(), list: Dataset[] = datasets) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <NewEvaluationForm gw="gw" datasets={list} types={types} prefill={{ datasetIds: [] }} onSubmit={onSubmit} onCreated={vi.fn()} />
    </QueryClientProvider>,
  );
  return onSubmit;
}

describe('NewEvaluationForm', () => {
  it('refuses a sixth dataset with a message', async () => {
    const user = userEvent.setup();
    renderForm();
    for (let i = 1; i <= 5; i++) await user.click(screen.getByRole('checkbox', { name: `Dataset ${i}` }));
    const sixth = screen.getByRole('checkbox', { name: 'Dataset 6' });
    await user.click(sixth);
    expect(sixth).not.toBeChecked();
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at most 5 datasets');
    // Unchecking one lifts the refusal, and the sixth can then be chosen.
    await user.click(screen.getByRole('checkbox', { name: 'Dataset 1' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(sixth);
    expect(sixth).toBeChecked();
  });

  it('lists enabled datasets first and locks mandatory evaluators', () => {
    renderForm();
    const group = screen.getByRole('group', { name: 'Datasets' });
    const names = within(group).getAllByRole('checkbox').map((c) => c.closest('label')?.textContent ?? '');
    expect(names.at(-1)).toMatch(/^Dataset 1/);
    expect(screen.getByRole('checkbox', { name: 'Cost' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Cost' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Human feedback' })).toBeEnabled();
    expect(screen.getByText('Human feedback description')).toBeInTheDocument();
  });

  it('names each checkbox by its dataset or evaluator alone, the rest being its description', async () => {
    const rated: Dataset = { ...datasets[1]!, id: 'r', name: 'Rated logs', filters: [{ key: 'feedback', operator: 'eq', value: [1, -1] }] };
    renderForm(vi.fn(), [datasets[0]!, rated]);
    const disabled = screen.getByRole('checkbox', { name: 'Dataset 1' });
    await waitFor(() => expect(disabled).toHaveAccessibleDescription(/^Disabled .*cost.* 100 logs$/i));
    const box = screen.getByRole('checkbox', { name: 'Rated logs' });
    await waitFor(() => expect(box).toHaveAccessibleDescription(/thumbs up.*thumbs down.* 100 logs$/));
    expect(box.getAttribute('aria-describedby')).not.toMatch(/state/);
    expect(screen.getByRole('checkbox', { name: 'Cost' })).toHaveAccessibleDescription('Always included Cost description');
    expect(screen.getByRole('checkbox', { name: 'Human feedback' })).toHaveAccessibleDescription('Human feedback description');
  });

  it('shows the review line and sends the chosen body', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm(vi.fn(async () => ({ id: 'e1' }) as never));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Cheap vs fast');
    await user.click(screen.getByRole('checkbox', { name: 'Dataset 2' }));
    await user.click(screen.getByRole('checkbox', { name: 'Dataset 3' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Evaluates 2 datasets (up to 200 logs) with Cost, Speed and Human feedback'),
    );
    await user.click(screen.getByRole('button', { name: 'Run evaluation' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      name: 'Cheap vs fast',
      dataset_ids: ['d2', 'd3'],
      evaluation_type_ids: ['cost', 'speed', 'performance'],
    });
  });

  it('puts server errors on their fields', async () => {
    const user = userEvent.setup();
    renderForm(
      vi.fn(async () => {
        throw new ApiError(400, [
          { code: 7001, message: 'dataset_ids › 0: no dataset "d2" in gateway "gw"', path: ['body', 'dataset_ids', '0'] },
          { code: 7002, message: 'Gateway is busy' },
        ]);
      }),
    );
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'x');
    await user.click(screen.getByRole('checkbox', { name: 'Dataset 2' }));
    await user.click(screen.getByRole('button', { name: 'Run evaluation' }));
    // On the field, the server's message without the field's own name; the rest above the button.
    expect(await screen.findByText('no dataset "d2" in gateway "gw"')).toBeInTheDocument();
    expect(screen.getByText(/^Could not start the evaluation:/)).toHaveTextContent('Could not start the evaluation: Gateway is busy');
  });

  it('asks for a name and a dataset before sending', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.click(screen.getByRole('button', { name: 'Run evaluation' }));
    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one dataset')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
