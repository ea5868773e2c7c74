import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSessionEnvelopeSchema } from '../shared/api-session.ts';
import { loadEnv } from './env.ts';
import { startServer, type ServerHandle } from './main.ts';

let dir: string;
let server: ServerHandle;
const banner: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bff-main-'));
  await mkdir(join(dir, 'dist/assets'), { recursive: true });
  await writeFile(join(dir, 'dist/index.html'), '<!doctype html><title>spa</title><div id="root"></div>');
  await writeFile(join(dir, 'dist/assets/app-abc123.js'), 'console.log(1)');
  const env = loadEnv({ PORT: '0', DATA_DIR: join(dir, 'data'), SEED_LOGS: '200' });
  if (!env.ok) throw new Error(env.message);
  server = await startServer(env.env, { distDir: join(dir, 'dist'), log: (l) => banner.push(l) });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('startServer in local mode', () => {
  it('prints the URL, the mode, the account and where the token file is, never the token', async () => {
    const token = (await readFile(join(dir, 'data/local-gateway-token'), 'utf8')).trim();
    const text = banner.join('\n');
    expect(text).toContain(`AI Gateway Console on ${server.url}`);
    expect(text).toMatch(/Mode: local gateway \(account [0-9a-f]{32}\)/);
    expect(text).toContain(join(dir, 'data/local-gateway-token'));
    expect(token.length).toBeGreaterThan(10);
    expect(text).not.toContain(token);
  });

  it('serves /api through the SDK to the in-process gateway', async () => {
    const res = await fetch(`${server.url}/api/session`);
    expect(apiSessionEnvelopeSchema.parse(await res.json()).result.mode).toBe('local');
  });

  it('mounts the local gateway at /client/v4 with its own bearer auth', async () => {
    const token = (await readFile(join(dir, 'data/local-gateway-token'), 'utf8')).trim();
    const session = apiSessionEnvelopeSchema.parse(await (await fetch(`${server.url}/api/session`)).json()).result;
    const url = `${server.url}/client/v4/accounts/${session.account_id}/ai-gateway/gateways`;
    expect((await fetch(url)).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ success: true });
  });

  it('serves the SPA with history fallback, immutable assets, and never falls back under /api', async () => {
    const deep = await fetch(`${server.url}/evaluations/123/compare`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>spa</title>');
    const asset = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${server.url}/api/unknown`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ success: false, errors: [{ code: 7003 }] });
  });

  it('logs one line per request: method, path without query, status, ms', async () => {
    await fetch(`${server.url}/api/gateways?search=secret-query-value`);
    const line = banner.find((l) => l.startsWith('GET /api/gateways '));
    expect(line).toMatch(/^GET \/api\/gateways 200 \d+ms$/);
    expect(banner.join('\n')).not.toContain('secret-query-value');
  });

  it('close() stops listening', async () => {
    const other = loadEnv({ PORT: '0', DATA_DIR: join(dir, 'data2'), SEED_LOGS: '10' });
    if (!other.ok) throw new Error(other.message);
    const s = await startServer(other.env, { distDir: join(dir, 'none'), log: () => {} });
    expect(await (await fetch(`${s.url}/`)).text()).toContain('has not been built yet');
    await s.close();
    await expect(fetch(`${s.url}/api/health`)).rejects.toThrow();
  });
});
