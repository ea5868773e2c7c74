import type { LOG_ORDER_KEYS } from '../../shared/logs.ts';
import type { ColumnArrays } from './layout.ts';
import type { Selection } from './selection.ts';

/** A key a log list may be ordered by. */
export type LogOrderKey = (typeof LOG_ORDER_KEYS)[number];

/**
 * The rowids of one page of the selection, in list order. Selection order is created_at ascending; other
 * keys use a stable counting sort by the key's rank, so ties keep time order. `desc` reverses the whole
 * order (ties newest first).
 */
export function pageRowids(
  cols: ColumnArrays,
  selection: Selection,
  orderBy: LogOrderKey,
  direction: 'asc' | 'desc',
  offset: number,
  limit: number,
): number[] {
  // In created_at order the selection is read in place (a time window needs no position list at all).
  const at: (i: number) => number =
    orderBy === 'created_at' ? (i) => selection.at(i) : ((sorted) => (i: number) => sorted[i]!)(sortBy(cols, selection.positions(), orderBy));
  const out: number[] = [];
  const n = selection.length;
  for (let i = offset; i < Math.min(n, offset + limit); i++) out.push(cols.rid[at(direction === 'asc' ? i : n - 1 - i)]!);
  return out;
}

/** A counting sort over the key's ranks (a boolean, or a text column's dictionary order): linear in the selection, and stable. */
function sortBy(cols: ColumnArrays, positions: Uint32Array, key: Exclude<LogOrderKey, 'created_at'>): Uint32Array {
  let keyOf: (r: number) => number;
  let buckets: number;
  if (key === 'success' || key === 'cached') {
    const col = key === 'success' ? cols.success : cols.cached;
    keyOf = (r) => col[r]!;
    buckets = 2;
  } else {
    const { codes, dict } = cols.text[key];
    const ranks = dict.ranks();
    keyOf = (r) => ranks[codes[r]!]!;
    buckets = dict.values.length;
  }
  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < positions.length; i++) starts[keyOf(positions[i]!) + 1]!++;
  for (let b = 1; b <= buckets; b++) starts[b]! += starts[b - 1]!;
  const out = new Uint32Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const r = positions[i]!;
    out[starts[keyOf(r)]!++] = r;
  }
  return out;
}
