import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Projections } from './projections.ts';
import { generateLogs } from './seed.ts';
import { Store, STORE_FILE_NAME } from './store.ts';
import { caller, openTestGateway } from './test-helpers.ts';

/**
 * Another process (the CLI importing or seeding) writes to the same store while the server answers.
 * These tests put that other writer's commit exactly where it hurts, through a second connection.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function setup(seedLogs = 200) {
  const t = await openTestGateway({ seedLogs });
  cleanup.push(t.dispose);
  const other = new Store(t.dataDir);
  cleanup.push(() => other.close());
  return { ...t, call: caller(t.gateway), other };
}

/**
 * Holds the store's write lock from a worker thread (as another process would) for `holdMs`. The lock
 * must live outside this thread: a write waiting on busy_timeout blocks this thread's timers.
 */
async function holdWriteLock(dataDir: string, holdMs: number): Promise<{ released: Promise<void> }> {
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.sqlitePath);
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, workerData.holdMs);`,
    { eval: true, workerData: { sqlitePath, file: join(dataDir, STORE_FILE_NAME), holdMs } },
  );
  let released!: () => void;
  const releasedPromise = new Promise<void>((r) => (released = r));
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m) => (m === 'locked' ? resolve() : m === 'released' && released()));
  });
  cleanup.push(async () => {
    await releasedPromise;
    await worker.terminate();
  });
  return { released: releasedPromise };
}

const firstLogId = async (call: ReturnType<typeof caller>, gatewayId: string): Promise<string> =>
  (await call('GET', `/gateways/${gatewayId}/logs?per_page=1`)).body.result[0].id;

describe('a PATCH while another process writes logs', () => {
  it('leaves the projection stale (rebuilt at the next read) when the other commit lands between its read and its write', async () => {
    const { call, other } = await setup();
    const id = await firstLogId(call, 'default');
    // The other process commits right after the PATCH took its projection, before its transaction began.
    const get = Projections.prototype.get;
    vi.spyOn(Projections.prototype, 'get').mockImplementationOnce(function (this: Projections, gatewayId: string) {
      const cols = get.call(this, gatewayId);
      other.logs.insert(generateLogs('default', 5, { endMs: Date.parse('2026-03-01T00:00:00Z'), seed: 11 }));
      return cols;
    });
    expect((await call('PATCH', `/gateways/default/logs/${id}`, { body: { feedback: 1 } })).status).toBe(200);
    const list = await call('GET', '/gateways/default/logs?per_page=1');
    expect(list.body.result_info.total_count).toBe(other.logs.count('default'));
    const liked = await call('GET', `/gateways/default/logs?per_page=1&filters=${encodeURIComponent(JSON.stringify([{ key: 'feedback', operator: 'eq', value: [1] }]))}`);
    expect(liked.body.result_info.total_count).toBe(
      (other.db.prepare("SELECT count(*) AS n FROM logs WHERE gateway_id = 'default' AND feedback = 1").get() as { n: number }).n,
    );
  });

  it('still counts as its own write when nobody else wrote (no rebuild)', async () => {
    const { call } = await setup();
    const id = await firstLogId(call, 'default');
    expect((await call('PATCH', `/gateways/default/logs/${id}`, { body: { feedback: -1 } })).status).toBe(200);
    const rebuild = vi.spyOn(Projections.prototype, 'rebuild');
    await call('GET', '/gateways/default/logs?per_page=1');
    expect(rebuild).not.toHaveBeenCalled();
  });
});

describe('writes while another connection holds the write lock', () => {
  it('wait for it (busy_timeout) instead of failing at once with SQLITE_BUSY', async () => {
    const { call, dataDir } = await setup(50);
    const id = await firstLogId(call, 'default');
    const dataset = await call('POST', '/gateways/default/datasets', { body: { name: 'to delete', enable: true, filters: [] } });
    expect(dataset.status).toBe(200);

    let lock = await holdWriteLock(dataDir, 150);
    const patched = await call('PATCH', `/gateways/default/logs/${id}`, { body: { feedback: 1, score: 50 } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await lock.released;
    expect((await call('GET', `/gateways/default/logs/${id}`)).body.result).toMatchObject({ feedback: 1, score: 50 });

    lock = await holdWriteLock(dataDir, 150);
    const deleted = await call('DELETE', `/gateways/default/datasets/${dataset.body.result.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    await lock.released;
    expect((await call('GET', `/gateways/default/datasets/${dataset.body.result.id}`)).status).toBe(404);
  });
});

describe('a list page and its total', () => {
  it('come from one snapshot even when another connection commits between them', async () => {
    const { dataDir } = await setup(10);
    const store = new Store(dataDir);
    cleanup.push(() => store.close());
    const other = new Store(dataDir);
    cleanup.push(() => other.close());
    for (const name of ['alpha one', 'alpha two', 'alpha three']) other.datasets.create('default', { name, enable: true, filters: [] });
    // fold_case runs in both the count and the page statement of a name search: the first call (inside
    // the count) lets the other connection commit one more match before the page is read.
    let injected = false;
    store.db.function('fold_case', { deterministic: true }, (text: unknown) => {
      if (!injected) {
        injected = true;
        other.datasets.create('default', { name: 'alpha four', enable: true, filters: [] });
      }
      return typeof text === 'string' ? text.toLowerCase() : text;
    });
    const page = store.datasets.list('default', { page: 1, per_page: 50, name: 'alpha' });
    expect(injected).toBe(true);
    expect(page.items.length).toBe(page.total);
  });
});

describe('with the scans on worker threads', () => {
  it('counts see this process\'s feedback PATCH at once and another process\'s logs after the rebuild', async () => {
    // Every scan goes to the workers, however small the gateway.
    const t = await openTestGateway({ seedLogs: 400, queryThreads: 2, inlineScanBelow: 0 });
    cleanup.push(t.dispose);
    const call = caller(t.gateway);
    const other = new Store(t.dataDir);
    cleanup.push(() => other.close());
    const liked = `/gateways/default/logs?per_page=1&filters=${encodeURIComponent(JSON.stringify([{ key: 'feedback', operator: 'eq', value: [1] }]))}`;
    const sqlLiked = () => (other.db.prepare("SELECT count(*) AS n FROM logs WHERE gateway_id = 'default' AND feedback = 1").get() as { n: number }).n;
    const id = (await call('GET', `/gateways/default/logs?per_page=1&filters=${encodeURIComponent(JSON.stringify([{ key: 'feedback', operator: 'eq', value: [0] }]))}`)).body.result[0].id;
    expect((await call('GET', liked)).body.result_info.total_count).toBe(sqlLiked());
    expect((await call('PATCH', `/gateways/default/logs/${id}`, { body: { feedback: 1 } })).status).toBe(200);
    expect((await call('GET', liked)).body.result_info.total_count).toBe(sqlLiked());
    other.logs.insert(generateLogs('default', 50, { endMs: Date.parse('2026-03-01T00:00:00Z'), seed: 12 }));
    const all = await call('GET', '/gateways/default/logs?per_page=5&meta_info=true');
    expect(all.body.result_info.total_count).toBe(other.logs.count('default'));
    expect((await call('GET', liked)).body.result_info.total_count).toBe(sqlLiked());
  });
});
