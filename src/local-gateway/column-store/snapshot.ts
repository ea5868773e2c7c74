import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { GatewayColumns, TextKey } from '../column-store.ts';

/** Bumped whenever the layout below changes: a file of another format is simply rebuilt. */
const FORMAT = 1;
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

type TextColumn = TextKey | 'model_type';
const TEXT_COLUMNS: readonly TextColumn[] = ['provider', 'model', 'model_type', 'request_content_type', 'response_content_type'];

/** The typed arrays in file order (the text codes after the fixed ones). */
function arraysOf(cols: GatewayColumns): ArrayBufferView[] {
  return [
    cols.rid, cols.createdAt, cols.cost, cols.duration, cols.tokensIn, cols.tokensOut, cols.success, cols.cached, cols.feedback,
    ...TEXT_COLUMNS.map((k) => cols.text[k].codes),
  ];
}

interface Header extends SnapshotKey {
  magic: string;
  format: number;
  length: number;
  valueCounts: GatewayColumns['valueCounts'];
  dictionaries: Record<TextColumn, { values: (string | null)[]; counts: number[] }>;
}

/**
 * Writes a gateway's projection next to the store: a JSON header (the key, the dictionaries) and then the
 * raw column bytes. Written to a temporary file and renamed, so a reader sees a whole file or none. A
 * restart then reads ~60 bytes a log instead of decoding every row from SQLite (seconds at a million).
 */
export function writeSnapshot(path: string, cols: GatewayColumns, key: SnapshotKey): void {
  const header: Header = {
    magic: MAGIC,
    format: FORMAT,
    ...key,
    length: cols.length,
    valueCounts: cols.valueCounts,
    dictionaries: Object.fromEntries(TEXT_COLUMNS.map((k) => [k, { values: cols.text[k].dict.values, counts: cols.text[k].dict.counts }])) as Header['dictionaries'],
  };
  const head = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, size);
    writeSync(fd, head);
    for (const a of arraysOf(cols)) writeSync(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
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
 * missing, of another format, for another state of the logs, or cut short (the caller rebuilds from SQLite).
 */
export function readSnapshot(path: string, key: SnapshotKey, allocate: (length: number) => GatewayColumns): GatewayColumns | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length < 4) return undefined;
  const headLength = bytes.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + headLength).toString('utf8')) as Header;
  } catch {
    return undefined;
  }
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
  const total = arrays.reduce((n, a) => n + a.byteLength, 4 + headLength);
  if (bytes.length !== total) return undefined;
  let offset = 4 + headLength;
  for (const a of arrays) {
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength).set(bytes.subarray(offset, offset + a.byteLength));
    offset += a.byteLength;
  }
  Object.assign(cols.valueCounts, header.valueCounts);
  for (const k of TEXT_COLUMNS) cols.text[k].dict.restore(header.dictionaries[k].values, header.dictionaries[k].counts);
  return cols;
}
