// Every /api route the app registers is in the route lists the other suites drive (auth, CSRF, leaks, the
// spec's oracle), so a new route cannot skip them. It runs with the unit tests, not only with the oracle.
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { API_ROUTES, initOf, LOCAL_ONLY_ROUTES, type RouteCall } from './test-support/api-routes.ts';
import { cloudflareApp } from './test-support/bff.ts';
import { useFakeUpstream } from './test-support/use-fake-upstream.ts';
import { createUpstream } from './upstream.ts';

const fake = useFakeUpstream();

/** The routes that need no session or are the session's own doors. */
const OPEN_ROUTES = ['/api/health', '/api/login', '/api/logout', '/api/login/form'];

const routeKey = (r: RouteCall) =>
  `${r.method} ${r.path
    .split('?')[0]!
    .replace(/\/gateways\/[^/]+/, '/gateways/:gw')
    .replace(/\/(datasets|evaluations|logs)\/[^/]+(\/request|\/response|\/analysis)?$/, '/$1/:id$2')}`;

describe('the route lists the suites drive', () => {
  it('cover every /api route and method the app registers, each route once', () => {
    const app = createApp({ upstream: createUpstream({ mode: 'cloudflare', accountId: 'a'.repeat(32), apiToken: 'x'.repeat(20) }), log: () => {} });
    const registered = new Set(
      app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !OPEN_ROUTES.includes(r.path)).map((r) => `${r.method} ${r.path}`),
    );
    const driven = [...API_ROUTES, ...LOCAL_ONLY_ROUTES].map(routeKey);
    expect(new Set(driven).size, 'a route listed twice').toBe(driven.length);
    expect([...registered].sort()).toEqual([...driven].sort());
  });

  it('the local-only routes answer 404 in Cloudflare mode and reach no upstream, so the oracle has nothing to check for them', async () => {
    const app = cloudflareApp(fake.baseURL);
    for (const call of LOCAL_ONLY_ROUTES) {
      const res = await app.request(call.path, initOf(call));
      expect(res.status, `${call.method} ${call.path}`).toBe(404);
    }
    expect(fake.requests).toHaveLength(0);
  });
});
