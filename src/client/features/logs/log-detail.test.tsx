// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/providers.tsx';
import { LOG_BODY_MAX_CHARS, logBodyOf, type LogBody, type LogDetail } from '../../../shared/logs.ts';
import { FOLD_CHARS, FOLD_LINES } from './log-detail-body.tsx';
import { LogDetailView } from './log-detail.tsx';

const base: LogDetail = {
  id: '01ABC',
  created_at: '2026-11-21T10:00:00.000Z',
  provider: 'openai',
  model: 'gpt-4o',
  path: 'v1/chat/completions',
  duration: 1234,
  success: false,
  cached: false,
  tokens_in: 10,
  tokens_out: null,
  status_code: 500,
};

const envelope = (result: unknown, status = 200) =>
  new Response(JSON.stringify({ success: status < 400, errors: status < 400 ? [] : [{ code: status, message: result }], messages: [], result: status < 400 ? result : null }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** Stubs the API: each body route answers what `bodies` holds for it (a body, a status to fail with), PATCH answers `{}`. */
function serve(bodies: Partial<Record<'request' | 'response', LogBody | number>>) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'PATCH') return envelope({});
    const part = url.endsWith('/request') ? 'request' : url.endsWith('/response') ? 'response' : undefined;
    const answer = part && bodies[part];
    if (answer === undefined) return envelope('Not found', 404);
    return typeof answer === 'number' ? envelope('Upstream failed', answer) : envelope(answer);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

// No automatic retries: a failure must reach the screen at once, and Retry is what the test presses.
const view = (log: LogDetail) => (
  <Providers client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    <LogDetailView gw="default" log={log} />
  </Providers>
);
const show = (log: LogDetail) => render(view(log));

const field = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;

describe('LogDetailView', () => {
  it('shows every field, a dash for what is missing, and fetches the request and response of that log', async () => {
    const fetchMock = serve({ request: logBodyOf({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }), response: logBodyOf('plain answer') });
    show(base);
    expect(screen.getByText('Error')).toBeInTheDocument();
    expect(screen.getByText('HTTP 500')).toBeInTheDocument();
    expect(field('Duration')).toHaveTextContent('1,234 ms');
    expect(field('Tokens out')).toHaveTextContent('—');
    expect(field('Cost')).toHaveTextContent('—');

    // JSON comes indented; text as it is; each heading gives the size.
    const request = await screen.findByLabelText('Request body');
    expect(request.textContent).toBe('{\n  "model": "gpt-4o",\n  "messages": [\n    {\n      "role": "user",\n      "content": "Hi"\n    }\n  ]\n}');
    expect(await screen.findByLabelText('Response body')).toHaveTextContent('plain answer');
    expect(screen.getByRole('heading', { name: 'Request · 62 B · JSON' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Response · 12 B' })).toBeInTheDocument();
    expect(screen.getByText('Bodies are shown up to 100,000 characters each.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([url]) => url).sort()).toEqual(['/api/gateways/default/logs/01ABC/request', '/api/gateways/default/logs/01ABC/response']);
    expect(document.body.textContent).not.toMatch(/\bhead\b/i);
  });

  it('folds a long body to its start until "Show all", and says when the limit cut it', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join('\n');
    serve({ request: logBodyOf(lines), response: { ...logBodyOf('x'.repeat(LOG_BODY_MAX_CHARS + 5)), size: 2 * 1024 * 1024 } });
    show(base);
    const request = await screen.findByLabelText('Request body');
    expect(request).toHaveTextContent(`line ${FOLD_LINES}…`);
    expect(request).not.toHaveTextContent(`line ${FOLD_LINES + 1}`);
    const section = request.closest('section')!;
    await userEvent.click(within(section).getByRole('button', { name: 'Show all (60 lines)' }));
    expect(request).toHaveTextContent('line 60');
    expect(request.textContent).toBe(lines);
    await userEvent.click(within(section).getByRole('button', { name: 'Show less' }));
    expect(request).not.toHaveTextContent('line 60');

    expect(await screen.findByText('Only the first 100,000 characters are shown; the whole body is 2.0 MB.')).toBeInTheDocument();
    expect(screen.getByLabelText('Response body').textContent).toBe(`${'x'.repeat(FOLD_CHARS)}…`);
  });

  it('says plainly when the gateway kept no body, and offers Retry when loading one failed', async () => {
    const fetchMock = serve({ request: 500 });
    show(base);
    expect(await screen.findByText('The gateway did not keep the response of this log.')).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the request: Upstream failed');

    serve({ request: logBodyOf('now it answers') });
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText('Request body')).toHaveTextContent('now it answers');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('confirms a thumb in a toast, and its clearing too', async () => {
    const fetchMock = serve({});
    const { rerender } = show(base);
    await userEvent.click(screen.getByRole('button', { name: 'Thumbs up' }));
    expect(await screen.findByText('Saved: thumbs up')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/gateways/default/logs/01ABC', expect.objectContaining({ method: 'PATCH', body: '{"feedback":1}' }));

    // The log as the drawer has it once saved (Providers keeps its first client across the rerender).
    rerender(view({ ...base, feedback: 1 }));
    await userEvent.click(screen.getByRole('button', { name: 'Thumbs up' }));
    expect(await screen.findByText('Feedback cleared')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/gateways/default/logs/01ABC', expect.objectContaining({ method: 'PATCH', body: '{"feedback":0}' }));
  });
});
