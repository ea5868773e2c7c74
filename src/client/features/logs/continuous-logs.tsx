import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { useLogFeedback } from './log-cells.tsx';
import { LogDrawerHost, type LogDrawerNav } from './log-drawer-host.tsx';
import { logQueries, SCROLL_PAGE_SIZE, type LogScrollParams } from './log-queries.ts';
import type { LogOrderKey, LogSort } from './log-sort.ts';
import { LogsEmpty } from './logs-empty.tsx';
import { maxElementHeight } from './logs-grid-height.ts';
import { HEADER_HEIGHT, ROW_HEIGHT } from './logs-grid-rows.tsx';
import { LogsGrid } from './logs-grid.tsx';

interface ContinuousLogsProps {
  gw: string;
  params: LogScrollParams;
  sort: LogSort;
  onSort: (by: LogOrderKey) => void;
  nav: LogDrawerNav;
}

/**
 * The "Continuous" view: every matching log in one windowed grid, loaded a page at a time as the reader
 * scrolls towards the end of what is loaded. Its own chunk, as only `view=scroll` needs it.
 */
export default function ContinuousLogs({ gw, params, sort, onSort, nav }: ContinuousLogsProps) {
  const query = useInfiniteQuery(logQueries.infinite(gw, params));
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, error } = query;
  const onFeedback = useLogFeedback(gw);
  const logs = useMemo(() => data?.pages.flatMap((p) => p.result) ?? [], [data]);
  const ids = useMemo(() => logs.map((l) => l.id), [logs]);
  const total = data?.pages[0]?.result_info?.total_count;
  // A browser cuts an element off at its tallest (about 762,000 rows of 44 px in Chromium, 406,000 in
  // Firefox): past that the rows could not be scrolled to, so the grid ends there and says so.
  const [maxRows] = useState(() => Math.floor((maxElementHeight() - HEADER_HEIGHT) / ROW_HEIGHT));
  const reachable = total === undefined ? undefined : Math.min(total, maxRows);
  // Without a total (an API that does not count), the grid reaches one page past what is loaded while more may come.
  const rowCount = Math.min(maxRows, total ?? logs.length + (hasNextPage ? SCROLL_PAGE_SIZE : 0));
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <>
      <QueryBoundary query={query} what="the logs">
        {() =>
          logs.length === 0 ? (
            <LogsEmpty filtered={!!params.filters?.length} searched={!!params.search} />
          ) : (
            // Gap, as in LogsPage: sibling margin rules above the grid make every scrolled frame restyle all rows.
            <Stack spacing={1} useFlexGap>
              <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
                Loaded {logs.length.toLocaleString('en-US')} of {(total ?? logs.length).toLocaleString('en-US')}
                {hasNextPage && total === undefined ? '+' : ''}
                {total !== undefined && total > maxRows &&
                  `; this view reaches the first ${maxRows.toLocaleString('en-US')} (a browser's tallest list): narrow the filters, or use Pages for the rest`}
              </Typography>
              <LogsGrid
                // A new filter or sort is a new list: start it at its top.
                key={JSON.stringify(params)}
                logs={logs}
                rowCount={rowCount}
                total={reachable}
                sort={sort}
                onSort={onSort}
                selectedId={nav.openLog}
                onOpen={nav.onOpen}
                onFeedback={onFeedback}
                onLoadMore={loadMore}
                canLoadMore={hasNextPage && !isFetchingNextPage && !isFetchNextPageError}
                loadError={isFetchNextPageError ? (error?.message ?? 'no answer') : undefined}
                onRetry={loadMore}
              />
            </Stack>
          )
        }
      </QueryBoundary>
      <LogDrawerHost gw={gw} ids={ids} nav={nav} />
    </>
  );
}
