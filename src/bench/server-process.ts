import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '../test-support/free-port.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN_FILE = 'local-gateway-token';
const STORE_FILE = 'gateway.sqlite';
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'aig-bench-'));
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The node flags of `npm start` (package.json's start script, e.g. its heap cap), so the measured process
 * runs as a user's does; `--import tsx` is given separately.
 */
export function startScriptNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.split(/\s+/);
  const flags: string[] = [];
  for (let i = 1; i < words.length && words[i]!.startsWith('--'); i++) {
    if (words[i] === '--import') i++;
    else flags.push(words[i]!);
  }
  return flags;
}

/**
 * The real server (startServer, as `npm start` runs it) in its own process: what a user gets, measured from outside
 * (time to first answer, RSS from /proc), and nothing of the bench's own heap mixed into it.
 */
export class ServerProcess {
  private log = '';
  private exited = false;
  readonly baseUrl: string;

  private constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
    port: number,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    child.stdout?.on('data', (d: Buffer) => this.append(d));
    child.stderr?.on('data', (d: Buffer) => this.append(d));
    child.once('exit', () => (this.exited = true));
  }

  /** Keeps the last 64 KB of output: enough for the banner and an error, bounded for a long run. */
  private append(d: Buffer): void {
    this.log = (this.log + d.toString()).slice(-65_536);
  }

  static async spawn(options: { dataDir: string; seedLogs: number; nodeArgs?: string[]; env?: Record<string, string> }): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [...startScriptNodeFlags(), ...(options.nodeArgs ?? []), '--import', 'tsx', 'src/bench/serve.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: options.dataDir,
        SEED_LOGS: String(options.seedLogs),
        NODE_ENV: 'production',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServerProcess(child, options.dataDir, port);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  output(): string {
    return this.log;
  }

  /** Polls `path` until it answers 2xx; throws with the server's output if it dies or `timeoutMs` passes. */
  async waitFor(path: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`server exited during start:\n${this.log}`);
      try {
        const res = await fetch(this.baseUrl + path);
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(10);
    }
    throw new Error(`server did not answer ${path} within ${timeoutMs} ms:\n${this.log}`);
  }

  /** Resident set size of the server process, from the kernel (not the process's own idea of it). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (!kb) throw new Error('VmRSS not found in /proc status');
    return Number(kb) / 1024;
  }

  /**
   * CPU seconds the server process has used (user + system, /proc/<pid>/stat), a figure that other load on a
   * shared machine does not inflate the way it inflates wall time.
   */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th, in clock ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }

  token(): string {
    return readFileSync(join(this.dataDir, TOKEN_FILE), 'utf8').trim();
  }

  /**
   * The local account id: printed in the start banner; failing that, read from the store's meta table
   * (any 32-hex value under a key naming the account).
   */
  accountId(): string {
    const fromBanner = /\b[0-9a-f]{32}\b/.exec(this.log)?.[0];
    if (fromBanner) return fromBanner;
    const db = new Database(join(this.dataDir, STORE_FILE), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT key, value FROM meta WHERE key LIKE '%account%'").all() as { key: string; value: string }[];
      const found = rows.find((r) => /^[0-9a-f]{32}$/.test(r.value));
      if (found) return found.value;
    } finally {
      db.close();
    }
    throw new Error(`no local account id in the banner or the store:\n${this.log}`);
  }

  storeFile(): string {
    return join(this.dataDir, STORE_FILE);
  }

  /** SIGTERM, then SIGKILL after 10 s; only this child, by its pid. */
  async stop(): Promise<void> {
    if (this.exited || this.child.exitCode !== null) return;
    const done = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await done;
    clearTimeout(timer);
  }
}

export function removeDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
