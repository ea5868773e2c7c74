import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '../shared/envelope.ts';
import { loadEnv } from '../server/env.ts';
import { startServer, type ServerHandle } from '../server/main.ts';
import { ACCOUNT, fixtures, startFakeUpstream, type FakeUpstream } from '../server/test-support/fake-upstream.ts';
import { API_CASES, GATEWAY_CASES, ODD_BUT_VALID_NAMES, SQL_FRAGMENTS, type BadCase } from './bad-input-cases.ts';
import { rawRequest, type RawAnswer } from './raw-http.ts';
import { storeChecksum } from './store-checksum.ts';

// Every case runs against a real listening server (node:http sends the path byte for byte), first on the
// local gateway, where the store must not change, then pointed at a recording fake of Cloudflare, which
// must receive nothing.

interface Ids {
  dataset: string;
  evaluation: string;
  evaluation_type: string;
  log: string;
  account: string;
}

const fill = (text: string, ids: Ids) => text.replace(/\{(dataset|evaluation_type|evaluation|log|account)\}/g, (_m, k: keyof Ids) => ids[k]);

function send(baseURL: string, c: BadCase, ids: Ids, extraHeaders: Record<string, string> = {}): Promise<RawAnswer> {
  const body = c.body === undefined ? undefined : fill(typeof c.body === 'string' ? c.body : JSON.stringify(c.body), ids);
  const contentType = c.contentType === undefined ? (body !== undefined ? 'application/json' : undefined) : c.contentType;
  return rawRequest(baseURL, {
    method: c.method,
    path: fill(c.path, ids),
    headers: { origin: baseURL, ...(contentType ? { 'content-type': contentType } : {}), ...extraHeaders, ...c.headers },
    body,
    chunked: c.chunked,
  });
}

function expectRefusal(c: BadCase, answer: RawAnswer) {
  const expected = Array.isArray(c.status) ? c.status : [c.status];
  expect(expected, `${c.name}: status ${answer.status} ${answer.text.slice(0, 300)}`).toContain(answer.status);
  const envelope = errorEnvelopeSchema.parse(JSON.parse(answer.text));
  const first = envelope.errors[0]!;
  const named = c.names.test(first.path?.join('.') ?? '') || c.names.test(first.message);
  expect(named, `${c.name}: the answer names the problem (${JSON.stringify(first).slice(0, 300)})`).toBe(true);
  // An error message is for people: bounded, whatever the size of the input.
  expect(answer.text.length, `${c.name}: answer size`).toBeLessThan(8_000);
}

async function expectUp(baseURL: string) {
  const health = await rawRequest(baseURL, { method: 'GET', path: '/api/health' });
  expect(health.status).toBe(200);
}

async function get<T>(baseURL: string, path: string): Promise<T> {
  const res = await fetch(`${baseURL}${path}`);
  expect(res.status, path).toBe(200);
  return ((await res.json()) as { result: T }).result;
}

describe('bad input on the local gateway: refused, named, the store untouched', () => {
  let dataDir: string;
  let server: ServerHandle;
  let ids: Ids;
  let before: ReturnType<typeof storeChecksum>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bad-input-'));
    const env = loadEnv({ PORT: '0', DATA_DIR: dataDir, SEED_LOGS: '300' });
    if (!env.ok) throw new Error(env.message);
    server = await startServer(env.env, { log: () => {}, distDir: join(dataDir, 'no-dist') });
    const [dataset] = await get<{ id: string }[]>(server.url, '/api/gateways/default/datasets?per_page=1');
    const [evaluation] = await get<{ id: string }[]>(server.url, '/api/gateways/default/evaluations?per_page=1');
    const [type] = await get<{ id: string }[]>(server.url, '/api/evaluation-types');
    const [log] = await get<{ id: string }[]>(server.url, '/api/gateways/default/logs?per_page=1');
    const session = await get<{ account_id: string }>(server.url, '/api/session');
    ids = { dataset: dataset!.id, evaluation: evaluation!.id, evaluation_type: type!.id, log: log!.id, account: session.account_id };
    before = storeChecksum(dataDir);
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the corpus is large enough and covers every /api route and method', () => {
    expect(API_CASES.length + GATEWAY_CASES.length).toBeGreaterThanOrEqual(60);
    const routes = new Set(API_CASES.map((c) => c.path.split('?')[0]!.replace(/\/(datasets|evaluations|logs)\/[^/]+$/, '/$1/:id').replace(/^\/api\/gateways\/[^/]+/, '/api/gateways/:gw')));
    for (const r of ['/api/gateways', '/api/gateways/:gw/datasets', '/api/gateways/:gw/datasets/:id', '/api/gateways/:gw/evaluations', '/api/gateways/:gw/evaluations/:id', '/api/gateways/:gw/logs', '/api/gateways/:gw/logs/:id', '/api/evaluation-types', '/api/session', '/api/health'])
      expect(routes, r).toContain(r);
  });

  it.for(API_CASES)('/api: $name', async (c) => {
    expectRefusal(c, await send(server.url, c, ids));
    await expectUp(server.url);
  });

  it.for(GATEWAY_CASES)('/client/v4: $name', async (c) => {
    const base = `/client/v4/accounts/${c.account ?? ids.account}/ai-gateway`;
    const token = c.token === undefined ? (await import('node:fs')).readFileSync(join(dataDir, 'local-gateway-token'), 'utf8').trim() : c.token;
    const answer = await send(server.url, { ...c, path: `${base}${c.path}` }, ids, token ? { authorization: `Bearer ${token}` } : {});
    expectRefusal(c, answer);
    await expectUp(server.url);
  });

  it('SQL in search and filter values is data: read-only answers, no rows invented', async () => {
    for (const sql of SQL_FRAGMENTS) {
      const q = encodeURIComponent(sql);
      const logs = await fetch(`${server.url}/api/gateways/default/logs?search=${q}&meta_info=true`);
      expect(logs.status).toBe(200);
      expect(((await logs.json()) as { result: unknown[] }).result).toEqual([]);
      const filters = encodeURIComponent(JSON.stringify([{ key: 'model', operator: 'eq', value: [sql] }]));
      const filtered = (await (await fetch(`${server.url}/api/gateways/default/logs?filters=${filters}`)).json()) as { result_info: { total_count: number } };
      expect(filtered.result_info.total_count).toBe(0);
      for (const list of ['datasets', 'evaluations']) expect((await fetch(`${server.url}/api/gateways/default/${list}?search=${q}&name=${q}`)).status).toBe(200);
    }
  });

  it('a duplicated query parameter is read once, the first value', async () => {
    const res = await fetch(`${server.url}/api/gateways/default/datasets?per_page=1&per_page=500`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result_info: { per_page: number } }).result_info.per_page).toBe(1);
  });

  it('after all of that, every table of the store is byte-for-byte the same', () => {
    expect(storeChecksum(dataDir)).toEqual(before);
  });

  it('right-to-left, emoji, SQL-looking and 200-character names are accepted and round-trip exactly', async () => {
    const post = (path: string, body: unknown, method = 'POST') =>
      fetch(`${server.url}${path}`, { method, headers: { origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const name of ODD_BUT_VALID_NAMES) {
      const filters = [{ key: 'model', operator: 'eq', value: [name.slice(0, 1000)] }];
      const created = await post('/api/gateways/default/datasets', { name, enable: true, filters });
      expect(created.status, name).toBe(200);
      const { id } = ((await created.json()) as { result: { id: string } }).result;
      const read = await get<{ name: string; filters: unknown }>(server.url, `/api/gateways/default/datasets/${id}`);
      expect(read.name).toBe(name);
      expect(read.filters).toEqual(filters);
      const renamed = `${name.slice(0, 190)} ✓`;
      expect((await post(`/api/gateways/default/datasets/${id}`, { name: renamed, enable: false, filters }, 'PUT')).status).toBe(200);
      expect((await get<{ name: string }>(server.url, `/api/gateways/default/datasets/${id}`)).name).toBe(renamed);
      const ev = await post('/api/gateways/default/evaluations', { name, dataset_ids: [id], evaluation_type_ids: [ids.evaluation_type] });
      expect(ev.status).toBe(200);
      expect(((await ev.json()) as { result: { name: string } }).result.name).toBe(name);
    }
    const metadata = { note: SQL_FRAGMENTS[0]!, '"; DROP TABLE logs; --': 'k', emoji: '👍🏽' };
    expect((await post(`/api/gateways/default/logs/${ids.log}`, { metadata }, 'PATCH')).status).toBe(200);
    const log = await get<{ metadata?: string }>(server.url, `/api/gateways/default/logs/${ids.log}`);
    expect(JSON.parse(log.metadata ?? '{}')).toEqual(metadata);
    // The logs table is still there, with every row.
    expect(storeChecksum(dataDir).rows.logs).toBe(before.rows.logs);
  });
});

describe('bad input in Cloudflare mode: refused before the upstream', () => {
  let fake: FakeUpstream;
  let server: ServerHandle;
  const ids: Ids = { dataset: fixtures.dataset.id, evaluation: fixtures.evaluation.id, evaluation_type: fixtures.evaluationType.id, log: fixtures.log.id, account: ACCOUNT };

  beforeAll(async () => {
    fake = await startFakeUpstream();
    const env = loadEnv({ PORT: '0', CLOUDFLARE_API_TOKEN: 'test-token-0123456789abcdefghij', CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_BASE_URL: fake.baseURL });
    if (!env.ok) throw new Error(env.message);
    server = await startServer(env.env, { log: () => {}, distDir: '/nonexistent-dist', upstreamTimeoutMs: 2_000 });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it.for(API_CASES)('$name', async (c) => {
    fake.reset();
    expectRefusal(c, await send(server.url, c, ids));
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    await expectUp(server.url);
  });

  it('raw `..` segments are resolved before routing: they cannot carry an /api request elsewhere upstream', async () => {
    fake.reset();
    const answer = await rawRequest(server.url, { method: 'GET', path: '/api/gateways/gw-1/datasets/../../../../client/v4/accounts/x/ai-gateway/gateways' });
    // Resolved to /client/v4/…, which in Cloudflare mode is not mounted: the SPA's fallback page, no upstream call.
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).not.toMatch(/"success":true/);
    expect(fake.requests).toEqual([]);
  });

  it('a duplicated query parameter reaches the upstream once, with the value that was validated', async () => {
    fake.reset();
    expect((await fetch(`${server.url}/api/gateways/gw-1/datasets?per_page=5&per_page=500`)).status).toBe(200);
    expect(fake.requests).toHaveLength(1);
    const sent = new URLSearchParams(fake.requests[0]!.search);
    expect(sent.getAll('per_page')).toEqual(['5']);
  });
});
