import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalGateway } from './index.ts';
import { MAX_BODY_BYTES } from './http.ts';
import { caller, openTestGateway, waitProcessed } from './test-helpers.ts';

let gateway: LocalGateway;
let dispose: () => Promise<void>;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  ({ gateway, dispose } = await openTestGateway({ evaluationDelayMs: 20 }));
  call = caller(gateway);
});
afterAll(() => dispose());

const validDataset = { name: 'OpenAI successes', enable: true, filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }] };

describe('auth, account and routing', () => {
  it('refuses a missing token with 401 code 10000', async () => {
    const res = await call('GET', '/gateways', { token: null });
    expect(res.status).toBe(401);
    expect(res.body.errors).toEqual([{ code: 10000, message: 'Authentication error' }]);
  });

  it('refuses a wrong token with 401', async () => {
    // Same length, last character changed (to one it cannot already be), so only the content differs.
    const last = gateway.token.at(-1) === 'x' ? 'y' : 'x';
    const res = await call('GET', '/gateways', { token: `${gateway.token.slice(0, -1)}${last}` });
    expect(res.status).toBe(401);
    expect(res.body.success).toBe(false);
  });

  it('answers 403 for another account id', async () => {
    const res = await call('GET', '/client/v4/accounts/0123456789abcdef0123456789abcdef/ai-gateway/gateways', { fullPath: true });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].code).toBe(9109);
  });

  it('answers an unknown route with 404 code 7003', async () => {
    const res = await call('GET', '/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, errors: [{ code: 7003, message: 'No route for the URI' }] });
  });

  it('answers a known path with a wrong method with 405', async () => {
    const res = await call('PATCH', '/gateways/default/datasets', { body: {} });
    expect(res.status).toBe(405);
    expect(res.body.errors[0].code).toBe(7004);
  });
});

describe('gateways', () => {
  it('lists the seeded gateways with result_info, and a page past the end is empty', async () => {
    const res = await call('GET', '/gateways?per_page=2');
    expect(res.status).toBe(200);
    expect(res.body.result.map((g: { id: string }) => g.id)).toEqual(['default', 'production']);
    expect(res.body.result_info).toMatchObject({ page: 1, per_page: 2, count: 2, total_count: 3 });
    const last = await call('GET', '/gateways?per_page=2&page=2');
    expect(last.body.result.map((g: { id: string }) => g.id)).toEqual(['staging-eu']);
    const past = await call('GET', '/gateways?per_page=2&page=3');
    expect(past.body.result).toEqual([]);
  });

  it('searches by id', async () => {
    const res = await call('GET', '/gateways?search=PROD');
    expect(res.body.result.map((g: { id: string }) => g.id)).toEqual(['production']);
  });

  it.each([
    ['0', 'at least 1'],
    ['101', 'at most 100'],
  ])('refuses per_page=%s naming the field', async (perPage, words) => {
    const res = await call('GET', `/gateways?per_page=${perPage}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toEqual(['query', 'per_page']);
    expect(res.body.errors[0].message).toContain(`per_page: must be ${words}`);
  });

  it('gets one gateway, 404 for an unknown one, 400 for a 65-character id', async () => {
    expect((await call('GET', '/gateways/staging-eu')).body.result.id).toBe('staging-eu');
    const missing = await call('GET', '/gateways/no-such-gateway');
    expect(missing.status).toBe(404);
    expect(missing.body.errors).toEqual([{ code: 7002, message: 'Not Found' }]);
    const long = await call('GET', `/gateways/${'a'.repeat(65)}/datasets`);
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ code: 7001, path: ['path', 'gateway_id'] });
    expect(long.body.errors[0].message).toContain('at most 64');
  });
});

describe('datasets', () => {
  it('creates, gets, replaces (PUT), lists and deletes', async () => {
    const created = await call('POST', '/gateways/default/datasets', { body: { ...validDataset, extra: 'ignored' } });
    expect(created.status).toBe(200);
    const ds = created.body.result;
    expect(ds).toMatchObject({ gateway_id: 'default', name: 'OpenAI successes', enable: true, filters: validDataset.filters });
    expect(ds).not.toHaveProperty('extra');
    expect((await call('GET', `/gateways/default/datasets/${ds.id}`)).body.result).toEqual(ds);

    const replacement = { name: 'Llama, cheap', enable: false, filters: [{ key: 'model', operator: 'contains', value: ['llama'] }, { key: 'cost', operator: 'lt', value: [0.001] }] };
    const put = await call('PUT', `/gateways/default/datasets/${ds.id}`, { body: replacement });
    expect(put.status).toBe(200);
    expect(put.body.success).toBe(true);
    expect(put.body.result).toMatchObject({ id: ds.id, ...replacement });
    expect(put.body.result.created_at).toBe(ds.created_at);

    const search = await call('GET', '/gateways/default/datasets?search=cheap&enable=false');
    expect(search.body.result.map((d: { id: string }) => d.id)).toEqual([ds.id]);
    const byFilterText = await call('GET', `/gateways/default/datasets?search=${encodeURIComponent('"llama"')}`);
    expect(byFilterText.body.result.map((d: { id: string }) => d.id)).toContain(ds.id);
    const byName = await call('GET', '/gateways/default/datasets?name=CHEAP');
    expect(byName.body.result.map((d: { id: string }) => d.id)).toEqual([ds.id]);

    // A name with a non-ASCII capital is found by a search that quotes it, and by its ASCII part in any case.
    const accented = await call('POST', '/gateways/default/datasets', { body: { name: 'Évaluation Modèle', enable: true, filters: [] } });
    const byAccent = await call('GET', `/gateways/default/datasets?search=${encodeURIComponent('Évaluation')}`);
    expect(byAccent.body.result.map((d: { id: string }) => d.id)).toEqual([accented.body.result.id]);
    const byAscii = await call('GET', `/gateways/default/datasets?name=${encodeURIComponent('MODÈLE')}`);
    expect(byAscii.body.result.map((d: { id: string }) => d.id)).toEqual([accented.body.result.id]);
    await call('DELETE', `/gateways/default/datasets/${accented.body.result.id}`);

    const deleted = await call('DELETE', `/gateways/default/datasets/${ds.id}`);
    expect(deleted.body.result).toEqual(put.body.result);
    expect((await call('GET', `/gateways/default/datasets/${ds.id}`)).status).toBe(404);
    expect((await call('DELETE', `/gateways/default/datasets/${ds.id}`)).status).toBe(404);
  });

  it('pages through every dataset and then answers an empty page', async () => {
    const all = await call('GET', '/gateways/production/datasets?per_page=100');
    const total = all.body.result_info.total_count;
    expect(total).toBe(all.body.result.length);
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await call('GET', `/gateways/production/datasets?per_page=2&page=${page}`);
      if (res.body.result.length === 0) break;
      ids.push(...res.body.result.map((d: { id: string }) => d.id));
    }
    expect(ids).toEqual(all.body.result.map((d: { id: string }) => d.id));
  });

  it('does not show a dataset through another gateway', async () => {
    const ds = (await call('POST', '/gateways/default/datasets', { body: validDataset })).body.result;
    expect((await call('GET', `/gateways/production/datasets/${ds.id}`)).status).toBe(404);
    expect((await call('PUT', `/gateways/production/datasets/${ds.id}`, { body: validDataset })).status).toBe(404);
    expect((await call('DELETE', `/gateways/production/datasets/${ds.id}`)).status).toBe(404);
  });

  it.each([
    ['neq', { key: 'provider', operator: 'neq', value: ['openai'] }, ['body', 'filters', '1', 'operator'], 'filters › Filter 2 › operator: Provider does not take "neq"'],
    ['an unknown key', { key: 'colour', operator: 'eq', value: ['red'] }, ['body', 'filters', '1', 'key'], 'filters › Filter 2 › key: Unknown key "colour"'],
    ['an empty value list', { key: 'model', operator: 'eq', value: [] }, ['body', 'filters', '1', 'value'], 'filters › Filter 2 › value: Model needs a value'],
    ['lt on provider', { key: 'provider', operator: 'lt', value: ['openai'] }, ['body', 'filters', '1', 'operator'], 'filters › Filter 2 › operator: Provider does not take "lt"'],
    ['a word for cost', { key: 'cost', operator: 'gt', value: ['cheap'] }, ['body', 'filters', '1', 'value', '0'], 'filters › Filter 2 › value › 0: Cost must be a number'],
  ])('refuses %s with 400 naming the row and the field', async (_, badRow, path, message) => {
    const body = { name: 'bad', enable: true, filters: [{ key: 'success', operator: 'eq', value: [true] }, badRow] };
    for (const [method, url] of [
      ['POST', '/gateways/default/datasets'],
      ['PUT', `/gateways/default/datasets/${(await call('GET', '/gateways/default/datasets')).body.result[0].id}`],
    ] as const) {
      const res = await call(method, url, { body });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ code: 7001, path });
      expect(res.body.errors[0].message).toContain(message);
    }
  });

  it('refuses malformed JSON with 400 naming the body', async () => {
    const res = await call('POST', '/gateways/default/datasets', { rawBody: '{"name": "x",' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 7001, path: ['body'] });
    expect(res.body.errors[0].message).toContain('body');
  });

  it('refuses a missing field naming it', async () => {
    const res = await call('POST', '/gateways/default/datasets', { body: { name: 'x', filters: [] } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toEqual(['body', 'enable']);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await call('POST', '/gateways/default/datasets', { body: { ...validDataset, name: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(res.status).toBe(413);
    expect(res.body.success).toBe(false);
  });

  it('refuses per_page 0 and 101 on the list', async () => {
    expect((await call('GET', '/gateways/default/datasets?per_page=0')).status).toBe(400);
    expect((await call('GET', '/gateways/default/datasets?per_page=101')).status).toBe(400);
  });
});

describe('evaluation types', () => {
  it('lists the three evaluators, mandatory first by default, with result_info', async () => {
    const res = await call('GET', '/evaluation-types');
    expect(res.body.result.map((t: { name: string }) => t.name)).toEqual(['Cost', 'Speed', 'Human feedback']);
    expect(res.body.result.map((t: { type: string }) => t.type)).toEqual(['cost', 'speed', 'performance']);
    expect(res.body.result_info).toEqual({ page: 1, per_page: 20, count: 3, total_count: 3 });
    const byName = await call('GET', '/evaluation-types?order_by=name&order_by_direction=asc&per_page=5');
    expect(byName.body.result.map((t: { name: string }) => t.name)).toEqual(['Cost', 'Human feedback', 'Speed']);
    expect((await call('GET', '/evaluation-types?per_page=5&page=2')).body.result).toEqual([]);
  });

  it.each(['4', '51', '0'])('refuses per_page=%s', async (perPage) => {
    const res = await call('GET', `/evaluation-types?per_page=${perPage}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toEqual(['query', 'per_page']);
  });
});

describe('evaluations', () => {
  it('creates unprocessed with pending results, then a job processes it; list filters; delete', async () => {
    const types = (await call('GET', '/evaluation-types')).body.result as { id: string }[];
    const datasets = (await call('GET', '/gateways/staging-eu/datasets')).body.result as { id: string; name: string }[];
    const created = await call('POST', '/gateways/staging-eu/evaluations', {
      body: { name: 'Check', dataset_ids: [datasets[0]!.id, datasets[1]!.id], evaluation_type_ids: types.map((t) => t.id) },
    });
    expect(created.status).toBe(200);
    const ev = created.body.result;
    expect(ev.processed).toBe(false);
    expect(ev.results.map((r: { status: number }) => r.status)).toEqual([0, 0, 0]);
    expect(ev.datasets.map((d: { id: string }) => d.id)).toEqual([datasets[0]!.id, datasets[1]!.id]);
    expect(ev.datasets[0]).toMatchObject({ account_id: gateway.accountId, account_tag: gateway.accountId });

    const pending = await call('GET', '/gateways/staging-eu/evaluations?processed=false');
    expect(pending.body.result.map((e: { id: string }) => e.id)).toContain(ev.id);

    const done = (await waitProcessed(call, 'staging-eu', ev.id)).body.result;
    expect(done.processed).toBe(true);
    expect(done.total_logs).toBeGreaterThan(0);
    for (const r of done.results) expect([1, 2]).toContain(r.status);

    const search = await call('GET', `/gateways/staging-eu/evaluations?search=${ev.id}`);
    expect(search.body.result.map((e: { id: string }) => e.id)).toEqual([ev.id]);
    expect((await call('GET', `/gateways/default/evaluations/${ev.id}`)).status).toBe(404);
    const deleted = await call('DELETE', `/gateways/staging-eu/evaluations/${ev.id}`);
    expect(deleted.body.result.id).toBe(ev.id);
    expect((await call('GET', `/gateways/staging-eu/evaluations/${ev.id}`)).status).toBe(404);
  });

  it('refuses a dataset of another gateway and an unknown evaluator, naming the item', async () => {
    const types = (await call('GET', '/evaluation-types')).body.result as { id: string }[];
    const other = (await call('GET', '/gateways/production/datasets')).body.result[0].id as string;
    const own = (await call('GET', '/gateways/default/datasets')).body.result[0].id as string;
    const res = await call('POST', '/gateways/default/evaluations', {
      body: { name: 'x', dataset_ids: [own, other], evaluation_type_ids: [types[0]!.id] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({ code: 7001, path: ['body', 'dataset_ids', '1'] });
    const badType = await call('POST', '/gateways/default/evaluations', {
      body: { name: 'x', dataset_ids: [own], evaluation_type_ids: ['nope'] },
    });
    expect(badType.status).toBe(400);
    expect(badType.body.errors[0].path).toEqual(['body', 'evaluation_type_ids', '0']);
  });

  it('refuses six datasets and an empty name', async () => {
    const res = await call('POST', '/gateways/default/evaluations', {
      body: { name: ' ', dataset_ids: ['a', 'b', 'c', 'd', 'e', 'f'], evaluation_type_ids: ['x'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['body.name', 'body.dataset_ids']);
  });

  it('refuses per_page 0 and 101 and a non-boolean processed', async () => {
    expect((await call('GET', '/gateways/default/evaluations?per_page=0')).status).toBe(400);
    expect((await call('GET', '/gateways/default/evaluations?per_page=101')).status).toBe(400);
    const res = await call('GET', '/gateways/default/evaluations?processed=maybe');
    expect(res.body.errors[0].path).toEqual(['query', 'processed']);
  });
});

describe('logs', () => {
  const q = (filters: unknown) => `filters=${encodeURIComponent(JSON.stringify(filters))}`;

  it('lists newest first with total_count, pages that end, and meta_info ranges', async () => {
    const first = await call('GET', '/gateways/default/logs?per_page=50&meta_info=true');
    expect(first.status).toBe(200);
    const times = first.body.result.map((l: { created_at: string }) => Date.parse(l.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const info = first.body.result_info;
    expect(info.total_count).toBeGreaterThan(1000);
    expect(info.min_cost).toBeLessThanOrEqual(info.max_cost);
    expect(info.min_total_tokens).toBeGreaterThanOrEqual(info.min_tokens_in);
    const lastPage = Math.ceil(info.total_count / 50);
    expect((await call('GET', `/gateways/default/logs?per_page=50&page=${lastPage}`)).body.result.length).toBe(info.total_count - (lastPage - 1) * 50);
    expect((await call('GET', `/gateways/default/logs?per_page=50&page=${lastPage + 1}`)).body.result).toEqual([]);
  });

  it('filters with a JSON array in the query and orders by another key', async () => {
    const res = await call('GET', `/gateways/default/logs?per_page=50&order_by=model&order_by_direction=asc&${q([{ key: 'provider', operator: 'eq', value: ['openai', 'anthropic'] }])}`);
    const models: string[] = res.body.result.map((l: { model: string }) => l.model);
    expect(new Set(res.body.result.map((l: { provider: string }) => l.provider))).toEqual(new Set(['anthropic']));
    expect([...models].sort()).toEqual(models);
  });

  it('searches provider or model case-insensitively, or an exact id', async () => {
    const res = await call('GET', '/gateways/default/logs?search=GEMINI&per_page=5');
    expect(res.body.result.length).toBeGreaterThan(0);
    for (const log of res.body.result) expect(log.model).toContain('gemini');
    const id = res.body.result[0].id;
    const byId = await call('GET', `/gateways/default/logs?search=${id}`);
    expect(byId.body.result.map((l: { id: string }) => l.id)).toEqual([id]);
  });

  it.each([
    ['neq', [{ key: 'model', operator: 'neq', value: ['gpt-4o'] }], ['query', 'filters', '0', 'operator']],
    ['an unknown key', [{ key: 'nope', operator: 'eq', value: ['x'] }], ['query', 'filters', '0', 'key']],
    ['an empty value list', [{ key: 'model', operator: 'eq', value: [] }], ['query', 'filters', '0', 'value']],
    ['lt on provider', [{ key: 'provider', operator: 'lt', value: ['a'] }], ['query', 'filters', '0', 'operator']],
    ['a word for cost', [{ key: 'cost', operator: 'lt', value: ['lots'] }], ['query', 'filters', '0', 'value', '0']],
  ])('refuses %s in the filters with 400', async (_, filters, path) => {
    const res = await call('GET', `/gateways/default/logs?${q(filters)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toEqual(path);
    expect(res.body.errors[0].message).toMatch(/^filters › Filter 1 › /);
  });

  it('refuses filters that are not JSON, and per_page 0 and 51', async () => {
    expect((await call('GET', '/gateways/default/logs?filters=[{')).body.errors[0].path).toEqual(['query', 'filters']);
    expect((await call('GET', '/gateways/default/logs?per_page=0')).status).toBe(400);
    expect((await call('GET', '/gateways/default/logs?per_page=51')).status).toBe(400);
  });

  it('gets a log, patches its feedback (seen by filters at once), 404 on another gateway', async () => {
    const unrated = [{ key: 'feedback', operator: 'eq', value: [0] }];
    const log = (await call('GET', `/gateways/production/logs?per_page=1&${q(unrated)}`)).body.result[0];
    const got = await call('GET', `/gateways/production/logs/${log.id}`);
    expect(got.body.result).toEqual(log);
    const up = [{ key: 'feedback', operator: 'eq', value: [1] }];
    const before = (await call('GET', `/gateways/production/logs?per_page=1&${q(up)}`)).body.result_info.total_count;
    const patched = await call('PATCH', `/gateways/production/logs/${log.id}`, { body: { feedback: 1, score: 90, metadata: { reviewer: 'a' }, unknown: 1 } });
    expect(patched.body).toEqual({ success: true, errors: [], messages: [], result: {} });
    expect((await call('GET', `/gateways/production/logs?per_page=1&${q(up)}`)).body.result_info.total_count).toBe(before + 1);
    expect((await call('GET', `/gateways/production/logs/${log.id}`)).body.result).toMatchObject({ feedback: 1, score: 90, metadata: '{"reviewer":"a"}' });
    await call('PATCH', `/gateways/production/logs/${log.id}`, { body: { feedback: null } });
    expect((await call('GET', `/gateways/production/logs?per_page=1&${q(up)}`)).body.result_info.total_count).toBe(before);
    expect((await call('GET', `/gateways/default/logs/${log.id}`)).status).toBe(404);
    expect((await call('PATCH', `/gateways/default/logs/${log.id}`, { body: { feedback: 1 } })).status).toBe(404);
  });

  it('refuses feedback 2 and a score over 100', async () => {
    const log = (await call('GET', '/gateways/default/logs?per_page=1')).body.result[0];
    const res = await call('PATCH', `/gateways/default/logs/${log.id}`, { body: { feedback: 2, score: 101 } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['body.feedback', 'body.score']);
  });
});
