import { basename } from 'node:path';
import type { Store } from './store.ts';
import { FileImport, type FileImportOptions, type FileImportResult } from './import/file-import.ts';
import { readInWorker } from './import/read-in-worker.ts';

export { importLogSchema } from './import/cloudflare-log.ts';
export type { FileImportOptions, FileImportResult } from './import/file-import.ts';

/**
 * Imports a JSON Lines text held in memory (tests, small inputs), all or nothing: a bad line is reported
 * as `line 12: cost must be a number` and no log of the text is stored.
 */
export function importLogs(store: Store, gatewayId: string | undefined, content: string, options: Omit<FileImportOptions, 'gatewayId'> = {}): FileImportResult {
  const run = new FileImport(store, { ...options, gatewayId });
  try {
    const lines = content.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) if (!run.line(lines[i]!, i + 1)) break;
    return run.finish();
  } catch (error) {
    run.abort();
    throw error;
  }
}

/**
 * Imports one file, gzipped or not, read as a stream (memory does not grow with the file): Cloudflare log
 * objects or Logpush `ai_gateway_events` lines, told by the first line; all or nothing, in one transaction.
 * The lines are read and checked on a worker thread while this one inserts them. `onProgress` is told the
 * bytes read from the file so far.
 */
export async function importLogFile(store: Store, file: string, options: FileImportOptions = {}, onProgress?: (bytesRead: number) => void): Promise<FileImportResult> {
  const run = new FileImport(store, { sourceLabel: basename(file), ...options });
  try {
    await readInWorker(run, file, { gatewayId: options.gatewayId, privateKey: options.privateKey }, onProgress);
    return run.finish();
  } catch (error) {
    run.abort();
    throw error;
  }
}
