import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fileBytes, readLineBatches } from './lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'lines-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readLineBatches(fileBytes(file))) out.push(...batch);
  return out;
}

/** What the lines are, read the slow way: the whole file decoded at once, split at LF, a CR before it dropped. */
function expected(bytes: Buffer): string[] {
  const lines = bytes.toString('utf8').split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

describe('readLineBatches', () => {
  it('reads the lines of files larger than its chunks: multibyte text across chunk edges, CRLF, invalid UTF-8, no final LF', async () => {
    const parts: Buffer[] = [];
    for (let i = 0; i < 40_000; i++) {
      // Mostly ASCII chunks, some with é, 漢 and 😀 (2, 3 and 4 bytes), a cut sequence and a stray byte here and there.
      parts.push(Buffer.from(`{"i":${i},"t":"${(i % 9 === 0 ? 'é漢😀' : 'plain').repeat(i % 40)}"}`));
      if (i % 4999 === 0) parts.push(Buffer.from([0xe6, 0xbc]));
      if (i % 7001 === 0) parts.push(Buffer.from([0xff]));
      parts.push(Buffer.from(i % 3 === 0 ? '\r\n' : '\n'));
      if (i === 20_000) parts.push(Buffer.from('\n\n'));
    }
    parts.push(Buffer.from('{"last":"no line break é"}'));
    const bytes = Buffer.concat(parts);
    expect(bytes.length).toBeGreaterThan(3 << 20);
    const plain = join(dir, 'mixed.ndjson');
    const gz = join(dir, 'mixed.ndjson.gz');
    writeFileSync(plain, bytes);
    writeFileSync(gz, gzipSync(bytes));
    const want = expected(bytes);
    expect(want.length).toBe(40_003);
    expect(await readAll(plain)).toEqual(want);
    expect(await readAll(gz)).toEqual(want);
  });
});
