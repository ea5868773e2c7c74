import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAIN_MAX_BYTES } from './connection.ts';
import { loadEnv } from './env.ts';
import { startServer, type ServerHandle } from './main.ts';
import { MAX_BODY_BYTES } from './security.ts';

/** A keep-alive client with one socket, so a second request can only go over the first one's connection. */
function keepAliveClient(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (
    method: string,
    path: string,
    o: { body?: Buffer | string; headers?: Record<string, string>; chunked?: boolean } = {},
  ) =>
    new Promise<{ status: number; connection: string | undefined; reusedSocket: boolean; body: string }>((resolve, reject) => {
      const headers: Record<string, string> = { ...o.headers };
      if (o.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        if (!o.chunked) headers['content-length'] = String(Buffer.byteLength(o.body));
      }
      const req = http.request(`${base}${path}`, { method, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, reusedSocket: req.reusedSocket, body: text }));
      });
      req.on('error', reject);
      if (o.body !== undefined) {
        const bytes = Buffer.from(o.body);
        // Chunked: several writes without a length, as a streaming client would send them.
        if (o.chunked) for (let at = 0; at < bytes.length; at += 64 * 1024) req.write(bytes.subarray(at, at + 64 * 1024));
        else req.write(bytes);
      }
      req.end();
    });
  return { send, close: () => agent.destroy() };
}

const datasetPath = '/api/gateways/default/datasets/some-id';

async function startOn(dir: string, extra: Record<string, string> = {}) {
  const env = loadEnv({ PORT: '0', DATA_DIR: dir, SEED_LOGS: '20', ...extra });
  if (!env.ok) throw new Error(env.message);
  return startServer(env.env, { distDir: join(dir, 'no-dist'), log: () => {} });
}

let dir: string;
let open: ServerHandle;
let guarded: ServerHandle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bff-keep-alive-'));
  open = await startOn(join(dir, 'open'));
  guarded = await startOn(join(dir, 'guarded'), { DASHBOARD_SECRET: 'a-dashboard-secret-of-some-length' });
});
afterAll(async () => {
  await open?.close();
  await guarded?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a refused request leaves its keep-alive connection usable', () => {
  it('oversized PUT → 413, then a GET on the same connection → 200', async () => {
    const client = keepAliveClient(open.url);
    const refused = await client.send('PUT', datasetPath, { body: Buffer.alloc(MAX_BODY_BYTES + 40 * 1024, 'a'), headers: { origin: open.url } });
    expect(refused.status).toBe(413);
    expect(refused.connection).toBe('keep-alive');
    expect(JSON.parse(refused.body)).toMatchObject({ success: false, errors: [{ path: ['body'] }] });
    const next = await client.send('GET', '/api/health');
    expect(next).toMatchObject({ status: 200, reusedSocket: true });
    client.close();
  });

  it('a cross-origin POST (403), then a GET on the same connection → 200', async () => {
    const client = keepAliveClient(open.url);
    const refused = await client.send('POST', '/api/gateways/default/datasets', {
      body: JSON.stringify({ name: 'x'.repeat(100_000) }),
      headers: { origin: 'http://evil.example' },
    });
    expect(refused).toMatchObject({ status: 403, connection: 'keep-alive' });
    expect(await client.send('GET', '/api/health')).toMatchObject({ status: 200, reusedSocket: true });
    client.close();
  });

  it('a foreign host name (403), then a GET on the same connection → 200', async () => {
    const client = keepAliveClient(open.url);
    const refused = await client.send('PUT', datasetPath, { body: JSON.stringify({ name: 'x'.repeat(100_000) }), headers: { host: 'evil.example' } });
    expect(refused).toMatchObject({ status: 403, connection: 'keep-alive' });
    expect(await client.send('GET', '/api/health')).toMatchObject({ status: 200, reusedSocket: true });
    client.close();
  });

  it('no session (401), then a request on the same connection is answered', async () => {
    const client = keepAliveClient(guarded.url);
    const refused = await client.send('PUT', datasetPath, { body: JSON.stringify({ name: 'x'.repeat(100_000) }), headers: { origin: guarded.url } });
    expect(refused).toMatchObject({ status: 401, connection: 'keep-alive' });
    expect(await client.send('GET', '/api/health')).toMatchObject({ status: 200, reusedSocket: true });
    client.close();
  });

  it('a body too large to drain is not read: the answer closes the connection and the next request opens a new one', async () => {
    const client = keepAliveClient(open.url);
    const refused = await client.send('PUT', datasetPath, { body: Buffer.alloc(DRAIN_MAX_BYTES + 1, 'a'), headers: { origin: open.url } });
    expect(refused).toMatchObject({ status: 413, connection: 'close' });
    expect(await client.send('GET', '/api/health')).toMatchObject({ status: 200, reusedSocket: false });
    client.close();
  });

  it('an oversized chunked body, refused while being read, closes the connection; the next request succeeds', async () => {
    const client = keepAliveClient(open.url);
    const refused = await client.send('PUT', datasetPath, {
      body: JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES + 1000) }),
      headers: { origin: open.url },
      chunked: true,
    });
    expect(refused).toMatchObject({ status: 413, connection: 'close' });
    expect(await client.send('GET', '/api/health')).toMatchObject({ status: 200, reusedSocket: false });
    client.close();
  });
});
