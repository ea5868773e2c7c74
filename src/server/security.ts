import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ERROR_CODES, errorEnvelope } from '../shared/envelope.ts';
import { RequestError } from './http.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const MAX_BODY_BYTES = 256 * 1024;

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

/**
 * Whether the server may listen on `host`: beyond loopback, someone else could reach the console (and the
 * upstream token behind it), so a dashboard secret or Cloudflare Access must be configured. Returns the
 * one-line reason to refuse, or undefined.
 */
export function bindRefusal(host: string, accessControlConfigured: boolean): string | undefined {
  if (isLoopbackHost(host) || accessControlConfigured) return undefined;
  return `Refusing to listen on ${host} without access control: set DASHBOARD_SECRET (16+ characters) or CF_ACCESS_TEAM_DOMAIN and CF_ACCESS_AUD, or use HOST=127.0.0.1.`;
}

/** Headers on every response, the SPA's included. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
  c.res.headers.set('x-frame-options', 'DENY');
  c.res.headers.set('referrer-policy', 'no-referrer');
  c.res.headers.set('x-content-type-options', 'nosniff');
};

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: a mutation must come from this origin, shown by an `Origin` whose host is the request's own, or by
 * `Sec-Fetch-Site: same-origin`. SameSite=Strict cookies already stop most of it; this also covers the
 * cookie-less loopback mode, where any page the user visits could otherwise post to 127.0.0.1.
 */
export const sameOriginMutations: MiddlewareHandler = async (c, next) => {
  if (!MUTATIONS.has(c.req.method)) return next();
  const host = new URL(c.req.url).host;
  const origin = c.req.header('origin');
  let sameOrigin = c.req.header('sec-fetch-site') === 'same-origin';
  if (origin && !sameOrigin) {
    try {
      sameOrigin = new URL(origin).host === host;
    } catch {
      sameOrigin = false;
    }
  }
  if (!sameOrigin) throw new RequestError(403, [{ code: ERROR_CODES.authentication, message: 'Cross-origin requests may not change data' }]);
  return next();
};

/**
 * On a loopback bind without access control, only loopback host names are served: a DNS-rebinding page
 * (evil.example resolving to 127.0.0.1) then gets a 403 instead of the API.
 */
export const loopbackHostOnly: MiddlewareHandler = async (c, next) => {
  const host = new URL(c.req.url).hostname;
  if (!isLoopbackHost(host))
    throw new RequestError(403, [{ code: ERROR_CODES.authentication, message: `Host ${host.slice(0, 100)} is not served; open the console at 127.0.0.1` }]);
  return next();
};

/** Request bodies above 256 KiB are refused before they are read. */
export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) =>
    c.json(errorEnvelope([{ code: ERROR_CODES.invalidInput, message: `The body must be at most ${MAX_BODY_BYTES / 1024} KiB`, path: ['body'] }]), 413),
});
