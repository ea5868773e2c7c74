import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { useGatewayId } from '../../app/use-gateway-id.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { Pager } from '../../components/pager.tsx';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { filtersToParam, parseFiltersParam, readIntParam } from '../../lib/url-state.ts';
import { useUrlParams } from '../../lib/use-url-params.ts';
import { datasetLinks } from '../datasets/dataset-links.ts';
import { logQueries } from './log-queries.ts';
import { nextSort, readSort, sortToParams } from './log-sort.ts';
import { LogsFilterForm } from './logs-filter-form.tsx';
import { LogsTable } from './logs-table.tsx';

// The drawer (and the Modal under it) loads when a log is first opened, not with the page.
const LogDetailDrawer = lazy(() => import('./log-detail-drawer.tsx'));

const PAGE_SIZES = [10, 25, 50];

export default function LogsPage() {
  const gw = useGatewayId();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams();
  const filtersText = params.get('filters');
  const filters = parseFiltersParam(filtersText);
  const page = readIntParam(params, 'page', 1, 1, 1_000_000);
  const perPage = readIntParam(params, 'per_page', 25, 1, 50);
  const sort = readSort(params);
  const openLog = params.get('log') ?? undefined;
  const logs = useQuery(
    logQueries.list(gw, { page, per_page: perPage, filters, order_by: sort.by, order_by_direction: sort.direction }),
  );
  // Stepping through the page's rows from the drawer, in the table's order; each step replaces the URL
  // so Back closes the drawer instead of walking back through every log seen.
  const pageIds = logs.data?.result.map((l) => l.id) ?? [];
  const at = openLog ? pageIds.indexOf(openLog) : -1;
  const stepTo = (id: string | undefined) => (id ? () => setParams({ log: id }, { replace: true }) : undefined);

  return (
    <Stack spacing={2}>
      <PageTitle title="Logs" />
      <Typography variant="h5" component="h1">
        Logs
      </Typography>
      <LogsFilterForm
        // The URL is the state: a new `filters` (back, forward, a pasted link) starts the form afresh.
        key={`${gw}:${filtersText ?? ''}`}
        gatewayId={gw}
        applied={filters}
        onApply={(next) => setParams({ filters: filtersToParam(next), page: undefined })}
        onSaveAsDataset={(next) => void navigate(datasetLinks.new(gw, { filters: next }))}
      />
      <QueryBoundary query={logs} what="the logs">
        {(data) =>
          data.result.length === 0 ? (
            <EmptyState title={filters.length ? 'No logs match these filters' : 'No logs yet'}>
              {filters.length
                ? 'Loosen or remove a filter above, then apply again.'
                : 'Send requests through this gateway and they appear here.'}
            </EmptyState>
          ) : (
            <Stack spacing={1} sx={{ opacity: logs.isPlaceholderData ? 0.6 : 1 }} aria-busy={logs.isPlaceholderData}>
              <LogsTable
                gw={gw}
                logs={data.result}
                sort={sort}
                onSort={(by) => setParams({ ...sortToParams(nextSort(sort, by)), page: undefined })}
                selectedId={openLog}
                onOpen={(id) => setParams({ log: id })}
              />
              <Pager
                total={data.result_info?.total_count}
                page={page}
                perPage={perPage}
                perPageOptions={PAGE_SIZES}
                rowsOnPage={data.result.length}
                onPage={(p) => setParams({ page: p === 1 ? undefined : p })}
                onPerPage={(n) => setParams({ per_page: n, page: undefined })}
              />
            </Stack>
          )
        }
      </QueryBoundary>
      {openLog && (
        <Suspense fallback={null}>
          <LogDetailDrawer
            gw={gw}
            logId={openLog}
            onClose={() => setParams({ log: undefined })}
            onPrevious={at > 0 ? stepTo(pageIds[at - 1]) : undefined}
            onNext={at >= 0 ? stepTo(pageIds[at + 1]) : undefined}
          />
        </Suspense>
      )}
    </Stack>
  );
}
