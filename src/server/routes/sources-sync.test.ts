import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema, pageOf } from '../../shared/envelope.ts';
import { logSchema } from '../../shared/logs.ts';
import { logSourcesEnvelopeSchema, syncStatusEnvelopeSchema, type SyncStatus } from '../../shared/sources.ts';
import { openLocalGateway, type LocalGateway } from '../../local-gateway/index.ts';
import { FakeLogsApi, fakeLogs, type Fault } from '../../local-gateway/sync/fake-logs-api.ts';
import { syncSourceFromEnv } from '../../local-gateway/sync/sync-job.ts';
import { LocalSources } from '../../local-gateway/sync/upload-import.ts';
import { createApp } from '../app.ts';
import { localUpstream } from '../test-support/local.ts';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const TOKEN = 'sync-secret-token-0123456789-abcdefgh';
const START = Date.parse('2026-11-01T00:00:00Z');

let dataDir: string;
let gateway: LocalGateway;
let fake: FakeLogsApi;
const faults = new Map<number, Fault>();
const logLines: string[] = [];
/** Every answer the tests read, searched for the token at the end. */
const answers: string[] = [];
const opened: LocalSources[] = [];

/** The BFF over the shared local gateway, its sources syncing from the fake (or from nothing when `env` has no account). */
function appWith(env: NodeJS.ProcessEnv) {
  // Each call waits a little, so a test sees a sync running and can stop it mid-way.
  const slowFetch: typeof fetch = async (input, init) => {
    await new Promise((r) => setTimeout(r, 60));
    return fetch(input, init);
  };
  const sources = new LocalSources(dataDir, { config: syncSourceFromEnv(env), options: { fetchFn: slowFetch, retry: { maxRetries: 0, backoffMs: 1 } } });
  opened.push(sources);
  const upstream = localUpstream(gateway);
  const app = createApp({ upstream, localSources: sources, log: (line) => logLines.push(line) });
  const call = async (path: string, init?: RequestInit) => {
    const res = await app.request(path, init);
    const text = await res.text();
    answers.push(text);
    return { status: res.status, json: JSON.parse(text) as unknown };
  };
  return {
    status: async (): Promise<SyncStatus> => syncStatusEnvelopeSchema.parse((await call('/api/gateways/default/sources/sync')).json).result,
    act: (body: unknown) =>
      call('/api/gateways/default/sources/sync', { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    total: async () => pageOf(logSchema).parse((await call('/api/gateways/default/logs?per_page=1')).json).result_info?.total_count ?? 0,
    sources: async () => logSourcesEnvelopeSchema.parse((await call('/api/gateways/default/sources')).json).result,
  };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sources-sync-test-'));
  gateway = await openLocalGateway({ dataDir, seedLogs: 100, evaluationDelayMs: 0 });
  fake = new FakeLogsApi({ accountId: ACCOUNT, token: TOKEN, faults });
  const baseUrl = await fake.listen();
  env = { SYNC_CLOUDFLARE_API_TOKEN: TOKEN, SYNC_CLOUDFLARE_ACCOUNT_ID: ACCOUNT, SYNC_CLOUDFLARE_BASE_URL: baseUrl };
  fake.add('default', fakeLogs('S', 900, START, 1000));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
afterAll(async () => {
  await fake.close();
  await gateway.close();
  await rm(dataDir, { recursive: true, force: true });
  // The token went to the fake only: no answer and no log line carries it.
  for (const text of [...answers, ...logLines]) expect(text).not.toContain(TOKEN);
});

describe('sync from an account (local mode)', () => {
  it('says what to set when the server has no account to sync from, and refuses to start', async () => {
    const api = appWith({});
    const status = await api.status();
    expect(status).toMatchObject({ configured: false, account_id: null, job: null, last_synced_at: null });
    expect(status.missing).toMatch(/SYNC_CLOUDFLARE_API_TOKEN/);
    const res = await api.act({ action: 'start' });
    expect(res.status).toBe(400);
    expect(errorEnvelopeSchema.parse(res.json).errors[0]).toMatchObject({ path: ['action'] });
  });

  it('names the field of a bad action', async () => {
    const api = appWith(env);
    const res = await api.act({ action: 'explode' });
    expect(res.status).toBe(400);
    expect(errorEnvelopeSchema.parse(res.json).errors[0]!.path).toEqual(['body', 'action']);
    expect((await api.act({ action: 'pause' })).status).toBe(400);
  });

  it('runs a sync as a job with progress, cancels it mid-way, and a new start completes it with every log once', async () => {
    const api = appWith(env);
    const before = await api.total();
    expect((await api.act({ action: 'start' })).status).toBe(200);
    await until('progress', async () => ((await api.status()).job?.calls ?? 0) >= 4);
    const running = (await api.status()).job!;
    expect(running).toMatchObject({ status: 'running', expected: 900 });
    expect(running.eta_ms).toBeGreaterThan(0);

    const cancelled = syncStatusEnvelopeSchema.parse((await api.act({ action: 'cancel' })).json).result.job!;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.stored).toBeLessThan(900);
    // Whatever was committed before the cancel is kept and counted.
    const afterCancel = await api.total();
    expect(afterCancel - before).toBeLessThan(900);

    await api.act({ action: 'start' });
    const fresh = (await api.status()).job!;
    expect(fresh.status).toBe('running');
    await until('the sync to end', async () => (await api.status()).job?.status === 'done');
    const done = await api.status();
    expect(done.job!.stored).toBe(900 - (afterCancel - before));
    expect(done.last_synced_at).not.toBeNull();
    expect(await api.total()).toBe(before + 900);
    expect((await api.sources())[0]).toMatchObject({ kind: 'sync', logs: 900 });
    expect((await api.sources())[0]!.label).toContain(ACCOUNT);
  });

  it('pauses and resumes one job, which keeps counting; incremental: only new logs come', async () => {
    fake.add('default', fakeLogs('T', 400, START + 2_000_000, 1000));
    const api = appWith(env);
    const before = await api.total();
    await api.act({ action: 'start' });
    await until('progress', async () => ((await api.status()).job?.calls ?? 0) >= 3);
    const paused = syncStatusEnvelopeSchema.parse((await api.act({ action: 'pause' })).json).result.job!;
    expect(paused.status).toBe('paused');
    await api.act({ action: 'start' });
    await until('the sync to end', async () => (await api.status()).job?.status === 'done');
    const job = (await api.status()).job!;
    expect(job.stored).toBe(400);
    expect(job.started_at).toBe(paused.started_at);
    expect(await api.total()).toBe(before + 400);
  });

  it('reports a failed call as a retryable error, and Retry carries on', async () => {
    fake.add('default', fakeLogs('U', 60, START + 4_000_000, 1000));
    const api = appWith(env);
    const before = await api.total();
    // The next list call fails; with no retries allowed the job stops there.
    faults.set(fake.calls.length + 1, { kind: 'server-error', status: 502 });
    await api.act({ action: 'start' });
    await until('the failure', async () => (await api.status()).job?.status === 'failed');
    const failed = (await api.status()).job!;
    expect(failed.error).toMatchObject({ retryable: true });
    expect(failed.error!.message).toMatch(/502|server/i);
    await api.act({ action: 'start' });
    await until('the retry to end', async () => (await api.status()).job?.status === 'done');
    expect(await api.total()).toBe(before + 60);
  });
});
