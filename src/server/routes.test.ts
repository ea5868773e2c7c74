import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiSessionEnvelopeSchema } from '../shared/api-session.ts';
import { annotatedDatasetSchema, annotatedEvaluationSchema } from '../shared/dataset-annotations.ts';
import { envelopeOf, errorEnvelopeSchema, pageOf } from '../shared/envelope.ts';
import { evaluationTypeSchema } from '../shared/evaluations.ts';
import { gatewaySchema } from '../shared/gateways.ts';
import { logResultInfoSchema, logSchema } from '../shared/logs.ts';
import { json, sameOrigin } from './test-support/bff.ts';
import { localApp } from './test-support/local.ts';

let ctx: Awaited<ReturnType<typeof localApp>>;
let gw: string;
beforeAll(async () => {
  ctx = await localApp();
  const res = await ctx.app.request('/api/gateways');
  gw = pageOf(gatewaySchema).parse(await res.json()).result[0]!.id;
});
afterAll(() => ctx.close());

const get = (path: string) => ctx.app.request(path);
async function error(res: Response, status: number) {
  expect(res.status).toBe(status);
  return errorEnvelopeSchema.parse(await res.json()).errors;
}

describe('health, session, gateways, evaluation types', () => {
  it('health answers without calling upstream', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, result: { ok: true } });
  });

  it('session names the mode, the account and the capabilities', async () => {
    const body = apiSessionEnvelopeSchema.parse(await (await get('/api/session')).json());
    expect(body.result).toEqual({ mode: 'local', account_id: ctx.gateway.accountId, capabilities: { evaluations: true, logs: true }, auth: { required: false } });
  });

  it('gateways list, with validation of the query', async () => {
    const body = pageOf(gatewaySchema).parse(await (await get('/api/gateways?per_page=2')).json());
    expect(body.result.length).toBeGreaterThan(0);
    expect(body.result.length).toBeLessThanOrEqual(2);
    expect((await error(await get('/api/gateways?per_page=0'), 400))[0]).toMatchObject({ code: 7001, path: ['query', 'per_page'] });
  });

  it('evaluation types list, with validation of the query', async () => {
    const body = pageOf(evaluationTypeSchema).parse(await (await get('/api/evaluation-types?per_page=50')).json());
    expect(body.result.length).toBeGreaterThan(0);
    expect((await error(await get('/api/evaluation-types?order_by=id'), 400))[0]).toMatchObject({ path: ['query', 'order_by'] });
  });
});

describe('datasets', () => {
  const input = { name: 'Cheap OpenAI', enable: true, filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }, { key: 'cost', operator: 'lt', value: ['0.01'] }] };
  let id: string;

  it('create, read, list, replace, delete', async () => {
    const created = envelopeOf(annotatedDatasetSchema).parse(await (await ctx.app.request(`/api/gateways/${gw}/datasets`, json(input))).json());
    id = created.result.id;
    expect(created.result.filters[1]).toEqual({ key: 'cost', operator: 'lt', value: [0.01] });
    expect(created.result.odd_filters).toEqual([]);

    const one = envelopeOf(annotatedDatasetSchema).parse(await (await get(`/api/gateways/${gw}/datasets/${id}`)).json());
    expect(one.result.name).toBe('Cheap OpenAI');

    const list = pageOf(annotatedDatasetSchema).parse(await (await get(`/api/gateways/${gw}/datasets?per_page=100`)).json());
    expect(list.result.map((d) => d.id)).toContain(id);

    const put = await ctx.app.request(`/api/gateways/${gw}/datasets/${id}`, json({ ...input, name: 'Renamed', enable: false }, 'PUT'));
    expect(envelopeOf(annotatedDatasetSchema).parse(await put.json()).result).toMatchObject({ name: 'Renamed', enable: false });

    const del = await ctx.app.request(`/api/gateways/${gw}/datasets/${id}`, { method: 'DELETE', headers: sameOrigin });
    expect(del.status).toBe(200);
    expect(envelopeOf(annotatedDatasetSchema).parse(await del.json()).result.id).toBe(id);
  });

  it('not found: read, replace and delete of a missing dataset are 404', async () => {
    await error(await get(`/api/gateways/${gw}/datasets/missing-id`), 404);
    await error(await ctx.app.request(`/api/gateways/${gw}/datasets/missing-id`, json(input, 'PUT')), 404);
    await error(await ctx.app.request(`/api/gateways/${gw}/datasets/missing-id`, { method: 'DELETE', headers: sameOrigin }), 404);
  });

  it('validation: a bad body names the field; a bad query names the parameter', async () => {
    const errors = await error(await ctx.app.request(`/api/gateways/${gw}/datasets`, json({ ...input, filters: [{ key: 'success', operator: 'contains', value: [true] }] })), 400);
    expect(errors[0]).toMatchObject({ code: 7001, path: ['body', 'filters', '0', 'operator'] });
    expect((await error(await get(`/api/gateways/${gw}/datasets?enable=maybe`), 400))[0]).toMatchObject({ path: ['query', 'enable'] });
    expect((await error(await ctx.app.request(`/api/gateways/${gw}/datasets`, { method: 'POST', headers: sameOrigin, body: '{nope' }), 400))[0]).toMatchObject({ path: ['body'] });
  });
});

describe('evaluations', () => {
  it('create, read, list, delete; then 404', async () => {
    const types = pageOf(evaluationTypeSchema).parse(await (await get('/api/evaluation-types?per_page=50')).json()).result;
    const ds = envelopeOf(annotatedDatasetSchema).parse(
      await (await ctx.app.request(`/api/gateways/${gw}/datasets`, json({ name: 'For eval', enable: true, filters: [] }))).json(),
    ).result;
    const res = await ctx.app.request(
      `/api/gateways/${gw}/evaluations`,
      json({ name: 'Eval 1', dataset_ids: [ds.id], evaluation_type_ids: types.map((t) => t.id) }),
    );
    const created = envelopeOf(annotatedEvaluationSchema).parse(await res.json()).result;
    expect(created.datasets[0]!.odd_filters).toEqual([]);

    const one = envelopeOf(annotatedEvaluationSchema).parse(await (await get(`/api/gateways/${gw}/evaluations/${created.id}`)).json());
    expect(one.result.name).toBe('Eval 1');
    const list = pageOf(annotatedEvaluationSchema).parse(await (await get(`/api/gateways/${gw}/evaluations?per_page=100`)).json());
    expect(list.result.map((e) => e.id)).toContain(created.id);

    expect((await ctx.app.request(`/api/gateways/${gw}/evaluations/${created.id}`, { method: 'DELETE', headers: sameOrigin })).status).toBe(200);
    await error(await get(`/api/gateways/${gw}/evaluations/${created.id}`), 404);
  });

  it('validation: duplicate dataset ids and more than five datasets are refused before the upstream', async () => {
    const dup = await error(await ctx.app.request(`/api/gateways/${gw}/evaluations`, json({ name: 'e', dataset_ids: ['a', 'a'], evaluation_type_ids: ['t'] })), 400);
    expect(dup[0]).toMatchObject({ path: ['body', 'dataset_ids'] });
    const many = await error(
      await ctx.app.request(`/api/gateways/${gw}/evaluations`, json({ name: 'e', dataset_ids: ['a', 'b', 'c', 'd', 'e', 'f'], evaluation_type_ids: ['t'] })),
      400,
    );
    expect(many[0]).toMatchObject({ path: ['body', 'dataset_ids'] });
    expect((await error(await get(`/api/gateways/${gw}/evaluations?processed=yes`), 400))[0]).toMatchObject({ path: ['query', 'processed'] });
  });
});

describe('logs', () => {
  const logPage = pageOf(logSchema, logResultInfoSchema);

  it('lists with JSON-array filters applied upstream, and meta_info ranges', async () => {
    const filters = JSON.stringify([{ key: 'success', operator: 'eq', value: [false] }]);
    const q = new URLSearchParams({ filters, per_page: '50', meta_info: 'true' });
    const body = logPage.parse(await (await get(`/api/gateways/${gw}/logs?${q}`)).json());
    expect(body.result.length).toBeGreaterThan(0);
    expect(body.result.every((l) => l.success === false)).toBe(true);
    const all = logPage.parse(await (await get(`/api/gateways/${gw}/logs?per_page=1`)).json());
    expect(all.result_info?.total_count).toBeGreaterThan(body.result_info?.total_count ?? Infinity);
  });

  it('reads one log, patches its feedback, and 404s a missing one', async () => {
    const first = logPage.parse(await (await get(`/api/gateways/${gw}/logs?per_page=1`)).json()).result[0]!;
    const one = envelopeOf(logSchema).parse(await (await get(`/api/gateways/${gw}/logs/${first.id}`)).json());
    expect(one.result.id).toBe(first.id);
    const patched = await ctx.app.request(`/api/gateways/${gw}/logs/${first.id}`, json({ feedback: 1, score: 90 }, 'PATCH'));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ success: true, result: {} });
    await error(await get(`/api/gateways/${gw}/logs/NOSUCHLOG`), 404);
    await error(await ctx.app.request(`/api/gateways/${gw}/logs/NOSUCHLOG`, json({ feedback: 1 }, 'PATCH')), 404);
  });

  it('validation: a filter on an unknown key is refused with its path', async () => {
    const q = new URLSearchParams({ filters: JSON.stringify([{ key: 'metadata.key', operator: 'eq', value: ['x'] }]) });
    expect((await error(await get(`/api/gateways/${gw}/logs?${q}`), 400))[0]).toMatchObject({ path: ['query', 'filters', '0', 'key'] });
  });
});

describe('unknown routes and methods', () => {
  it('an unknown /api path is a 404 envelope with 7003, never the SPA', async () => {
    expect((await error(await get('/api/nope'), 404))[0]).toEqual({ code: 7003, message: 'No route for the URI' });
    expect((await error(await get('/api/gateways/gw-1/datasets/ds/extra'), 404))[0]?.code).toBe(7003);
  });

  it('a wrong method on a known path is a 405 envelope with Allow', async () => {
    const res = await ctx.app.request('/api/gateways', { method: 'DELETE', headers: sameOrigin });
    expect((await error(res, 405))[0]?.code).toBe(7004);
    expect(res.headers.get('allow')).toBe('GET');
    expect((await ctx.app.request(`/api/gateways/${gw}/evaluations/x`, json({}, 'PUT'))).status).toBe(405);
    expect((await ctx.app.request(`/api/gateways/${gw}/logs`, json({}, 'POST'))).status).toBe(405);
  });

  it('a gateway that does not exist is a 404 from upstream, passed on', async () => {
    const errors = await error(await get('/api/gateways/no-such-gateway/datasets'), 404);
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('the session capability probe', () => {
  it('is cached: a second session call makes no upstream call', async () => {
    let calls = 0;
    const counted = await localApp({ seedLogs: 50, onUpstream: () => calls++ });
    try {
      z.object({ success: z.literal(true) }).parse(await (await counted.app.request('/api/session')).json());
      const after = calls;
      expect(after).toBeGreaterThanOrEqual(3); // gateways, evaluations, logs
      await counted.app.request('/api/session');
      expect(calls).toBe(after);
    } finally {
      await counted.close();
    }
  });
});
