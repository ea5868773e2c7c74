import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { Pager } from '../../components/pager.tsx';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { LogDrawerHost, type LogDrawerNav } from './log-drawer-host.tsx';
import { logQueries, type LogScrollParams } from './log-queries.ts';
import type { LogOrderKey, LogSort } from './log-sort.ts';
import { LogsEmpty } from './logs-empty.tsx';
import { LogsTable } from './logs-table.tsx';

const PAGE_SIZES = [10, 25, 50];

interface PagedLogsProps {
  gw: string;
  params: LogScrollParams;
  page: number;
  perPage: number;
  sort: LogSort;
  onSort: (by: LogOrderKey) => void;
  onPage: (page: number) => void;
  onPerPage: (perPage: number) => void;
  nav: LogDrawerNav;
}

/** The "Pages" view: one server page of logs at a time, with a pager. */
export function PagedLogs({ gw, params, page, perPage, sort, onSort, onPage, onPerPage, nav }: PagedLogsProps) {
  const logs = useQuery(logQueries.list(gw, { ...params, page, per_page: perPage }));
  return (
    <>
      <QueryBoundary query={logs} what="the logs">
        {(data) =>
          data.result.length === 0 ? (
            <LogsEmpty filtered={!!params.filters?.length} searched={!!params.search} />
          ) : (
            <Stack spacing={1} sx={{ opacity: logs.isPlaceholderData ? 0.6 : 1 }} aria-busy={logs.isPlaceholderData}>
              <LogsTable gw={gw} logs={data.result} sort={sort} onSort={onSort} selectedId={nav.openLog} onOpen={nav.onOpen} />
              <Pager
                total={data.result_info?.total_count}
                page={page}
                perPage={perPage}
                perPageOptions={PAGE_SIZES}
                rowsOnPage={data.result.length}
                onPage={onPage}
                onPerPage={onPerPage}
              />
            </Stack>
          )
        }
      </QueryBoundary>
      <LogDrawerHost gw={gw} ids={logs.data?.result.map((l) => l.id) ?? []} nav={nav} />
    </>
  );
}
