import { Hono } from 'hono';
import { ok } from '../http.ts';
import { onlyMethods } from './deps.ts';

/** Answers without a session and without calling upstream: it says the server is up, nothing more. */
export function healthRoutes() {
  const r = new Hono();
  r.get('/health', (c) => ok(c, { ok: true }));
  onlyMethods(r, '/health', ['GET']);
  return r;
}
