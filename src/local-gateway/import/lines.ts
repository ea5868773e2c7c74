import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The two bytes every gzip member starts with (RFC 1952): the format is told by content, not by name. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** A file's bytes, a MiB at a time. */
export function fileBytes(file: string): AsyncIterable<Buffer> {
  return createReadStream(file, { highWaterMark: 1 << 20 });
}

/**
 * The bytes, gunzipped when they start as gzip does: the first chunks are held until two bytes are known
 * (a stream may deliver a single byte first), then everything flows through. A corrupt gzip stream, or
 * the source's own failure, ends the iteration with its error; stopping early stops the source.
 */
async function* plainBytes(source: AsyncIterable<Uint8Array>, onBytes: ((bytesRead: number) => void) | undefined): AsyncGenerator<Buffer> {
  const chunks = source[Symbol.asyncIterator]();
  let bytesRead = 0;
  let ended = false;
  const next = async (): Promise<Buffer | undefined> => {
    const step = await chunks.next();
    if (step.done) {
      ended = true;
      return undefined;
    }
    const chunk = step.value;
    bytesRead += chunk.byteLength;
    onBytes?.(bytesRead);
    return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  };
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 2 && !ended) {
    const chunk = await next();
    if (chunk) head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
  }
  async function* raw(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    for (let chunk = ended ? undefined : await next(); chunk; chunk = await next()) yield chunk;
  }
  try {
    if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
      yield* raw();
      return;
    }
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    const compressed = Readable.from(raw(), { objectMode: false });
    compressed.on('error', (error) => gunzip.destroy(error));
    try {
      yield* compressed.pipe(gunzip) as AsyncIterable<Buffer>;
    } finally {
      compressed.destroy();
    }
  } finally {
    if (!ended) await chunks.return?.();
  }
}

/**
 * The lines of a text, gzipped or not (told by its first bytes), read from a stream of its bytes (a
 * file's, an upload's), a chunk's worth at a time: memory stays bounded by one chunk and one line,
 * whatever the size. Lines end at LF or CRLF. Batches rather than single lines because an await per line
 * (readline's async iterator) cost as much as reading the line did. A corrupt gzip stream ends the
 * iteration with its error. `onBytes` is told the bytes taken from the source so far (before gunzipping).
 *
 * Each chunk is decoded up to its last LF (a line break never falls inside a UTF-8 sequence, so no
 * character is cut), the bytes after it wait for the next chunk. A chunk that is all ASCII, as log
 * files mostly are, is decoded as ASCII: the same text, five times faster than UTF-8 decoding it.
 */
export async function* readLineBatches(source: AsyncIterable<Uint8Array>, onBytes?: (bytesRead: number) => void): AsyncGenerator<string[]> {
  let rest: Buffer | undefined;
  for await (const chunk of plainBytes(source, onBytes)) {
    const buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    const end = buffer.lastIndexOf(LF);
    if (end < 0) {
      rest = buffer;
      continue;
    }
    rest = end + 1 < buffer.length ? buffer.subarray(end + 1) : undefined;
    const parts = decode(buffer.subarray(0, end)).split('\n');
    for (let i = 0; i < parts.length; i++) if (parts[i]!.endsWith('\r')) parts[i] = parts[i]!.slice(0, -1);
    yield parts;
  }
  if (!rest) return;
  let last = decode(rest);
  if (last.endsWith('\r')) last = last.slice(0, -1);
  if (last !== '') yield [last];
}

const LF = 0x0a;

function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('ascii') : bytes.toString('utf8');
}

/** The files to import: a file as it is, a folder as its files (not recursive), in name order. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    for (const entry of entries.filter((e) => e.isFile() && !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      files.push(join(path, entry.name));
    }
  }
  return files;
}
