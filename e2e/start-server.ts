import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../src/test-support/free-port.ts';

const ROOT = resolve(import.meta.dirname, '..');

export interface ServerOptions {
  seedLogs?: number;
  evaluationDelayMs?: number;
  env?: Record<string, string>;
  /** Start the test-only entry point instead, whose local gateway takes faults from `/api/test/faults`. */
  withFaults?: boolean;
}

export interface RunningServer {
  baseURL: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}


async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${url} within 60 s:\n${output()}`);
}

/**
 * Starts the real server (`src/server/start.ts`, as `npm start` does; or with `withFaults` the test-only
 * entry point that wraps it with fault injection) on 127.0.0.1 and a free port, with a fresh local gateway
 * in a temporary DATA_DIR. The client must already be built (e2e/run.ts does it).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'aig-e2e-'));
  let log = '';
  const entry = options.withFaults ? 'src/server/test-support/start-with-faults.ts' : 'src/server/start.ts';
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_LOGS: String(options.seedLogs ?? 3000),
      ...(options.evaluationDelayMs ? { LOCAL_GATEWAY_EVALUATION_DELAY_MS: String(options.evaluationDelayMs) } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const output = () => log;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${baseURL}/api/health`, child, output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseURL, dataDir, output, stop };
}
