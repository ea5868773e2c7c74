import { serve } from '@hono/node-server';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { importLogFile, importLogs } from '../import-logs.ts';
import { openLocalGateway } from '../index.ts';
import { Store } from '../store.ts';
import { FakeLogsApi, fakeLogs, type Fault } from './fake-logs-api.ts';
import { sourcesOf } from './log-sources.ts';
import { LogsApi, retryAfterMs, type LogsApiSource } from './logs-api.ts';
import { Pacer } from './pacer.ts';
import { runSync } from './run-sync.ts';
import { readSyncState, syncGateway } from './sync-gateway.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const TOKEN = 'test-token-never-printed';
const START = Date.parse('2026-10-01T00:00:00.000Z');
const FAST_RETRY = { timeoutMs: 400, backoffMs: 20, maxBackoffMs: 50 };

let dataDir: string;
let fake: FakeLogsApi | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sync-test-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function fakeApi(options: { faults?: Map<number, Fault>; beforeCall?: (call: number, api: FakeLogsApi) => void; itemsCarryFeedback?: boolean } = {}) {
  fake = new FakeLogsApi({ accountId: ACCOUNT, token: TOKEN, ...options });
  const baseUrl = await fake.listen();
  return { api: fake, source: { baseUrl, accountId: ACCOUNT, token: TOKEN } satisfies LogsApiSource };
}

/** An empty store (no seed logs) in the test's data dir. */
async function emptyStore(): Promise<Store> {
  await (await openLocalGateway({ dataDir, seedLogs: 0, queryThreads: 0 })).close();
  return new Store(dataDir);
}

const localIds = (store: Store, gatewayId: string) =>
  (store.db.prepare('SELECT id FROM logs WHERE gateway_id = ? ORDER BY id').pluck().all(gatewayId) as string[]);

/** Every field the fake serves, as stored, compared log by log. */
function expectSameLogs(store: Store, gatewayId: string, api: FakeLogsApi) {
  expect(localIds(store, gatewayId)).toEqual(api.ids(gatewayId));
  for (const log of api.all(gatewayId)) {
    const row = store.logs.get(gatewayId, log.id)!;
    expect({ t: row.created_at, model: row.model, duration: row.duration, cost: row.cost, feedback: row.feedback, metadata: row.metadata }, log.id).toEqual({
      t: Date.parse(log.created_at),
      model: log.model,
      duration: log.duration,
      cost: log.cost,
      feedback: log.feedback,
      metadata: log.metadata,
    });
  }
}

const fastApi = (source: LogsApiSource, retry = {}) => new LogsApi(source, new Pacer({ perWindow: 1100, burst: 50, windowMs: 300_000 }), { ...FAST_RETRY, ...retry });

describe('sync against a fake Logs API', () => {
  it('copies every log once: paging, more than a page at one instant, feedback read by filtered walks', async () => {
    const { api, source } = await fakeApi();
    // 130 logs at one millisecond (more than two pages) and 1,100 more, 1 ms to 3 ms apart.
    api.add('prod', fakeLogs('A', 1230, START, 2, { sameInstant: 130, feedbackEvery: 9 }));
    const store = await emptyStore();
    try {
      const result = await syncGateway(store, fastApi(source), source, 'prod');
      expect(result.stored).toBe(1230);
      // The cursor's overlap (the last instant of each page, read again by the next call) is not "already here".
      expect(result.alreadyPresent).toBe(0);
      expect(result.feedbackUpdated).toBe(api.all('prod').filter((l) => l.feedback !== 0).length);
      expectSameLogs(store, 'prod', api);
      // Every call asked for created_at order and one JSON filters parameter.
      for (const call of api.calls) expect(call).toMatch(/order_by=created_at&order_by_direction=asc/);
      expect(api.calls.some((c) => decodeURIComponent(c).includes('"key":"created_at","operator":"gt"'))).toBe(true);
      // 1230 logs need 25 pages at least; the instant walk and the cursor overlap cost a few more.
      expect(result.calls).toBeLessThan(45);
      const state = readSyncState(store, 'prod')!;
      expect(state).toMatchObject({ source: `${ACCOUNT}/prod`, synced: 1230, cursor: Date.parse(api.all('prod').at(-1)!.created_at) });
      expect(state.lastSyncedAt).not.toBeNull();
      // The provenance row commits with the logs.
      expect(sourcesOf(store.db, 'prod', store.logs.count('prod'))).toEqual([
        { gatewayId: 'prod', kind: 'sync', label: `account ${ACCOUNT}, gateway prod`, logs: 1230, at: state.lastSyncedAt },
      ]);
    } finally {
      store.close();
    }
  });

  it('takes logs arriving during the sync, and a second sync fetches only what is new', async () => {
    let arrived = 0;
    const { api, source } = await fakeApi({
      beforeCall: (call, fakeApi) => {
        // New logs land while the walk is on page 5 and page 9 (newer than anything before them).
        if (call === 5 || call === 9) {
          fakeApi.add('prod', fakeLogs(`N${call}`, 40, START + 1_000_000 + call * 1000, 5));
          arrived += 40;
        }
      },
    });
    api.add('prod', fakeLogs('A', 600, START, 3));
    const store = await emptyStore();
    try {
      const first = await syncGateway(store, fastApi(source), source, 'prod');
      expect(arrived).toBe(80);
      expect(first.stored).toBe(680);
      expect(first.alreadyPresent).toBe(0);
      expectSameLogs(store, 'prod', api);

      api.add('prod', fakeLogs('B', 75, START + 5_000_000, 7));
      const callsBefore = api.calls.length;
      const second = await syncGateway(store, fastApi(source), source, 'prod');
      expect(second.stored).toBe(75);
      expect(second.alreadyPresent).toBe(0);
      expectSameLogs(store, 'prod', api);
      // One call counts the late-arrival window, two pages read the 75 new logs, two read their feedback.
      expect(api.calls.length - callsBefore).toBeLessThanOrEqual(5);

      // Up to date: a third sync stores nothing and costs four calls (the late window's count, one page,
      // and the feedback window's two walks).
      const third = await syncGateway(store, fastApi(source), source, 'prod');
      expect(third.stored).toBe(0);
      expect(third.calls).toBe(4);
      expect(readSyncState(store, 'prod')!.synced).toBe(755);
    } finally {
      store.close();
    }
  });

  it('picks up a late log that arrived behind the cursor, within the late window', async () => {
    const { api, source } = await fakeApi();
    api.add('prod', fakeLogs('A', 120, START, 1000));
    const store = await emptyStore();
    try {
      await syncGateway(store, fastApi(source), source, 'prod');
      // A long request is logged late with its start time, behind logs already synced.
      api.add('prod', fakeLogs('L', 1, START + 60_500, 1));
      const again = await syncGateway(store, fastApi(source), source, 'prod', { lateWindowMs: 120_000 });
      expect(again.stored).toBe(1);
      expectSameLogs(store, 'prod', api);
    } finally {
      store.close();
    }
  });

  it('reads feedback given after a log was synced, within the feedback window, and not before it', async () => {
    const { api, source } = await fakeApi();
    // 300 logs a minute apart: the last 100 are inside a 100-minute window before the newest.
    api.add('prod', fakeLogs('A', 300, START, 60_000));
    const store = await emptyStore();
    try {
      await syncGateway(store, fastApi(source), source, 'prod');
      const [old, recent, recentToo] = [api.all('prod')[10]!, api.all('prod')[250]!, api.all('prod')[290]!];
      for (const log of [old, recent, recentToo]) api.setFeedback('prod', log.id, log === recentToo ? -1 : 1);
      const again = await syncGateway(store, fastApi(source), source, 'prod', { feedbackWindowMs: 100 * 60_000 });
      expect(again.stored).toBe(0);
      expect(again.feedbackUpdated).toBe(2);
      expect(store.logs.get('prod', recent.id)!.feedback).toBe(1);
      expect(store.logs.get('prod', recentToo.id)!.feedback).toBe(-1);
      // Outside the window: left as synced (a wider window, or none, is the caller's choice).
      expect(store.logs.get('prod', old.id)!.feedback).toBe(0);
    } finally {
      store.close();
    }
  });

  it('waits out a 429 for its retry-after, retries a 500 and a hang, and ends with exactly the logs', async () => {
    const faults = new Map<number, Fault>([
      [2, { kind: 'rate-limit', retryAfterSeconds: 1 }],
      [4, { kind: 'server-error' }],
      [5, { kind: 'server-error', status: 503 }],
      [7, { kind: 'hang' }],
    ]);
    const { api, source } = await fakeApi({ faults });
    api.add('prod', fakeLogs('A', 400, START, 3));
    const store = await emptyStore();
    try {
      const logsApi = fastApi(source);
      const began = Date.now();
      const result = await syncGateway(store, logsApi, source, 'prod');
      expect(Date.now() - began).toBeGreaterThanOrEqual(1000);
      expect(logsApi.rateLimited).toBe(1);
      expect(logsApi.retries).toBe(3);
      expect(result.stored).toBe(400);
      expectSameLogs(store, 'prod', api);
    } finally {
      store.close();
    }
  });

  it('gives up after its retry limit, says so without the token, keeps what it stored, and a later run completes', async () => {
    const faults = new Map<number, Fault>();
    for (let call = 6; call <= 20; call++) faults.set(call, { kind: 'server-error' });
    const { api, source } = await fakeApi({ faults });
    api.add('prod', fakeLogs('A', 800, START, 3));
    const store = await emptyStore();
    try {
      const [outcome] = await runSync(store, source, ['prod'], { retry: { ...FAST_RETRY, maxRetries: 3 } });
      expect(outcome).toMatchObject({ ok: false, retryable: true });
      if (!outcome || outcome.ok) throw new Error('expected a failure');
      expect(outcome.message).toContain('failed 4 times in a row on gateway prod (last: 500: Internal Server Error)');
      expect(outcome.message).not.toContain(TOKEN);
      // What was committed is consistent: every fake log at or before the stored cursor is stored.
      const state = readSyncState(store, 'prod');
      const stored = new Set(localIds(store, 'prod'));
      const covered = api.all('prod').filter((l) => state?.cursor != null && Date.parse(l.created_at) <= state.cursor);
      for (const log of covered) expect(stored.has(log.id), log.id).toBe(true);
      expect(stored.size).toBeLessThan(800);

      faults.clear();
      const [again] = await runSync(store, source, ['prod'], { retry: FAST_RETRY });
      expect(again!.ok).toBe(true);
      expectSameLogs(store, 'prod', api);
    } finally {
      store.close();
    }
  });

  it('names a refused token and an unknown gateway, and syncs the other gateways', async () => {
    const { api, source } = await fakeApi();
    api.add('prod', fakeLogs('A', 10, START, 3));
    const store = await emptyStore();
    try {
      const outcomes = await runSync(store, source, ['missing', 'prod'], { retry: FAST_RETRY });
      expect(outcomes[0]).toMatchObject({ ok: false, retryable: false, message: `gateway missing was not found in account ${ACCOUNT} (404: Not Found)` });
      expect(outcomes[1]!.ok).toBe(true);
      const [refused] = await runSync(store, { ...source, token: 'wrong' }, ['prod'], { retry: FAST_RETRY });
      expect(refused).toMatchObject({ ok: false, retryable: false });
      expect(!refused!.ok && refused!.message).toContain('the API refused the token (403: Authentication error)');
    } finally {
      store.close();
    }
  });

  it('reads retry-after as seconds or a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }))).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4000)).toBe(6000);
    expect(retryAfterMs(new Headers())).toBe(300_000);
  });

  it('keeps every window of 5 minutes inside the budget it is given', async () => {
    let t = 0;
    const pacer = new Pacer({ perWindow: 550, burst: 50, windowMs: 300_000, now: () => t, sleep: async (ms) => void (t += ms) });
    const starts: number[] = [];
    for (let i = 0; i < 2000; i++) {
      await pacer.acquire();
      starts.push(t);
    }
    let worst = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (starts[i]! - starts[j]! >= 300_000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(600);
    expect(() => new Pacer({ perWindow: 1200, burst: 50, windowMs: 300_000 })).toThrow(/at most 1200/);
  });
});

describe('sync from the command line', () => {
  const cli = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'local-gateway', 'cli.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, ...env },
      encoding: 'utf8',
    });

  it('lists import and sync in --help, and names a missing variable', async () => {
    const help = cli(['--help'], {});
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('import FILE|FOLDER');
    expect(help.stdout).toContain('sync --gateway ID [--gateway ID…]');
    const missing = cli(['sync', '--gateway', 'prod'], { CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_ACCOUNT_ID: ACCOUNT });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('CLOUDFLARE_API_TOKEN must be set');
  });

  it('resumes after SIGKILL mid-sync and ends with exactly the fake logs, each stored once', async () => {
    let child: ReturnType<typeof spawn> | undefined;
    let killedAt = 0;
    const { api, source } = await fakeApi({
      beforeCall: (call) => {
        // Killed while a call is in flight, with pages read but not yet committed.
        if (call === 23 && child) {
          killedAt = call;
          child.kill('SIGKILL');
        }
      },
    });
    api.add('prod', fakeLogs('A', 2000, START, 3, { feedbackEvery: 13 }));
    api.add('eu', fakeLogs('E', 300, START, 5));
    (await emptyStore()).close();
    const env = { ...process.env, DATA_DIR: dataDir, CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_BASE_URL: source.baseUrl };
    const args = ['--import', 'tsx', join(repoRoot, 'src', 'local-gateway', 'cli.ts'), 'sync', '--gateway', 'prod', '--gateway', 'eu', '--calls-per-5min', '1150'];
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: 'ignore' });
      child.on('exit', (_code, sig) => resolve(sig));
    });
    expect(signal).toBe('SIGKILL');
    expect(killedAt).toBe(23);
    const partial = new Store(dataDir);
    try {
      expect(partial.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = partial.logs.count('prod');
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(2000);
    } finally {
      partial.close();
    }

    // Not spawnSync: the fake answers from this process, whose event loop must keep running.
    const resumed = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const run = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      run.on('exit', (status) => resolve({ status, stdout, stderr }));
    });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/^prod: up to date; \d+ new logs stored/m);
    expect(resumed.stdout).toContain('eu: up to date; 300 new logs stored');
    expect(resumed.stdout + resumed.stderr).not.toContain(TOKEN);
    const store = new Store(dataDir);
    try {
      expectSameLogs(store, 'prod', api);
      expectSameLogs(store, 'eu', api);
      expect(readSyncState(store, 'prod')!.synced).toBe(2000);
    } finally {
      store.close();
    }
  }, 60_000);
});

describe('sync with the local gateway as the upstream', () => {
  it('full, incremental, compared id by id with the source store', async () => {
    const sourceDir = mkdtempSync(join(tmpdir(), 'sync-source-'));
    const upstream = await openLocalGateway({ dataDir: sourceDir, seedLogs: 3000, queryThreads: 0 });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: upstream.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    const source: LogsApiSource = { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`, accountId: upstream.accountId, token: upstream.token };
    const sourceStore = new Store(sourceDir);
    const store = await emptyStore();
    try {
      const sourceIds = (gw: string) => sourceStore.db.prepare('SELECT id FROM logs WHERE gateway_id = ? ORDER BY id').pluck().all(gw) as string[];
      const sourceFeedback = (gw: string) => sourceStore.db.prepare('SELECT id, feedback FROM logs WHERE gateway_id = ? ORDER BY id').all(gw);
      const outcomes = await runSync(store, source, ['default', 'production'], { callsPer5Min: 1150, retry: FAST_RETRY });
      expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
      for (const gw of ['default', 'production']) {
        expect(localIds(store, gw)).toEqual(sourceIds(gw));
        // The local gateway's list items carry feedback, so it comes along without filtered walks.
        expect(store.db.prepare('SELECT id, feedback FROM logs WHERE gateway_id = ? ORDER BY id').all(gw)).toEqual(sourceFeedback(gw));
      }

      // New logs at the source, after the last synced one.
      const later = new Date(Date.now() + 60_000).toISOString();
      const added = importLogs(sourceStore, 'default', [1, 2, 3].map((i) => JSON.stringify({ id: `NEW${i}`, created_at: later, provider: 'openai', model: 'gpt-4o', path: 'v1/chat/completions', duration: 300, success: true, cached: false, tokens_in: 10, tokens_out: 5 })).join('\n'));
      expect(added.ok).toBe(true);
      const [again] = await runSync(store, source, ['default'], { callsPer5Min: 1150, retry: FAST_RETRY });
      expect(again!.ok && again!.result.stored).toBe(3);
      // The late window's count and two pages, then the feedback window's walks: one page per 50 rated logs
      // of the last 7 days before the newest, and a last short page, for each of thumbs up and thumbs down.
      const since = Date.parse(later) - 7 * 86_400_000;
      const rated = (value: number) => sourceStore.db.prepare('SELECT count(*) FROM logs WHERE gateway_id = ? AND feedback = ? AND created_at >= ?').pluck().get('default', value, since) as number;
      const walkPages = Math.floor(rated(1) / 50) + 1 + Math.floor(rated(-1) / 50) + 1;
      expect(again!.ok && again!.result.calls).toBeLessThanOrEqual(3 + walkPages);
      expect(localIds(store, 'default')).toEqual(sourceIds('default'));
    } finally {
      store.close();
      sourceStore.close();
      await new Promise((resolve) => server.close(resolve));
      await upstream.close();
      rmSync(sourceDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('provenance', () => {
  it('records an imported file and a sync with their logs, and counts the rest as seeded', async () => {
    await (await openLocalGateway({ dataDir, seedLogs: 300, queryThreads: 0 })).close();
    const { api, source } = await fakeApi();
    api.add('default', fakeLogs('S', 30, START, 3));
    const store = new Store(dataDir);
    try {
      const seeded = store.logs.count('default');
      const file = join(dataDir, 'export-1.jsonl');
      const line = (i: number) => JSON.stringify({ id: `F${i}`, created_at: '2026-09-01T10:00:00Z', provider: 'openai', model: 'gpt-4o', path: 'v1/chat/completions', duration: 300, success: true, cached: false, tokens_in: 10, tokens_out: 5 });
      writeFileSync(file, [1, 2, 3, 4].map(line).join('\n'));
      expect((await importLogFile(store, file, { gatewayId: 'default' })).ok).toBe(true);
      // The same file again adds no logs and leaves its row as it was.
      expect((await importLogFile(store, file, { gatewayId: 'default' })).ok).toBe(true);
      await syncGateway(store, fastApi(source), source, 'default');
      const sources = sourcesOf(store.db, 'default', store.logs.count('default'));
      expect(sources.map(({ kind, label, logs }) => ({ kind, label, logs }))).toEqual([
        { kind: 'sync', label: `account ${ACCOUNT}, gateway default`, logs: 30 },
        { kind: 'file', label: 'export-1.jsonl', logs: 4 },
        { kind: 'seed', label: 'generated demo logs', logs: seeded },
      ]);
    } finally {
      store.close();
    }
    const info = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'local-gateway', 'cli.ts'), 'info'], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    const parsed = JSON.parse(info.stdout) as { gateways: { id: string; sources: { kind: string; logs: number }[] }[] };
    expect(parsed.gateways.find((g) => g.id === 'default')!.sources.map((s) => s.kind)).toEqual(['sync', 'file', 'seed']);
  });
});
