import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '../shared/envelope.ts';
import { createAccessControl, SESSION_COOKIE } from './access.ts';
import { createAccessVerifier, type AccessJwk } from './access-jwt.ts';
import { loadEnv } from './env.ts';
import { startServer, StartupError } from './main.ts';
import { bindRefusal, CONTENT_SECURITY_POLICY } from './security.ts';
import { API_ROUTES, initOf, LOCAL_ONLY_ROUTES } from './test-support/api-routes.ts';
import { cloudflareApp, json } from './test-support/bff.ts';
import { useFakeUpstream } from './test-support/use-fake-upstream.ts';

const SECRET = 'correct horse battery staple';
const fake = useFakeUpstream();

const secretApp = () => cloudflareApp(fake.baseURL, {}, { auth: createAccessControl({ secret: SECRET, failureDelayMs: 1 }) });

describe('binding', () => {
  it('loopback needs nothing; any other address needs a secret or Access', () => {
    expect(bindRefusal('127.0.0.1', false)).toBeUndefined();
    expect(bindRefusal('localhost', false)).toBeUndefined();
    expect(bindRefusal('0.0.0.0', true)).toBeUndefined();
    expect(bindRefusal('0.0.0.0', false)).toMatch(/^Refusing to listen on 0\.0\.0\.0 without access control: set DASHBOARD_SECRET/);
  });

  it('startServer on a non-loopback HOST without a secret refuses to start, before opening anything', async () => {
    const env = loadEnv({ HOST: '0.0.0.0', PORT: '0', DATA_DIR: '/nonexistent/never-created' });
    if (!env.ok) throw new Error(env.message);
    await expect(startServer(env.env, { log: () => {} })).rejects.toThrow(StartupError);
    await expect(startServer(env.env, { log: () => {} })).rejects.toThrow(/set DASHBOARD_SECRET/);
  });
});

describe('with DASHBOARD_SECRET', () => {
  it('no /api route but health and login answers without the session, and nothing reaches the upstream', async () => {
    const app = secretApp();
    for (const call of [...API_ROUTES, ...LOCAL_ONLY_ROUTES]) {
      const res = await app.request(call.path, initOf(call));
      expect(res.status, `${call.method} ${call.path}`).toBe(401);
      expect(errorEnvelopeSchema.parse(await res.json()).errors[0]?.code).toBe(10000);
    }
    expect(fake.requests).toHaveLength(0);
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('a wrong secret is refused; the right one sets an HttpOnly SameSite=Strict cookie that opens the API; logout closes it', async () => {
    const app = secretApp();
    const wrong = await app.request('/api/login', json({ secret: 'not the secret at all' }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const right = await app.request('/api/login', json({ secret: SECRET }));
    expect(right.status).toBe(200);
    const cookie = right.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const session = cookie.split(';')[0]!;

    // Behind a TLS-terminating proxy the browser is on https, so the cookie must be Secure.
    const login = json({ secret: SECRET });
    const proxied = { ...login, headers: { ...login.headers, 'x-forwarded-proto': 'https' } };
    expect((await app.request('/api/login', proxied)).headers.get('set-cookie')).toMatch(/Secure/);

    expect((await app.request('/api/gateways', { headers: { cookie: session } })).status).toBe(200);
    const forged = await app.request('/api/gateways', { headers: { cookie: `${SESSION_COOKIE}=forged` } });
    expect(forged.status).toBe(401);
    // The dashboard tells this 401 (sign in again) from an upstream one by its challenge.
    expect(forged.headers.get('www-authenticate')).toMatch(/^DashboardSession /);
    expect((await app.request('/api/logout', { method: 'POST', headers: { origin: 'http://localhost', cookie: session } })).status).toBe(200);
    expect((await app.request('/api/gateways', { headers: { cookie: session } })).status).toBe(401);
  });

  it('the script-free login page and its form post work', async () => {
    const app = secretApp();
    const page = await app.request('/login');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('action="/api/login/form"');
    expect(html).not.toMatch(/<script/i);

    const form = (secret: string) =>
      app.request('/api/login/form', {
        method: 'POST',
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ secret }).toString(),
      });
    const bad = await form('nope-nope-nope-nope');
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe('/login?failed=1');
    const good = await form(SECRET);
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/');
    expect(good.headers.get('set-cookie')).toMatch(/HttpOnly/);
  });

  it('a page navigation without a session goes to the login page', async () => {
    const res = await secretApp().request('/datasets', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
  });
});

describe('CSRF', () => {
  it('a cross-origin POST is refused with 403 and never forwarded', async () => {
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw-1/datasets', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'n', enable: true, filters: [] }),
    });
    expect(res.status).toBe(403);
    expect(errorEnvelopeSchema.parse(await res.json()).errors[0]?.message).toMatch(/Cross-origin/);
    expect(fake.requests).toHaveLength(0);
  });

  it('a mutation without Origin is refused; Sec-Fetch-Site: same-origin is accepted', async () => {
    const app = cloudflareApp(fake.baseURL);
    const body = JSON.stringify({ feedback: 1 });
    expect((await app.request('/api/gateways/gw-1/logs/log1', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body })).status).toBe(403);
    expect(
      (await app.request('/api/gateways/gw-1/logs/log1', { method: 'PATCH', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body }))
        .status,
    ).toBe(200);
  });
});

describe('headers, body limit, host names', () => {
  it('security headers are on API answers, errors and pages', async () => {
    const app = cloudflareApp(fake.baseURL, {}, { distDir: '/nonexistent-dist' });
    for (const path of ['/api/health', '/api/nope', '/', '/some/page']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('a body over 256 KiB is a 413 envelope, not forwarded', async () => {
    const big = JSON.stringify({ name: 'n', enable: true, filters: [{ key: 'model', operator: 'eq', value: ['x'.repeat(300 * 1024)] }] });
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw-1/datasets', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(errorEnvelopeSchema.parse(await res.json()).errors[0]?.path).toEqual(['body']);
    expect(fake.requests).toHaveLength(0);
  });

  it('on a loopback bind, a rebinding host name is refused', async () => {
    const app = cloudflareApp(fake.baseURL, {}, { loopbackHostsOnly: true });
    expect((await app.request('http://evil.example/api/gateways')).status).toBe(403);
    expect((await app.request('http://127.0.0.1:8787/api/gateways')).status).toBe(200);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('Cloudflare Access JWT', () => {
  const team = 'myteam';
  const aud = 'aud0123456789abcdef';
  let jwk: AccessJwk;
  let key: webcrypto.CryptoKeyPair;
  beforeAll(async () => {
    key = (await webcrypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    )) as webcrypto.CryptoKeyPair;
    jwk = { ...(await webcrypto.subtle.exportKey('jwk', key.publicKey)), kid: 'k1' };
  });

  async function sign(payload: Record<string, unknown>, kid = 'k1') {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = `${enc({ alg: 'RS256', kid, typ: 'JWT' })}.${enc(payload)}`;
    const sig = await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, new TextEncoder().encode(head));
    return `${head}.${Buffer.from(sig).toString('base64url')}`;
  }
  const now = () => 1_800_000_000_000;
  const good = () => ({ aud: [aud], iss: `https://${team}.cloudflareaccess.com`, exp: now() / 1000 + 600, nbf: now() / 1000 - 10 });

  it('accepts a token signed by the team key for this audience, and nothing else', async () => {
    const verify = createAccessVerifier({ teamDomain: team, aud, fetchKeys: async () => [jwk], now });
    expect(await verify(await sign(good()))).toBe(true);
    expect(await verify(await sign({ ...good(), aud: ['other'] }))).toBe(false);
    expect(await verify(await sign({ ...good(), exp: now() / 1000 - 1 }))).toBe(false);
    expect(await verify(await sign({ ...good(), iss: 'https://evil.cloudflareaccess.com' }))).toBe(false);
    expect(await verify(await sign(good(), 'unknown-kid'))).toBe(false);
    const token = await sign(good());
    expect(await verify(`${token.slice(0, -4)}AAAA`)).toBe(false);
    expect(await verify(undefined)).toBe(false);
    expect(await verify('not.a.jwt')).toBe(false);
  });

  it('refreshes the keys for an unknown kid at most every 30 s, so made-up kids cannot flood Access', async () => {
    let clock = now();
    let fetches = 0;
    const verify = createAccessVerifier({ teamDomain: team, aud, fetchKeys: async () => (fetches++, [jwk]), now: () => clock });
    expect(await verify(await sign(good()))).toBe(true);
    expect(fetches).toBe(1);
    for (let i = 0; i < 5; i++) expect(await verify(await sign(good(), `made-up-${i}`))).toBe(false);
    expect(fetches).toBe(1);
    clock += 31_000;
    expect(await verify(await sign(good(), 'made-up-later'))).toBe(false);
    expect(fetches).toBe(2);
  });

  it('guards the API: with a valid assertion the request passes, without it 401', async () => {
    const auth = createAccessControl({ access: { teamDomain: team, aud, fetchKeys: async () => [jwk], now } });
    const app = cloudflareApp(fake.baseURL, {}, { auth });
    expect((await app.request('/api/gateways')).status).toBe(401);
    expect((await app.request('/api/gateways', { headers: { 'cf-access-jwt-assertion': await sign(good()) } })).status).toBe(200);
  });
});
