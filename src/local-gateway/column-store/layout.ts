import { Dictionary } from './dictionary.ts';

/** The text keys a filter row can name (model_type is kept for ordering only). */
export type TextKey = 'provider' | 'model' | 'request_content_type' | 'response_content_type';
export type TextColumn = TextKey | 'model_type';
export const TEXT_COLUMNS: readonly TextColumn[] = ['provider', 'model', 'model_type', 'request_content_type', 'response_content_type'];

/** Rows per value of success, cached (0/1) and feedback (-1/0/1 at index +1), for pass ordering. */
export interface ValueCounts {
  success: Int32Array;
  cached: Int32Array;
  feedback: Int32Array;
}

/**
 * The columns of one gateway's projection, sorted by (created_at, rowid): what the passes, ranges,
 * orderings and aggregates read. Every array lives in a SharedArrayBuffer, so worker threads read the same
 * memory the main thread keeps in step with SQLite (a feedback write is seen by every thread at once).
 *
 * Missing values: cost NaN; duration / tokens -1; text code 0. Every comparison with them is false, which
 * is the "a log with no value for a key never matches" rule, with no extra branch in the loops.
 */
export interface ColumnArrays {
  readonly length: number;
  readonly rid: Float64Array;
  readonly createdAt: Float64Array;
  readonly cost: Float64Array;
  readonly duration: Int32Array;
  readonly tokensIn: Int32Array;
  readonly tokensOut: Int32Array;
  readonly success: Uint8Array;
  readonly cached: Uint8Array;
  readonly feedback: Int8Array;
  readonly text: Record<TextColumn, { codes: Uint32Array; dict: Dictionary }>;
  readonly valueCounts: ValueCounts;
}

/**
 * What a worker thread needs to see a projection: the shared buffers (not copied by postMessage) and the
 * dictionaries (a few dozen strings each, copied once when the projection is handed over).
 */
export interface SharedColumns {
  length: number;
  buffers: Record<NumericColumn | TextColumn | 'valueCounts', SharedArrayBuffer>;
  dictionaries: Record<TextColumn, { values: (string | null)[]; counts: number[] }>;
}

type NumericColumn = 'rid' | 'createdAt' | 'cost' | 'duration' | 'tokensIn' | 'tokensOut' | 'success' | 'cached' | 'feedback';

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/** Fresh zeroed columns for `length` logs, each in its own SharedArrayBuffer. */
export function allocateArrays(length: number): ColumnArrays {
  return arraysOver({
    length,
    buffers: {
      rid: shared(length * 8),
      createdAt: shared(length * 8),
      cost: shared(length * 8),
      duration: shared(length * 4),
      tokensIn: shared(length * 4),
      tokensOut: shared(length * 4),
      success: shared(length),
      cached: shared(length),
      feedback: shared(length),
      provider: shared(length * 4),
      model: shared(length * 4),
      model_type: shared(length * 4),
      request_content_type: shared(length * 4),
      response_content_type: shared(length * 4),
      valueCounts: shared(7 * 4),
    },
    dictionaries: Object.fromEntries(TEXT_COLUMNS.map((k) => [k, { values: [null], counts: [0] }])) as SharedColumns['dictionaries'],
  });
}

/** Typed-array views over shared buffers (in a worker: over the buffers the main thread handed over). */
export function arraysOver(s: SharedColumns): ColumnArrays {
  const b = s.buffers;
  const text = (k: TextColumn) => {
    const dict = new Dictionary();
    dict.restore(s.dictionaries[k].values, s.dictionaries[k].counts);
    return { codes: new Uint32Array(b[k]), dict };
  };
  return {
    length: s.length,
    rid: new Float64Array(b.rid),
    createdAt: new Float64Array(b.createdAt),
    cost: new Float64Array(b.cost),
    duration: new Int32Array(b.duration),
    tokensIn: new Int32Array(b.tokensIn),
    tokensOut: new Int32Array(b.tokensOut),
    success: new Uint8Array(b.success),
    cached: new Uint8Array(b.cached),
    feedback: new Int8Array(b.feedback),
    text: Object.fromEntries(TEXT_COLUMNS.map((k) => [k, text(k)])) as ColumnArrays['text'],
    valueCounts: {
      success: new Int32Array(b.valueCounts, 0, 2),
      cached: new Int32Array(b.valueCounts, 8, 2),
      feedback: new Int32Array(b.valueCounts, 16, 3),
    },
  };
}

/** The shared buffers and dictionaries of columns, to hand to a worker thread. */
export function sharedOf(a: ColumnArrays): SharedColumns {
  const buf = (v: ArrayBufferView) => {
    if (!(v.buffer instanceof SharedArrayBuffer)) throw new Error('the projection is not in shared memory');
    return v.buffer;
  };
  return {
    length: a.length,
    buffers: {
      rid: buf(a.rid),
      createdAt: buf(a.createdAt),
      cost: buf(a.cost),
      duration: buf(a.duration),
      tokensIn: buf(a.tokensIn),
      tokensOut: buf(a.tokensOut),
      success: buf(a.success),
      cached: buf(a.cached),
      feedback: buf(a.feedback),
      ...(Object.fromEntries(TEXT_COLUMNS.map((k) => [k, buf(a.text[k].codes)])) as Record<TextColumn, SharedArrayBuffer>),
      valueCounts: buf(a.valueCounts.success),
    },
    dictionaries: Object.fromEntries(TEXT_COLUMNS.map((k) => [k, { values: a.text[k].dict.values, counts: a.text[k].dict.counts }])) as SharedColumns['dictionaries'],
  };
}
