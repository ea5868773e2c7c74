import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../local-gateway/store.ts';
import { spawnServer, type ChildServer } from './spawn-server.ts';
import { WriteLedger } from './write-ledger.ts';

// A write storm through the real server process, killed with SIGKILL mid-storm, three times. After each
// kill the SQLite file is intact, every acknowledged write is there with its value (or a later one that
// was in flight), and every acknowledged evaluation ends processed once the server is back.

const ROUNDS = 3;
const WORKERS = 8;
/** Kill once this many writes were acknowledged in the round (so the storm is in full flow). */
const KILL_AFTER_ACKS = 120;
const GW = 'default';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-storm-'));
let server: ChildServer | undefined;
afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = { DATA_DIR: dataDir, SEED_LOGS: '2000', LOCAL_GATEWAY_EVALUATION_DELAY_MS: '300' };

// Tests read arbitrary envelope fields; the status checks are what matter here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/api/gateways/${GW}${path}`, {
    method,
    headers: { origin: base, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, json: await res.json() };
}

const datasets = new WriteLedger<string>(); // dataset id → name
const feedback = new WriteLedger<number>(); // log id → feedback
const evaluations: string[] = [];
let typeId = '';
let logIds: string[] = [];

/** One worker: its own datasets and its own logs, so its writes to a key are sequential. */
async function worker(base: string, w: number, round: number, stop: { now: boolean }, onAck: () => void) {
  const mine: string[] = [];
  const myLogs = logIds.filter((_, i) => i % WORKERS === w);
  for (let n = 0; !stop.now; n++) {
    try {
      const op = n % 4;
      if (op === 0 || mine.length === 0) {
        const name = `storm r${round} w${w} n${n}`;
        const res = await call(base, 'POST', '/datasets', { name, enable: true, filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }] });
        if (res.status === 200) {
          datasets.ack(res.json.result.id, name);
          mine.push(res.json.result.id);
          onAck();
        }
      } else if (op === 1) {
        const id = mine[n % mine.length]!;
        const name = `renamed r${round} w${w} n${n}`;
        datasets.send(id, name);
        const res = await call(base, 'PUT', `/datasets/${id}`, { name, enable: n % 2 === 0, filters: [] });
        if (res.status === 200) {
          datasets.ack(id, name);
          onAck();
        }
      } else if (op === 2) {
        const id = myLogs[n % myLogs.length]!;
        const value = [-1, 0, 1][(n + round) % 3]!;
        feedback.send(id, value);
        const res = await call(base, 'PATCH', `/logs/${id}`, { feedback: value });
        if (res.status === 200) {
          feedback.ack(id, value);
          onAck();
        }
      } else {
        const res = await call(base, 'POST', '/evaluations', { name: `storm ev r${round} w${w} n${n}`, dataset_ids: [mine[0]!], evaluation_type_ids: [typeId] });
        if (res.status === 200) {
          evaluations.push(res.json.result.id);
          onAck();
        }
      }
    } catch {
      // The process was killed under this request: no answer, so not acknowledged.
      return;
    }
  }
}

function expectIntact() {
  const db = new Database(join(dataDir, STORE_FILE_NAME));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

async function expectEveryAcknowledgedWrite(base: string) {
  for (const id of datasets.ackedKeys()) {
    const res = await call(base, 'GET', `/datasets/${id}`);
    expect(res.status, `dataset ${id}`).toBe(200);
    expect(datasets.allowed(id), `dataset ${id}`).toContain(res.json.result.name);
  }
  for (const id of feedback.ackedKeys()) {
    const res = await call(base, 'GET', `/logs/${id}`);
    expect(feedback.allowed(id), `log ${id}`).toContain(res.json.result.feedback ?? 0);
  }
  // Jobs resume at open: every acknowledged evaluation ends processed. Bounded by the test's timeout.
  for (const id of evaluations) {
    for (;;) {
      const res = await call(base, 'GET', `/evaluations/${id}`);
      expect(res.status, `evaluation ${id}`).toBe(200);
      if (res.json.result.processed) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs mid-storm`, async () => {
  let unprocessedAtKill = 0;
  for (let round = 0; round < ROUNDS; round++) {
    server = await spawnServer(env);
    const base = server.url;
    if (round === 0) {
      typeId = (await (await fetch(`${base}/api/evaluation-types`)).json()).result[0].id;
      const pages = await Promise.all([1, 2, 3].map((p) => call(base, 'GET', `/logs?per_page=50&page=${p}`)));
      logIds = pages.flatMap((p) => p.json.result.map((l: { id: string }) => l.id));
    } else {
      await expectEveryAcknowledgedWrite(base);
    }

    const stop = { now: false };
    let acks = 0;
    let workers: Promise<void>[] = [];
    const enough = new Promise<void>((r) => {
      const onAck = () => {
        if (++acks === KILL_AFTER_ACKS) r();
      };
      workers = Array.from({ length: WORKERS }, (_, w) => worker(base, w, round, stop, onAck));
    });
    await enough;
    // Killed while every worker still has a request out.
    await server.kill();
    stop.now = true;
    await Promise.all(workers);
    expectIntact();
    const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true });
    unprocessedAtKill += (db.prepare('SELECT count(*) AS n FROM evaluations WHERE processed = 0').get() as { n: number }).n;
    db.close();
  }
  // The storm did what it claims: many writes, and evaluations were cut off mid-job.
  expect(datasets.size).toBeGreaterThan(50);
  expect(feedback.size).toBeGreaterThan(20);
  expect(evaluations.length).toBeGreaterThan(20);
  expect(unprocessedAtKill).toBeGreaterThan(0);

  server = await spawnServer(env);
  await expectEveryAcknowledgedWrite(server.url);
  await server.stop();
  expectIntact();
}, 90_000);
