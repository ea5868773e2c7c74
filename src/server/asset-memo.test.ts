import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { Hono, type MiddlewareHandler } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoizeImmutableAnswers } from './asset-memo.ts';
import { createApp } from './app.ts';
import { createUpstream } from './upstream.ts';

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('fingerprinted assets from memory', () => {
  let dir: string;
  const js = `export const b = ${JSON.stringify('y'.repeat(4000))};\n`;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-memo-'));
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>spa</title>');
    await writeFile(join(dir, 'assets/page-1a2b3c.js'), js);
    await writeFile(join(dir, 'assets/page-1a2b3c.js.br'), brotliCompressSync(js));
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const app = () => createApp({ upstream: createUpstream({ mode: 'cloudflare', accountId: 'a'.repeat(32), apiToken: 'x'.repeat(20) }), distDir: dir, log: () => {} });

  it('serves an asset read once, in each encoding asked for, with the same bytes and headers as the first answer', async () => {
    const server = app();
    const firstBr = await server.request('/assets/page-1a2b3c.js', { headers: { 'accept-encoding': 'gzip, br' } });
    const firstRaw = await server.request('/assets/page-1a2b3c.js');
    const brBody = await bytes(firstBr);
    // Gone from disk (a rebuild replaced it): the kept answers still go out whole.
    await rm(join(dir, 'assets'), { recursive: true });
    const againBr = await server.request('/assets/page-1a2b3c.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(againBr.status).toBe(200);
    expect(againBr.headers.get('content-encoding')).toBe('br');
    expect(againBr.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(againBr.headers.get('content-length')).toBe(firstBr.headers.get('content-length'));
    expect(againBr.headers.get('vary')).toMatch(/accept-encoding/i);
    const againBody = await bytes(againBr);
    expect(againBody.equals(brBody)).toBe(true);
    expect(brotliDecompressSync(againBody).toString()).toBe(js);
    const againRaw = await server.request('/assets/page-1a2b3c.js');
    expect(againRaw.headers.get('content-encoding')).toBeNull();
    expect((await bytes(againRaw)).toString()).toBe(js);
    expect(firstRaw.status).toBe(200);
    // An encoding not asked for before is not invented from memory.
    expect((await server.request('/assets/page-1a2b3c.js', { headers: { 'accept-encoding': 'gzip' } })).status).toBe(404);
  });

  it('reads files outside /assets (not fingerprinted) from disk on every request', async () => {
    const server = app();
    expect((await server.request('/favicon.svg')).status).toBe(200);
    await rm(join(dir, 'favicon.svg'));
    expect((await server.request('/favicon.svg')).status).toBe(404);
  });

  it('keeps neither partial answers nor HEAD, and serves them from disk', async () => {
    const server = app();
    const part = await server.request('/assets/page-1a2b3c.js', { headers: { range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect((await bytes(part)).toString()).toBe(js.slice(0, 10));
    expect((await server.request('/assets/page-1a2b3c.js', { method: 'HEAD' })).status).toBe(200);
    await rm(join(dir, 'assets'), { recursive: true });
    expect((await server.request('/assets/page-1a2b3c.js')).status).toBe(404);
  });
});

describe('memoizeImmutableAnswers', () => {
  /** A handler answering `size` bytes for any path, counting how often it ran. */
  const counting = (size: number) => {
    const calls = { n: 0 };
    const serve: MiddlewareHandler = async (c) => {
      calls.n++;
      // serveStatic states each file's size, as here.
      return c.body(new Uint8Array(size).fill(7), 200, { 'content-type': 'application/javascript', 'content-length': String(size) });
    };
    return { calls, serve };
  };

  it('stops keeping answers past its byte budget, and still answers them whole', async () => {
    const { calls, serve } = counting(600);
    const app = new Hono().get('*', memoizeImmutableAnswers(serve, 1000));
    for (const path of ['/a.js', '/a.js', '/b.js', '/b.js']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect((await bytes(res)).byteLength).toBe(600);
    }
    // /a.js kept (600 of 1,000 bytes); /b.js would pass the budget, so it is read each time.
    expect(calls.n).toBe(3);
  });

  it('counts an asset asked for by several requests at once once, so the budget keeps room for the next', async () => {
    let reads = 0;
    const memo = memoizeImmutableAnswers(async (c) => {
      reads++;
      const size = c.req.path === '/a.js' ? 400 : 300;
      return c.body(new Uint8Array(size), 200, { 'content-length': String(size) });
    }, 1000);
    const app = new Hono().get('*', memo);
    await Promise.all([app.request('/a.js'), app.request('/a.js')]);
    // Both read the file; 400 of 1,000 bytes are counted, once, so /c.js (300) is kept too.
    await app.request('/c.js');
    await app.request('/c.js');
    await app.request('/a.js');
    expect(reads).toBe(3);
  });

  it('shares one kept answer between requests accepting the same copies, and keeps apart those that do not', async () => {
    const { calls, serve } = counting(100);
    const app = new Hono().get('*', memoizeImmutableAnswers(serve));
    await app.request('/a.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    await app.request('/a.js', { headers: { 'accept-encoding': 'zstd, br, gzip' } });
    expect(calls.n).toBe(1);
    await app.request('/a.js', { headers: { 'accept-encoding': 'gzip' } });
    await app.request('/a.js');
    expect(calls.n).toBe(3);
  });

  it('streams an answer whose size is not stated, or would pass the budget, without keeping it', async () => {
    let n = 0;
    const unsized: MiddlewareHandler = async (c) => {
      n++;
      return c.body(new Uint8Array(10), 200);
    };
    const app = new Hono().get('*', memoizeImmutableAnswers(unsized));
    expect((await bytes(await app.request('/x.js'))).byteLength).toBe(10);
    expect((await bytes(await app.request('/x.js'))).byteLength).toBe(10);
    expect(n).toBe(2);
  });

  it('does not keep an answer that is not a 200', async () => {
    let n = 0;
    const serve: MiddlewareHandler = async (c) => {
      n++;
      return c.body('missing', 404);
    };
    const app = new Hono().get('*', memoizeImmutableAnswers(serve));
    expect((await app.request('/x.js')).status).toBe(404);
    expect((await app.request('/x.js')).status).toBe(404);
    expect(n).toBe(2);
  });
});
