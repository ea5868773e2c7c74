import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { bundledWorkerScript } from '../worker-bundle.ts';
import type { FileImport } from './file-import.ts';
import { unpackRows } from './line-reader.ts';
import type { ReadCommand, ReadMessage, ReadStart } from './read-worker.ts';

/** Batches the reading thread may have posted and the writer not yet taken: bounds memory, keeps both busy. */
const IN_FLIGHT = 16;

/**
 * A body's chunks posted to the reading thread and not yet taken by it. The body is read only when one is
 * taken, so an upload arrives at the pace the import goes (TCP holds the rest back at the client): memory
 * stays a few chunks (an HTTP body's are 16–64 KiB) whatever the file's size.
 */
export const CHUNKS_IN_FLIGHT = 4;

/** The reading thread's script (read-worker.ts and what it imports; see worker-bundle.ts). */
const workerScript = () => bundledWorkerScript(new URL('./read-worker.ts', import.meta.url));

/** Builds the reading thread's script now, so that the first import does not wait for it (or hold up a server meanwhile). */
export async function prepareReadWorker(): Promise<void> {
  await workerScript();
}

/**
 * Feeds a file's lines to `run`, read by a worker thread: gunzipping, splitting, JSON parsing, decrypting,
 * checking and hashing the lines cost as much CPU as inserting them, so on a second core they overlap the
 * inserts instead of adding to them (SQLite stays on this thread, in `run`'s transaction), and a server's
 * thread keeps answering other requests between two batches' inserts. The outcome is the same as feeding
 * `run.line` each line: the same rows, the same problems with their line numbers.
 *
 * `source` is a file's path (the worker opens it) or a body being received (an upload): its chunks are
 * posted to the worker, moved rather than copied, at most CHUNKS_IN_FLIGHT ahead of the reading. A body
 * is read no further once the import has its answer (enough problems found); its lock is released before
 * this returns, so the caller may read the rest away.
 */
export async function readInWorker(
  run: FileImport,
  source: string | ReadableStream<Uint8Array>,
  options: { gatewayId: string | undefined; privateKey: KeyObject | undefined },
  onProgress?: (bytesRead: number) => void,
): Promise<void> {
  const worker = new Worker(await workerScript(), { eval: true, execArgv: [] });
  const send = (command: ReadCommand, transfer: ArrayBuffer[] = []) => worker.postMessage(command, transfer);
  let settled = false;
  let chunkCredits = CHUNKS_IN_FLIGHT;
  let wakePump: (() => void) | undefined;
  let pumped: Promise<void> = Promise.resolve();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        wakePump?.();
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      // Rows and the end, taken one per turn of the event loop: a port hands over every message it has
      // queued (up to 1,000) in one go, so taking each as it comes ran the inserts of many batches back
      // to back while a server's requests waited. Between two batches, what else arrived is served.
      const queued: Exclude<ReadMessage, { type: 'taken' }>[] = [];
      let scheduled = false;
      const takeNext = () => {
        scheduled = false;
        const message = queued.shift();
        if (settled || !message) return;
        try {
          if (message.type === 'rows') {
            onProgress?.(message.bytesRead);
            // Enough problems: the rest of the file is not read.
            const rows = message.rows ? unpackRows(message.rows) : undefined;
            if (!run.rows(rows, message.problems)) return settle();
            send({ type: 'more' });
          } else {
            run.readElsewhere(message);
            if (message.readError) run.fail(message.readError);
            return settle();
          }
        } catch (error) {
          return settle(error);
        }
        if (queued.length > 0) schedule();
      };
      const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        setImmediate(takeNext);
      };
      worker.on('message', (message: ReadMessage) => {
        if (settled) return;
        if (message.type === 'taken') {
          chunkCredits++;
          wakePump?.();
          return;
        }
        queued.push(message);
        schedule();
      });
      worker.on('error', (error) => settle(new Error(`the import's reading thread failed: ${error.message}`)));
      worker.on('exit', (code) => settle(new Error(`the import's reading thread stopped (exit code ${code})`)));
      send({
        type: 'start',
        source: typeof source === 'string' ? { file: source } : 'posted',
        gatewayId: options.gatewayId,
        privateKey: options.privateKey,
        credits: IN_FLIGHT,
      } satisfies ReadStart);
      if (typeof source !== 'string') {
        reader = source.getReader();
        pumped = pump(reader, {
          stopped: () => settled,
          room: async () => {
            while (chunkCredits === 0 && !settled) await new Promise<void>((r) => (wakePump = r));
            wakePump = undefined;
          },
          post: (bytes) => {
            chunkCredits--;
            send({ type: 'bytes', bytes }, [bytes.buffer as ArrayBuffer]);
          },
          end: () => send({ type: 'end' }),
          fail: (code) => send({ type: 'failed', code }),
        });
      }
    });
  } finally {
    // Settled: the pump stops at its next step. A read in progress would wait for the client's next
    // chunk (a stalled client would hold up the uploads queued behind this one), so the lock is let go
    // now: that read ends at once, no byte is taken, and the caller can read away the rest.
    reader?.releaseLock();
    await pumped;
    await worker.terminate();
  }
}

/** Moves a body's chunks to the reading thread as it has room for them (see CHUNKS_IN_FLIGHT). */
async function pump(
  body: ReadableStreamDefaultReader<Uint8Array>,
  to: { stopped(): boolean; room(): Promise<void>; post(bytes: Uint8Array): void; end(): void; fail(code: string): void },
): Promise<void> {
  try {
    for (;;) {
      await to.room();
      if (to.stopped()) return;
      const { done, value } = await body.read();
      if (to.stopped()) return;
      if (done) {
        to.end();
        return;
      }
      if (value.byteLength > 0) to.post(ownBuffer(value));
    }
  } catch (error) {
    if (!to.stopped()) to.fail((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  } finally {
    body.releaseLock();
  }
}

/**
 * The chunk itself when it is the whole of its buffer, which can then be moved to the other thread;
 * otherwise a copy (a chunk that is a view into a larger buffer, such as Node's shared pool for small
 * allocations, must not move: that would take the rest of the buffer from whoever uses it).
 */
function ownBuffer(chunk: Uint8Array): Uint8Array {
  if (chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer) return chunk;
  return new Uint8Array(chunk);
}
