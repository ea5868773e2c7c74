// The thread that reads a file for an import (see read-in-worker.ts): gunzips it, splits its lines, parses
// and checks each, and posts the rows a batch at a time to the thread that writes them. The bytes come from
// a file it opens, or are posted to it chunk by chunk (an upload's body). Bundled into one plain script (no
// TypeScript loader in the worker), so it imports nothing that needs the store.
import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { fileBytes, readLineBatches } from './lines.ts';
import { BATCH, LineReader, MAX_REPORTED, problemText, RowPacker, type PackedRows } from './line-reader.ts';
import { LineProblem } from './logpush-event.ts';

export interface ReadStart {
  type: 'start';
  /** A file to open, or `posted`: the bytes come as `bytes` messages, then `end` (or `failed`). */
  source: { file: string } | 'posted';
  gatewayId: string | undefined;
  privateKey: KeyObject | undefined;
  /** Batches the reader may post before the writer has taken any (each taken one gives one more). */
  credits: number;
}

/** What the writing thread sends: the start, a credit for one more batch, and a posted source's bytes. */
export type ReadCommand =
  | ReadStart
  | { type: 'more' }
  | { type: 'bytes'; bytes: Uint8Array }
  | { type: 'end' }
  /** The source failed (a client that went away, say): `code` is the error's code, or its message. */
  | { type: 'failed'; code: string };

export type ReadMessage =
  | { type: 'rows'; bytesRead: number; rows: PackedRows | undefined; problems: string[] }
  /** A posted chunk was taken into the reading: the writer may post one more. */
  | { type: 'taken' }
  | { type: 'done'; lines: number; keptOut: number; readError: string | undefined };

const port = parentPort!;
let credits = 0;
let wake: (() => void) | undefined;

/**
 * Posted bytes as an async iterable. Taking a chunk tells the writer, which posts the next only then: the
 * chunks waiting here stay as few as the writer keeps in flight, whatever the body's size. Stopping early
 * (`return`) answers a pending `next` as done instead of waiting for bytes that may never come.
 */
class PostedBytes implements AsyncIterableIterator<Uint8Array> {
  private readonly chunks: Uint8Array[] = [];
  private ended = false;
  private failure: (Error & { code: string }) | undefined;
  private waiting: (() => void) | undefined;

  receive(command: Exclude<ReadCommand, ReadStart | { type: 'more' }>): void {
    if (command.type === 'bytes') this.chunks.push(command.bytes);
    else if (command.type === 'end') this.ended = true;
    else this.failure = Object.assign(new Error(command.code), { code: command.code });
    this.waiting?.();
  }

  async next(): Promise<IteratorResult<Uint8Array>> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) {
        port.postMessage({ type: 'taken' } satisfies ReadMessage);
        return { done: false, value: chunk };
      }
      if (this.failure) throw this.failure;
      if (this.ended) return { done: true, value: undefined };
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = undefined;
    }
  }

  async return(): Promise<IteratorResult<Uint8Array>> {
    this.ended = true;
    this.chunks.length = 0;
    this.waiting?.();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

let posted: PostedBytes | undefined;

port.on('message', (message: ReadCommand) => {
  switch (message.type) {
    case 'start':
      credits = message.credits;
      if (message.source === 'posted') posted = new PostedBytes();
      void read(message, message.source === 'posted' ? posted! : fileBytes(message.source.file));
      return;
    case 'more':
      credits++;
      wake?.();
      return;
    default:
      posted?.receive(message);
  }
});

/** Waits until the writer has room for another batch: the reader never runs far ahead of the inserts. */
async function room(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = undefined;
}

async function read({ gatewayId, privateKey }: ReadStart, source: AsyncIterable<Uint8Array>): Promise<void> {
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
  const batches = readLineBatches(source, (n) => (bytesRead = n));
  reading: for (;;) {
    let next: IteratorResult<string[]>;
    try {
      next = await batches.next();
    } catch (error) {
      // The bytes cannot be read past this point (a truncated or corrupt gzip stream, an I/O error, an upload cut off).
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
          // Closes the file (or stops taking posted bytes).
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
