import { Cloudflare } from '../cloudflare-sdk.ts';
import { Hono } from 'hono';
import type { ApiSession } from '../../shared/api-session.ts';
import { ok } from '../http.ts';
import { UpstreamEnvelopeError } from '../upstream-errors.ts';
import type { Upstream } from '../upstream.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';

type Capabilities = ApiSession['capabilities'];

const DEPRECATED = /deprecat/i;

/**
 * Whether a probe's failure means "this account does not have the endpoint" (false) or a passing fault
 * (undefined: assume it is there and let the page show its own error, and do not cache the guess).
 */
function absent(e: unknown): boolean | undefined {
  const messages = (errors: unknown) =>
    Array.isArray(errors) ? errors.map((x) => (typeof x === 'object' && x && 'message' in x ? String(x.message) : '')) : [];
  if (e instanceof UpstreamEnvelopeError) return messages(e.errors).some((m) => DEPRECATED.test(m)) ? true : undefined;
  if (e instanceof Cloudflare.APIError && typeof e.status === 'number') {
    if (e.status === 403 || e.status === 404 || e.status === 410) return true;
    const body = e.error as { errors?: unknown } | undefined;
    if (messages(body?.errors).some((m) => DEPRECATED.test(m))) return true;
  }
  return undefined;
}

async function probe(call: () => Promise<unknown>): Promise<{ available: boolean; certain: boolean }> {
  try {
    await call();
    return { available: true, certain: true };
  } catch (e) {
    const gone = absent(e);
    return gone ? { available: false, certain: true } : { available: true, certain: false };
  }
}

/**
 * Probes, once per `ttlMs`, whether the account answers the evaluations and logs endpoints (cheap one-item
 * lists on the first gateway). Concurrent callers share one probe.
 */
export function capabilityProbe(upstream: Upstream, ttlMs: number, now: () => number = Date.now) {
  let cached: { at: number; value: Capabilities } | undefined;
  let inFlight: Promise<Capabilities> | undefined;

  async function run(): Promise<Capabilities> {
    const gateways = (await upstream.gateways.list({ page: 1, per_page: 1 })).result;
    const gw = gateways[0]?.id;
    // No gateway yet: nothing to probe; the pages show their empty states.
    if (!gw) return { evaluations: true, logs: true };
    const [evaluations, logs] = await Promise.all([
      probe(() => upstream.evaluations.list(gw, { page: 1, per_page: 1 })),
      probe(() => upstream.logs.list(gw, { page: 1, per_page: 1, order_by: 'created_at', order_by_direction: 'desc' })),
    ]);
    const value = { evaluations: evaluations.available, logs: logs.available };
    if (evaluations.certain && logs.certain) cached = { at: now(), value };
    return value;
  }

  return async (): Promise<Capabilities> => {
    if (cached && now() - cached.at < ttlMs) return cached.value;
    inFlight ??= run().finally(() => (inFlight = undefined));
    return inFlight;
  };
}

export function sessionRoutes({ upstream, authRequired, capabilitiesTtlMs }: RouteDeps & { authRequired: boolean; capabilitiesTtlMs: number }) {
  const r = new Hono();
  const capabilities = capabilityProbe(upstream, capabilitiesTtlMs);
  r.get('/session', async (c) => {
    const session: ApiSession = {
      mode: upstream.mode,
      account_id: upstream.accountId,
      capabilities: await capabilities(),
      auth: { required: authRequired },
    };
    return ok(c, session);
  });
  onlyMethods(r, '/session', ['GET']);
  return r;
}
