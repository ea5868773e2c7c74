import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_MIN_BYTES, pickEncoding } from './compression.ts';
import { createApp } from './app.ts';
import { localApp } from './test-support/local.ts';
import { createUpstream } from './upstream.ts';

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('pickEncoding', () => {
  it('takes br or gzip by q, br on a tie, and nothing the client refuses', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip, br;q=0.5')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('deflate')).toBeUndefined();
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*;q=0, identity')).toBeUndefined();
    expect(pickEncoding(undefined)).toBeUndefined();
    expect(pickEncoding('')).toBeUndefined();
  });
});

describe('JSON answers', () => {
  let ctx: Awaited<ReturnType<typeof localApp>>;
  beforeAll(async () => {
    ctx = await localApp({ seedLogs: 100 });
  });
  afterAll(() => ctx.close());
  const list = '/api/gateways/default/logs?per_page=50';

  it('a list goes out brotli- or gzip-compressed as the client accepts, with Vary, and decodes to the same JSON', async () => {
    const plain = await ctx.app.request(list);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const raw = await bytes(plain);
    expect(raw.byteLength).toBeGreaterThan(COMPRESS_MIN_BYTES);

    const br = await ctx.app.request(list, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/^application\/json/);
    expect(br.headers.get('content-security-policy')).toBeTruthy();
    const brBody = await bytes(br);
    expect(Number(br.headers.get('content-length'))).toBe(brBody.byteLength);
    expect(brBody.byteLength).toBeLessThan(raw.byteLength / 3);
    expect(JSON.parse(brotliDecompressSync(brBody).toString())).toEqual(JSON.parse(raw.toString()));

    const gz = await ctx.app.request(list, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await bytes(gz)).toString())).toEqual(JSON.parse(raw.toString()));
  });

  it('a small answer, an error envelope under the threshold and a HEAD go out as they are', async () => {
    const health = await ctx.app.request('/api/health', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(await health.json()).toMatchObject({ success: true });
    const missing = await ctx.app.request('/api/nothing-here', { headers: { 'accept-encoding': 'br' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect(await missing.json()).toMatchObject({ success: false });
  });
});

describe('static assets', () => {
  let dir: string;
  const js = `export const a = ${JSON.stringify('x'.repeat(5000))};\n`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(600)}</svg>`;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bff-static-'));
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), `<!doctype html><title>spa</title>${'<!-- pad -->'.repeat(200)}`);
    await writeFile(join(dir, 'assets/index-abc123.js'), js);
    // What the build writes beside each asset (vite.config.ts): the server sends these bytes unchanged.
    await writeFile(join(dir, 'assets/index-abc123.js.br'), brotliCompressSync(js));
    await writeFile(join(dir, 'assets/index-abc123.js.gz'), gzipSync(js));
    await writeFile(join(dir, 'assets/logo-def456.svg'), svg);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const app = () => createApp({ upstream: createUpstream({ mode: 'cloudflare', accountId: 'a'.repeat(32), apiToken: 'x'.repeat(20) }), distDir: dir, log: () => {} });

  it('a hashed asset is sent precompressed, immutable, with Vary; without Accept-Encoding it is sent raw', async () => {
    const br = await app().request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(js);

    const gz = await app().request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(js);

    const raw = await app().request('/assets/index-abc123.js');
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(raw.headers.get('cache-control')).toContain('immutable');
    expect((await bytes(raw)).toString()).toBe(js);
  });

  it('an asset the build did not precompress, and the SPA page, are compressed per answer', async () => {
    const svgRes = await app().request('/assets/logo-def456.svg', { headers: { 'accept-encoding': 'gzip' } });
    expect(svgRes.headers.get('content-encoding')).toBe('gzip');
    expect(svgRes.headers.get('cache-control')).toContain('immutable');
    expect(gunzipSync(await bytes(svgRes)).toString()).toBe(svg);
    const page = await app().request('/datasets', { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(await bytes(page)).toString()).toContain('<title>spa</title>');
  });
});
