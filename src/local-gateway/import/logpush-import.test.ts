import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptField, logpushEvent, rsaKeyPair } from '../../test-support/logpush-fixtures.ts';
import { openLocalGateway } from '../index.ts';
import { Store } from '../store.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let dir: string;
let keys: ReturnType<typeof rsaKeyPair>;
let keyFile: string;

/** Runs the CLI as `npm run gateway` does, in its own process, on `dataDir`. */
function cli(dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'local-gateway', 'cli.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function withStore<T>(dataDir: string, read: (store: Store) => T): T {
  const store = new Store(dataDir);
  try {
    return read(store);
  } finally {
    store.close();
  }
}

const ndjson = (events: readonly object[]) => `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;

/** Events with encrypted Metadata and bodies, as a gateway with an uploaded public key exports them. */
function encryptedEvents(n: number) {
  return Array.from({ length: n }, (_, i) =>
    logpushEvent(i, {
      Metadata: encryptField(JSON.stringify({ user: `u-${i}`, team: 'search' }), keys.publicKey),
      RequestBody: encryptField(JSON.stringify({ messages: [{ role: 'user', content: `Question ${i}` }] }), keys.publicKey),
      ResponseBody: encryptField(JSON.stringify({ choices: [{ message: { content: `Answer ${i}` } }] }), keys.publicKey),
    }),
  );
}

let fresh = 0;
/** A new data dir with an empty store (seeded with a few logs, as the first start always seeds). */
async function freshStore(): Promise<string> {
  const dataDir = join(dir, `store-${fresh++}`);
  await (await openLocalGateway({ dataDir, seedLogs: 10 })).close();
  return dataDir;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'logpush-import-'));
  keys = rsaKeyPair();
  keyFile = join(dir, 'private.pem');
  writeFileSync(keyFile, keys.privateKeyPem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Logpush import', () => {
  it('imports a gzipped file without the key: logs to their own gateway, encrypted fields kept out', async () => {
    const dataDir = await freshStore();
    const file = join(dir, 'enc-a.log.gz');
    writeFileSync(file, gzipSync(ndjson(encryptedEvents(12))));
    const run = cli(dataDir, 'import', file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Imported 12 logs (logpush-gw: 12)');
    expect(run.stdout).toContain('36 encrypted fields kept out');
    withStore(dataDir, (store) => {
      expect(store.gateways.get('logpush-gw')).toBeDefined();
      const rows = store.db.prepare("SELECT metadata, model, provider, success, cached FROM logs WHERE gateway_id = 'logpush-gw' ORDER BY created_at").all() as Record<string, unknown>[];
      expect(rows).toHaveLength(12);
      expect(rows.every((r) => r.metadata === null)).toBe(true);
      // Both model styles end up bare; StatusCode 429 is a failure; Cached is kept.
      expect(rows[1]).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-20250514' });
      expect(rows[7]).toMatchObject({ success: 0 });
      expect(rows[3]).toMatchObject({ cached: 1 });
      // Only this gateway's logs: the seeded gateways keep bodies of their own.
      const bodies = store.db
        .prepare("SELECT count(*) AS n FROM log_extras x JOIN logs l ON l.id = x.log_id WHERE l.gateway_id = 'logpush-gw' AND x.request_body IS NOT NULL")
        .get() as { n: number };
      expect(bodies.n).toBe(0);
    });
  });

  it('decrypts Metadata and bodies with --private-key, and never prints the key', async () => {
    const dataDir = await freshStore();
    const file = join(dir, 'enc-b.log.gz');
    writeFileSync(file, gzipSync(ndjson(encryptedEvents(6))));
    const run = cli(dataDir, 'import', file, '--private-key', keyFile);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Imported 6 logs');
    expect(run.stdout).not.toContain('kept out');
    const keyBody = keys.privateKeyPem.split('\n')[1]!;
    expect(run.stdout + run.stderr).not.toContain(keyBody);
    withStore(dataDir, (store) => {
      const rows = store.db
        .prepare(
          "SELECT l.metadata, e.request_body, e.response_body FROM logs l JOIN log_extras e ON e.log_id = l.id WHERE l.gateway_id = 'logpush-gw' ORDER BY l.created_at",
        )
        .all() as { metadata: string; request_body: string; response_body: string }[];
      expect(rows).toHaveLength(6);
      expect(JSON.parse(rows[2]!.metadata)).toEqual({ user: 'u-2', team: 'search' });
      expect(JSON.parse(rows[2]!.request_body)).toEqual({ messages: [{ role: 'user', content: 'Question 2' }] });
      expect(JSON.parse(rows[2]!.response_body)).toEqual({ choices: [{ message: { content: 'Answer 2' } }] });
      // The key is stored nowhere in the data dir.
      expect(readFileSync(join(dataDir, 'gateway.sqlite')).includes(keyBody)).toBe(false);
    });
  });

  it('refuses a file decrypted with another key, naming file, line and field, without the key', async () => {
    const dataDir = await freshStore();
    const other = rsaKeyPair();
    const otherFile = join(dir, 'other.pem');
    writeFileSync(otherFile, other.privateKeyPem);
    const file = join(dir, 'enc-c.log.gz');
    writeFileSync(file, gzipSync(ndjson(encryptedEvents(2))));
    const run = cli(dataDir, 'import', file, '--private-key', otherFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}: line 1: Metadata cannot be decrypted with the given private key`);
    expect(run.stderr).not.toContain(other.privateKeyPem.split('\n')[1]!);
    withStore(dataDir, (store) => expect(store.gateways.get('logpush-gw')).toBeUndefined());
  });

  it('refuses a file with a corrupt line, storing nothing of it (not even its new gateway)', async () => {
    const dataDir = await freshStore();
    const events = Array.from({ length: 50 }, (_, i) => logpushEvent(i));
    const lines = ndjson(events).split('\n');
    lines[30] = JSON.stringify(logpushEvent(30, { Metrics: { cost: 'free', durationMs: 10 } }));
    lines[41] = '{"Timestamp": 17640000';
    const file = join(dir, 'corrupt.ndjson');
    writeFileSync(file, lines.join('\n'));
    const run = cli(dataDir, 'import', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}: line 31: Metrics.cost must be a number`);
    expect(run.stderr).toContain(`${file}: line 42: not valid JSON`);
    withStore(dataDir, (store) => {
      expect(store.gateways.get('logpush-gw')).toBeUndefined();
      expect((store.db.prepare("SELECT count(*) AS n FROM logs WHERE gateway_id = 'logpush-gw'").get() as { n: number }).n).toBe(0);
    });
  });

  it('refuses a truncated gzip file as a whole', async () => {
    const dataDir = await freshStore();
    const gz = gzipSync(ndjson(Array.from({ length: 2000 }, (_, i) => logpushEvent(i))));
    const file = join(dir, 'truncated.log.gz');
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length / 2)));
    const run = cli(dataDir, 'import', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the file cannot be read on');
    withStore(dataDir, (store) => expect(store.gateways.get('logpush-gw')).toBeUndefined());
  });

  it('adds nothing when the same file (or a recompressed copy) is imported again', async () => {
    const dataDir = await freshStore();
    const text = ndjson(Array.from({ length: 40 }, (_, i) => logpushEvent(i)));
    const plain = join(dir, 'twice.ndjson');
    const gz = join(dir, 'twice.ndjson.gz');
    writeFileSync(plain, text);
    writeFileSync(gz, gzipSync(text));
    expect(cli(dataDir, 'import', plain).stdout).toContain('Imported 40 logs');
    const again = cli(dataDir, 'import', plain, gz);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${plain}: Imported 0 logs; Logpush ai_gateway_events; 40 already present`);
    expect(again.stdout).toContain(`${gz}: Imported 0 logs; Logpush ai_gateway_events; 40 already present`);
    withStore(dataDir, (store) => expect(store.logs.count('logpush-gw')).toBe(40));
  });

  it('reads a Timestamp in s, ms, µs, ns, digits or RFC 3339 as the same instant', async () => {
    const dataDir = await freshStore();
    const forms = [1764000000, 1764000000000, 1764000000000000, 1764000000000000000, '1764000000000', '2025-11-24T16:00:00Z', '2025-11-24T17:00:00.000000000+01:00'];
    // Each line differs in its Endpoint, so they are distinct events.
    const file = join(dir, 'timestamps.ndjson');
    writeFileSync(file, ndjson(forms.map((Timestamp, i) => logpushEvent(0, { Timestamp, Endpoint: `v1/e${i}` }))));
    const run = cli(dataDir, 'import', file, '--gateway', 'times');
    expect(run.code, run.stderr).toBe(0);
    withStore(dataDir, (store) => {
      const times = store.db.prepare("SELECT created_at FROM logs WHERE gateway_id = 'times'").pluck().all();
      expect(times).toEqual(forms.map(() => Date.parse('2025-11-24T16:00:00Z')));
    });
    const bad = join(dir, 'bad-time.ndjson');
    writeFileSync(bad, ndjson([logpushEvent(0, { Timestamp: 'yesterday' })]));
    expect(cli(dataDir, 'import', bad).stderr).toContain('line 1: Timestamp must be a time since 1970 in s, ms, µs or ns, or an RFC 3339 date-time');
  });

  it('imports a folder: each file on its own, --gateway overriding the events’ Gateway', async () => {
    const dataDir = await freshStore();
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.log.gz'), gzipSync(ndjson(Array.from({ length: 5 }, (_, i) => logpushEvent(i)))));
    writeFileSync(join(folder, 'b.log'), ndjson(Array.from({ length: 3 }, (_, i) => logpushEvent(100 + i))));
    writeFileSync(join(folder, 'c.log'), 'not json\n');
    const run = cli(dataDir, 'import', folder, '--gateway', 'from-folder');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('a.log.gz: Imported 5 logs (from-folder: 5)');
    expect(run.stdout).toContain('b.log: Imported 3 logs (from-folder: 3)');
    expect(run.stderr).toContain('c.log: line 1: not valid JSON');
    withStore(dataDir, (store) => expect(store.logs.count('from-folder')).toBe(8));
  });

  it('a running gateway sees what the CLI imports: its projection and SQLite agree', async () => {
    const dataDir = await freshStore();
    const gateway = await openLocalGateway({ dataDir });
    try {
      const list = async (query: string) => {
        const res = await gateway.fetch(
          new Request(`http://local/client/v4/accounts/${gateway.accountId}/ai-gateway/gateways/logpush-gw/logs?${query}`, {
            headers: { authorization: `Bearer ${gateway.token}` },
          }),
        );
        return (await res.json()) as { success: boolean; result: { id: string }[]; result_info: { total_count: number } };
      };
      expect((await list('per_page=1')).success).toBe(false);
      const file = join(dir, 'live.log.gz');
      writeFileSync(file, gzipSync(ndjson(Array.from({ length: 120 }, (_, i) => logpushEvent(i)))));
      const run = cli(dataDir, 'import', file);
      expect(run.code, run.stderr).toBe(0);
      const all = await list('per_page=50&page=1');
      expect(all.result_info.total_count).toBe(120);
      const failed = await list(`per_page=50&filters=${encodeURIComponent(JSON.stringify([{ key: 'success', operator: 'eq', value: [false] }]))}`);
      const sqlFailed = withStore(dataDir, (store) => store.db.prepare("SELECT count(*) FROM logs WHERE gateway_id = 'logpush-gw' AND success = 0").pluck().get());
      expect(failed.result_info.total_count).toBe(sqlFailed);
      expect(sqlFailed).toBe(12);
    } finally {
      await gateway.close();
    }
  });

  it('leaves nothing of a file whose import is killed midway (SIGKILL), and imports it whole afterwards', async () => {
    const dataDir = await freshStore();
    const n = 150_000;
    const file = join(dir, 'killed.log.gz');
    writeFileSync(file, gzipSync(ndjson(Array.from({ length: n }, (_, i) => logpushEvent(i)))));
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'local-gateway', 'cli.ts'), 'import', file], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Midway: the transaction has begun writing pages to the WAL (its rows are not committed until the end).
    const wal = join(dataDir, 'gateway.sqlite-wal');
    const walAtStart = existsSync(wal) ? statSync(wal).size : 0;
    const started = Date.now();
    const walGrew = () => (existsSync(wal) ? statSync(wal).size : 0) >= walAtStart + (4 << 20);
    while (!walGrew() && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    expect(walGrew()).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    withStore(dataDir, (store) => {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(store.gateways.get('logpush-gw')).toBeUndefined();
      expect(store.db.prepare("SELECT count(*) FROM logs WHERE gateway_id = 'logpush-gw'").pluck().get()).toBe(0);
    });
    const again = cli(dataDir, 'import', file);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Imported ${n} logs`);
    withStore(dataDir, (store) => expect(store.logs.count('logpush-gw')).toBe(n));
  }, 120_000);
});
