// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { DatasetForm } from './dataset-form.tsx';

function answer(url: string) {
  if (url.startsWith('/api/session'))
    return { success: true, result: { mode: 'local', account_id: 'acc', capabilities: { evaluations: true, logs: true }, auth: { required: false } } };
  if (url.includes('/datasets?') && url.toLowerCase().includes('search=rated'))
    return {
      success: true,
      result: [{ id: 'd1', gateway_id: 'default', name: 'Rated logs', enable: true, filters: [], created_at: '2026-12-01T00:00:00Z', modified_at: '2026-12-01T00:00:00Z' }],
      result_info: { total_count: 1 },
    };
  return { success: true, result: [], result_info: { total_count: 0 } };
}

beforeEach(() => {
  vi.stubGlobal('fetch', async (url: string) => new Response(JSON.stringify(answer(url)), { status: 200, headers: { 'content-type': 'application/json' } }));
});
afterEach(() => vi.unstubAllGlobals());

function renderForm(onSave: () => Promise<unknown>) {
  const router = createMemoryRouter(
    [
      {
        path: '/gateways/:gw/datasets/:id',
        element: (
          <DatasetForm
            gatewayId="default"
            title="Dataset: Cheap"
            defaultValues={{ name: 'Cheap', enable: true, filters: [{ key: 'cost', operator: 'lt', value: [1] }] }}
            onSave={onSave}
          />
        ),
      },
    ],
    { initialEntries: ['/gateways/default/datasets/abc'] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('DatasetForm', () => {
  it('puts a server error with a path on its row field, and the rest above the form', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockRejectedValue(
      new ApiError(400, [
        { code: 7001, message: 'filters › Filter 1 › value › 0: Cost must not be negative', path: ['body', 'filters', '0', 'value', '0'] },
        { code: 7001, message: 'The gateway refused the change' },
      ]),
    );
    renderForm(onSave);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ name: 'Cheap', enable: true, filters: [{ key: 'cost', operator: 'lt', value: [1] }] });
    const row = await screen.findByRole('group', { name: 'Filter 1' });
    expect(await within(row).findByText('Cost must not be negative')).toBeInTheDocument();
    expect(screen.getByText('The gateway refused the change')).toBeInTheDocument();
  });

  it('refuses an empty name before sending', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderForm(onSave);
    await user.clear(screen.getByRole('textbox', { name: 'Name' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('switch', { name: 'Enabled' })).toBeChecked();
  });
});

describe('a name another dataset has', () => {
  it('warns under the field without blocking Save, and the dataset\'s own name does not warn', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => undefined);
    renderForm(onSave);
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(await screen.findByRole('textbox', { name: 'Name' })).toHaveValue('Cheap');
    expect(screen.queryByText(/Another dataset is already called/)).not.toBeInTheDocument();
    await user.clear(name);
    await user.type(name, 'rated logs');
    expect(await screen.findByText(/Another dataset is already called “Rated logs”/)).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  });
});
