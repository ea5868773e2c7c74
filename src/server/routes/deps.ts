import type { Hono } from 'hono';
import { ERROR_CODES } from '../../shared/envelope.ts';
import { RequestError } from '../http.ts';
import type { Upstream } from '../upstream.ts';

export interface RouteDeps {
  upstream: Upstream;
}

/**
 * Registered after a path's real handlers: any other method on a known path is a 405 in the envelope
 * (with `Allow`), not a 404, so a client bug reads as what it is.
 */
export function onlyMethods(router: Hono, path: string, methods: string[]) {
  router.all(path, () => {
    throw new RequestError(405, [{ code: ERROR_CODES.methodNotAllowed, message: `Method not allowed; use ${methods.join(', ')}` }], {
      allow: methods.join(', '),
    });
  });
}
