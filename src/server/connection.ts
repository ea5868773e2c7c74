import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { MAX_BODY_BYTES } from './security.ts';

/**
 * A body left unread is read and discarded up to this many bytes before the answer goes out; a larger
 * one is not read at all and the answer says `Connection: close` instead.
 */
export const DRAIN_MAX_BYTES = 4 * MAX_BODY_BYTES;

const hasBody = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/** Reads `body` to its end and drops it; false when it runs past `max` bytes (then reading stops). */
async function discard(body: ReadableStream<Uint8Array>, max: number): Promise<boolean> {
  const reader = body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      bytes += value.byteLength;
      if (bytes > max) return false;
    }
  } catch {
    return false;
  } finally {
    reader.releaseLock();
  }
}

/**
 * Keeps a keep-alive connection usable after an answer that did not read the request's body: a refusal
 * (host check, body limit, CSRF, session) answers before reading, and the unread bytes would otherwise sit
 * in front of the client's next request on the same connection. The body is drained here, before the
 * answer is sent, when it is small enough; otherwise (too large, or partly read by a route that gave up)
 * the answer closes the connection, so the client's next request opens a new one instead of landing on a
 * dead socket.
 *
 * Runs on a real listening server only (`c.env.incoming` is Node's request); `app.request()` has no socket.
 */
export const keepConnectionUsable: MiddlewareHandler = async (c, next) => {
  await next();
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableEnded || !hasBody(incoming)) return;
  const declared = Number(incoming.headers['content-length'] ?? 0);
  const body = c.req.raw.body;
  if (!c.req.raw.bodyUsed && body && declared <= DRAIN_MAX_BYTES && (await discard(body, DRAIN_MAX_BYTES))) return;
  c.res.headers.set('connection', 'close');
};
