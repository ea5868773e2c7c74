import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, nextSort, readSort, sortToParams } from './log-sort.ts';

describe('log sort', () => {
  it('reads the URL and ignores what the API cannot order by', () => {
    expect(readSort(new URLSearchParams('order_by=model&order_by_direction=asc'))).toEqual({ by: 'model', direction: 'asc' });
    expect(readSort(new URLSearchParams('order_by=cost&order_by_direction=sideways'))).toEqual(DEFAULT_SORT);
  });

  it('flips the same column and starts a new one in its natural order', () => {
    expect(nextSort(DEFAULT_SORT, 'created_at')).toEqual({ by: 'created_at', direction: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'provider')).toEqual({ by: 'provider', direction: 'asc' });
    expect(nextSort({ by: 'provider', direction: 'asc' }, 'provider')).toEqual({ by: 'provider', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'cached')).toEqual({ by: 'cached', direction: 'desc' });
  });

  it('keeps the default out of the URL', () => {
    expect(sortToParams(DEFAULT_SORT)).toEqual({ order_by: undefined, order_by_direction: undefined });
    expect(sortToParams({ by: 'success', direction: 'asc' })).toEqual({ order_by: 'success', order_by_direction: 'asc' });
  });
});
