import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptField, logpushEvent, rsaKeyPair } from '../test-support/logpush-fixtures.ts';
import { importLogs } from './import-logs.ts';
import { openLocalGateway, type LocalGateway } from './index.ts';
import { SEED_BODY_LOGS } from './seed-bodies.ts';
import { Store } from './store.ts';

let dataDir: string;
let gateway: LocalGateway;

const get = (path: string) =>
  gateway.fetch(
    new Request(`http://local/client/v4/accounts/${gateway.accountId}/ai-gateway/gateways/${path}`, {
      headers: { authorization: `Bearer ${gateway.token}` },
    }),
  );

const firstLogs = async (gw: string, direction: 'asc' | 'desc') => {
  const answer = (await (await get(`${gw}/logs?per_page=1&order_by=created_at&order_by_direction=${direction}`)).json()) as {
    result: { id: string; success: boolean }[];
    result_info: { total_count: number };
  };
  return { logs: answer.result, total: answer.result_info.total_count };
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'log-bodies-'));
  gateway = await openLocalGateway({ dataDir, seedLogs: 1200 });
});
afterAll(async () => {
  await gateway.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('log request and response bodies', () => {
  it('serves the seed’s sample bodies of the newest logs as raw JSON, in the provider’s shape', async () => {
    const [newest] = (await firstLogs('default', 'desc')).logs;
    const request = await get(`default/logs/${newest!.id}/request`);
    expect(request.status).toBe(200);
    expect(request.headers.get('content-type')).toContain('application/json');
    const body = (await request.json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).toMatch(/"role":"user"/);
    const response = await get(`default/logs/${newest!.id}/response`);
    expect(response.status).toBe(200);
    const answer = JSON.stringify(await response.json());
    expect(answer).toMatch(newest!.success ? /assistant|model/ : /error/);
  });

  it('answers 404 (code 7002) for a log that kept no body, an unknown log, or a log of another gateway', async () => {
    const { logs, total } = await firstLogs('default', 'asc');
    expect(total).toBeGreaterThan(SEED_BODY_LOGS);
    const [newest] = (await firstLogs('default', 'desc')).logs;
    for (const path of [`default/logs/${logs[0]!.id}/request`, 'default/logs/NOSUCHLOG/response', `production/logs/${newest!.id}/request`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { errors: { code: number }[] }).errors[0]!.code).toBe(7002);
    }
  });

  it('serves a decrypted Logpush body, and a text body as text', async () => {
    const keys = rsaKeyPair();
    const store = new Store(dataDir);
    try {
      const lines = [
        logpushEvent(1, { RequestBody: encryptField('{"messages":[{"role":"user","content":"Hi"}]}', keys.publicKey), ResponseBody: 'upstream connect error' }),
      ].map((e) => JSON.stringify(e));
      const result = importLogs(store, undefined, lines.join('\n'), { privateKey: createPrivateKey(keys.privateKeyPem) });
      expect(result).toMatchObject({ ok: true, imported: 1 });
    } finally {
      store.close();
    }
    const [log] = (await firstLogs('logpush-gw', 'desc')).logs;
    const request = await get(`logpush-gw/logs/${log!.id}/request`);
    expect(await request.json()).toEqual({ messages: [{ role: 'user', content: 'Hi' }] });
    const response = await get(`logpush-gw/logs/${log!.id}/response`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toBe('upstream connect error');
  });
});
