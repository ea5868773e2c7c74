import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { WireFilter } from '../../../shared/filters.ts';
import { logQueries } from '../../features/logs/log-queries.ts';
import type { MatchCountState } from './filter-summary.tsx';

/** Returns `value` once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * The live count for `filters` (within `search`, when given), 300 ms after the last change of the filters. The previous figure stays on screen while
 * the next loads, and a superseded request is cancelled (the query function passes on react-query's signal).
 */
export function useMatchCount(gw: string, filters: readonly WireFilter[], enabled = true, search?: string): MatchCountState {
  const text = JSON.stringify(filters);
  const settled = useDebounced(text, 300);
  const query = useQuery({
    ...logQueries.count(gw, JSON.parse(settled) as WireFilter[], search),
    placeholderData: keepPreviousData,
    enabled,
  });
  return {
    data: query.data,
    isFetching: query.isFetching || settled !== text,
    error: query.error,
    isStale: query.isPlaceholderData || settled !== text,
    retry: () => void query.refetch(),
  };
}
