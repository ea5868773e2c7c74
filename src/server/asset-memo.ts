import type { MiddlewareHandler } from 'hono';

/** Enough for every build's scripts, styles and their compressed copies, several builds over. */
export const ASSET_MEMO_MAX_BYTES = 64 * 1024 * 1024;

interface Answer {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

/**
 * Which precompressed copies a request accepts, as `serveStatic` reads `Accept-Encoding` (exact tokens):
 * requests that accept the same ones get the same answer, whatever else their header says.
 */
function acceptedCopies(header: string | undefined): string {
  const tokens = new Set(header?.split(',').map((t) => t.trim()));
  return ['br', 'zstd', 'gzip'].filter((e) => tokens.has(e)).join(',');
}

/**
 * Keeps the fingerprinted assets' answers in memory once they have been read. Their names change with
 * their content, so an answer never goes stale. Read from disk, every script is opened, read in chunks and
 * closed by the thread pool, each step a callback queued on the one serving thread. Under load that queue
 * was the main script's wait (p99 several times the datasets list's). From memory it is one write.
 *
 * The key is the path and the precompressed copies the request accepts (see acceptedCopies). Only a whole
 * 200 answer to a GET without `Range` is kept. An answer that would pass `maxBytes` is streamed as it
 * comes and not kept, so a server up across many rebuilds does not grow without bound.
 */
export function memoizeImmutableAnswers(serve: MiddlewareHandler, maxBytes = ASSET_MEMO_MAX_BYTES): MiddlewareHandler {
  const kept = new Map<string, Answer>();
  let keptBytes = 0;
  return async (c, next) => {
    if (c.req.method !== 'GET' || c.req.header('range')) return serve(c, next);
    const key = `${c.req.path}\n${acceptedCopies(c.req.header('accept-encoding'))}`;
    const hit = kept.get(key);
    if (hit) return new Response(hit.body, { status: hit.status, headers: hit.headers });
    const res = await serve(c, next);
    if (!(res instanceof Response) || res.status !== 200 || !res.body) return res;
    // serveStatic states the size; one that would not fit goes out streamed, never held whole.
    const size = Number(res.headers.get('content-length') ?? Number.NaN);
    if (!(size <= maxBytes - keptBytes)) return res;
    const body = new Uint8Array(await res.arrayBuffer());
    const answer: Answer = { status: res.status, headers: [...res.headers], body };
    // Requests that arrived together all read the file; the first one kept counts, once.
    if (!kept.has(key) && keptBytes + body.byteLength <= maxBytes) {
      kept.set(key, answer);
      keptBytes += body.byteLength;
    }
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}
