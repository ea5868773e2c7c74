import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { readBack } from '../../../shared/read-back.ts';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { LoadingLines } from '../../components/query-boundary.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { UrlSearchField } from '../../components/url-search-field.tsx';
import { filtersToParam, parseFiltersParam, readIntParam } from '../../lib/url-state.ts';
import { useUrlParams } from '../../lib/use-url-params.ts';
import { paths } from '../../lib/paths.ts';
import type { LogDrawerNav } from './log-drawer-host.tsx';
import { nextSort, readSort, sortToParams, type LogOrderKey } from './log-sort.ts';
import { LogsFilterForm } from './logs-filter-form.tsx';
import { LogsViewSwitch, readView } from './logs-view-switch.tsx';
import { PagedLogs } from './paged-logs.tsx';

// Only `view=scroll` needs the windowed grid, so the first Logs screen loads without it.
const ContinuousLogs = lazy(() => import('./continuous-logs.tsx'));

export default function LogsPage() {
  const gw = useGatewayId();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams();
  const filtersText = params.get('filters');
  const filters = parseFiltersParam(filtersText);
  const sort = readSort(params);
  const view = readView(params);
  const search = params.get('search') ?? '';
  const list = { filters, order_by: sort.by, order_by_direction: sort.direction, search: search || undefined };
  const onSort = (by: LogOrderKey) => setParams({ ...sortToParams(nextSort(sort, by)), page: undefined });
  const openLog = params.get('log') ?? undefined;
  const [draft, setDraft] = useState(false);
  // Stable while the open log stays, so the continuous grid's memoised rows keep their props.
  const nav = useMemo<LogDrawerNav>(
    () => ({
      openLog,
      onOpen: (id) => setParams({ log: id }),
      onStep: (id) => setParams({ log: id }, { replace: true }),
      onClose: () => setParams({ log: undefined }),
    }),
    [openLog, setParams],
  );

  return (
    // Gap, not Stack's sibling margins: a `> * ~ *` rule over the grid's ancestors makes the browser restyle
    // every drawn row whenever a row leaves the top while scrolling.
    <Stack spacing={2} useFlexGap>
      <PageHeading title="Logs" />
      {/* In a row, so the column does not stretch the field across the page. */}
      <Stack direction="row">
        <UrlSearchField
          label="Search logs"
          placeholder="Provider, model or log id"
          value={search}
          // Typing replaces the entry rather than adding one per pause; a new search starts at page 1.
          onSearch={(s) => setParams({ search: s, page: undefined }, { replace: true })}
          minWidth={320}
        />
      </Stack>
      <LogsFilterForm
        // The URL is the state: a new `filters` (back, forward, a pasted link) starts the form afresh.
        key={`${gw}:${filtersText ?? ''}`}
        gatewayId={gw}
        applied={filters}
        search={search || undefined}
        onApply={(next) => setParams({ filters: filtersToParam(next), page: undefined })}
        onSaveAsDataset={(next) => void navigate(paths.newDataset(gw, { filters: next }))}
        onDraftChange={setDraft}
      />
      {/* The table never passes for the draft: it says which filters it lists. */}
      {draft ? (
        <Alert severity="warning" variant="outlined" aria-label="What the table shows">
          The filters above are not applied yet. The table still shows: {readBack(filters)}
          {search ? ` matching "${search}"` : ''}.
        </Alert>
      ) : (
        <Typography variant="body2" color="text.secondary" aria-label="What the table shows">
          Showing: {readBack(filters)}
          {search ? ` matching "${search}"` : ''}
        </Typography>
      )}
      <LogsViewSwitch
        view={view}
        // The page number means nothing in one long list, so a switch starts either view at its top.
        onChange={(v) => setParams({ view: v === 'scroll' ? 'scroll' : undefined, page: undefined, log: undefined })}
      />
      {view === 'scroll' ? (
        <Suspense fallback={<LoadingLines />}>
          <ContinuousLogs gw={gw} params={list} sort={sort} onSort={onSort} nav={nav} />
        </Suspense>
      ) : (
        <PagedLogs
          gw={gw}
          params={list}
          page={readIntParam(params, 'page', 1, 1, 1_000_000)}
          perPage={readIntParam(params, 'per_page', 25, 1, 50)}
          sort={sort}
          onSort={onSort}
          onPage={(p) => setParams({ page: p === 1 ? undefined : p })}
          onPerPage={(n) => setParams({ per_page: n, page: undefined })}
          nav={nav}
        />
      )}
    </Stack>
  );
}
