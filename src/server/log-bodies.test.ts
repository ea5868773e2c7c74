import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeOf, errorEnvelopeSchema, pageOf } from '../shared/envelope.ts';
import { LOG_BODY_MAX_CHARS, logBodyOf, logBodySchema, logSchema } from '../shared/logs.ts';
import { json } from './test-support/bff.ts';
import { localApp } from './test-support/local.ts';

// Both ways the server reaches a gateway: in-process (local mode), and as over the network (Cloudflare
// mode: the SDK's answer read within the deadline, no envelope shortcut).
describe.each([
  ['in-process', {}],
  ['as over the network', { upstream: { inProcess: undefined } }],
])('log request and response bodies (%s)', (_, options) => {
  let ctx: Awaited<ReturnType<typeof localApp>>;
  let newest: { id: string; success: boolean };
  let oldest: { id: string };
  beforeAll(async () => {
    ctx = await localApp({ seedLogs: 1000, ...options });
    const list = async (direction: string) =>
      pageOf(logSchema).parse(await (await ctx.app.request(`/api/gateways/default/logs?per_page=1&order_by=created_at&order_by_direction=${direction}`)).json()).result[0]!;
    newest = await list('desc');
    oldest = await list('asc');
  });
  afterAll(() => ctx.close());

  it('answers a kept body as text, telling JSON, with its size', async () => {
    for (const part of ['request', 'response']) {
      const res = await ctx.app.request(`/api/gateways/default/logs/${newest.id}/${part}`);
      expect(res.status, part).toBe(200);
      const body = envelopeOf(logBodySchema).parse(await res.json()).result;
      expect(body.json).toBe(true);
      expect(body.truncated).toBe(false);
      expect(body.size).toBe(Buffer.byteLength(body.text));
      expect(JSON.parse(body.text)).toBeTypeOf('object');
    }
  });

  it('answers 404 for a log without a body or an unknown log, and 400 for a bad gateway id', async () => {
    for (const path of [`default/logs/${oldest.id}/request`, 'default/logs/NOSUCHLOG/response']) {
      const res = await ctx.app.request(`/api/gateways/${path}`);
      expect(res.status, path).toBe(404);
      errorEnvelopeSchema.parse(await res.json());
    }
    expect((await ctx.app.request('/api/gateways/Bad%20Id/logs/x/request')).status).toBe(400);
    expect((await ctx.app.request(`/api/gateways/default/logs/${newest.id}/request`, json({}, 'POST'))).status).toBe(405);
  });
});

describe('logBodyOf', () => {
  it('cuts a long body at the limit, keeping its full size, and tells text from JSON', () => {
    const long = logBodyOf('é'.repeat(LOG_BODY_MAX_CHARS + 10));
    expect(long).toMatchObject({ json: false, truncated: true, size: (LOG_BODY_MAX_CHARS + 10) * 2 });
    expect(long.text).toHaveLength(LOG_BODY_MAX_CHARS);
    expect(logBodyOf('{"a":1}')).toEqual({ text: '{"a":1}', json: true, size: 7, truncated: false });
    expect(logBodyOf({ a: 1 })).toEqual({ text: '{"a":1}', json: true, size: 7, truncated: false });
  });
});
