import { Hono } from 'hono';
import { ERROR_CODES, errorEnvelope } from '../shared/envelope.ts';
import { createAccessControl, type AccessControl } from './access.ts';
import { compressAnswers } from './compression.ts';
import { keepConnectionUsable } from './connection.ts';
import { RequestError } from './http.ts';
import { requestLog } from './request-log.ts';
import { datasetRoutes } from './routes/datasets.ts';
import { evaluationTypeRoutes } from './routes/evaluation-types.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { gatewayRoutes } from './routes/gateways.ts';
import { healthRoutes } from './routes/health.ts';
import { logRoutes } from './routes/logs.ts';
import { sessionRoutes } from './routes/session.ts';
import { limitBodyExceptUploads, sourceRoutes, type LocalSourcesAccess } from './routes/sources.ts';
import { loopbackHostOnly, sameOriginMutations, securityHeaders } from './security.ts';
import { staticRoutes } from './static.ts';
import { mapUpstreamError } from './upstream-errors.ts';
import type { Upstream } from './upstream.ts';

export interface AppOptions {
  /** The one upstream client (local gateway in-process, or Cloudflare). */
  upstream: Upstream;
  /** Access control; omitted means none, which only a loopback bind may use. */
  auth?: AccessControl;
  /** The built dashboard; omitted means no static files (API only). */
  distDir?: string;
  /** The local gateway's own handler, exposed at `/client/v4/*` for other Cloudflare clients (local mode). */
  localGatewayFetch?: (req: Request) => Promise<Response>;
  /** The local gateway's log sources (local mode): provenance and file uploads. */
  localSources?: LocalSourcesAccess;
  /** When true (loopback bind, no access control), requests for non-loopback host names are refused. */
  loopbackHostsOnly?: boolean;
  /** Where the per-request log lines go (default: stdout). */
  log?: (line: string) => void;
  /** How long the session's capability probe is trusted (default 60 s). */
  capabilitiesTtlMs?: number;
  /**
   * More `/api` routes, behind the same guards. The product mounts none; a test entry point mounts its
   * fault switch here (`test-support/start-with-faults.ts`).
   */
  extraApiRoutes?: Hono;
}

/**
 * Builds the console's HTTP app: `/api` (validated, allow-listed routes in Cloudflare's envelope, reaching
 * the upstream only through `upstream`), the optional local gateway at `/client/v4`, and the SPA.
 *
 * Order matters: the log sees every answer; a body left unread is dealt with before any answer goes out
 * (so a refusal leaves the connection usable); answers are compressed last, over their final headers;
 * headers go on everything; host check, body limit, CSRF and
 * the session guard all run before any route, so a refused request never reaches the upstream.
 */
export function createApp(o: AppOptions): Hono {
  const app = new Hono();
  const auth = o.auth ?? createAccessControl({});
  const log = o.log ?? ((line: string) => process.stdout.write(`${line}\n`));

  app.use('*', requestLog(log));
  app.use('*', keepConnectionUsable);
  app.use('*', compressAnswers);
  app.use('*', securityHeaders);
  if (o.loopbackHostsOnly) app.use('*', loopbackHostOnly);
  app.use('/api/*', limitBodyExceptUploads, sameOriginMutations, auth.guard);
  app.use('*', auth.redirectPages);

  app.onError((err, c) => {
    if (err instanceof RequestError) return c.json(errorEnvelope(err.errors), err.status, err.headers);
    const mapped = mapUpstreamError(err, o.upstream.redact);
    if (mapped) return c.json(mapped.body, mapped.status, mapped.headers);
    // Our own bug: say so without details (they could carry anything), keep the name for the log line.
    log(`internal error: ${err instanceof Error ? err.name : typeof err}`);
    return c.json(errorEnvelope([{ code: ERROR_CODES.internal, message: 'Internal server error' }]), 500);
  });

  app.route('/', auth.routes);
  const api = new Hono();
  const deps = { upstream: o.upstream };
  api.route('/', healthRoutes());
  api.route('/', sessionRoutes({ ...deps, authRequired: auth.required, capabilitiesTtlMs: o.capabilitiesTtlMs ?? 60_000 }));
  api.route('/', gatewayRoutes(deps));
  api.route('/', datasetRoutes(deps));
  api.route('/', evaluationRoutes(deps));
  api.route('/', analysisRoutes(deps));
  api.route('/', evaluationTypeRoutes(deps));
  api.route('/', logRoutes(deps));
  api.route('/', sourceRoutes({ sources: o.localSources }));
  if (o.extraApiRoutes) api.route('/', o.extraApiRoutes);
  app.route('/api', api);
  // Not an open proxy: anything else under /api is a 404, never the SPA and never the upstream.
  app.all('/api/*', () => {
    throw new RequestError(404, [{ code: ERROR_CODES.noRoute, message: 'No route for the URI' }]);
  });

  if (o.localGatewayFetch) {
    const handle = o.localGatewayFetch;
    app.all('/client/v4/*', (c) => handle(c.req.raw));
  }
  if (o.distDir) app.route('/', staticRoutes(o.distDir));

  app.notFound((c) => c.json(errorEnvelope([{ code: ERROR_CODES.noRoute, message: 'No route for the URI' }]), 404));
  return app;
}
