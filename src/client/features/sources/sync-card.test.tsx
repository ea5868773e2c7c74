// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/providers.tsx';
import type { SyncJob, SyncStatus } from '../../../shared/sources.ts';
import { SyncCard } from './sync-card.tsx';

const envelope = (result: unknown, status = 200) =>
  new Response(
    JSON.stringify({ success: status < 400, errors: status < 400 ? [] : [{ code: 1002, message: result, path: ['action'] }], messages: [], result: status < 400 ? result : null }),
    { status, headers: { 'content-type': 'application/json' } },
  );

const job = (over: Partial<SyncJob>): SyncJob => ({
  status: 'running',
  stored: 0,
  already_present: 0,
  expected: null,
  calls: 0,
  eta_ms: null,
  started_at: '2026-12-01T10:00:00.000Z',
  ended_at: null,
  error: null,
  ...over,
});

const configured = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  configured: true,
  missing: null,
  account_id: 'acc123',
  last_synced_at: null,
  job: null,
  ...over,
});

/** Answers GET with `status`, and POST with what `onAction` returns for the posted action. */
function serve(status: SyncStatus, onAction: (action: string) => Response = () => envelope(status)) {
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    if (init?.method === 'POST') return onAction((JSON.parse(String(init.body)) as { action: string }).action);
    return envelope(status);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

const card = () =>
  render(
    <Providers client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SyncCard gw="prod" />
    </Providers>,
  );

describe('SyncCard', () => {
  it('says what the server lacks when it has no account, and offers no button', async () => {
    serve({ configured: false, missing: 'SYNC_CLOUDFLARE_API_TOKEN must be set to an API token with AI Gateway Read', account_id: null, last_synced_at: null, job: null });
    card();
    expect(await screen.findByText(/SYNC_CLOUDFLARE_API_TOKEN must be set/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('starts a sync and shows its progress, counts and time left', async () => {
    const running = configured({ job: job({ stored: 250, already_present: 50, expected: 1000, calls: 7, eta_ms: 65_000 }) });
    const fetchMock = serve(configured(), (action) => envelope(action === 'start' ? running : configured()));
    card();
    expect(await screen.findByText(/Last up to date:/)).toHaveTextContent('never');
    await userEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toMatch(/\/api\/gateways\/prod\/sources\/sync$/);
    expect(await screen.findByRole('progressbar', { name: 'Sync progress' })).toHaveAttribute('aria-valuenow', '30');
    expect(screen.getByText(/Syncing/).closest('p')).toHaveTextContent('Syncing 30% of 1,000 expected: 250 new logs · 50 already here · 7 API calls · about 1 min 5 s left');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('offers Retry on a failed sync, with the reason, and shows a refused action on the card', async () => {
    const failed = configured({ job: job({ status: 'failed', stored: 10, error: { message: 'the API answered 500 five times', retryable: true } }) });
    serve(failed, () => envelope('The sync is failed; only a running sync can be paused', 400));
    card();
    expect(await screen.findByText(/the API answered 500 five times/)).toHaveTextContent('Trying again may work');
    expect(screen.getByText(/Stopped by an error/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('The sync is failed; only a running sync can be paused')).toBeVisible();
  });
});
