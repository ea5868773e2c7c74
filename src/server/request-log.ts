import type { MiddlewareHandler } from 'hono';

/** One line per request: method, path (never the query, never a header), status, milliseconds. */
export function requestLog(write: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    write(`${c.req.method} ${c.req.path.slice(0, 300)} ${c.res.status} ${ms}ms`);
  };
}
