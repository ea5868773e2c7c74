import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ERROR_CODES } from '../shared/envelope.ts';
import { createAccessVerifier, type AccessVerifierOptions } from './access-jwt.ts';
import { jsonBody, ok, RequestError, validate } from './http.ts';
import { loginPage } from './login-page.ts';
import { SIGN_IN_SCHEME } from '../shared/api-session.ts';

export const SESSION_COOKIE = 'aigc_session';

export interface AccessControlOptions {
  /** DASHBOARD_SECRET: a login sets an HttpOnly, SameSite=Strict session cookie. */
  secret?: string;
  /** Cloudflare Access: a valid `Cf-Access-Jwt-Assertion` lets a request through. */
  access?: AccessVerifierOptions;
  sessionTtlMs?: number;
  /** Fixed pause after a wrong secret, so guessing is slow and timing says nothing. */
  failureDelayMs?: number;
  now?: () => number;
}

/** API paths that answer without a session: health for probes, login/logout to get or drop one. */
const OPEN_API_PATHS = new Set(['/api/health', '/api/login', '/api/login/form', '/api/logout']);

const loginBodySchema = z.object({ secret: z.string().min(1, 'Enter the dashboard secret').max(1024, 'must be at most 1024 characters') });

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Access control for a server reachable beyond loopback. With neither a secret nor Access configured it is
 * off (`required: false`) and every route answers, which is only allowed on a loopback bind.
 */
/** Tells the dashboard that signing in again (on /login) fixes this 401, as opposed to an upstream 401. */
const SIGN_IN_CHALLENGE = `${SIGN_IN_SCHEME} realm="AI Gateway Console"`;

export function createAccessControl(o: AccessControlOptions) {
  const now = o.now ?? Date.now;
  const ttl = o.sessionTtlMs ?? 12 * 60 * 60 * 1000;
  const failureDelay = o.failureDelayMs ?? 400;
  const secretHash = o.secret ? sha256(o.secret) : undefined;
  const verifyAccess = o.access ? createAccessVerifier(o.access) : undefined;
  const sessions = new Map<string, number>();
  const required = Boolean(secretHash || verifyAccess);

  function secretMatches(given: string): boolean {
    // Comparing fixed-length hashes keeps the comparison constant-time whatever the lengths.
    return secretHash !== undefined && timingSafeEqual(sha256(given), secretHash);
  }

  function startSession(c: Context) {
    const id = randomBytes(32).toString('base64url');
    sessions.set(id, now() + ttl);
    for (const [k, exp] of sessions) if (exp <= now()) sessions.delete(k);
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      // Behind a TLS-terminating proxy (a Cloudflare Tunnel) the request arrives over http but the browser
      // is on https: the proxy says so in X-Forwarded-Proto.
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https',
      maxAge: Math.floor(ttl / 1000),
    });
  }

  function hasSession(c: Context): boolean {
    const id = getCookie(c, SESSION_COOKIE);
    if (!id) return false;
    const exp = sessions.get(id);
    if (exp === undefined) return false;
    if (exp <= now()) {
      sessions.delete(id);
      return false;
    }
    return true;
  }

  async function allowed(c: Context): Promise<boolean> {
    if (!required) return true;
    if (secretHash && hasSession(c)) return true;
    if (verifyAccess && (await verifyAccess(c.req.header('cf-access-jwt-assertion')))) return true;
    return false;
  }

  /** Every /api route but the open ones needs a session (or a valid Access JWT). */
  const guard: MiddlewareHandler = async (c, next) => {
    if (!c.req.path.startsWith('/api/') || OPEN_API_PATHS.has(c.req.path) || (await allowed(c))) return next();
    throw new RequestError(401, [
      {
        code: ERROR_CODES.authentication,
        message: secretHash ? 'Sign in with the dashboard secret first' : 'This request did not come through Cloudflare Access',
      },
    ], secretHash ? { 'www-authenticate': SIGN_IN_CHALLENGE } : {});
  };

  /** Page navigations without a session go to the login page (only when a secret login exists). */
  const redirectPages: MiddlewareHandler = async (c, next) => {
    const p = c.req.path;
    const isPage = c.req.method === 'GET' && !/^\/(api|assets|client)\//.test(p) && p !== '/login';
    if (secretHash && isPage && /text\/html/.test(c.req.header('accept') ?? '') && !(await allowed(c))) return c.redirect('/login', 303);
    return next();
  };

  const routes = new Hono();
  if (secretHash) {
    routes.post('/api/login', async (c) => {
      const { secret } = validate('body', loginBodySchema, await jsonBody(c));
      if (!secretMatches(secret)) {
        await sleep(failureDelay);
        throw new RequestError(401, [{ code: ERROR_CODES.authentication, message: 'That dashboard secret is not right', path: ['body', 'secret'] }]);
      }
      startSession(c);
      return ok(c, { authenticated: true });
    });
    routes.post('/api/login/form', async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const secret = typeof form.secret === 'string' ? form.secret : '';
      if (!secret || secret.length > 1024 || !secretMatches(secret)) {
        await sleep(failureDelay);
        return c.redirect('/login?failed=1', 303);
      }
      startSession(c);
      return c.redirect('/', 303);
    });
    routes.get('/login', (c) => c.html(loginPage(c.req.query('failed') === '1')));
  }
  routes.post('/api/logout', (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) sessions.delete(id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return ok(c, { authenticated: false });
  });

  return { required, guard, redirectPages, routes };
}

export type AccessControl = ReturnType<typeof createAccessControl>;
