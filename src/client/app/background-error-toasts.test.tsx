// @vitest-environment jsdom
import { QueryClient, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QueryBoundary } from '../components/query-boundary.tsx';
import { ApiError } from '../lib/api-error.ts';
import { Providers } from './providers.tsx';

function Figures({ load }: { load: () => Promise<string> }) {
  const query = useQuery({ queryKey: ['figures'], queryFn: load });
  return (
    <QueryBoundary query={query} what="the figures">
      {(text) => <p>{text}</p>}
    </QueryBoundary>
  );
}

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const down = () => new ApiError(0, [{ message: 'The server could not be reached.' }]);

describe('a failing refetch', () => {
  it('keeps the data on screen and toasts, with a Retry that refetches', async () => {
    const user = userEvent.setup();
    const answers: (() => Promise<string>)[] = [
      async () => '1,243 logs',
      async () => Promise.reject(down()),
      async () => '1,250 logs',
    ];
    const qc = client();
    render(
      <Providers client={qc}>
        <Figures load={() => answers.shift()!()} />
      </Providers>,
    );
    expect(await screen.findByText('1,243 logs')).toBeInTheDocument();

    await act(() => qc.refetchQueries({ queryKey: ['figures'] }));
    expect(await screen.findByText(/Could not refresh: The server could not be reached\./)).toBeInTheDocument();
    expect(screen.getByText('1,243 logs')).toBeInTheDocument();
    expect(screen.queryByText(/Could not load the figures/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1,250 logs')).toBeInTheDocument();
  });

  it('on a first load shows the error inline with Retry, and no toast', async () => {
    const user = userEvent.setup();
    const answers: (() => Promise<string>)[] = [async () => Promise.reject(down()), async () => '7 logs'];
    render(
      <Providers client={client()}>
        <Figures load={() => answers.shift()!()} />
      </Providers>,
    );
    expect(await screen.findByText(/Could not load the figures: The server could not be reached\./)).toBeInTheDocument();
    expect(screen.queryByText(/Could not refresh/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('7 logs')).toBeInTheDocument();
  });
});
