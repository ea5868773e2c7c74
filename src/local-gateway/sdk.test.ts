import { serve, type ServerType } from '@hono/node-server';
import Cloudflare from 'cloudflare';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertMatchesSpec } from '../test-support/openapi.ts';
import type { LocalGateway } from './index.ts';
import { preciseSum } from './precise-sum.ts';
import { openTestGateway } from './test-helpers.ts';

/**
 * The official SDK drives the local gateway over real HTTP, as the server does in local mode. Every
 * response on the wire is also checked against the spec (a fetch wrapper sees them all).
 */
let gateway: LocalGateway;
let dispose: () => Promise<void>;
let server: ServerType;
let baseURL: string;
let client: Cloudflare;
const seen: string[] = [];

async function checkedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const url = input instanceof Request ? input.url : String(input);
  assertMatchesSpec(method, url, response.status, await response.clone().json());
  seen.push(`${method} ${new URL(url).pathname}`);
  return response;
}

beforeAll(async () => {
  ({ gateway, dispose } = await openTestGateway({ seedLogs: 4000, evaluationDelayMs: 30 }));
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: gateway.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
  client = new Cloudflare({ apiToken: gateway.token, baseURL, maxRetries: 0, fetch: checkedFetch });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dispose();
});

/** Raw fetch for logs: the SDK encodes `filters` in dot notation, which Cloudflare ignores. */
type WireLog = { id: string; cost?: number; duration: number; feedback: number };
async function logsOf(gatewayId: string, filters: unknown[]): Promise<WireLog[]> {
  const out: WireLog[] = [];
  for (let page = 1; ; page++) {
    const url = `${baseURL}/accounts/${gateway.accountId}/ai-gateway/gateways/${gatewayId}/logs?per_page=50&page=${page}&filters=${encodeURIComponent(JSON.stringify(filters))}`;
    const body = (await (await checkedFetch(url, { headers: { authorization: `Bearer ${gateway.token}` } })).json()) as { result: WireLog[] };
    if (body.result.length === 0) return out;
    out.push(...body.result);
  }
}

describe('the cloudflare SDK against the local gateway', () => {
  it('lists and gets gateways', async () => {
    const ids: string[] = [];
    for await (const g of client.aiGateway.list({ account_id: gateway.accountId, per_page: 2 })) ids.push(g.id);
    expect(ids).toEqual(['default', 'production', 'staging-eu']);
    expect((await client.aiGateway.get('production', { account_id: gateway.accountId })).id).toBe('production');
  });

  it('creates, updates (the seed page call), iterates to the end, gets and deletes a dataset', async () => {
    const account_id = gateway.accountId;
    const created = await client.aiGateway.datasets.create('production', {
      account_id,
      enable: false,
      filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }],
      name: 'sdk dataset',
    });
    const updated = await client.aiGateway.datasets.update(created.id, {
      account_id,
      gateway_id: 'production',
      enable: true,
      filters: [{ key: 'model', operator: 'contains', value: ['GPT'] }, { key: 'cached', operator: 'eq', value: [false] }],
      name: 'sdk dataset, updated',
    });
    expect(updated).toMatchObject({ id: created.id, name: 'sdk dataset, updated', enable: true, gateway_id: 'production' });
    expect(updated.filters).toEqual([{ key: 'model', operator: 'contains', value: ['GPT'] }, { key: 'cached', operator: 'eq', value: [false] }]);

    const iterated: string[] = [];
    for await (const d of client.aiGateway.datasets.list('production', { account_id, per_page: 2 })) iterated.push(d.id);
    const all = await client.aiGateway.datasets.list('production', { account_id, per_page: 100 });
    expect(iterated).toEqual(all.result.map((d) => d.id));
    expect(iterated).toContain(created.id);

    expect(await client.aiGateway.datasets.get(created.id, { account_id, gateway_id: 'production' })).toEqual(updated);
    expect(await client.aiGateway.datasets.delete(created.id, { account_id, gateway_id: 'production' })).toEqual(updated);
    await expect(client.aiGateway.datasets.get(created.id, { account_id, gateway_id: 'production' })).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it('surfaces a 400 with the field named in err.errors', async () => {
    const error = await client.aiGateway.datasets
      .create('production', { account_id: gateway.accountId, enable: true, filters: [{ key: 'cost', operator: 'contains', value: ['1'] }], name: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cloudflare.BadRequestError);
    expect((error as InstanceType<typeof Cloudflare.BadRequestError>).errors[0]).toMatchObject({ code: 7001, path: ['body', 'filters', '0', 'operator'] });
  });

  it('creates an evaluation (the seed page call) whose results equal a recomputation from the logs', async () => {
    const account_id = gateway.accountId;
    const types = [];
    for await (const t of client.aiGateway.evaluationTypes.list({ account_id, per_page: 5 })) types.push(t);
    expect(types.map((t) => t.type)).toEqual(['cost', 'speed', 'performance']);

    const a = await client.aiGateway.datasets.create('default', { account_id, enable: true, name: 'gpt-4o', filters: [{ key: 'model', operator: 'eq', value: ['gpt-4o'] }] });
    // Overlaps with `a` (openai includes gpt-4o): the union must count each log once.
    const b = await client.aiGateway.datasets.create('default', { account_id, enable: true, name: 'openai rated', filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }, { key: 'feedback', operator: 'eq', value: [1, -1] }] });

    const created = await client.aiGateway.evaluations.create('default', {
      account_id,
      dataset_ids: [a.id, b.id],
      evaluation_type_ids: types.map((t) => t.id),
      name: 'sdk evaluation',
    });
    expect(created.processed).toBe(false);

    let evaluation = created;
    while (!evaluation.processed) {
      await new Promise((r) => setTimeout(r, 10));
      evaluation = await client.aiGateway.evaluations.get(created.id, { account_id, gateway_id: 'default' });
    }

    const union = new Map<string, { cost?: number; duration: number; feedback: number }>();
    for (const ds of [a, b]) for (const log of await logsOf('default', ds.filters)) union.set(log.id, log);
    const logs = [...union.values()];
    const withCost = logs.filter((l) => typeof l.cost === 'number');
    const rated = logs.filter((l) => l.feedback !== 0);
    const up = rated.filter((l) => l.feedback === 1).length;
    expect(evaluation.total_logs).toBe(logs.length);
    const byType = new Map(types.map((t) => [t.id, t.type]));
    const results = Object.fromEntries(evaluation.results.map((r) => [byType.get(r.evaluation_type_id), r]));
    expect(results.cost).toMatchObject({ result: String(preciseSum(withCost.map((l) => l.cost!)) / withCost.length), total_logs: withCost.length, status: 1, status_description: 'Completed' });
    // An independent naive sum agrees to rounding: the exact sum is not a different number.
    expect(Number(results.cost!.result)).toBeCloseTo(withCost.reduce((s, l) => s + l.cost!, 0) / withCost.length, 12);
    expect(results.speed).toMatchObject({ result: String(logs.reduce((s, l) => s + l.duration, 0) / logs.length), total_logs: logs.length, status: 1 });
    expect(results.performance).toMatchObject({ result: String((100 * up) / rated.length), total_logs: rated.length, status: 1 });

    const listed = [];
    for await (const e of client.aiGateway.evaluations.list('default', { account_id, per_page: 1, processed: true })) listed.push(e.id);
    expect(listed).toContain(created.id);
    expect((await client.aiGateway.evaluations.delete(created.id, { account_id, gateway_id: 'default' })).id).toBe(created.id);
  });

  it('reports an error result when no log qualifies', async () => {
    const account_id = gateway.accountId;
    const types = (await client.aiGateway.evaluationTypes.list({ account_id })).result;
    const none = await client.aiGateway.datasets.create('default', { account_id, enable: true, name: 'nothing', filters: [{ key: 'model', operator: 'eq', value: ['no-such-model'] }] });
    const created = await client.aiGateway.evaluations.create('default', { account_id, dataset_ids: [none.id], evaluation_type_ids: types.map((t) => t.id), name: 'empty' });
    let evaluation = created;
    while (!evaluation.processed) {
      await new Promise((r) => setTimeout(r, 10));
      evaluation = await client.aiGateway.evaluations.get(created.id, { account_id, gateway_id: 'default' });
    }
    expect(evaluation.total_logs).toBe(0);
    for (const r of evaluation.results) expect(r).toMatchObject({ result: '', status: 2, total_logs: 0 });
    expect(evaluation.results.map((r) => r.status_description)).toContain('No logs with a cost');
  });

  it('gets and patches a log', async () => {
    const [log] = await logsOf('staging-eu', [{ key: 'duration', operator: 'gt', value: [1000] }]).then((l) => l.slice(0, 1));
    const got = await client.aiGateway.logs.get(log!.id, { account_id: gateway.accountId, gateway_id: 'staging-eu' });
    expect(got.id).toBe(log!.id);
    expect(await client.aiGateway.logs.edit(log!.id, { account_id: gateway.accountId, gateway_id: 'staging-eu', feedback: -1, score: 10 })).toEqual({});
    expect((await logsOf('staging-eu', [{ key: 'feedback', operator: 'eq', value: [-1] }])).map((l) => l.id)).toContain(log!.id);
    expect(seen.length).toBeGreaterThan(10);
  });
});
