import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { GatewayColumns, type SharedColumns } from './column-store.ts';
import { TASKS, type TaskName } from './query-tasks.ts';

/** What the query runner (query-runner.ts) sends a worker thread; messages are handled in order. */
export type WorkerRequest =
  | { type: 'install'; id: number; shared: SharedColumns }
  | { type: 'drop'; id: number }
  | { type: 'run'; request: number; id: number; task: TaskName; args: unknown; lo: number; hi: number; out: SharedArrayBuffer };

export type WorkerReply = { request: number; part: unknown } | { request: number; error: string };

/**
 * A query worker: holds views over the projections the main thread shares with it (the same memory, never
 * a copy) and runs one slice of a task at a time.
 */
const columns = new Map<number, GatewayColumns>();

/**
 * Scans are the work that can wait; answering HTTP is not. With as many workers as cores, a worker busy on
 * a long count shares a core with the serving thread in equal slices, so a datasets list or a script queued
 * behind it waits a scheduler slice or more. On Linux the nice value is per thread, so this thread lowers
 * its own (by 10, capped at the weakest, 19): the serving thread then gets a core whenever it has work,
 * and the workers keep every cycle it leaves. Elsewhere (no /proc/thread-self) workers keep the default.
 */
function yieldToServingThread(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 10));
  } catch {
    // Not Linux, or no procfs: the worker runs at the process's priority, as before.
  }
}
if (parentPort) yieldToServingThread();

parentPort?.on('message', (m: WorkerRequest) => {
  switch (m.type) {
    case 'install':
      columns.set(m.id, GatewayColumns.fromShared(m.shared));
      return;
    case 'drop':
      columns.delete(m.id);
      return;
    case 'run': {
      let reply: WorkerReply;
      try {
        const cols = columns.get(m.id);
        if (!cols) throw new Error(`projection ${m.id} was not handed to this worker`);
        const task = TASKS[m.task] as { run: (c: GatewayColumns, a: unknown, s: { lo: number; hi: number; out: Uint32Array }) => unknown };
        reply = { request: m.request, part: task.run(cols, m.args, { lo: m.lo, hi: m.hi, out: new Uint32Array(m.out) }) };
      } catch (error) {
        reply = { request: m.request, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      parentPort!.postMessage(reply);
    }
  }
});
