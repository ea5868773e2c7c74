import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { bundledWorkerScript } from '../worker-bundle.ts';
import type { FileImport } from './file-import.ts';
import { unpackRows } from './line-reader.ts';
import type { ReadMessage, ReadStart } from './read-worker.ts';

/** Batches the reading thread may have posted and the writer not yet taken: bounds memory, keeps both busy. */
const IN_FLIGHT = 16;

/** The reading thread's script (read-worker.ts and what it imports; see worker-bundle.ts). */
const workerScript = () => bundledWorkerScript(new URL('./read-worker.ts', import.meta.url));

/**
 * Feeds a file's lines to `run`, read by a worker thread: gunzipping, splitting, JSON parsing, checking
 * and hashing the lines cost as much CPU as inserting them, so on a second core they overlap the
 * inserts instead of adding to them (SQLite stays on this thread, in `run`'s transaction). The outcome
 * is the same as feeding `run.line` each line: the same rows, the same problems with their line numbers.
 */
export async function readInWorker(
  run: FileImport,
  file: string,
  options: { gatewayId: string | undefined; privateKey: KeyObject | undefined },
  onProgress?: (bytesRead: number) => void,
): Promise<void> {
  const worker = new Worker(await workerScript(), { eval: true, execArgv: [] });
  let settled = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      worker.on('message', (message: ReadMessage) => {
        if (settled) return;
        try {
          if (message.type === 'rows') {
            onProgress?.(message.bytesRead);
            // Enough problems: the rest of the file is not read.
            const rows = message.rows ? unpackRows(message.rows) : undefined;
            if (!run.rows(rows, message.problems)) settle();
            else worker.postMessage({ type: 'more' });
            return;
          }
          run.readElsewhere(message);
          if (message.readError) run.fail(message.readError);
          settle();
        } catch (error) {
          settle(error);
        }
      });
      worker.on('error', (error) => settle(new Error(`the import's reading thread failed: ${error.message}`)));
      worker.on('exit', (code) => settle(new Error(`the import's reading thread stopped (exit code ${code})`)));
      worker.postMessage({ type: 'start', file, gatewayId: options.gatewayId, privateKey: options.privateKey, credits: IN_FLIGHT } satisfies ReadStart);
    });
  } finally {
    await worker.terminate();
  }
}

