import type { AnalysisGroupInput } from '../shared/analysis.ts';
import type { Filter } from '../shared/filters.ts';
import { analyzeGroup, type GroupPart } from './analysis/analyze.ts';
import type { GatewayColumns, LogOrderKey, LogRanges, LogSearch, Slice } from './column-store.ts';
import { aggregateSlice, mergeAggregates, type AggregatePart, type Aggregates } from './evaluation-aggregates.ts';

/**
 * Work over a gateway's columns that the query runner (query-runner.ts) may split across worker threads.
 * `run` sees one slice of positions and must only read the columns (and write its own part of
 * `slice.out`); its arguments and its part are copied between threads, so they are plain data. `merge`
 * runs on the calling thread with the parts in slice order and must stay cheap (it holds up other
 * requests). A task registered in TASKS runs in a worker without further wiring.
 */
export interface ColumnTask<Args, Part, Result> {
  /** The positions the task can need (a narrower window splits better); all of them when absent. */
  bounds?: (cols: GatewayColumns, args: Args) => { lo: number; hi: number };
  /** False when this call must run as one slice (its `run` needs the whole selection). */
  splittable?: (args: Args) => boolean;
  run: (cols: GatewayColumns, args: Args, slice: Slice) => Part;
  merge: (parts: Part[], args: Args, cols: GatewayColumns, out: Uint32Array) => Result;
}

export interface SelectArgs {
  filters: Filter[];
  search?: LogSearch;
  /** Also the min/max figures of `meta_info`. */
  ranges: boolean;
  page: { orderBy: LogOrderKey; direction: 'asc' | 'desc'; offset: number; limit: number };
}

export interface SelectResult {
  total: number;
  ranges: LogRanges;
  /** The page's rowids, in list order. */
  rids: number[];
}

interface SelectPart {
  count: number;
  /** Where the slice's positions start in `out`, or the window itself when the selection is one. */
  start: number;
  window: { lo: number; hi: number } | null;
  ranges?: LogRanges;
  /** Only when not split (an order other than created_at sorts the whole selection). */
  rids?: number[];
}

const RANGE_KEYS = ['cost', 'duration', 'tokens_in', 'tokens_out', 'total_tokens'] as const;

/** The slices' min/max figures as one. */
function mergeRanges(parts: readonly LogRanges[]): LogRanges {
  const out: Record<string, number> = {};
  for (const r of parts as readonly Record<string, number | undefined>[]) {
    for (const k of RANGE_KEYS) {
      const min = r[`min_${k}`];
      const max = r[`max_${k}`];
      if (min !== undefined) out[`min_${k}`] = Math.min(out[`min_${k}`] ?? Infinity, min);
      if (max !== undefined) out[`max_${k}`] = Math.max(out[`max_${k}`] ?? -Infinity, max);
    }
  }
  return out as LogRanges;
}

/** A log list: the count, the ranges and one page, from one selection. */
const select: ColumnTask<SelectArgs, SelectPart, SelectResult> = {
  bounds: (cols, args) => cols.timeWindow(args.filters),
  // Ordered by time, a page is read from the slices' positions in order; another order sorts them all.
  splittable: (args) => args.page.orderBy === 'created_at',
  run: (cols, args, slice) => {
    const selection = cols.query(args.filters, args.search, slice);
    const part: SelectPart = {
      count: selection.length,
      start: slice.lo,
      window: selection.isWindow ? { lo: selection.lo, hi: selection.hi } : null,
    };
    if (args.ranges) part.ranges = cols.ranges(selection);
    if (args.page.orderBy !== 'created_at') {
      const { orderBy, direction, offset, limit } = args.page;
      part.rids = cols.pageRowids(selection, orderBy, direction, offset, limit);
    }
    return part;
  },
  merge: (parts, args, cols, out) => {
    const total = parts.reduce((n, p) => n + p.count, 0);
    const ranges = args.ranges ? mergeRanges(parts.map((p) => p.ranges ?? {})) : {};
    if (parts.length === 1 && parts[0]!.rids) return { total, ranges, rids: parts[0]!.rids };
    const { direction, offset, limit } = args.page;
    /** The i-th selected position across the slices, in created_at order. */
    const at = (i: number): number => {
      for (const p of parts) {
        if (i < p.count) return p.window ? p.window.lo + i : out[p.start + i]!;
        i -= p.count;
      }
      throw new RangeError('position past the selection');
    };
    const rids: number[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rids.push(cols.rid[at(direction === 'asc' ? i : total - 1 - i)]!);
    return { total, ranges, rids };
  },
};

export interface AggregateArgs {
  datasetFilters: Filter[][];
  /** Pinned: only logs created at or before this instant (the evaluation's created_at) count. */
  untilMs?: number;
}

/** An evaluation's aggregates over the distinct union of its datasets (evaluation-aggregates.ts). */
const aggregates: ColumnTask<AggregateArgs, AggregatePart, Aggregates> = {
  run: (cols, args, slice) => aggregateSlice(cols, args.datasetFilters, slice, args.untilMs),
  merge: (parts) => mergeAggregates(parts),
};

export interface AnalysisGroupArgs {
  group: AnalysisGroupInput;
  excludeCachedFailed: boolean;
}

/**
 * One group of an evaluation analysis (analysis/analyze.ts), whole on one thread: the groups of one
 * analysis go to different workers at once, and the calling thread only draws the histograms.
 */
const analysisGroup: ColumnTask<AnalysisGroupArgs, GroupPart, GroupPart> = {
  splittable: () => false,
  run: (cols, args) => analyzeGroup(cols, args.group, args.excludeCachedFailed),
  merge: (parts) => parts[0]!,
};

/** Every task a worker thread can run, by name. */
export const TASKS = { select, aggregates, analysisGroup } as const;

export type TaskName = keyof typeof TASKS;
export type TaskArgs<K extends TaskName> = (typeof TASKS)[K] extends ColumnTask<infer A, infer _P, infer _R> ? A : never;
export type TaskResult<K extends TaskName> = (typeof TASKS)[K] extends ColumnTask<infer _A, infer _P, infer R> ? R : never;
