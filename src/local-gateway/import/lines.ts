import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The two bytes every gzip member starts with (RFC 1952): the format is told by content, not by name. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

export async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/**
 * The lines of a text file, gzipped or not, read as a stream, a chunk's worth at a time: memory stays
 * bounded by one chunk and one line, whatever the file's size. Lines end at LF or CRLF. Batches rather
 * than single lines because an await per line (readline's async iterator) cost as much as reading the
 * line did. A corrupt gzip stream ends the iteration with its error.
 *
 * Each chunk is decoded up to its last LF (a line break never falls inside a UTF-8 sequence, so no
 * character is cut), the bytes after it wait for the next chunk. A chunk that is all ASCII, as log
 * files mostly are, is decoded as ASCII: the same text, five times faster than UTF-8 decoding it.
 */
export async function* readLineBatches(file: string, onBytes?: (bytesRead: number) => void): AsyncGenerator<string[]> {
  // Told before the stream opens: nothing may await between attaching a 'data' listener and reading.
  const gzipped = await isGzip(file);
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (onBytes) raw.on('data', () => onBytes(raw.bytesRead));
  let bytes: Readable = raw;
  if (gzipped) {
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    raw.on('error', (error) => gunzip.destroy(error));
    bytes = raw.pipe(gunzip);
  }
  let rest: Buffer | undefined;
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
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
  } finally {
    raw.destroy();
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
