import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useWatch, type Control } from 'react-hook-form';
import type { WireFilter } from '../../../shared/filters.ts';
import type { FilterBuilderProps } from '../../components/filter-builder/filter-builder.tsx';
import { completeRows, type FiltersFormValues } from '../../components/filter-builder/filter-rows.ts';
import type { MatchCountState } from '../../components/filter-builder/filter-summary.tsx';
import { useDebounced } from '../../lib/use-debounced.ts';
import { sessionQueries } from '../session/session-queries.ts';
import { logQueries } from './log-queries.ts';

/**
 * The live count for `filters` (within `search`, when given), once the filters stop changing. The previous
 * figure stays on screen while the next loads, and a superseded request is cancelled (the query function
 * passes on react-query's signal).
 */
export function useMatchCount(gw: string, filters: readonly WireFilter[], enabled = true, search?: string): MatchCountState {
  const text = JSON.stringify(filters);
  const settled = useDebounced(text);
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

/**
 * What the filter builder shows beside the rows of a form: the gateway's observed values, the live match
 * count of the rows as typed, and whether Cloudflare's one-value rule applies. Spread it onto
 * `<FilterBuilder control={control} {...data} />`.
 */
export function useFilterBuilderData<T extends FiltersFormValues, C, O>(
  control: Control<T, C, O>,
  gatewayId: string,
  search?: string,
  /** The host applies the rows separately (Logs' Apply), and they differ from what it applied. */
  draft?: boolean,
): Omit<FilterBuilderProps<T, C, O>, 'control'> {
  const rows = useWatch({ control: control as unknown as Control<FiltersFormValues>, name: 'filters' }) ?? [];
  const session = useQuery(sessionQueries.current());
  // Without the logs API there is nothing to count or suggest; the builder still edits the filters.
  const logsAvailable = session.data?.capabilities.logs !== false;
  const observed = useQuery({ ...logQueries.observed(gatewayId), enabled: logsAvailable });
  const match = useMatchCount(gatewayId, completeRows(rows).filters, logsAvailable, search);
  return { observed: observed.data, match: logsAvailable ? { ...match, draft } : undefined, cloudflare: session.data?.mode === 'cloudflare' };
}
