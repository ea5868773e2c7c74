import type { MiddlewareHandler } from 'hono';

/** Enough for every build's scripts, styles and their compressed copies, several builds over. */
export const ASSET_MEMO_MAX_BYTES = 64 * 1024 * 1024;

interface Answer {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

/**
 * Keeps the fingerprinted assets' answers in memory once they have been read. Their names change with
 * their content, so an answer never goes stale. Read from disk, every script is opened, read in chunks and
 * closed by the thread pool, each step a callback queued on the one serving thread. Under load that queue
 * was the main script's wait (p99 several times the datasets list's). From memory it is one write.
 *
 * The key includes `Accept-Encoding`, which picks the precompressed copy served (browsers send one fixed
 * value). Only a whole 200 answer to a GET without `Range` is kept. Past `maxBytes` answers are served as
 * they come, unkept: a server up across many rebuilds does not grow without bound.
 */
export function memoizeImmutableAnswers(serve: MiddlewareHandler, maxBytes = ASSET_MEMO_MAX_BYTES): MiddlewareHandler {
  const kept = new Map<string, Answer>();
  let keptBytes = 0;
  return async (c, next) => {
    if (c.req.method !== 'GET' || c.req.header('range')) return serve(c, next);
    const key = `${c.req.path}\n${c.req.header('accept-encoding') ?? ''}`;
    const hit = kept.get(key);
    if (hit) return new Response(hit.body, { status: hit.status, headers: hit.headers });
    const res = await serve(c, next);
    if (!(res instanceof Response) || res.status !== 200 || !res.body) return res;
    const body = new Uint8Array(await res.arrayBuffer());
    const answer: Answer = { status: res.status, headers: [...res.headers], body };
    if (keptBytes + body.byteLength <= maxBytes) {
      kept.set(key, answer);
      keptBytes += body.byteLength;
    }
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}
