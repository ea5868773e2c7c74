import { Hono } from 'hono';
import { ERROR_CODES } from '../../shared/envelope.ts';
import { jsonBody, ok, RequestError } from '../http.ts';
import { onlyMethods } from '../routes/deps.ts';

/** What the test-control route needs of the local gateway's fault settings (a `FaultController`). */
export interface FaultSwitch {
  get(): unknown;
  /** Throws (a zod error) on settings it does not accept. */
  set(settings: unknown): unknown;
}

/**
 * TEST-ONLY: `/api/test/faults` reads (GET), replaces (PUT) or clears (DELETE) the local gateway's fault
 * settings at run time, so an end-to-end journey can break the upstream and then mend it. Mounted only by
 * the test entry point (`start-with-faults.ts`), never by the product's; it sits behind the same CSRF and
 * session checks as every other /api route.
 */
export function testControlRoutes(faults: FaultSwitch) {
  const r = new Hono();
  const path = '/test/faults';
  r.get(path, (c) => ok(c, faults.get()));
  r.put(path, async (c) => {
    const body = await jsonBody(c);
    try {
      return ok(c, faults.set(body));
    } catch {
      throw new RequestError(400, [
        { code: ERROR_CODES.invalidInput, message: 'body: must be fault settings (latencyMs, errorRate, rateLimitEvery, retryAfterSeconds, dropRate)', path: ['body'] },
      ]);
    }
  });
  r.delete(path, (c) => ok(c, faults.set({})));
  onlyMethods(r, path, ['GET', 'PUT', 'DELETE']);
  return r;
}
