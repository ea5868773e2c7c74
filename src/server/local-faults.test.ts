import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, errorEnvelopeSchema } from '../shared/envelope.ts';
import type { LocalGateway } from '../local-gateway/index.ts';
import { createApp } from './app.ts';
import { loadEnv } from './env.ts';
import { startServer } from './main.ts';
import { json } from './test-support/bff.ts';
import { localApp } from './test-support/local.ts';
import { createUpstream, inProcessFetch, LOCAL_GATEWAY_BASE_URL } from './upstream.ts';

// The BFF over the local gateway with its test-only faults on: each fault ends in the documented envelope
// and status, and nothing waits longer than the bounded upstream timeout.
let local: Awaited<ReturnType<typeof localApp>>;
let gateway: LocalGateway;
let upstreamCalls = 0;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  local = await localApp({
    seedLogs: 200,
    upstream: { timeoutMs: 300, retryDelayMs: 1 },
    onUpstream: () => {
      upstreamCalls += 1;
    },
    app: (g) => ({ testFaults: g.faults }),
  });
  ({ gateway, app } = local);
});
afterAll(() => local.close());
afterEach(() => {
  gateway.faults.clear();
  upstreamCalls = 0;
});

const errorOf = async (res: Response) => errorEnvelopeSchema.parse(await res.json());
const datasetCount = async () => ((await (await app.request('/api/gateways/default/datasets?per_page=1')).json()) as { result_info: { total_count: number } }).result_info.total_count;
const newDataset = () => json({ name: 'under fault', enable: true, filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }] });

describe('the BFF on a faulty local gateway', () => {
  it('added latency still answers 200', async () => {
    gateway.faults.set({ latencyMs: 30 });
    expect((await app.request('/api/gateways')).status).toBe(200);
  });

  it('latency beyond the upstream timeout ends as 504, the GET not retried', async () => {
    gateway.faults.set({ latencyMs: 2_000 });
    const res = await app.request('/api/gateways');
    expect(res.status).toBe(504);
    expect((await errorOf(res)).errors[0]?.code).toBe(ERROR_CODES.upstreamTimeout);
    expect(upstreamCalls).toBe(1);
  });

  it('500s become a 502 envelope keeping the upstream message; a GET is tried twice, a POST once', async () => {
    const before = await datasetCount();
    upstreamCalls = 0;
    gateway.faults.set({ errorRate: 1 });
    const get = await app.request('/api/gateways/default/datasets');
    expect(get.status).toBe(502);
    expect((await errorOf(get)).errors[0]).toEqual({ code: ERROR_CODES.internal, message: 'Internal error (test fault)' });
    expect(upstreamCalls).toBe(2);
    upstreamCalls = 0;
    const post = await app.request('/api/gateways/default/datasets', newDataset());
    expect(post.status).toBe(502);
    expect(upstreamCalls).toBe(1);
    gateway.faults.clear();
    expect(await datasetCount()).toBe(before);
  });

  it('a 429 is passed on with its retry-after', async () => {
    gateway.faults.set({ rateLimitEvery: 1, retryAfterSeconds: 30 });
    const res = await app.request('/api/gateways/default/logs?per_page=5');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect((await errorOf(res)).errors[0]?.code).toBe(ERROR_CODES.rateLimited);
  });

  it('a short retry-after on a GET is waited once and then succeeds', async () => {
    gateway.faults.set({ rateLimitEvery: 2, retryAfterSeconds: 0 });
    expect((await app.request('/api/gateways')).status).toBe(200); // request 1 passes
    expect((await app.request('/api/gateways')).status).toBe(200); // request 2 is a 429, its retry (3) passes
    expect(upstreamCalls).toBe(3);
  });

  it('a dropped connection is a 502 envelope, on reads and on writes', async () => {
    gateway.faults.set({ dropRate: 1 });
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

describe('configuration of the test-only faults', () => {
  it('the test-control route does not exist unless LOCAL_GATEWAY_TEST_CONTROL=1', async () => {
    const plain = createApp({ upstream: createUpstream({ mode: 'local', accountId: gateway.accountId, apiToken: 't', baseURL: LOCAL_GATEWAY_BASE_URL, fetch: inProcessFetch(gateway.fetch), pacing: false }), log: () => {} });
    for (const method of ['GET', 'PUT', 'DELETE']) expect((await plain.request('/api/test/faults', { method, headers: { origin: 'http://localhost' } })).status).toBe(404);
    const env = loadEnv({});
    expect(env.ok && env.env.testControl).toBe(false);
  });

  it('the test-control route refuses to start beyond loopback, even with access control', async () => {
    const env = loadEnv({ HOST: '0.0.0.0', PORT: '0', DATA_DIR: '/nonexistent/never-created', DASHBOARD_SECRET: 'a'.repeat(20), LOCAL_GATEWAY_TEST_CONTROL: '1' });
    if (!env.ok) throw new Error(env.message);
    await expect(startServer(env.env, { log: () => {} })).rejects.toThrow(/LOCAL_GATEWAY_TEST_CONTROL is test-only/);
  });

  it('is refused in Cloudflare mode and when not a JSON object', () => {
    const cf = { CLOUDFLARE_API_TOKEN: 'abcdefghijklmnopqrstuvwxyz0123456789ABCD', CLOUDFLARE_ACCOUNT_ID: '0123456789abcdef0123456789abcdef' };
    expect(loadEnv({ ...cf, LOCAL_GATEWAY_FAULTS: '{"errorRate":1}' })).toEqual({ ok: false, message: expect.stringMatching(/test-only/) });
    expect(loadEnv({ ...cf, LOCAL_GATEWAY_TEST_CONTROL: '1' })).toEqual({ ok: false, message: expect.stringMatching(/test-only/) });
    expect(loadEnv({ LOCAL_GATEWAY_FAULTS: '[1]' })).toEqual({ ok: false, message: expect.stringMatching(/must be a JSON object/) });
    expect(loadEnv({ LOCAL_GATEWAY_FAULTS: '{"dropRate":0.1}', LOCAL_GATEWAY_TEST_CONTROL: '1' })).toMatchObject({ ok: true, env: { localGatewayFaults: { dropRate: 0.1 }, testControl: true } });
  });

  it('a running server applies LOCAL_GATEWAY_FAULTS: over HTTP a dropped connection is a failed fetch; bad fields stop the start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bff-faults-env-'));
    try {
      const bad = loadEnv({ PORT: '0', DATA_DIR: dir, SEED_LOGS: '50', LOCAL_GATEWAY_FAULTS: '{"errorRat":1}' });
      if (!bad.ok) throw new Error(bad.message);
      await expect(startServer(bad.env, { log: () => {}, distDir: '/nonexistent' })).rejects.toThrow(/LOCAL_GATEWAY_FAULTS/);

      const env = loadEnv({ PORT: '0', DATA_DIR: dir, SEED_LOGS: '50', LOCAL_GATEWAY_FAULTS: '{"dropRate":1}' });
      if (!env.ok) throw new Error(env.message);
      const server = await startServer(env.env, { log: () => {}, distDir: '/nonexistent', upstreamTimeoutMs: 2_000 });
      try {
        await expect(fetch(`${server.url}/client/v4/accounts/x/ai-gateway/gateways`).then((r) => r.text())).rejects.toThrow();
        expect((await fetch(`${server.url}/api/gateways`)).status).toBe(502);
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      } finally {
        await server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
