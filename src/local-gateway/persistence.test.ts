import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalGateway } from './index.ts';
import { caller, waitProcessed } from './test-helpers.ts';

let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'persistence-test-'));
  await (await openLocalGateway({ dataDir, seedLogs: 1000 })).close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence across restarts', () => {
  it('keeps the account and token; the token file is private; an unprocessed evaluation resumes at open', async () => {
    // Jobs held for a minute: the evaluation below is still unprocessed when this gateway closes.
    const first = await openLocalGateway({ dataDir, evaluationDelayMs: 60_000 });
    expect(first.accountId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.token).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(readFileSync(first.tokenFile, 'utf8').trim()).toBe(first.token);
    expect(statSync(first.tokenFile).mode & 0o777).toBe(0o600);

    const call1 = caller(first);
    const dataset = (await call1('GET', '/gateways/default/datasets?per_page=1')).body.result[0];
    const types = (await call1('GET', '/evaluation-types')).body.result.map((t: { id: string }) => t.id);
    const created = (await call1('POST', '/gateways/default/evaluations', { body: { name: 'resume me', dataset_ids: [dataset.id], evaluation_type_ids: types } })).body.result;
    expect(created.processed).toBe(false);
    await first.close();

    const second = await openLocalGateway({ dataDir });
    try {
      expect(second.accountId).toBe(first.accountId);
      expect(second.token).toBe(first.token);
      const done = await waitProcessed(caller(second), 'default', created.id);
      expect(done.body.result.processed).toBe(true);
      expect(done.body.result.results.map((r: { status: number }) => r.status)).not.toContain(0);
    } finally {
      await second.close();
    }
  });

  it('answers PUT with exactly the seven dataset fields', async () => {
    const gateway = await openLocalGateway({ dataDir });
    try {
      const call = caller(gateway);
      const id = (await call('GET', '/gateways/production/datasets?per_page=1')).body.result[0].id;
      const res = await call('PUT', `/gateways/production/datasets/${id}`, { body: { name: 'n', enable: false, filters: [] } });
      expect(res.body.success).toBe(true);
      expect(Object.keys(res.body.result).sort()).toEqual(['created_at', 'enable', 'filters', 'gateway_id', 'id', 'modified_at', 'name']);
    } finally {
      await gateway.close();
    }
  });
});
