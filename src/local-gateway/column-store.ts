import type Database from 'better-sqlite3';
import type { Filter } from '../shared/filters.ts';
import { Dictionary } from './column-store/dictionary.ts';
import { pageRowids, type LogOrderKey } from './column-store/ordering.ts';
import { compilePass, searchPass, type Pass } from './column-store/passes.ts';
import { logRanges, type LogRanges } from './column-store/ranges.ts';
import { Selection } from './column-store/selection.ts';
import { createdAtRange } from './filter-values.ts';

export type { LogOrderKey } from './column-store/ordering.ts';
export type { LogRanges } from './column-store/ranges.ts';
export { Selection } from './column-store/selection.ts';

/** The text keys a filter row can name (model_type is kept for ordering only). */
export type TextKey = 'provider' | 'model' | 'request_content_type' | 'response_content_type';

const SELECT_COLUMNS = `SELECT rid, created_at, cost, duration, tokens_in, tokens_out, success, cached, feedback,
  provider, model, model_type, request_content_type, response_content_type FROM logs WHERE gateway_id = ? ORDER BY created_at, rid`;

/**
 * An in-memory columnar projection of the filterable log fields of one gateway, sorted by (created_at,
 * rowid). SQLite stays the source of truth; this answers counts, page selection, ranges and evaluation
 * aggregates in a few milliseconds at a million logs, where the same filter in SQL takes 60–170 ms.
 *
 * Missing values: cost NaN; duration / tokens -1; text code 0. Every comparison with them is false, which
 * is the "a log with no value for a key never matches" rule, with no extra branch in the loops.
 *
 * Filter rows compile to passes (column-store/passes.ts); ranges and page ordering read the selection
 * (column-store/ranges.ts, column-store/ordering.ts).
 */
export class GatewayColumns {
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
  readonly text: Record<TextKey | 'model_type', { codes: Uint32Array; dict: Dictionary }>;
  /** Rows per value of success, cached (0/1) and feedback (-1/0/1 at index +1), for pass ordering. */
  readonly valueCounts = { success: [0, 0], cached: [0, 0], feedback: [0, 0, 0] };
  /** Reused candidate buffer: a selection is valid until the next query on this gateway. */
  private readonly scratch: Uint32Array;

  private constructor(length: number) {
    this.length = length;
    this.rid = new Float64Array(length);
    this.createdAt = new Float64Array(length);
    this.cost = new Float64Array(length);
    this.duration = new Int32Array(length);
    this.tokensIn = new Int32Array(length);
    this.tokensOut = new Int32Array(length);
    this.success = new Uint8Array(length);
    this.cached = new Uint8Array(length);
    this.feedback = new Int8Array(length);
    const textColumn = () => ({ codes: new Uint32Array(length), dict: new Dictionary() });
    this.text = {
      provider: textColumn(),
      model: textColumn(),
      model_type: textColumn(),
      request_content_type: textColumn(),
      response_content_type: textColumn(),
    };
    this.scratch = new Uint32Array(length);
  }

  /** Empty columns for `length` logs, for a saved projection to be read into (column-store/snapshot.ts). */
  static allocate(length: number): GatewayColumns {
    return new GatewayColumns(length);
  }

  /** Loads a gateway's projection with one ordered SELECT, iterated raw (no per-row objects kept). */
  static load(db: Database.Database, gatewayId: string): GatewayColumns {
    const { n } = db.prepare('SELECT count(*) AS n FROM logs WHERE gateway_id = ?').get(gatewayId) as { n: number };
    const cols = new GatewayColumns(n);
    const { provider, model, model_type, request_content_type, response_content_type } = cols.text;
    let i = 0;
    const rows = db.prepare(SELECT_COLUMNS).raw(true).iterate(gatewayId) as IterableIterator<unknown[]>;
    for (const row of rows) {
      if (i >= n) break; // a concurrent writer cannot add rows inside this read transaction; guard anyway
      cols.rid[i] = row[0] as number;
      cols.createdAt[i] = row[1] as number;
      cols.cost[i] = row[2] === null ? NaN : (row[2] as number);
      cols.duration[i] = row[3] === null ? -1 : (row[3] as number);
      cols.tokensIn[i] = row[4] === null ? -1 : (row[4] as number);
      cols.tokensOut[i] = row[5] === null ? -1 : (row[5] as number);
      cols.success[i] = row[6] as number;
      cols.cached[i] = row[7] as number;
      cols.feedback[i] = row[8] as number;
      cols.valueCounts.success[row[6] as number]!++;
      cols.valueCounts.cached[row[7] as number]!++;
      cols.valueCounts.feedback[(row[8] as number) + 1]!++;
      provider.codes[i] = provider.dict.code(row[9] as string);
      model.codes[i] = model.dict.code(row[10] as string);
      model_type.codes[i] = model_type.dict.code(row[11] as string | null);
      request_content_type.codes[i] = request_content_type.dict.code(row[12] as string | null);
      response_content_type.codes[i] = response_content_type.dict.code(row[13] as string | null);
      i++;
    }
    return cols;
  }

  /** First position whose created_at is ≥ `ms` (the columns are sorted by it). */
  lowerBound(ms: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.createdAt[mid]! < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of a log, found by its time (binary search) and then its rowid among equal times. */
  positionOf(rid: number, createdAtMs: number): number {
    for (let p = this.lowerBound(createdAtMs); p < this.length && this.createdAt[p] === createdAtMs; p++) {
      if (this.rid[p] === rid) return p;
    }
    return -1;
  }

  /** Mirrors a committed feedback write; false when the log is not in this projection (rebuild it then). */
  setFeedback(rid: number, createdAtMs: number, feedback: number): boolean {
    const p = this.positionOf(rid, createdAtMs);
    if (p < 0) return false;
    this.valueCounts.feedback[this.feedback[p]! + 1]!--;
    this.valueCounts.feedback[feedback + 1]!++;
    this.feedback[p] = feedback;
    return true;
  }

  /**
   * The logs matching every filter row (and `search`, if given), in created_at order. created_at rows
   * become a window [lo, hi) by binary search (the columns are sorted by it); only that window is scanned
   * for the other rows, and with no other row the window itself is the answer (nothing is scanned).
   * `idPosition` is the position of the log whose id equals `search`, or -1. A selection's positions live
   * in a reused buffer: valid until the next query on this gateway.
   */
  query(filters: readonly Filter[], search?: { text: string; idPosition: number }): Selection {
    let lo = 0;
    let hi = this.length;
    const passes: Pass[] = [];
    for (const row of filters) {
      if (row.key === 'created_at') {
        const { from, to } = createdAtRange(row);
        // Same rule as the SQL path (filter-sql.ts): an open end adds no bound.
        if (Number.isFinite(from)) lo = Math.max(lo, this.lowerBound(from));
        if (Number.isFinite(to)) hi = Math.min(hi, this.lowerBound(to));
      } else passes.push(compilePass(this, row));
    }
    if (search) passes.push(searchPass(this, search.text, search.idPosition));
    const cand = this.scratch;
    if (hi <= lo) return Selection.list(cand.subarray(0, 0));
    if (passes.length === 0) return Selection.window(lo, hi, cand);
    // Most selective first: later passes then touch fewer candidates. Stable for equal shares.
    passes.sort((a, b) => a.share - b.share);
    let k: number;
    let rest = passes;
    const first = passes[0]!;
    if (first.scan) {
      k = first.scan(cand, lo, hi);
      rest = passes.slice(1);
    } else {
      k = hi - lo;
      for (let i = 0; i < k; i++) cand[i] = lo + i;
    }
    for (const pass of rest) {
      if (k === 0) break;
      k = pass.run(cand, k);
    }
    return Selection.list(cand.subarray(0, k));
  }

  /** The matching positions as an array (see `query`; a view on a reused buffer). */
  select(filters: readonly Filter[], search?: { text: string; idPosition: number }): Uint32Array {
    return this.query(filters, search).positions();
  }

  count(filters: readonly Filter[], search?: { text: string; idPosition: number }): number {
    return this.query(filters, search).length;
  }

  /** The min/max figures of `meta_info`, over the selected positions; a figure no log has is left out. */
  ranges(selection: Selection | Uint32Array): LogRanges {
    return logRanges(this, selection instanceof Selection ? selection.positions() : selection);
  }

  /** The rowids of one page of the selection, in list order (see column-store/ordering.ts). */
  pageRowids(selection: Selection | Uint32Array, orderBy: LogOrderKey, direction: 'asc' | 'desc', offset: number, limit: number): number[] {
    return pageRowids(this, selection instanceof Selection ? selection : Selection.list(selection), orderBy, direction, offset, limit);
  }
}
