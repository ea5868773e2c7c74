import type { KeyObject } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileImport } from './file-import.ts';
import { unpackRows } from './line-reader.ts';
import type { ReadMessage, ReadStart } from './read-worker.ts';

/** Batches the reading thread may have posted and the writer not yet taken: bounds memory, keeps both busy. */
const IN_FLIGHT = 16;

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

/**
 * The worker is TypeScript, like the rest, but a worker thread does not inherit the TypeScript loader of
 * the thread that starts it (and registering one per worker costs tens of MB): read-worker.ts and what it
 * imports are bundled once per process into one plain CommonJS script. With buildSync (about 0.3 s,
 * once), which runs a bundler process of its own: build() shares one helper process with the gateway's
 * query-worker bundling, which stops it when done, and an import's build() was seen never to finish
 * (the CLI, with nothing else keeping Node alive, then exited having imported nothing).
 */
let bundled: string | undefined;
async function workerScript(): Promise<string> {
  if (bundled === undefined) {
    const esbuild = await import('esbuild');
    const result = esbuild.buildSync({
      entryPoints: [fileURLToPath(new URL('./read-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const script = result.outputFiles[0]?.text;
    if (!script) throw new Error('bundling the import reader produced no output');
    bundled = script;
  }
  return bundled;
}
