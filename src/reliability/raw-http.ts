import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RawRequest {
  method: string;
  /** Sent byte for byte: no URL normalisation, so `..`, `%2F` and friends reach the server as written. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Stream the body without content-length (chunked), so a size limit cannot trust the header. */
  chunked?: boolean;
}

/**
 * One HTTP/1.1 request over a fresh socket with node:http, which (unlike fetch) does not resolve `..` or
 * re-encode the path. Bounded: a server that stops answering fails the call after `timeoutMs`.
 */
export function rawRequest(baseURL: string, r: RawRequest, timeoutMs = 10_000): Promise<RawAnswer> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...r.headers };
    if (r.body !== undefined && !r.chunked) headers['content-length'] = String(Buffer.byteLength(r.body));
    const req = request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer to ${r.method} ${r.path.slice(0, 80)} within ${timeoutMs} ms`)));
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}
