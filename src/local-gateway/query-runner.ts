import { Worker } from 'node:worker_threads';
import { bundledWorkerScript } from './worker-bundle.ts';
import type { GatewayColumns, Slice } from './column-store.ts';
import { TASKS, type ColumnTask, type TaskArgs, type TaskName, type TaskResult } from './query-tasks.ts';
import type { WorkerReply, WorkerRequest } from './query-worker.ts';

export interface QueryRunnerOptions {
  /** Worker threads for scans; 0 runs every task on the calling thread (the switch the bench compares). */
  threads: number;
  /** Scans over fewer positions run on the calling thread: cheaper than a message round trip there. */
  inlineBelow?: number;
}

/** About 0.2 ms of scanning: below that a round trip to a worker costs more than it frees. */
export const DEFAULT_INLINE_BELOW = 65_536;

interface PoolWorker {
  worker: Worker;
  /** Projections this worker has been handed (by id). */
  installed: Set<number>;
  pending: Map<number, { resolve: (part: unknown) => void; reject: (error: Error) => void }>;
}

/** A task as the runner calls it, whatever its own argument and part types. */
type AnyTask = ColumnTask<unknown, unknown, unknown>;

/**
 * Runs column tasks (query-tasks.ts) off the thread that serves HTTP: a task's scan is split into one slice
 * per worker thread, every worker reading the same shared columns (no copy), and the parts are merged
 * here. The main thread keeps SQLite and the light requests, so a long count or evaluation no longer holds
 * up a datasets list or a static file. Workers start on first use; small scans stay inline.
 */
export class QueryRunner {
  private readonly threads: number;
  private readonly inlineBelow: number;
  private workers: PoolWorker[] = [];
  private readonly ids = new WeakMap<GatewayColumns, number>();
  private nextId = 1;
  private nextRequest = 1;
  private turn = 0;
  /** Reusable position buffers per projection, in shared memory (a worker writes its slice's matches there). */
  private readonly buffers = new WeakMap<GatewayColumns, Uint32Array[]>();
  private closed = false;

  /** The workers' script, bundled once when the first runner with threads is made (see workerScript). */
  private readonly script: Promise<string> | undefined;

  constructor(options: QueryRunnerOptions) {
    this.threads = Math.max(0, Math.floor(options.threads));
    this.inlineBelow = options.inlineBelow ?? DEFAULT_INLINE_BELOW;
    this.script = this.threads > 0 ? workerScript() : undefined;
    // Awaited before the first split scan; a failed bundle surfaces there, not as an unhandled rejection.
    this.script?.catch(() => undefined);
  }

  /** Runs a task over the projection; off this thread when there are workers and the scan is not small. */
  async run<K extends TaskName>(cols: GatewayColumns, name: K, args: TaskArgs<K>): Promise<TaskResult<K>> {
    const task = TASKS[name] as unknown as AnyTask;
    const { lo, hi } = task.bounds?.(cols, args) ?? { lo: 0, hi: cols.length };
    if (this.threads === 0 || this.closed || hi - lo < this.inlineBelow) return this.runInline(cols, name, args);
    const slices = task.splittable?.(args) === false ? 1 : this.threads;
    const script = await this.script!;
    if (this.closed) return this.runInline(cols, name, args);
    this.ensureWorkers(script);
    const out = this.acquire(cols);
    try {
      const step = Math.ceil((hi - lo) / slices);
      const parts: Promise<unknown>[] = [];
      const first = this.turn++;
      for (let i = 0; i < slices; i++) {
        const slice = { lo: Math.min(hi, lo + i * step), hi: Math.min(hi, lo + (i + 1) * step) };
        parts.push(this.post(this.pick(first + i, slices), cols, name, args, slice, out));
      }
      return task.merge(await Promise.all(parts), args, cols, out) as TaskResult<K>;
    } finally {
      this.release(cols, out);
    }
  }

  /** Runs a task on this thread, as one slice (the seed's evaluation inside its transaction uses this). */
  runInline<K extends TaskName>(cols: GatewayColumns, name: K, args: TaskArgs<K>): TaskResult<K> {
    const task = TASKS[name] as unknown as AnyTask;
    const out = this.acquire(cols);
    try {
      const slice: Slice = { lo: 0, hi: cols.length, out };
      return task.merge([task.run(cols, args, slice)], args, cols, out) as TaskResult<K>;
    } finally {
      this.release(cols, out);
    }
  }

  /** The projection is replaced or gone: workers let go of it (messages stay in order, so tasks already sent still see it). */
  forget(cols: GatewayColumns): void {
    const id = this.ids.get(cols);
    if (id === undefined) return;
    this.ids.delete(cols);
    this.buffers.delete(cols);
    for (const w of this.workers) {
      if (w.installed.delete(id)) w.worker.postMessage({ type: 'drop', id } satisfies WorkerRequest);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  /** A split scan's slices go to distinct workers, starting at a turn that rotates between calls. */
  private pick(index: number, slices: number): PoolWorker {
    if (slices === 1) {
      // One slice: the least busy worker.
      return this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    }
    return this.workers[index % this.workers.length]!;
  }

  private post(w: PoolWorker, cols: GatewayColumns, task: TaskName, args: unknown, slice: { lo: number; hi: number }, out: Uint32Array): Promise<unknown> {
    let id = this.ids.get(cols);
    if (id === undefined) this.ids.set(cols, (id = this.nextId++));
    if (!w.installed.has(id)) {
      w.worker.postMessage({ type: 'install', id, shared: cols.shared() } satisfies WorkerRequest);
      w.installed.add(id);
    }
    const request = this.nextRequest++;
    return new Promise((resolve, reject) => {
      w.pending.set(request, { resolve, reject });
      w.worker.postMessage({ type: 'run', request, id, task, args, lo: slice.lo, hi: slice.hi, out: out.buffer as SharedArrayBuffer } satisfies WorkerRequest);
    });
  }

  private ensureWorkers(script: string): void {
    while (this.workers.length < this.threads) this.workers.push(this.spawn(script));
  }

  private spawn(script: string): PoolWorker {
    const worker = new Worker(script, { eval: true, execArgv: [] });
    const w: PoolWorker = { worker, installed: new Set(), pending: new Map() };
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const p = w.pending.get(reply.request);
      if (!p) return;
      w.pending.delete(reply.request);
      if ('error' in reply) p.reject(new Error(`query worker: ${reply.error}`));
      else p.resolve(reply.part);
    });
    const fail = (error: Error) => {
      for (const p of w.pending.values()) p.reject(error);
      w.pending.clear();
      // A dead worker is replaced at the next task; its installs died with it.
      this.workers = this.workers.filter((x) => x !== w);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`query worker exited (code ${code})`)));
    return w;
  }

  private acquire(cols: GatewayColumns): Uint32Array {
    return this.buffers.get(cols)?.pop() ?? new Uint32Array(new SharedArrayBuffer(Math.max(4, cols.length * 4)));
  }

  /** Keeps a few buffers per projection for the next tasks (as many as are usually in flight). */
  private release(cols: GatewayColumns, out: Uint32Array): void {
    let free = this.buffers.get(cols);
    if (!free) this.buffers.set(cols, (free = []));
    if (free.length < 4) free.push(out);
  }
}

/** The workers' script (about 28 KB of column code, about 9 MB per worker once evaluated); see worker-bundle.ts. */
const workerScript = () => bundledWorkerScript(new URL('./query-worker.ts', import.meta.url));
