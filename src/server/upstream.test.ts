import { describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './test-support/bff.ts';
import { ACCOUNT, fixtures } from './test-support/fake-upstream.ts';
import { useFakeUpstream } from './test-support/use-fake-upstream.ts';
import { UpstreamShapeError } from './upstream-errors.ts';
import { createUpstream } from './upstream.ts';

const fake = useFakeUpstream();

const upstream = () => createUpstream({ mode: 'cloudflare', accountId: ACCOUNT, apiToken: TEST_TOKEN, baseURL: fake.baseURL, retryDelayMs: 1 });
const envelope = (result: unknown, extra: Record<string, unknown> = {}) => ({ success: true, errors: [], messages: [], result, ...extra });

describe('the typed upstream reads every answer once, with the shared schemas', () => {
  it('a list is a page of parsed items, result_info kept when sent and absent when not', async () => {
    const withInfo = await upstream().evaluations.list('gw-1', { page: 1, per_page: 20 });
    expect(withInfo.result).toEqual([fixtures.evaluation]);
    expect(withInfo.result_info).toEqual({ page: 1, per_page: 20, count: 1, total_count: 1 });
    const without = await upstream().datasets.list('gw-1', { page: 1, per_page: 20 });
    expect(without.result.map((d) => d.id)).toEqual(['ds1', 'ds2']);
    expect(without).not.toHaveProperty('result_info');
  });

  it('liberal in what it reads: fields the spec does not name ride along', async () => {
    fake.answer((_, c) => c.json(envelope({ ...fixtures.dataset, made_by: 'another tool' })));
    expect(await upstream().datasets.get('gw-1', 'ds1')).toEqual({ ...fixtures.dataset, made_by: 'another tool' });
  });

  it("the logs' ranges are read with the logs' own page info", async () => {
    fake.answer((_, c) => c.json(envelope([fixtures.log], { result_info: { page: 1, total_count: 1, min_cost: 0.5, max_cost: 2 } })));
    const page = await upstream().logs.list('gw-1', { page: 1, per_page: 20, order_by: 'created_at', order_by_direction: 'desc' });
    expect(page.result_info).toEqual({ page: 1, total_count: 1, min_cost: 0.5, max_cost: 2 });
    fake.answer((_, c) => c.json(envelope([fixtures.log], { result_info: { min_cost: 'cheap' } })));
    await expect(upstream().logs.list('gw-1', { page: 1, per_page: 20, order_by: 'created_at', order_by_direction: 'desc' })).rejects.toEqual(
      new UpstreamShapeError('result_info.min_cost'),
    );
  });

  it('an answer in another shape throws naming the field, for one item and for a page', async () => {
    fake.answer((_, c) => c.json(envelope({ ...fixtures.evaluation, datasets: [{ id: 7 }] })));
    const one = upstream().evaluations.get('gw-1', 'ev1');
    await expect(one).rejects.toBeInstanceOf(UpstreamShapeError);
    await expect(one).rejects.toHaveProperty('where', 'result.datasets.0.id');
    fake.answer((_, c) => c.json(envelope([fixtures.gateway, { id: 'gw-2' }])));
    await expect(upstream().gateways.list({ page: 1, per_page: 20 })).rejects.toHaveProperty('where', 'result.1.created_at');
  });

  it("a log's PATCH answer is the open object ({} for null); its bodies are text", async () => {
    fake.answer((_, c) => c.json(envelope(null)));
    expect(await upstream().logs.edit('gw-1', 'log1', { feedback: 1 })).toEqual({});
    fake.reset();
    expect(JSON.parse(await upstream().logs.request('gw-1', 'log1'))).toEqual({ messages: [{ role: 'user', content: 'hi' }] });
  });
});
