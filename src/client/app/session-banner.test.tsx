// @vitest-environment jsdom
import { QueryClient, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryBoundary } from '../components/query-boundary.tsx';
import { gatewayQueries } from '../features/gateways/gateway-queries.ts';
import { Providers } from './providers.tsx';
import { SessionBanner } from './session-banner.tsx';

const session = { mode: 'local', account_id: 'local', capabilities: { evaluations: true, logs: true }, auth: { required: false } };
const gateway = { id: 'default', created_at: '2025-01-01T00:00:00Z', modified_at: '2025-01-01T00:00:00Z' };

/** A server that is down until `up` is set, then answers the session and (unless it is in `failing`) the gateway list. */
function stubServer() {
  const state = { up: false, failing: new Set<string>() };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = new URL(input, 'http://console.test').pathname;
      if (!state.up) throw new TypeError('Failed to fetch');
      if (state.failing.has(path))
        return new Response(JSON.stringify({ success: false, errors: [{ code: 7000, message: 'Internal error' }], messages: [] }), {
          status: 502,
          headers: { 'content-type': 'application/json' },
        });
      const body =
        path === '/api/session'
          ? { success: true, result: session }
          : { success: true, result: [gateway], result_info: { page: 1, per_page: 100, count: 1, total_count: 1 } };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return state;
}

function Gateways() {
  const gateways = useQuery(gatewayQueries.list());
  return (
    <QueryBoundary query={gateways} what="the gateways">
      {(list) => <p>Gateways: {list.map((g) => g.id).join(', ')}</p>}
    </QueryBoundary>
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('the server down at first load', () => {
  it('shows one Retry, which reloads the session and the gateways together', async () => {
    const user = userEvent.setup();
    const server = stubServer();
    render(
      <Providers client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionBanner />
        <Gateways />
      </Providers>,
    );
    expect(await screen.findByText(/Could not reach the console's server/)).toBeInTheDocument();
    expect(await screen.findByText(/Could not load the gateways/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1);

    server.up = true;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Gateways: default')).toBeInTheDocument();
    expect(screen.queryByText(/Could not reach the console's server/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('still offers Retry on a failed list while the server itself answers', async () => {
    const user = userEvent.setup();
    const server = stubServer();
    server.up = true;
    server.failing.add('/api/gateways');
    render(
      <Providers client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionBanner />
        <Gateways />
      </Providers>,
    );
    expect(await screen.findByText(/Could not load the gateways: Internal error/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1);
    expect(screen.queryByText(/Could not reach the console's server/)).toBeNull();

    server.failing.clear();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Gateways: default')).toBeInTheDocument();
  });
});

describe('an account without evaluations or without the Logs API', () => {
  const renderWith = (capabilities: { evaluations: boolean; logs: boolean }) => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ success: true, result: { ...session, mode: 'cloudflare', capabilities } }), { status: 200, headers: { 'content-type': 'application/json' } })),
    );
    render(
      <Providers client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionBanner />
      </Providers>,
    );
  };

  it('says to sync or import the logs, then open them in local mode, when evaluations are gone', async () => {
    renderWith({ evaluations: false, logs: true });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('cannot use AI Gateway evaluations');
    expect(alert).toHaveTextContent('npm run gateway -- sync --gateway ID');
    expect(alert).toHaveTextContent('local mode');
  });

  it('points to Logpush and import when there is no Logs API to sync from', async () => {
    renderWith({ evaluations: false, logs: false });
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Export this gateway\'s logs with Logpush');
    expect(alerts[0]).toHaveTextContent('npm run gateway -- import FILE…');
    expect(alerts[0]).not.toHaveTextContent('sync --gateway');
    expect(alerts).toHaveLength(2);
  });
});
