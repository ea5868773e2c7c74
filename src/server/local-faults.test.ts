import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, errorEnvelopeSchema } from '../shared/envelope.ts';
import type { FaultController } from '../local-gateway/faults.ts';
import type { LocalGateway } from '../local-gateway/index.ts';
import { createApp } from './app.ts';
import { loadEnv } from './env.ts';
import { startServer } from './main.ts';
import { json } from './test-support/bff.ts';
import { localApp } from './test-support/local.ts';
import { startWithFaults } from './test-support/start-with-faults.ts';
import { testControlRoutes } from './test-support/test-control.ts';
import { createUpstream, inProcessFetch, LOCAL_GATEWAY_BASE_URL } from './upstream.ts';

// The BFF over the local gateway with its test-only faults on: each fault ends in the documented envelope
// and status, and nothing waits longer than the bounded upstream timeout.
let local: Awaited<ReturnType<typeof localApp>>;
let gateway: LocalGateway;
let faults: FaultController;
let upstreamCalls = 0;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  local = await localApp({
    seedLogs: 200,
    upstream: { timeoutMs: 300, retryDelayMs: 1 },
    onUpstream: () => {
      upstreamCalls += 1;
    },
    app: (_gateway, f) => ({ extraApiRoutes: testControlRoutes(f) }),
  });
  ({ gateway, app, faults } = local);
});
afterAll(() => local.close());
afterEach(() => {
  faults.clear();
  upstreamCalls = 0;
});

const errorOf = async (res: Response) => errorEnvelopeSchema.parse(await res.json());
const datasetCount = async () => ((await (await app.request('/api/gateways/default/datasets?per_page=1')).json()) as { result_info: { total_count: number } }).result_info.total_count;
const newDataset = () => json({ name: 'under fault', enable: true, filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }] });

describe('the BFF on a faulty local gateway', () => {
  it('added latency still answers 200', async () => {
    faults.set({ latencyMs: 30 });
    expect((await app.request('/api/gateways')).status).toBe(200);
  });

  it('latency beyond the upstream timeout ends as 504, the GET not retried', async () => {
    faults.set({ latencyMs: 2_000 });
    const res = await app.request('/api/gateways');
    expect(res.status).toBe(504);
    expect((await errorOf(res)).errors[0]?.code).toBe(ERROR_CODES.upstreamTimeout);
    expect(upstreamCalls).toBe(1);
  });

  it('500s become a 502 envelope keeping the upstream message; a GET is tried twice, a POST once', async () => {
    const before = await datasetCount();
    upstreamCalls = 0;
    faults.set({ errorRate: 1 });
    const get = await app.request('/api/gateways/default/datasets');
    expect(get.status).toBe(502);
    expect((await errorOf(get)).errors[0]).toEqual({ code: ERROR_CODES.internal, message: 'Internal error (test fault)' });
    expect(upstreamCalls).toBe(2);
    upstreamCalls = 0;
    const post = await app.request('/api/gateways/default/datasets', newDataset());
    expect(post.status).toBe(502);
    expect(upstreamCalls).toBe(1);
    faults.clear();
    expect(await datasetCount()).toBe(before);
  });

  it('a 429 is passed on with its retry-after', async () => {
    faults.set({ rateLimitEvery: 1, retryAfterSeconds: 30 });
    const res = await app.request('/api/gateways/default/logs?per_page=5');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect((await errorOf(res)).errors[0]?.code).toBe(ERROR_CODES.rateLimited);
  });

  it('a short retry-after on a GET is waited once and then succeeds', async () => {
    faults.set({ rateLimitEvery: 2, retryAfterSeconds: 0 });
    expect((await app.request('/api/gateways')).status).toBe(200); // request 1 passes
    expect((await app.request('/api/gateways')).status).toBe(200); // request 2 is a 429, its retry (3) passes
    expect(upstreamCalls).toBe(3);
  });

  it('a dropped connection is a 502 envelope, on reads and on writes', async () => {
    faults.set({ dropRate: 1 });
    for (const res of [await app.request('/api/evaluation-types'), await app.request('/api/gateways/default/datasets', newDataset())]) {
      expect(res.status).toBe(502);
      expect((await errorOf(res)).errors[0]?.message).toMatch(/without JSON|could not be reached/);
    }
  });

  it('the test-control route switches faults and refuses bad settings', async () => {
    const put = (body: unknown) => app.request('/api/test/faults', json(body, 'PUT'));
    expect((await put({ errorRate: 7 })).status).toBe(400);
    expect((await put({ errorRate: 1 })).status).toBe(200);
    expect((await app.request('/api/gateways')).status).toBe(502);
    expect((await app.request('/api/test/faults', { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(200);
    expect((await app.request('/api/gateways')).status).toBe(200);
    // Same CSRF rule as every mutation.
    expect((await app.request('/api/test/faults', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
  });
});

describe('faults stay out of the product', () => {
  it('the product app has no test-control route, and its start path ignores the old fault variables', async () => {
    const plain = createApp({ upstream: createUpstream({ mode: 'local', accountId: gateway.accountId, apiToken: 't', baseURL: LOCAL_GATEWAY_BASE_URL, fetch: inProcessFetch(gateway.fetch), pacing: false }), log: () => {} });
    for (const method of ['GET', 'PUT', 'DELETE']) expect((await plain.request('/api/test/faults', { method, headers: { origin: 'http://localhost' } })).status).toBe(404);
    const env = loadEnv({ LOCAL_GATEWAY_FAULTS: '{"errorRate":1}', LOCAL_GATEWAY_TEST_CONTROL: '1', TEST_FAULTS: '{"errorRate":1}' });
    expect(env.ok && Object.keys(env.env).filter((k) => /fault|control/i.test(k))).toEqual([]);
  });

  it('the test entry point refuses to start beyond loopback, even with access control', async () => {
    const env = loadEnv({ HOST: '0.0.0.0', PORT: '0', DATA_DIR: '/nonexistent/never-created', DASHBOARD_SECRET: 'a'.repeat(20) });
    if (!env.ok) throw new Error(env.message);
    await expect(startWithFaults(env.env, {}, { log: () => {} })).rejects.toThrow(/loopback only/);
  });

  it('a server started with faults applies them over HTTP (a dropped connection is a failed fetch); the product server on the same store does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bff-faults-entry-'));
    try {
      const env = loadEnv({ PORT: '0', DATA_DIR: dir, SEED_LOGS: '50', LOCAL_GATEWAY_FAULTS: '{"dropRate":1}' });
      if (!env.ok) throw new Error(env.message);
      const { server } = await startWithFaults(env.env, { dropRate: 1 }, { log: () => {}, distDir: '/nonexistent', upstreamTimeoutMs: 2_000 });
      try {
        await expect(fetch(`${server.url}/client/v4/accounts/x/ai-gateway/gateways`).then((r) => r.text())).rejects.toThrow();
        expect((await fetch(`${server.url}/api/gateways`)).status).toBe(502);
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
        const off = await fetch(`${server.url}/api/test/faults`, { method: 'DELETE', headers: { origin: server.url } });
        expect(off.status).toBe(200);
        expect((await fetch(`${server.url}/api/gateways`)).status).toBe(200);
      } finally {
        await server.close();
      }
      const product = await startServer(env.env, { log: () => {}, distDir: '/nonexistent' });
      try {
        expect((await fetch(`${product.url}/api/gateways`)).status).toBe(200);
        expect((await fetch(`${product.url}/api/test/faults`)).status).toBe(404);
      } finally {
        await product.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
