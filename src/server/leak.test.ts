import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';
import { startServer, type ServerHandle } from './main.ts';
import { API_ROUTES, initOf } from './test-support/api-routes.ts';
import { ACCOUNT, startFakeUpstream, type FakeUpstream } from './test-support/fake-upstream.ts';
import { startWithFaults } from './test-support/start-with-faults.ts';

const CANARY = `LEAKCANARY-${randomBytes(12).toString('hex')}`;

let fake: FakeUpstream;
let server: ServerHandle;
const logLines: string[] = [];

beforeAll(async () => {
  fake = await startFakeUpstream();
  const env = loadEnv({ PORT: '0', CLOUDFLARE_API_TOKEN: CANARY, CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_BASE_URL: fake.baseURL });
  if (!env.ok) throw new Error(env.message);
  server = await startServer(env.env, { distDir: resolve('dist'), log: (l) => logLines.push(l), upstreamTimeoutMs: 2_000 });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

function expectNoCanary(where: string, text: string) {
  expect(text.includes(CANARY), `token found in ${where}`).toBe(false);
  // Also no recognisable fragment of it (say, a truncated echo).
  expect(text.includes(CANARY.slice(11, 31)), `token fragment found in ${where}`).toBe(false);
}

async function check(path: string, init?: RequestInit) {
  const res = await fetch(`${server.url}${path}`, { redirect: 'manual', ...init, headers: { ...(init?.headers as Record<string, string>), origin: server.url } });
  const body = await res.text();
  expectNoCanary(`${init?.method ?? 'GET'} ${path} body`, body);
  expectNoCanary(`${init?.method ?? 'GET'} ${path} headers`, JSON.stringify([...res.headers]));
  return res.status;
}

describe('the upstream token never leaves the server', () => {
  it('the upstream did receive it (so the test can fail)', async () => {
    await check('/api/gateways');
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${CANARY}`);
  });

  it('no route answer carries it: successes, upstream errors echoing it, 404/405, pages', async () => {
    for (const call of API_ROUTES) expect(await check(call.path, initOf(call)), call.path).toBeLessThan(300);

    // An upstream that echoes the credential in its error message: the server scrubs it.
    fake.answer((req, c) => c.json({ success: false, errors: [{ code: 10000, message: `bad token ${req.headers.authorization}` }] }, 403));
    for (const call of API_ROUTES.filter((r) => r.path !== '/api/session')) await check(call.path, initOf(call));
    fake.answer((req, c) => c.json({ success: false, errors: [{ code: 1, message: req.headers.authorization ?? '' }] }, 200));
    await check('/api/gateways');
    fake.answer((req) => new Response(`<html>${req.headers.authorization}</html>`, { status: 502 }));
    await check('/api/evaluation-types');
    fake.reset();

    for (const path of ['/', '/datasets', '/login', '/api/health', '/api/nope', '/api/gateways/BAD!/datasets', '/client/v4/accounts']) await check(path);
    await check('/api/gateways', { method: 'DELETE' });
  });

  it('the server log (banner and request lines) does not carry it', () => {
    expect(logLines.length).toBeGreaterThan(10);
    expectNoCanary('server log', logLines.join('\n'));
  });

  it('a dashboard built with the token in its environment does not carry it', async () => {
    // Vite inlines env variables it is told to expose; build with the canary set to prove none reaches the bundle.
    const outDir = mkdtempSync(join(tmpdir(), 'leak-dist-'));
    const saved = process.env.CLOUDFLARE_API_TOKEN;
    process.env.CLOUDFLARE_API_TOKEN = CANARY;
    try {
      const { build } = await import('vite');
      await build({ root: resolve('.'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
      const files = walk(outDir);
      expect(files.some((f) => f.endsWith('.js'))).toBe(true);
      for (const file of files) expectNoCanary(file, readFileSync(file, 'latin1'));
    } finally {
      if (saved === undefined) delete process.env.CLOUDFLARE_API_TOKEN;
      else process.env.CLOUDFLARE_API_TOKEN = saved;
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the local gateway token never leaves the server either (local mode)', () => {
  let dir: string;
  let local: ServerHandle;
  let token: string;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leak-local-'));
    const env = loadEnv({ PORT: '0', DATA_DIR: dir, SEED_LOGS: '200' });
    if (!env.ok) throw new Error(env.message);
    // The test entry point, so the test-control route is scanned too.
    local = (await startWithFaults(env.env, {}, { distDir: resolve('dist'), log: (l) => lines.push(l) })).server;
    token = (await readFile(join(dir, 'local-gateway-token'), 'utf8')).trim();
  });
  afterAll(async () => {
    await local?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function scan(path: string, init: RequestInit = {}) {
    const res = await fetch(`${local.url}${path}`, { redirect: 'manual', ...init, headers: { ...(init.headers as Record<string, string>), origin: local.url } });
    const text = `${await res.text()}\n${JSON.stringify([...res.headers])}`;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(text.includes(token), `local token in ${init.method ?? 'GET'} ${path}`).toBe(false);
    expect(text.includes(token.slice(4, 24)), `local token fragment in ${init.method ?? 'GET'} ${path}`).toBe(false);
    return res.status;
  }

  it('no route, page, error or the test-control route carries it, and the log names only its file', async () => {
    const first = async (list: string) => ((await (await fetch(`${local.url}/api/gateways/default/${list}?per_page=1`)).json()) as { result: { id: string }[] }).result[0]!.id;
    const ids: Record<string, string> = { 'gw-1': 'default', ds1: await first('datasets'), ev1: await first('evaluations'), log1: await first('logs') };
    ids.et1 = ((await (await fetch(`${local.url}/api/evaluation-types`)).json()) as { result: { id: string }[] }).result[0]!.id;
    const real = (text: string) => text.replace(/\b(gw-1|ds1|ev1|et1|log1)\b/g, (m) => ids[m]!);
    // Deletes last, so the other calls still find their resources.
    const ordered = [...API_ROUTES.filter((r) => r.method !== 'DELETE'), ...API_ROUTES.filter((r) => r.method === 'DELETE')];
    for (const call of ordered) {
      const init = initOf({ ...call, body: call.body === undefined ? undefined : JSON.parse(real(JSON.stringify(call.body))) });
      expect(await scan(real(call.path), init), `${call.method} ${call.path}`).toBeLessThan(300);
    }
    for (const path of ['/', '/datasets', '/api/nope', '/api/gateways/BAD!/datasets', '/api/gateways/default/datasets/missing', '/api/test/faults']) await scan(path);
    // The local gateway's own API, refused without the token: the refusal does not hint at it.
    await scan('/client/v4/accounts/x/ai-gateway/gateways');
    await scan('/client/v4/accounts/x/ai-gateway/gateways', { headers: { authorization: `Bearer ${token.slice(0, -1)}x` } });
    expect(lines.join('\n')).toContain(join(dir, 'local-gateway-token'));
    expect(lines.join('\n').includes(token)).toBe(false);
  });
});
