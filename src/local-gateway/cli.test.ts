import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { importLogs } from './import-logs.ts';
import { openLocalGateway } from './index.ts';
import { Store, STORE_FILE_NAME } from './store.ts';
import { TOKEN_FILE_NAME } from './token.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dataDir: string;

const goodLog = (i: number) => ({
  id: `01JADMCQQQBWH3NXZ5GCRN${String(i).padStart(4, '0')}`,
  created_at: `2026-02-0${1 + (i % 9)}T10:00:00Z`,
  provider: 'openai',
  model: 'gpt-4o',
  path: 'v1/chat/completions',
  duration: 500 + i,
  success: true,
  cached: false,
  tokens_in: 100,
  tokens_out: 20,
  cost: 0.00045,
  response_content_type: 'application/json',
});

/** Runs the CLI as `npm run gateway` does, in its own process. */
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'local-gateway', 'cli.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const countLogs = (gatewayId: string) => {
  const store = new Store(dataDir);
  try {
    return store.logs.count(gatewayId);
  } finally {
    store.close();
  }
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cli-test-'));
  await (await openLocalGateway({ dataDir, seedLogs: 500 })).close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('import', () => {
  it('reports a bad line with its number and imports nothing of the file', () => {
    const file = join(dataDir, 'bad.jsonl');
    const lines = [goodLog(1), goodLog(2), { ...goodLog(3), cost: 'cheap' }, goodLog(4)].map((l) => JSON.stringify(l));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const before = countLogs('default');
    const run = cli('import', file, '--gateway', 'default');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 3: cost must be a number');
    expect(countLogs('default')).toBe(before);
  });

  it('imports a good file in full, visible to a later open', async () => {
    const file = join(dataDir, 'good.jsonl');
    writeFileSync(file, [1, 2, 3].map((i) => JSON.stringify(goodLog(i))).join('\n'));
    const before = countLogs('default');
    const run = cli('import', file, '--gateway', 'default');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Imported 3 logs');
    expect(countLogs('default')).toBe(before + 3);
    // Importing the same file again adds nothing and is not an error (a cron job may re-run).
    const again = cli('import', file, '--gateway', 'default');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Imported 0 logs');
    expect(again.stdout).toContain('3 already present');
    expect(countLogs('default')).toBe(before + 3);
    // The same ids into another gateway are refused, naming the line: log ids are unique across gateways.
    const elsewhere = cli('import', file, '--gateway', 'production');
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('line 1: id 01JADMCQQQBWH3NXZ5GCRN0001 already exists in gateway default');
  });

  it('names the field and line for several kinds of bad input', () => {
    const store = new Store(dataDir);
    try {
      const result = importLogs(store, 'default', [
        JSON.stringify(goodLog(10)),
        '{not json',
        JSON.stringify({ ...goodLog(11), success: 'yes' }),
        '',
        JSON.stringify({ ...goodLog(12), created_at: 'yesterday' }),
        JSON.stringify({ ...goodLog(13), tokens_in: -4 }),
      ].join('\n'));
      expect(result).toEqual({
        ok: false,
        errors: ['line 2: not valid JSON', 'line 3: success must be true or false', 'line 5: created_at must be an ISO 8601 date-time', 'line 6: tokens_in must not be negative'],
      });
    } finally {
      store.close();
    }
  });

  // The projection keeps duration and token counts in 32-bit integers: a larger value would wrap negative
  // there and read as missing, while SQL filters see the number.
  it('refuses a count above 2147483647 with its field and line, and imports nothing of the file', () => {
    const store = new Store(dataDir);
    try {
      const before = store.logs.count('default');
      const result = importLogs(store, 'default', [
        JSON.stringify(goodLog(20)),
        JSON.stringify({ ...goodLog(21), duration: 3e9 }),
        JSON.stringify({ ...goodLog(22), tokens_out: 2_147_483_648 }),
        JSON.stringify({ ...goodLog(23), tokens_in: 2_147_483_647 }),
      ].join('\n'));
      expect(result).toEqual({
        ok: false,
        errors: ['line 2: duration must be at most 2147483647', 'line 3: tokens_out must be at most 2147483647'],
      });
      expect(store.logs.count('default')).toBe(before);
    } finally {
      store.close();
    }
  });

  it('a log over the bound is refused by the store itself too, storing none of the batch', () => {
    const store = new Store(dataDir);
    try {
      const before = store.logs.count('default');
      const log = (i: number, tokens_in: number) => ({
        ...goodLog(30 + i), gateway_id: 'default', created_at: Date.parse('2026-02-01T10:00:00Z'), model_type: null, success: 1 as const,
        cached: 0 as const, tokens_in, cost: null, request_content_type: null, request_type: null, status_code: 200, metadata: null,
        feedback: 0 as const, score: null,
      });
      expect(() => store.logs.insert([log(0, 5), log(1, 3e9)])).toThrow(/tokens_in must be at most 2147483647/);
      expect(store.logs.count('default')).toBe(before);
    } finally {
      store.close();
    }
  });
});

describe('seed, info, reset and usage', () => {
  it('appends generated logs to one gateway, and a running gateway sees them at once', async () => {
    const gateway = await openLocalGateway({ dataDir });
    try {
      const total = async () => {
        const res = await gateway.fetch(
          new Request(`http://local/client/v4/accounts/${gateway.accountId}/ai-gateway/gateways/staging-eu/logs?per_page=1`, {
            headers: { authorization: `Bearer ${gateway.token}` },
          }),
        );
        return ((await res.json()) as { result_info: { total_count: number } }).result_info.total_count;
      };
      const before = await total();
      expect(before).toBe(countLogs('staging-eu'));
      const run = cli('seed', '--logs', '250', '--gateway', 'staging-eu');
      expect(run.code, run.stderr).toBe(0);
      expect(countLogs('staging-eu')).toBe(before + 250);
      // Written by another process: the projection notices (data_version + generation) and rebuilds.
      expect(await total()).toBe(before + 250);
    } finally {
      await gateway.close();
    }
  });

  it('prints info as JSON', () => {
    const run = cli('info');
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout) as { accountId: string; gateways: { id: string }[] };
    expect(info.accountId).toMatch(/^[0-9a-f]{32}$/);
    expect(info.gateways.map((g) => g.id)).toEqual(['default', 'production', 'staging-eu']);
  });

  it('exits 2 on a usage error', async () => {
    expect(cli('frobnicate').code).toBe(2);
    const env = { DATA_DIR: dataDir };
    expect(await runCli(['seed', '--logs', 'many'], env)).toBe(2);
    expect(await runCli(['import', 'x.jsonl'], env)).toBe(2);
    expect(await runCli(['seed', '--logs', '5', '--gateway', 'Bad Id'], env)).toBe(2);
  });

  it('reset removes the store and the token', () => {
    const run = cli('reset');
    expect(run.code).toBe(0);
    expect(existsSync(join(dataDir, STORE_FILE_NAME))).toBe(false);
    expect(existsSync(join(dataDir, TOKEN_FILE_NAME))).toBe(false);
  });
});
