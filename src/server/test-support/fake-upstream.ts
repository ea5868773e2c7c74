import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The raw query string, undecoded, without `?`. */
  search: string;
  headers: Record<string, string>;
  body: string;
}

/** A handler decides each answer; returning undefined gives the default (a matching fixture). */
export type FakeHandler = (req: RecordedRequest, c: Context) => Response | Promise<Response> | undefined;

export const ACCOUNT = '0123456789abcdef0123456789abcdef';
const T = '2026-01-01T00:00:00Z';

export const fixtures = {
  gateway: { id: 'gw-1', created_at: T, modified_at: T, collect_logs: true },
  dataset: { id: 'ds1', gateway_id: 'gw-1', name: 'openai', enable: true, filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }], created_at: T, modified_at: T },
  /** Made elsewhere: a date key compared with a word. The console must still list it, flagged. */
  oddDataset: { id: 'ds2', gateway_id: 'gw-1', name: 'odd', enable: true, filters: [{ key: 'created_at', operator: 'eq', value: ['string'] }], created_at: T, modified_at: T },
  evaluation: {
    id: 'ev1', gateway_id: 'gw-1', name: 'ev', created_at: T, modified_at: T, processed: false, total_logs: 3,
    datasets: [{ id: 'ds1', gateway_id: 'gw-1', name: 'openai', enable: true, filters: [], created_at: T, modified_at: T }],
    results: [],
  },
  evaluationType: { id: 'et1', name: 'Cost', type: 'cost', description: 'd', enable: true, mandatory: false, created_at: T, modified_at: T },
  log: { id: 'log1', created_at: T, provider: 'openai', model: 'gpt-4o', path: 'openai/chat', duration: 12, success: true, cached: false, tokens_in: 1, tokens_out: 2 },
};

const envelope = (result: unknown, extra: Record<string, unknown> = {}) => ({ success: true, errors: [], messages: [], result, ...extra });

/** What a well-behaved upstream answers, by method and path shape. */
function defaultAnswer(req: RecordedRequest, c: Context): Response {
  const p = req.path.replace(/^\/client\/v4/, '');
  const list = (item: unknown) => c.json(envelope([item], { result_info: { page: 1, per_page: 20, count: 1, total_count: 1 } }));
  if (/\/ai-gateway\/gateways$/.test(p)) return list(fixtures.gateway);
  if (/\/evaluation-types$/.test(p)) return list(fixtures.evaluationType);
  if (/\/datasets$/.test(p)) return req.method === 'POST' ? c.json(envelope(fixtures.dataset)) : c.json(envelope([fixtures.dataset, fixtures.oddDataset]));
  if (/\/datasets\/[^/]+$/.test(p)) return c.json(envelope(fixtures.dataset));
  if (/\/evaluations$/.test(p)) return req.method === 'POST' ? c.json(envelope(fixtures.evaluation)) : list(fixtures.evaluation);
  if (/\/evaluations\/[^/]+$/.test(p)) return c.json(envelope(fixtures.evaluation));
  if (/\/logs$/.test(p)) return list(fixtures.log);
  if (/\/logs\/[^/]+$/.test(p)) return c.json(envelope(req.method === 'PATCH' ? {} : fixtures.log));
  // A log's kept request or response: the raw body, no envelope (as Cloudflare answers it).
  if (/\/logs\/[^/]+\/(request|response)$/.test(p)) return c.json({ messages: [{ role: 'user', content: 'hi' }] });
  return c.json({ success: false, errors: [{ code: 7003, message: 'No route for the URI' }], messages: [], result: null }, 404);
}

/** A tiny Cloudflare stand-in on 127.0.0.1 (port 0) that records every request it gets. */
export async function startFakeUpstream() {
  const requests: RecordedRequest[] = [];
  let handler: FakeHandler = () => undefined;
  const pending = new Set<() => void>();
  const app = new Hono();
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const req: RecordedRequest = {
      method: c.req.method,
      path: url.pathname,
      search: url.search.replace(/^\?/, ''),
      headers: Object.fromEntries(c.req.raw.headers),
      body: await c.req.text(),
    };
    requests.push(req);
    return (await handler(req, c)) ?? defaultAnswer(req, c);
  });
  const server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => ok(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    baseURL: `http://127.0.0.1:${port}/client/v4`,
    requests,
    /** Replaces the answer logic (undefined from it falls back to the fixtures). */
    answer(h: FakeHandler) {
      handler = h;
    },
    /** An answer that never comes, released at close so the server can stop. */
    hang(): Promise<Response> {
      return new Promise((resolve) => pending.add(() => resolve(new Response('late'))));
    },
    reset() {
      requests.length = 0;
      handler = () => undefined;
    },
    async close() {
      for (const release of pending) release();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>;
