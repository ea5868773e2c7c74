import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorEnvelopeSchema } from '../shared/envelope.ts';
import { cloudflareApp, json } from './test-support/bff.ts';
import { useFakeUpstream } from './test-support/use-fake-upstream.ts';

const fake = useFakeUpstream();

const fail = (status: number, errors: unknown[], headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ success: false, errors, messages: [], result: null }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

async function errorOf(res: Response) {
  return errorEnvelopeSchema.parse(await res.json());
}

describe('upstream faults become the documented envelope and status', () => {
  it('401 keeps its status and says the token lacks permission, with the upstream message', async () => {
    fake.answer(() => fail(401, [{ code: 10000, message: 'Authentication error' }]));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways');
    expect(res.status).toBe(401);
    const body = await errorOf(res);
    expect(body.errors[0]).toEqual({
      code: 10000,
      message: 'The Cloudflare API token lacks AI Gateway Read/Edit permission (Authentication error)',
    });
  });

  it('403 keeps its status and the same clear message', async () => {
    fake.answer(() => fail(403, [{ code: 10000, message: 'Authentication error' }]));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw-1/datasets');
    expect(res.status).toBe(403);
    expect((await errorOf(res)).errors[0]?.message).toMatch(/^The Cloudflare API token lacks AI Gateway Read\/Edit permission \(/);
  });

  it('404 stays 404 with the upstream code and message (not the SDK message)', async () => {
    fake.answer(() => fail(404, [{ code: 7002, message: 'Not Found' }]));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw-1/datasets/nope');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).errors).toEqual([{ code: 7002, message: 'Not Found' }]);
  });

  it('400 keeps the upstream path', async () => {
    fake.answer(() => fail(400, [{ code: 7001, message: 'Input Validation Error', path: ['body'] }]));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw-1/datasets', json({ name: 'n', enable: true, filters: [] }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).errors).toEqual([{ code: 7001, message: 'Input Validation Error', path: ['body'] }]);
  });

  it('429 is passed on with its retry-after, and a long retry-after is not waited on', async () => {
    fake.answer(() => fail(429, [{ code: 10429, message: 'More than 1200 requests per 300 seconds reached' }], { 'retry-after': '300' }));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('300');
    expect((await errorOf(res)).errors[0]?.message).toBe('More than 1200 requests per 300 seconds reached');
    expect(fake.requests).toHaveLength(1);
  });

  it('500 becomes 502, after one retry of the GET', async () => {
    fake.answer(() => fail(500, [{ code: 10500, message: 'Internal error' }]));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways');
    expect(res.status).toBe(502);
    expect((await errorOf(res)).errors[0]).toEqual({ code: 10500, message: 'Internal error' });
    expect(fake.requests).toHaveLength(2);
  });

  it('a 500 with an HTML body becomes a 502 a person can read', async () => {
    fake.answer(() => new Response('<html>bad gateway</html>', { status: 500, headers: { 'content-type': 'text/html' } }));
    const res = await cloudflareApp(fake.baseURL).request('/api/evaluation-types');
    expect(res.status).toBe(502);
    expect((await errorOf(res)).errors[0]?.message).toBe("Cloudflare's API failed (HTTP 500)");
  });

  it('a hang ends at the bounded timeout as 504, not retried', async () => {
    fake.answer(() => fake.hang());
    const res = await cloudflareApp(fake.baseURL, { timeoutMs: 200 }).request('/api/gateways');
    expect(res.status).toBe(504);
    expect((await errorOf(res)).errors[0]?.code).toBe(ERROR_CODES.upstreamTimeout);
    expect(fake.requests).toHaveLength(1);
  });

  it('a 200 with success:false is an error, keeping the upstream errors', async () => {
    fake.answer((_, c) => c.json({ success: false, errors: [{ code: 1234, message: 'Something upstream' }], messages: [], result: null }, 200));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw-1/evaluations');
    expect(res.status).toBe(502);
    expect((await errorOf(res)).errors).toEqual([{ code: 1234, message: 'Something upstream' }]);
  });

  it('an unreachable upstream is a 502 saying so', async () => {
    const res = await cloudflareApp('http://127.0.0.1:1/client/v4').request('/api/gateways');
    expect(res.status).toBe(502);
    expect((await errorOf(res)).errors[0]).toEqual({ code: ERROR_CODES.upstreamUnavailable, message: "Cloudflare's API could not be reached" });
  });

  it('an answer in an unexpected shape is a 502, not a crash', async () => {
    fake.answer((_, c) => c.json({ success: true, errors: [], messages: [], result: [{ id: 42 }] }));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways');
    expect(res.status).toBe(502);
    expect((await errorOf(res)).errors[0]?.message).toMatch(/unexpected shape \(at result\.0\.id\)/);
  });
});

describe('session capabilities', () => {
  const session = async (app: ReturnType<typeof cloudflareApp>) => {
    const res = await app.request('/api/session');
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: { capabilities: { evaluations: boolean; logs: boolean } } }).result.capabilities;
  };

  it('both true when the account answers both probes', async () => {
    expect(await session(cloudflareApp(fake.baseURL))).toEqual({ evaluations: true, logs: true });
  });

  it('403 on evaluations and a "deprecated" answer on logs make them false', async () => {
    fake.answer((req) => {
      if (req.path.endsWith('/evaluations')) return fail(403, [{ code: 10000, message: 'Authentication error' }]);
      if (req.path.endsWith('/logs')) return fail(400, [{ message: 'This endpoint is deprecated' }]);
      return undefined;
    });
    expect(await session(cloudflareApp(fake.baseURL))).toEqual({ evaluations: false, logs: false });
  });

  it('404 makes it false; a passing 500 does not (and is not cached)', async () => {
    let broken = true;
    fake.answer((req) => {
      if (req.path.endsWith('/evaluations')) return fail(404, [{ code: 7003, message: 'No route for the URI' }]);
      if (req.path.endsWith('/logs') && broken) return fail(500, [{ message: 'blip' }]);
      return undefined;
    });
    const app = cloudflareApp(fake.baseURL);
    expect(await session(app)).toEqual({ evaluations: false, logs: true });
    broken = false;
    const before = fake.requests.length;
    await session(app);
    expect(fake.requests.length).toBeGreaterThan(before);
  });

  it('a token without permission makes the session a clear 403', async () => {
    fake.answer(() => fail(403, [{ code: 10000, message: 'Authentication error' }]));
    const res = await cloudflareApp(fake.baseURL).request('/api/session');
    expect(res.status).toBe(403);
    expect((await errorOf(res)).errors[0]?.message).toMatch(/lacks AI Gateway Read\/Edit permission/);
  });
});
