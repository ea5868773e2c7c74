// The thread that reads a file for an import (see read-in-worker.ts): gunzips it, splits its lines, parses
// and checks each, and posts the rows a batch at a time to the thread that writes them. Bundled into one
// plain script (no TypeScript loader in the worker), so it imports nothing that needs the store.
import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { readLineBatches } from './lines.ts';
import { BATCH, LineReader, MAX_REPORTED, problemText, RowPacker, type PackedRows } from './line-reader.ts';
import { LineProblem } from './logpush-event.ts';

export interface ReadStart {
  type: 'start';
  file: string;
  gatewayId: string | undefined;
  privateKey: KeyObject | undefined;
  /** Batches the reader may post before the writer has taken any (each taken one gives one more). */
  credits: number;
}

export type ReadMessage =
  | { type: 'rows'; bytesRead: number; rows: PackedRows | undefined; problems: string[] }
  | { type: 'done'; lines: number; keptOut: number; readError: string | undefined };

const port = parentPort!;
let credits = 0;
let wake: (() => void) | undefined;

port.on('message', (message: ReadStart | { type: 'more' }) => {
  if (message.type === 'start') {
    credits = message.credits;
    void read(message);
    return;
  }
  credits++;
  wake?.();
});

/** Waits until the writer has room for another batch: the reader never runs far ahead of the inserts. */
async function room(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = undefined;
}

async function read({ file, gatewayId, privateKey }: ReadStart): Promise<void> {
  const reader = new LineReader({ gatewayId, privateKey });
  let packer: RowPacker | undefined;
  let problems: string[] = [];
  let found = 0;
  let bytesRead = 0;
  let number = 0;
  const post = async () => {
    await room();
    credits--;
    const rows = packer && packer.count > 0 ? packer.take() : undefined;
    port.postMessage({ type: 'rows', bytesRead, rows, problems } satisfies ReadMessage, rows ? [rows.kinds.buffer as ArrayBuffer, rows.numbers.buffer as ArrayBuffer] : []);
    problems = [];
  };
  let readError: string | undefined;
  const batches = readLineBatches(file, (n) => (bytesRead = n));
  reading: for (;;) {
    let next: IteratorResult<string[]>;
    try {
      next = await batches.next();
    } catch (error) {
      // The file itself is unreadable past this point (a truncated or corrupt gzip stream, an I/O error).
      readError = `after line ${number}: the file cannot be read on (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      break;
    }
    if (next.done) break;
    for (const text of next.value) {
      number++;
      if (text.trim() === '') continue;
      try {
        const row = reader.read(text);
        // After the first problem the file is refused anyway: keep checking, stop sending rows.
        if (found === 0) (packer ??= new RowPacker(reader.format!, BATCH)).add(row.log, row.extras, number);
      } catch (error) {
        if (!(error instanceof LineProblem)) throw error;
        problems.push(problemText(number, error));
        found++;
        packer?.clear();
        if (found >= MAX_REPORTED) {
          // Closes the file.
          await batches.return(undefined);
          break reading;
        }
      }
      if ((packer?.count ?? 0) >= BATCH || problems.length > 0) await post();
    }
  }
  if ((packer?.count ?? 0) > 0 || problems.length > 0) await post();
  port.postMessage({ type: 'done', lines: number, keptOut: reader.outcome.keptOut, readError } satisfies ReadMessage);
}
