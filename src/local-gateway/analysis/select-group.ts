import type { Filter } from '../../shared/filters.ts';
import type { GatewayColumns } from '../column-store.ts';
import { lowerIndex } from './histogram.ts';

/** Bounds on created_at in ms: [from, before) and ≤ until (the pin). Infinite where not given. */
export interface TimeBounds {
  fromMs: number;
  beforeMs: number;
  untilMs: number;
}

export interface GroupSelection {
  /** Positions of the group's logs within the bounds, ascending (created_at order); owned by the caller. */
  positions: Uint32Array;
  /** Logs matching the filters created after `until`. */
  arrivedSince: number;
}

/** First position whose created_at is > ms (the columns are sorted by it). */
export function upperBound(cols: GatewayColumns, ms: number): number {
  if (ms === Infinity) return cols.length;
  let lo = 0;
  let hi = cols.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cols.createdAt[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/**
 * The distinct logs matching any of the filter sets (a log in two datasets counts once), cut to the time
 * bounds. Positions are in created_at order, so every bound is a position found by binary search. The
 * column store's selections share one buffer, so the positions are copied out (one set) or marked in a
 * mask before the next query (several sets).
 */
export function selectGroup(cols: GatewayColumns, anyOf: readonly (readonly Filter[])[], bounds: TimeBounds): GroupSelection {
  const lo = Number.isFinite(bounds.fromMs) ? cols.lowerBound(bounds.fromMs) : 0;
  const pinEnd = upperBound(cols, bounds.untilMs);
  const hi = Math.min(pinEnd, Number.isFinite(bounds.beforeMs) ? cols.lowerBound(bounds.beforeMs) : cols.length);
  if (anyOf.length === 1) {
    const selection = cols.query(anyOf[0]!);
    if (selection.isWindow) {
      const a = Math.max(lo, selection.lo);
      const b = Math.min(hi, selection.hi);
      const positions = new Uint32Array(Math.max(0, b - a));
      for (let i = 0; i < positions.length; i++) positions[i] = a + i;
      return { positions, arrivedSince: Math.max(0, selection.hi - Math.max(selection.lo, pinEnd)) };
    }
    const all = selection.positions();
    const arrivedFrom = lowerIndex(all, pinEnd);
    return { positions: all.slice(lowerIndex(all, lo), lowerIndex(all, hi)), arrivedSince: all.length - arrivedFrom };
  }
  const mask = new Uint8Array(cols.length);
  for (const filters of anyOf) {
    const selection = cols.query(filters);
    if (selection.isWindow) mask.fill(1, selection.lo, selection.hi);
    else {
      const positions = selection.positions();
      for (let i = 0; i < positions.length; i++) mask[positions[i]!] = 1;
    }
  }
  let k = 0;
  for (let p = lo; p < hi; p++) k += mask[p]!;
  const positions = new Uint32Array(k);
  let j = 0;
  for (let p = lo; p < hi; p++) if (mask[p]) positions[j++] = p;
  let arrivedSince = 0;
  for (let p = pinEnd; p < cols.length; p++) arrivedSince += mask[p]!;
  return { positions, arrivedSince };
}
