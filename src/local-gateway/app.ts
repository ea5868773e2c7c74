import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ERROR_CODES } from '../shared/envelope.ts';
import type { GatewayContext } from './context.ts';
import { fail, MAX_BODY_BYTES } from './http.ts';
import { registerAnalysisRoutes } from './routes/analysis.ts';
import { registerDatasetRoutes } from './routes/datasets.ts';
import { registerEvaluationTypeRoutes } from './routes/evaluation-types.ts';
import { registerEvaluationRoutes } from './routes/evaluations.ts';
import { registerGatewayRoutes } from './routes/gateways.ts';
import { registerLogRoutes } from './routes/logs.ts';
import { bearerToken, tokenMatches } from './token.ts';

export const API_PREFIX = '/client/v4';
const BASE = `${API_PREFIX}/accounts/:account_id/ai-gateway`;

/** Cloudflare's answer when a valid token asks for an account it may not use. */
const ACCOUNT_FORBIDDEN = { code: 9109, message: 'Unauthorized to access requested resource' };

/**
 * The local gateway's HTTP app: Cloudflare's AI Gateway REST API (gateways, datasets, evaluations,
 * evaluation types, logs) at the full paths `/client/v4/accounts/:account_id/ai-gateway/…`, with
 * Cloudflare's envelopes, status codes and error bodies. It never looks at the host, so it works behind
 * any mount or in-process through `fetch`.
 *
 * Order of checks: bearer token (401, code 10000) → account id (403, code 9109, as Cloudflare answers a
 * token used on another account) → body size (413) → route (404 code 7003; 405 code 7004 for a known
 * path with another method) → path, query and body validation (400 code 7001 naming the field) → the
 * resource (404 code 7002).
 */
export function createGatewayApp(ctx: GatewayContext): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (!tokenMatches(ctx.token, bearerToken(c.req.header('authorization')))) {
      return fail(c, 401, [{ code: ERROR_CODES.authentication, message: 'Authentication error' }]);
    }
    await next();
  });

  app.use(`${BASE}/*`, async (c, next) => {
    if (c.req.param('account_id') !== ctx.accountId) return fail(c, 403, [ACCOUNT_FORBIDDEN]);
    await next();
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        fail(c, 413, [{ code: ERROR_CODES.invalidInput, message: `body: must be at most ${MAX_BODY_BYTES} bytes`, path: ['body'] }]),
    }),
  );

  const templates = [
    ...registerGatewayRoutes(app, BASE, ctx),
    ...registerDatasetRoutes(app, BASE, ctx),
    ...registerEvaluationRoutes(app, BASE, ctx),
    ...registerEvaluationTypeRoutes(app, BASE, ctx),
    ...registerLogRoutes(app, BASE, ctx),
    ...registerAnalysisRoutes(app, BASE, ctx),
  ];
  // Registered after the real handlers, so these only see methods a known path does not take.
  for (const template of templates) {
    app.all(template, (c) => fail(c, 405, [{ code: ERROR_CODES.methodNotAllowed, message: `Method ${c.req.method} not allowed` }]));
  }

  app.notFound((c) => fail(c, 404, [{ code: ERROR_CODES.noRoute, message: 'No route for the URI' }]));
  app.onError((error, c) => {
    console.error('local gateway: unexpected error', error);
    return fail(c, 500, [{ code: ERROR_CODES.internal, message: 'Internal error' }]);
  });
  return app;
}
