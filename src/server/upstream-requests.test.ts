import { describe, expect, it } from 'vitest';
import { errorEnvelopeSchema, pageOf } from '../shared/envelope.ts';
import { annotatedDatasetSchema } from '../shared/dataset-annotations.ts';
import { logSchema } from '../shared/logs.ts';
import { cloudflareApp, json, TEST_TOKEN } from './test-support/bff.ts';
import { ACCOUNT } from './test-support/fake-upstream.ts';
import { useFakeUpstream } from './test-support/use-fake-upstream.ts';

const fake = useFakeUpstream();

const base = `/client/v4/accounts/${ACCOUNT}/ai-gateway`;

describe('what reaches the upstream', () => {
  it('log filters arrive as ONE JSON array query parameter, equal to what the browser asked for', async () => {
    const filters = [
      { key: 'model', operator: 'eq', value: ['gpt-4o', 'gpt-5'] },
      { key: 'success', operator: 'eq', value: [true] },
      { key: 'cost', operator: 'gt', value: [0.01] },
    ];
    const q = new URLSearchParams({ filters: JSON.stringify(filters), per_page: '10', order_by: 'model', order_by_direction: 'asc', meta_info: 'true' });
    const res = await cloudflareApp(fake.baseURL).request(`/api/gateways/gw-1/logs?${q}`);
    expect(res.status).toBe(200);
    pageOf(logSchema).parse(await res.json());
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe(`${base}/gateways/gw-1/logs`);
    const params = new URLSearchParams(sent.search);
    expect(params.getAll('filters')).toHaveLength(1);
    expect(JSON.parse(params.get('filters')!)).toEqual(filters);
    expect([...params.keys()].some((k) => k.startsWith('filters.'))).toBe(false);
    expect(params.get('per_page')).toBe('10');
    expect(params.get('order_by')).toBe('model');
    expect(params.get('meta_info')).toBe('true');
  });

  it('string values of numeric keys are sent as numbers (normalised by the shared rules)', async () => {
    const q = new URLSearchParams({ filters: JSON.stringify([{ key: 'cost', operator: 'lt', value: ['0.5'] }]) });
    await cloudflareApp(fake.baseURL).request(`/api/gateways/gw-1/logs?${q}`);
    expect(JSON.parse(new URLSearchParams(fake.requests[0]!.search).get('filters')!)).toEqual([{ key: 'cost', operator: 'lt', value: [0.5] }]);
  });

  it('sends only the bearer token as credential', async () => {
    await cloudflareApp(fake.baseURL).request('/api/gateways');
    const h = fake.requests[0]!.headers;
    expect(h.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(h['x-auth-key']).toBeUndefined();
    expect(h['x-auth-email']).toBeUndefined();
  });

  it.each([
    ['a bad gateway id', '/api/gateways/Bad_GW!/datasets', ['path', 'gw']],
    ['a dot-dot id', '/api/gateways/gw-1/datasets/..%2Fgw-2', ['path', 'id']],
    ['an encoded slash in an id', '/api/gateways/gw-1/datasets/a%2F..%2F..%2Fgateways', ['path', 'id']],
    ['an encoded ? in an id', '/api/gateways/gw-1/logs/a%3Fb', ['path', 'id']],
    ['an encoded # in an id', '/api/gateways/gw-1/evaluations/a%23b', ['path', 'id']],
    ['a neq filter (not a dataset operator)', `/api/gateways/gw-1/logs?filters=${encodeURIComponent('[{"key":"model","operator":"neq","value":["x"]}]')}`, ['query', 'filters', '0', 'operator']],
    ['a word for cost', `/api/gateways/gw-1/logs?filters=${encodeURIComponent('[{"key":"cost","operator":"gt","value":["cheap"]}]')}`, ['query', 'filters', '0', 'value', '0']],
    ['filters that are not JSON', '/api/gateways/gw-1/logs?filters=%5Bnope', ['query', 'filters']],
    ['per_page over the logs limit', '/api/gateways/gw-1/logs?per_page=51', ['query', 'per_page']],
    ['an unknown order_by', '/api/gateways/gw-1/logs?order_by=cost', ['query', 'order_by']],
  ])('%s is a 400 naming the field and never reaches the upstream', async (_, url, path) => {
    const res = await cloudflareApp(fake.baseURL).request(url);
    expect(res.status).toBe(400);
    const body = errorEnvelopeSchema.parse(await res.json());
    expect(body.errors[0]).toMatchObject({ code: 7001, path });
    expect(fake.requests).toHaveLength(0);
  });

  it('a bare .. segment is resolved by URL parsing before routing: no route, nothing sent', async () => {
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw-1/datasets/../../evaluation-types/..');
    expect(res.status).toBe(404);
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ['a dataset without a name', '/api/gateways/gw-1/datasets', 'POST', { enable: true, filters: [] }, ['body', 'name']],
    ['a dataset filter with neq', '/api/gateways/gw-1/datasets', 'POST', { name: 'x', enable: true, filters: [{ key: 'model', operator: 'neq', value: ['a'] }] }, ['body', 'filters', '0', 'operator']],
    ['a dataset replace with a word for tokens', '/api/gateways/gw-1/datasets/ds1', 'PUT', { name: 'x', enable: true, filters: [{ key: 'tokens', operator: 'gt', value: ['many'] }] }, ['body', 'filters', '0', 'value', '0']],
    ['an evaluation without datasets', '/api/gateways/gw-1/evaluations', 'POST', { name: 'e', dataset_ids: [], evaluation_type_ids: ['et1'] }, ['body', 'dataset_ids']],
    ['feedback of 2', '/api/gateways/gw-1/logs/log1', 'PATCH', { feedback: 2 }, ['body', 'feedback']],
    ['an unknown patch field', '/api/gateways/gw-1/logs/log1', 'PATCH', { secret: 1 }, ['body']],
  ])('%s is a 400 naming the field and never reaches the upstream', async (_, url, method, body, path) => {
    const res = await cloudflareApp(fake.baseURL).request(url, json(body, method));
    expect(res.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await res.json()).errors[0]).toMatchObject({ code: 7001, path });
    expect(fake.requests).toHaveLength(0);
  });

  it('a POST is never retried, even on a 500 (no duplicate evaluations)', async () => {
    fake.answer((_, c) => c.json({ success: false, errors: [{ code: 10500, message: 'boom' }], messages: [] }, 500));
    const res = await cloudflareApp(fake.baseURL).request(
      '/api/gateways/gw-1/evaluations',
      json({ name: 'e', dataset_ids: ['ds1'], evaluation_type_ids: ['et1'] }),
    );
    expect(res.status).toBe(502);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a DELETE is never retried either', async () => {
    fake.answer((_, c) => c.json({ success: false, errors: [{ message: 'boom' }], messages: [] }, 503));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw-1/datasets/ds1', { method: 'DELETE', headers: { origin: 'http://localhost' } });
    expect(res.status).toBe(502);
    expect(fake.requests).toHaveLength(1);
  });

  it('a GET that fails once with a 500 is retried once and succeeds', async () => {
    let n = 0;
    fake.answer((_, c) => (n++ === 0 ? c.json({ success: false, errors: [{ message: 'blip' }] }, 500) : undefined));
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways');
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it("the server's own pacing answers 429 with retry-after instead of calling", async () => {
    let t = 0;
    const app = cloudflareApp(fake.baseURL, { pacing: { burst: 2, perWindow: 2, windowMs: 300_000, now: () => t } });
    expect((await app.request('/api/gateways')).status).toBe(200);
    expect((await app.request('/api/gateways')).status).toBe(200);
    const res = await app.request('/api/gateways');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBe(150);
    expect(fake.requests).toHaveLength(2);
    t += 150_000; // one token back
    expect((await app.request('/api/gateways')).status).toBe(200);
  });

  it('ids reach the upstream through the SDK path builder, and a dataset with an odd filter still lists, flagged', async () => {
    const res = await cloudflareApp(fake.baseURL).request('/api/gateways/gw_1-a/datasets?name=x&enable=true');
    expect(fake.requests[0]!.path).toBe(`${base}/gateways/gw_1-a/datasets`);
    expect(new URLSearchParams(fake.requests[0]!.search).get('enable')).toBe('true');
    const body = pageOf(annotatedDatasetSchema).parse(await res.json());
    expect(body.result.map((d) => d.odd_filters.length)).toEqual([0, 1]);
    expect(body.result[1]!.odd_filters[0]).toMatchObject({ index: 0 });
  });
});
