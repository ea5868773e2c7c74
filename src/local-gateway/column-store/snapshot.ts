import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { TEXT_COLUMNS, type ColumnArrays, type TextColumn } from './layout.ts';

/** Bumped whenever the layout below changes: a file of another format is simply rebuilt. */
const FORMAT = 2;
const MAGIC = 'gateway-columns';

/**
 * What a snapshot must match to be used: the store it came from (account id and schema version) and the
 * gateway's logs as SQLite has them now (the log generation, which every log write moves, and the count).
 */
export interface SnapshotKey {
  accountId: string;
  schemaVersion: number;
  gatewayId: string;
  generation: number;
  count: number;
}

/** The typed arrays in file order (the text codes after the fixed ones). */
function arraysOf(cols: ColumnArrays): ArrayBufferView[] {
  return [
    cols.rid, cols.createdAt, cols.cost, cols.duration, cols.tokensIn, cols.tokensOut, cols.success, cols.cached, cols.feedback,
    ...TEXT_COLUMNS.map((k) => cols.text[k].codes),
  ];
}

interface Header extends SnapshotKey {
  magic: string;
  format: number;
  length: number;
  valueCounts: Record<keyof ColumnArrays['valueCounts'], number[]>;
  dictionaries: Record<TextColumn, { values: (string | null)[]; counts: number[] }>;
}

/**
 * Writes a gateway's projection next to the store: a JSON header (the key, the dictionaries), the raw
 * column bytes, and a checksum of everything before it (4 bytes). Written to a temporary file and renamed,
 * so a reader sees a whole file or none. A restart then reads ~60 bytes a log instead of decoding every
 * row from SQLite (seconds at a million).
 */
export function writeSnapshot(path: string, cols: ColumnArrays, key: SnapshotKey): void {
  const header: Header = {
    magic: MAGIC,
    format: FORMAT,
    ...key,
    length: cols.length,
    valueCounts: { success: [...cols.valueCounts.success], cached: [...cols.valueCounts.cached], feedback: [...cols.valueCounts.feedback] },
    dictionaries: Object.fromEntries(TEXT_COLUMNS.map((k) => [k, { values: cols.text[k].dict.values, counts: cols.text[k].dict.counts }])) as Header['dictionaries'],
  };
  const head = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  const arrays = arraysOf(cols);
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(checksum([size, head, ...arrays]));
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, size);
    writeSync(fd, head);
    for (const a of arrays) writeSync(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    writeSync(fd, sum);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
}

/**
 * Reads a snapshot into `allocate(length)`'s columns when it matches `key` exactly; undefined when it is
 * missing, of another format, for another state of the logs, cut short or damaged (the caller rebuilds
 * from SQLite). Nothing in the file is trusted: a damaged one must cost a rebuild, never a failed start.
 *
 * The column bytes are read from the file straight into the columns. Reading the whole file first held
 * a second copy of every projection (60 bytes a log) while copying: at a million logs the start-up peak
 * was about 350 MB against 296 MB this way (the resident memory after start-up is the same).
 */
export function readSnapshot<C extends ColumnArrays>(path: string, key: SnapshotKey, allocate: (length: number) => C): C | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return decode(fd, key, allocate);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Reads exactly `into.byteLength` bytes at `position`; false when the file ends first. */
function readFully(fd: number, into: Uint8Array, position: number): boolean {
  let done = 0;
  while (done < into.byteLength) {
    const n = readSync(fd, into, done, into.byteLength - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

function decode<C extends ColumnArrays>(fd: number, key: SnapshotKey, allocate: (length: number) => C): C | undefined {
  const fileSize = fstatSync(fd).size;
  if (fileSize < 8) return undefined;
  const size = Buffer.alloc(4);
  if (!readFully(fd, size, 0)) return undefined;
  const headLength = size.readUInt32LE(0);
  if (4 + headLength > fileSize - 4) return undefined;
  const head = Buffer.alloc(headLength);
  if (!readFully(fd, head, 4)) return undefined;
  const header = JSON.parse(head.toString('utf8')) as Header;
  const same =
    header.magic === MAGIC &&
    header.format === FORMAT &&
    header.accountId === key.accountId &&
    header.schemaVersion === key.schemaVersion &&
    header.gatewayId === key.gatewayId &&
    header.generation === key.generation &&
    header.count === key.count &&
    header.length === key.count;
  if (!same) return undefined;
  const cols = allocate(header.length);
  const arrays = arraysOf(cols);
  const total = arrays.reduce((n, a) => n + a.byteLength, 4 + headLength + 4);
  if (fileSize !== total) return undefined;
  let offset = 4 + headLength;
  for (const a of arrays) {
    if (!readFully(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset)) return undefined;
    offset += a.byteLength;
  }
  const sum = Buffer.alloc(4);
  if (!readFully(fd, sum, offset)) return undefined;
  // Hashed over the read (aligned) arrays: the same pieces, in the same order, as when it was written.
  if (checksum([size, head, ...arrays]) !== sum.readUInt32LE(0)) return undefined;
  if (!consistent(header, cols)) return undefined;
  for (const k of ['success', 'cached', 'feedback'] as const) cols.valueCounts[k].set(header.valueCounts[k]);
  for (const k of TEXT_COLUMNS) cols.text[k].dict.restore(header.dictionaries[k].values, header.dictionaries[k].counts);
  return cols;
}

const isCountList = (v: unknown, n: number): v is number[] =>
  Array.isArray(v) && (n < 0 || v.length === n) && v.every((x) => Number.isInteger(x) && x >= 0);
const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);

/**
 * The header agrees with itself and with the columns: value counts and dictionary counts cover every log,
 * code 0 is "no value", and every text code names a dictionary entry. (A file written by this module
 * always passes; this is for one that was damaged, or written by a faulty build, with a valid checksum.)
 */
function consistent(header: Header, cols: ColumnArrays): boolean {
  const { length } = cols;
  const vc = header.valueCounts as unknown as Record<string, unknown> | undefined;
  if (!vc || typeof vc !== 'object') return false;
  for (const [name, n] of [['success', 2], ['cached', 2], ['feedback', 3]] as const) {
    const counts = vc[name];
    if (!isCountList(counts, n) || sum(counts) !== length) return false;
  }
  const dictionaries = header.dictionaries as unknown as Record<string, { values?: unknown; counts?: unknown } | undefined> | undefined;
  if (!dictionaries || typeof dictionaries !== 'object') return false;
  for (const k of TEXT_COLUMNS) {
    const dict = dictionaries[k];
    if (!dict || !Array.isArray(dict.values) || dict.values.length === 0 || dict.values[0] !== null) return false;
    if (!dict.values.every((v, i) => i === 0 || typeof v === 'string')) return false;
    if (!isCountList(dict.counts, dict.values.length) || sum(dict.counts) !== length) return false;
    const codes = cols.text[k].codes;
    const size = dict.values.length;
    for (let i = 0; i < length; i++) if (codes[i]! >= size) return false;
  }
  return true;
}

/** Typed arrays are read as 32-bit words on little-endian hosts; DataView gives the same words elsewhere. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * A 32-bit FNV-1a over the pieces' bytes taken as little-endian 32-bit words (then a piece's last 1–3
 * bytes one by one): cheap enough for tens of megabytes at start-up, and any flipped byte changes it. It
 * depends only on the bytes, not on where a piece sits in memory. Exported for tests that damage a file.
 */
export function checksum(pieces: readonly ArrayBufferView[]): number {
  let h = 0x811c9dc5;
  for (const piece of pieces) {
    const n = piece.byteLength;
    const words = n >>> 2;
    if (LITTLE_ENDIAN && piece.byteOffset % 4 === 0) {
      const w = new Uint32Array(piece.buffer, piece.byteOffset, words);
      for (let i = 0; i < words; i++) h = Math.imul(h ^ w[i]!, 0x01000193);
    } else {
      const view = new DataView(piece.buffer, piece.byteOffset, n);
      for (let i = 0; i < words; i++) h = Math.imul(h ^ view.getUint32(i * 4, true), 0x01000193);
    }
    const bytes = new Uint8Array(piece.buffer, piece.byteOffset, n);
    for (let i = words * 4; i < n; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  }
  return h >>> 0;
}
