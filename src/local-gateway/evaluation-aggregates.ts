import type { Filter } from '../shared/filters.ts';
import type { GatewayColumns, Slice } from './column-store.ts';
import { upperBound } from './analysis/select-group.ts';
import { PreciseSum } from './precise-sum.ts';

export interface Aggregates {
  /** Distinct logs in the union of the datasets. */
  totalLogs: number;
  costSum: number;
  costLogs: number;
  durationSum: number;
  durationLogs: number;
  thumbsUp: number;
  thumbsDown: number;
}

/** One slice's aggregates; the cost sum as exact partials, so slices merge without rounding. */
export interface AggregatePart extends Omit<Aggregates, 'costSum'> {
  costPartials: number[];
}

/**
 * Aggregates over the distinct union of the datasets' logs within the slice: each dataset marks its matches
 * in one mask, so a log in two datasets counts once. Sums are exact (see PreciseSum), so the result does not
 * depend on order, nor on how a scan was split.
 */
export function aggregateSlice(
  cols: GatewayColumns,
  datasetFilters: readonly (readonly Filter[])[],
  slice: Slice,
  untilMs = Infinity,
): AggregatePart {
  const { lo, hi } = slice;
  // Pinned: a job that runs later than its evaluation's created_at sees no newer log.
  const end = Math.max(lo, Math.min(hi, upperBound(cols, untilMs)));
  const mask = new Uint8Array(Math.max(0, hi - lo));
  for (const filters of datasetFilters) {
    const selection = cols.query(filters, undefined, slice);
    // A time window marks a range at once; otherwise each selected position.
    if (selection.isWindow) mask.fill(1, selection.lo - lo, selection.hi - lo);
    else {
      const positions = selection.positions();
      for (let i = 0; i < positions.length; i++) mask[positions[i]! - lo] = 1;
    }
  }
  const cost = new PreciseSum();
  let totalLogs = 0, costLogs = 0, durationSum = 0, durationLogs = 0, up = 0, down = 0;
  const { cost: costs, duration, feedback } = cols;
  for (let i = 0; i < end - lo; i++) {
    if (!mask[i]) continue;
    const p = lo + i;
    totalLogs++;
    const c = costs[p]!;
    if (c === c) {
      cost.add(c);
      costLogs++;
    }
    const d = duration[p]!;
    if (d >= 0) {
      durationSum += d; // integers: exact well past any log count
      durationLogs++;
    }
    const f = feedback[p]!;
    if (f === 1) up++;
    else if (f === -1) down++;
  }
  return { totalLogs, costPartials: cost.partialSums(), costLogs, durationSum, durationLogs, thumbsUp: up, thumbsDown: down };
}

/** The slices' aggregates as one: counts add up, the cost sum is the exact sum of every slice's partials. */
export function mergeAggregates(parts: readonly AggregatePart[]): Aggregates {
  const cost = new PreciseSum();
  const out: Aggregates = { totalLogs: 0, costSum: 0, costLogs: 0, durationSum: 0, durationLogs: 0, thumbsUp: 0, thumbsDown: 0 };
  for (const p of parts) {
    for (const x of p.costPartials) cost.add(x);
    out.totalLogs += p.totalLogs;
    out.costLogs += p.costLogs;
    out.durationSum += p.durationSum;
    out.durationLogs += p.durationLogs;
    out.thumbsUp += p.thumbsUp;
    out.thumbsDown += p.thumbsDown;
  }
  out.costSum = cost.value();
  return out;
}

/** The aggregates over the whole projection, on this thread. */
export function aggregate(cols: GatewayColumns, datasetFilters: readonly (readonly Filter[])[], untilMs = Infinity): Aggregates {
  return mergeAggregates([aggregateSlice(cols, datasetFilters, { lo: 0, hi: cols.length, out: new Uint32Array(cols.length) }, untilMs)]);
}
