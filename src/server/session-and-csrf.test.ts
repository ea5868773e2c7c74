import { afterEach, describe, expect, it, vi } from 'vitest';

// Spy on the comparison without changing it: the test checks what is compared, never how long it takes.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

import { timingSafeEqual } from 'node:crypto';
import { createAccessControl, SESSION_COOKIE } from './access.ts';
import { API_ROUTES, initOf, LOCAL_ONLY_ROUTES } from './test-support/api-routes.ts';
import { cloudflareApp, json } from './test-support/bff.ts';
import { useFakeUpstream } from './test-support/use-fake-upstream.ts';

const SECRET = 'correct horse battery staple';
const fake = useFakeUpstream();
afterEach(() => vi.useRealTimers());

async function login(app: ReturnType<typeof cloudflareApp>) {
  const res = await app.request('/api/login', json({ secret: SECRET }));
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!;
}

describe('sessions expire', () => {
  it('a session opens the API until its TTL has passed, then it is refused; the cookie says the same Max-Age', async () => {
    let t = 1_000_000;
    const auth = createAccessControl({ secret: SECRET, sessionTtlMs: 60_000, failureDelayMs: 1, now: () => t });
    const app = cloudflareApp(fake.baseURL, {}, { auth });
    const cookie = await login(app);
    expect(cookie).toMatch(/Max-Age=60;/);
    const session = { headers: { cookie: cookie.split(';')[0]! } };
    t += 59_999;
    expect((await app.request('/api/gateways', session)).status).toBe(200);
    t += 1;
    const expired = await app.request('/api/gateways', session);
    expect(expired.status).toBe(401);
    // Gone for good, not only while the clock says so.
    t -= 10_000;
    expect((await app.request('/api/gateways', session)).status).toBe(401);
  });
});

describe('a wrong secret says nothing about how much of it was right', () => {
  const candidates = ['c', 'correct horse battery stapl', 'correct horse battery staplf', 'x'.repeat(1024), 'é😀'];

  it('every attempt compares two SHA-256 digests of 32 bytes, whatever the length of the guess', async () => {
    const app = cloudflareApp(fake.baseURL, {}, { auth: createAccessControl({ secret: SECRET, failureDelayMs: 1 }) });
    const spy = vi.mocked(timingSafeEqual);
    for (const guess of candidates) {
      spy.mockClear();
      const res = await app.request('/api/login', json({ secret: guess }));
      expect(res.status).toBe(401);
      expect(spy).toHaveBeenCalledTimes(1);
      const [a, b] = spy.mock.calls[0]! as [Buffer, Buffer];
      expect([a.length, b.length]).toEqual([32, 32]);
    }
    spy.mockClear();
    await app.request('/api/login/form', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ secret: 'correct horse' }).toString(),
    });
    expect(spy.mock.calls.map(([a, b]) => [(a as Buffer).length, (b as Buffer).length])).toEqual([[32, 32]]);
  });

  it('every refusal waits the same fixed delay, a near miss as long as a wild guess', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const app = cloudflareApp(fake.baseURL, {}, { auth: createAccessControl({ secret: SECRET, failureDelayMs: 400 }) });
    for (const guess of candidates) {
      let settled = false;
      const pending = Promise.resolve(app.request('/api/login', json({ secret: guess }))).then((r) => {
        settled = true;
        return r;
      });
      await vi.advanceTimersByTimeAsync(399);
      expect(settled, `answered before the delay for a guess of ${guess.length} characters`).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(401);
    }
  });
});

describe('CSRF on every mutation route', () => {
  const mutations = [...API_ROUTES, ...LOCAL_ONLY_ROUTES].filter((r) => r.method !== 'GET');

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['a null origin (sandboxed frame)', { origin: 'null' }],
    ['cross-site fetch metadata without an origin', { 'sec-fetch-site': 'cross-site' }],
    ['a look-alike host', { origin: 'http://localhost.evil.example' }],
  ])('%s is refused with 403 and never forwarded', async (_name, headers) => {
    const app = cloudflareApp(fake.baseURL);
    expect(mutations.length).toBeGreaterThanOrEqual(5);
    for (const call of mutations) {
      const init = initOf(call);
      const res = await app.request(call.path, { ...init, headers: { ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } });
      expect(res.status, `${call.method} ${call.path}`).toBe(403);
    }
    expect(fake.requests).toHaveLength(0);
  });
});

describe('an exposed server', () => {
  it('the login itself is CSRF-checked and needs no session; logout needs the same origin', async () => {
    const app = cloudflareApp(fake.baseURL, {}, { auth: createAccessControl({ secret: SECRET, failureDelayMs: 1 }) });
    const cross = await app.request('/api/login', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ secret: SECRET }) });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('set-cookie')).toBeNull();
    const session = (await login(app)).split(';')[0]!;
    expect((await app.request('/api/logout', { method: 'POST', headers: { origin: 'https://evil.example', cookie: session } })).status).toBe(403);
    expect((await app.request('/api/gateways', { headers: { cookie: session } })).status).toBe(200);
    expect(session.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
  });
});
