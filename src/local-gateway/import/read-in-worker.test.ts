import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logpushEvent } from '../../test-support/logpush-fixtures.ts';
import { openLocalGateway } from '../index.ts';
import { Store } from '../store.ts';
import { FileImport, type FileImportResult } from './file-import.ts';
import { CHUNKS_IN_FLIGHT, readInWorker } from './read-in-worker.ts';

let dataDir: string;
let store: Store;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'read-in-worker-test-'));
  await (await openLocalGateway({ dataDir, seedLogs: 0, queryThreads: 0 })).close();
  store = new Store(dataDir);
});

afterEach(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const linesOf = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => JSON.stringify(logpushEvent(from + k, { Gateway: 'body-gw' })));
const countIn = (gateway: string) => store.db.prepare('SELECT count(*) FROM logs WHERE gateway_id = ?').pluck().get(gateway);

/**
 * A request body as a stream that hands out `bytes` in chunks of the given sizes (the last size repeated)
 * only when asked (highWaterMark 0: nothing is read ahead of the consumer), counting what it has handed out.
 */
function bodyOf(bytes: Buffer, sizes: number[], fail?: { after: number }) {
  let at = 0;
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (fail && at >= fail.after) return controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        if (at >= bytes.length) return controller.close();
        const size = sizes[Math.min(pulls++, sizes.length - 1)]!;
        // A fresh copy each time, as a socket's reads are.
        controller.enqueue(new Uint8Array(bytes.subarray(at, (at += size))));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, handedOut: () => Math.min(at, bytes.length) };
}

async function importBody(stream: ReadableStream<Uint8Array>, onProgress?: (bytesRead: number) => void): Promise<FileImportResult> {
  const run = new FileImport(store, { sourceLabel: 'upload.ndjson' });
  try {
    await readInWorker(run, stream, { gatewayId: undefined, privateKey: undefined }, onProgress);
    return run.finish();
  } catch (error) {
    run.abort();
    throw error;
  }
}

describe('readInWorker from a body being received', () => {
  it('reads the body no faster than the worker takes it: a few chunks ahead at most, whatever its size', async () => {
    const bytes = Buffer.from(`${linesOf(0, 40_000).join('\n')}\n`);
    const chunk = 64 * 1024;
    expect(bytes.length).toBeGreaterThan(10 << 20);
    const body = bodyOf(bytes, [chunk]);
    // At each batch the worker reports, how far the body has been read past what the worker had taken.
    let ahead = 0;
    const result = await importBody(body.stream, (bytesRead) => (ahead = Math.max(ahead, body.handedOut() - bytesRead)));
    expect(result).toMatchObject({ ok: true, lines: 40_000, imported: 40_000 });
    expect(countIn('body-gw')).toBe(40_000);
    // The chunks in flight, one being read, and what the worker read into the 16 batches it may have
    // waiting (2,048 lines of about 350 bytes): about 1 MiB, against the 14 MB the body would be were it read
    // as fast as it comes.
    expect(ahead).toBeLessThanOrEqual((CHUNKS_IN_FLIGHT + 2) * chunk + 2048 * 400);
  });

  it('tells gzip by the first two bytes even when they come in separate chunks, and imports what a file would', async () => {
    const bytes = gzipSync(`${linesOf(0, 3000).join('\r\n')}\r\n\r\n`);
    const result = await importBody(bodyOf(bytes, [1, 1, 7, 5000, 333]).stream);
    expect(result).toMatchObject({ ok: true, format: 'logpush', lines: 3001, imported: 3000, alreadyPresent: 0, byGateway: { 'body-gw': 3000 } });
    // The same again: nothing added.
    expect(await importBody(bodyOf(bytes, [4096]).stream)).toMatchObject({ ok: true, imported: 0, alreadyPresent: 3000 });
    expect(countIn('body-gw')).toBe(3000);
  });

  it('refuses a body cut off midway, storing nothing of it', async () => {
    const bytes = Buffer.from(`${linesOf(0, 5000).join('\n')}\n`);
    const result = await importBody(bodyOf(bytes, [16 * 1024], { after: 600 * 1024 }).stream);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(/^after line \d+: the file cannot be read on \(ECONNRESET\)$/)]);
    expect(countIn('body-gw')).toBe(0);
  });

  it('stops reading a body once enough problems are known, and hands it back unlocked', async () => {
    // Twenty bad lines first, then a long good rest that is never needed.
    const bad = Array.from({ length: 20 }, (_, i) => JSON.stringify(logpushEvent(i, { Gateway: 'body-gw', StatusCode: 42 })));
    const bytes = Buffer.from(`${[...bad, ...linesOf(100, 20_000)].join('\n')}\n`);
    const body = bodyOf(bytes, [16 * 1024]);
    const result = await importBody(body.stream);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(20);
    expect(!result.ok && result.errors[19]).toBe('line 20: StatusCode must be an HTTP status');
    expect(body.stream.locked).toBe(false);
    expect(body.handedOut()).toBeLessThanOrEqual((CHUNKS_IN_FLIGHT + 2) * 16 * 1024);
    expect(countIn('body-gw')).toBe(0);
  });
  it('returns once enough problems are known even when the client has stopped sending', async () => {
    // Twenty bad lines, then a client that sends nothing more and never closes: a read in progress
    // must not keep the import (and the uploads queued behind it) waiting for a chunk that never comes.
    const bad = Array.from({ length: 20 }, (_, i) => JSON.stringify(logpushEvent(i, { Gateway: 'body-gw', StatusCode: 42 })));
    const first = new TextEncoder().encode(`${bad.join('\n')}\n`);
    let sent = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (sent) return new Promise<void>(() => {});
          sent = true;
          controller.enqueue(first);
        },
      },
      { highWaterMark: 0 },
    );
    const result = await importBody(stream);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(20);
    expect(stream.locked).toBe(false);
    expect(countIn('body-gw')).toBe(0);
  });
});
