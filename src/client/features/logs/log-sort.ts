import type { LogListQuery } from '../../../shared/logs.ts';

export type LogOrderKey = LogListQuery['order_by'];
export interface LogSort {
  by: LogOrderKey;
  direction: LogListQuery['order_by_direction'];
}

/** The columns the logs API can order by, by the column's label in the table. */
export const SORTABLE_COLUMNS: Partial<Record<string, LogOrderKey>> = {
  Time: 'created_at',
  Provider: 'provider',
  Model: 'model',
  Status: 'success',
  Cache: 'cached',
};

/** The API's own default, which the URL leaves out so plain links stay short. */
export const DEFAULT_SORT: LogSort = { by: 'created_at', direction: 'desc' };

const ORDER_KEYS = new Set<string>(Object.values(SORTABLE_COLUMNS).filter((k): k is LogOrderKey => k !== undefined));

/** `order_by` / `order_by_direction` from the URL; anything unknown falls back to the default. */
export function readSort(params: URLSearchParams): LogSort {
  const by = params.get('order_by');
  const direction = params.get('order_by_direction');
  return {
    by: by && ORDER_KEYS.has(by) ? (by as LogOrderKey) : DEFAULT_SORT.by,
    direction: direction === 'asc' || direction === 'desc' ? direction : DEFAULT_SORT.direction,
  };
}

/**
 * The sort after a click on `by`'s header: the same column flips direction; a new column starts with its
 * natural first look (newest time first, names A→Z, errors and cache hits first).
 */
export function nextSort(current: LogSort, by: LogOrderKey): LogSort {
  if (current.by === by) return { by, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { by, direction: by === 'created_at' || by === 'cached' ? 'desc' : 'asc' };
}

/** The URL changes for `sort`: the default is written as nothing. */
export function sortToParams(sort: LogSort): { order_by?: string; order_by_direction?: string } {
  if (sort.by === DEFAULT_SORT.by && sort.direction === DEFAULT_SORT.direction) return { order_by: undefined, order_by_direction: undefined };
  return { order_by: sort.by, order_by_direction: sort.direction };
}
