import { useQuery } from '@tanstack/react-query';
import { useWatch, type Control } from 'react-hook-form';
import { logQueries } from '../../features/logs/log-queries.ts';
import { sessionQueries } from '../../features/session/session-queries.ts';
import { FilterBuilder } from './filter-builder.tsx';
import { completeRows, type FiltersFormValues } from './filter-rows.ts';
import { useMatchCount } from './use-match-count.ts';

interface LiveFilterBuilderProps<T extends FiltersFormValues, C, O> {
  control: Control<T, C, O>;
  gatewayId: string;
  /** A text search the count applies on top of the filters (the Logs page's), when there is one. */
  search?: string;
  /** The host applies the rows separately (Logs' Apply), and they differ from what it applied. */
  draft?: boolean;
}

/** The filter builder fed with the gateway's observed values and live match count. */
export function LiveFilterBuilder<T extends FiltersFormValues, C, O>({ control, gatewayId, search, draft }: LiveFilterBuilderProps<T, C, O>) {
  const filtersControl = control as unknown as Control<FiltersFormValues>;
  const rows = useWatch({ control: filtersControl, name: 'filters' }) ?? [];
  const session = useQuery(sessionQueries.current());
  // Without the logs API there is nothing to count or suggest; the builder still edits the filters.
  const logsAvailable = session.data?.capabilities.logs !== false;
  const observed = useQuery({ ...logQueries.observed(gatewayId), enabled: logsAvailable });
  const match = useMatchCount(gatewayId, completeRows(rows).filters, logsAvailable, search);
  return (
    <FilterBuilder
      control={control}
      observed={observed.data}
      match={logsAvailable ? { ...match, draft } : undefined}
      cloudflare={session.data?.mode === 'cloudflare'}
    />
  );
}
