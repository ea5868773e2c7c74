import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { logpushEvent } from '../test-support/logpush-fixtures.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ImportBenchResult {
  lines: number;
  gzipBytes: number;
  seconds: number;
  linesPerSecond: number;
  maxRssMb: number;
}

/** Writes `lines` plain Logpush events, gzipped, as a stream (the file is never held in memory). */
async function writeLogpushFile(file: string, lines: number): Promise<void> {
  const gzip = createGzip({ level: 1 });
  const out = gzip.pipe(createWriteStream(file));
  let chunk = '';
  for (let i = 0; i < lines; i++) {
    chunk += `${JSON.stringify(logpushEvent(i))}\n`;
    if (chunk.length > 1 << 20) {
      if (!gzip.write(chunk)) await new Promise((r) => gzip.once('drain', r));
      chunk = '';
    }
  }
  gzip.end(chunk);
  await finished(out);
}

/**
 * Import throughput of the CLI on `lines` Logpush lines (gzipped NDJSON) into a fresh store, in its own
 * process, with that process's peak RSS (issue 12's targets: ≥ 100,000 lines/s, RSS ≤ 400 MB).
 */
export async function runImportBench(lines: number): Promise<ImportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
  try {
    const file = join(dir, 'events.log.gz');
    await writeLogpushFile(file, lines);
    const dataDir = join(dir, 'data');
    const script = `
      const { runCli } = await import(${JSON.stringify(join(ROOT, 'src/local-gateway/cli.ts'))});
      await runCli(['seed', '--logs', '10', '--data-dir', ${JSON.stringify(dataDir)}]);
      const t0 = performance.now();
      const code = await runCli(['import', ${JSON.stringify(file)}, '--data-dir', ${JSON.stringify(dataDir)}]);
      const seconds = (performance.now() - t0) / 1000;
      // The peak of this process's own memory (VmHWM), not getrusage's maxRSS: that one starts from the RSS of
      // the process that spawned this one (Linux carries it over the fork and exec), which is the bench runner
      // with whatever the parts before it left in memory.
      const { readFileSync } = await import('node:fs');
      const status = (() => { try { return readFileSync('/proc/self/status', 'utf8'); } catch { return ''; } })();
      const hwm = /^VmHWM:\\s+(\\d+) kB/m.exec(status);
      const maxRssKb = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
      process.stderr.write('RESULT ' + JSON.stringify({ code, seconds, maxRssKb }) + '\\n');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise((r) => child.on('close', r));
    const match = /RESULT (.*)/.exec(stderr);
    if (!match) throw new Error(`import bench: the import did not finish: ${stderr.slice(-2000)}`);
    const result = JSON.parse(match[1]!) as { code: number; seconds: number; maxRssKb: number };
    if (result.code !== 0) throw new Error(`import bench: the import exited ${result.code}: ${stderr.slice(-2000)}`);
    return { lines, gzipBytes: statSync(file).size, seconds: result.seconds, linesPerSecond: lines / result.seconds, maxRssMb: result.maxRssKb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const lines = Number(process.env.IMPORT_LINES) || 1_000_000;
  console.log(JSON.stringify(await runImportBench(lines)));
}

export interface SyncBenchResult {
  logs: number;
  calls: number;
  /** Wall time of the run, unpaced: what fetching, checking and storing cost. */
  unpacedSeconds: number;
  /** Logs per minute with the pacer at the sync's largest budget (1,150 calls / 5 min), in paced time. */
  logsPerMinuteAtBudget: number;
}

/**
 * Sync throughput against the fake Logs API over HTTP: `logs` logs into a fresh store, once unpaced
 * (what the sync itself costs per call) and once through the pacer at its largest budget, whose waits
 * are counted on a clock that advances by them instead of sleeping (the 5-minute windows would make a
 * bench run last hours; the calls, pages and stores are all real).
 */
export async function runSyncBench(logs: number): Promise<SyncBenchResult> {
  const { FakeLogsApi, fakeLogs } = await import('../local-gateway/sync/fake-logs-api.ts');
  const { LogsApi } = await import('../local-gateway/sync/logs-api.ts');
  const { Pacer } = await import('../local-gateway/sync/pacer.ts');
  const { syncGateway } = await import('../local-gateway/sync/sync-gateway.ts');
  const { openLocalGateway } = await import('../local-gateway/index.ts');
  const { Store } = await import('../local-gateway/store.ts');
  const fake = new FakeLogsApi({ accountId: 'bench', token: 'bench-token', itemsCarryFeedback: true });
  fake.add('prod', fakeLogs('B', logs, Date.parse('2026-10-01T00:00:00Z'), 3));
  const baseUrl = await fake.listen();
  const source = { baseUrl, accountId: 'bench', token: 'bench-token' };
  const run = async (paced: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'sync-bench-'));
    await (await openLocalGateway({ dataDir: dir, seedLogs: 0, queryThreads: 0 })).close();
    const store = new Store(dir);
    let skew = 0;
    const now = () => Date.now() + skew;
    const pacer = paced
      ? new Pacer({ perWindow: 1100, burst: 50, windowMs: 300_000, now, sleep: async (ms) => void (skew += ms) })
      : new Pacer({ perWindow: 1, burst: 1150, windowMs: 1 });
    try {
      const started = now();
      const result = await syncGateway(store, new LogsApi(source, pacer), source, 'prod', { now });
      if (result.stored !== logs) throw new Error(`sync bench stored ${result.stored} of ${logs} logs`);
      return { ms: now() - started, calls: result.calls };
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const unpaced = await run(false);
    const paced = await run(true);
    return { logs, calls: paced.calls, unpacedSeconds: unpaced.ms / 1000, logsPerMinuteAtBudget: (logs / paced.ms) * 60_000 };
  } finally {
    await fake.close();
  }
}
