import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/** Below this an answer goes out as it is: the encoding's framing would eat the saving. */
export const COMPRESS_MIN_BYTES = 1024;

/** Text that compresses well; images (other than SVG), fonts and archives already are compressed. */
const COMPRESSIBLE_TYPE = /^(application\/(json|javascript|manifest\+json)|text\/|image\/svg\+xml)/i;

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer in, from `Accept-Encoding`: the highest q among br and gzip (a `*` counts for
 * both), br on a tie since it is smaller; undefined when neither is acceptable.
 */
export function pickEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  if (br <= 0 && gzip <= 0) return undefined;
  return br >= gzip ? 'br' : 'gzip';
}

/**
 * Compresses an answer for the client. Brotli at quality 4 is about as fast as gzip's default and smaller;
 * the highest qualities cost tens of milliseconds per answer and are kept for the build's precompressed
 * assets (`vite.config.ts`), which `serveStatic` sends as they are.
 */
function encode(body: Uint8Array, encoding: Encoding): Uint8Array<ArrayBuffer> {
  const out =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
      : gzipSync(body);
  return new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength);
}

/**
 * Per-answer compression of JSON and other text the server writes (API answers, the SPA's HTML, any
 * asset the build did not precompress), when the client accepts br or gzip and the body is at least
 * {@link COMPRESS_MIN_BYTES}. Written here rather than with `hono/compress`, which offers neither brotli
 * nor a size threshold for answers without a Content-Length (every `c.json` answer).
 *
 * Answers already encoded (precompressed assets), partial, bodiless or marked `no-transform` pass as
 * they are. Any answer whose encoding depends on the request says `Vary: Accept-Encoding`.
 */
export const compressAnswers: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  // `res.body` is looked at last: on the server's lazy Response it materialises the body.
  if (c.req.method === 'HEAD' || [204, 206, 304].includes(res.status) || res.headers.has('content-encoding')) return;
  if (!COMPRESSIBLE_TYPE.test(res.headers.get('content-type') ?? '')) return;
  if (/(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get('cache-control') ?? '')) return;
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared < COMPRESS_MIN_BYTES) return;
  const vary = res.headers.get('vary');
  if (!vary || !/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  const encoding = pickEncoding(c.req.header('accept-encoding'));
  if (!encoding || !res.body) return;

  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await res.arrayBuffer());
  } catch (error) {
    // A body that fails while read (a dropped upstream) fails the same way for the client: its
    // connection is dropped, instead of the failure turning into an answer here.
    (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing?.destroy();
    c.res = new Response(new ReadableStream({ start: (controller) => controller.error(error) }), res);
    return;
  }
  // Read once to learn its size: a small one goes out as read.
  const packed = body.byteLength < COMPRESS_MIN_BYTES ? undefined : encode(body, encoding);
  c.res = new Response(packed ?? body, res);
  if (!packed) return;
  c.res.headers.set('content-encoding', encoding);
  c.res.headers.set('content-length', String(packed.byteLength));
  const etag = c.res.headers.get('etag');
  if (etag && !etag.startsWith('W/')) c.res.headers.set('etag', `W/${etag}`);
};
