import AddOutlined from '@mui/icons-material/AddOutlined';
import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Pagination from '@mui/material/Pagination';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { useDeleteEvaluation } from './evaluation-mutations.ts';
import { evaluationQueries, evaluationTypeQueries } from './evaluation-queries.ts';
import { EvaluationsTable } from './evaluations-table.tsx';
import { PER_PAGE, readListParams, writeListParams, type ListParams } from './list-params.ts';
import { UNDO_WINDOW_MS, useDeferredDelete } from './use-deferred-delete.ts';
import { useNow } from './use-now.ts';
import { paths } from '../../lib/paths.ts';

const SEARCH_DEBOUNCE_MS = 300;

export default function EvaluationsPage() {
  const gw = useGatewayId();
  const navigate = useNavigate();
  const toast = useToast();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListParams(searchParams);
  const update = (patch: Partial<ListParams>, replace = false) =>
    setSearchParams(writeListParams({ ...params, ...patch }), { replace });

  const [searchText, setSearchText] = useState(params.search);
  const written = useRef(params.search);
  // Back, forward or a link change the search under the field; the field follows (but not our own writes,
  // which may lag behind what is being typed).
  useEffect(() => {
    if (params.search === written.current) return;
    written.current = params.search;
    setSearchText(params.search);
  }, [params.search]);
  useEffect(() => {
    if (searchText === params.search) return;
    const t = setTimeout(() => {
      written.current = searchText;
      update({ search: searchText, page: 1 }, true);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
    // Only typing starts a new debounce; the URL catching up must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchText]);

  const list = useQuery(
    evaluationQueries.list(gw, {
      page: params.page,
      per_page: PER_PAGE,
      search: params.search || undefined,
      processed: params.processed === '' ? undefined : params.processed === 'true',
    }),
  );
  const types = useQuery(evaluationTypeQueries.list());
  const remove = useDeleteEvaluation(gw);
  const deferred = useDeferredDelete((id) =>
    remove.mutateAsync(id).catch((e: Error) => {
      toast({ severity: 'error', message: `Could not delete the evaluation: ${e.message}` });
      throw e;
    }),
  );
  const anyRunning = list.data?.result.some((e) => !e.processed) ?? false;
  const now = useNow(1000, anyRunning);

  const toggle = (id: string) =>
    update({ selected: params.selected.includes(id) ? params.selected.filter((x) => x !== id) : [...params.selected, id] }, true);

  const filtering = params.search !== '' || params.processed !== '';
  const totalPages = Math.max(1, Math.ceil((list.data?.result_info?.total_count ?? 0) / PER_PAGE));

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <PageHeading title="Evaluations" />
        <Stack direction="row" spacing={1}>
          <Button
            variant="outlined"
            startIcon={<CompareArrowsOutlined />}
            disabled={params.selected.length < 2}
            onClick={() => void navigate(paths.compare(gw, params.selected))}
          >
            Compare{params.selected.length ? ` (${params.selected.length})` : ''}
          </Button>
          <Button variant="contained" startIcon={<AddOutlined />} component={RouterLink} to={paths.newEvaluation(gw)}>
            New evaluation
          </Button>
        </Stack>
      </Stack>

      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Search"
          placeholder="Name or id"
          size="small"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          sx={{ minWidth: 280 }}
        />
        <TextField
          select
          label="Status"
          size="small"
          value={params.processed}
          onChange={(e) => update({ processed: e.target.value as ListParams['processed'], page: 1 })}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">All</MenuItem>
          <MenuItem value="false">Running</MenuItem>
          <MenuItem value="true">Finished</MenuItem>
        </TextField>
      </Stack>
      {params.selected.length === 1 && (
        <Typography variant="body2" color="text.secondary">
          Select one more evaluation to compare.
        </Typography>
      )}

      <QueryBoundary query={list} what="the evaluations">
        {(page) => {
          const rows = page.result.filter((e) => !deferred.hidden.has(e.id));
          if (rows.length === 0)
            return filtering ? (
              <EmptyState title="No evaluation matches">Clear the search or the status filter to see every evaluation.</EmptyState>
            ) : (
              <EmptyState
                title="No evaluations yet"
                action={
                  <Button variant="contained" component={RouterLink} to={paths.newEvaluation(gw)}>
                    New evaluation
                  </Button>
                }
              >
                Create an evaluation from one to five datasets to measure their cost, speed and human feedback.
              </EmptyState>
            );
          return (
            <EvaluationsTable
              gw={gw}
              evaluations={rows}
              types={types.data ?? []}
              selected={params.selected}
              now={now}
              onToggle={toggle}
              onDelete={(e) => {
                deferred.schedule(e.id);
                update({ selected: params.selected.filter((x) => x !== e.id) }, true);
                toast({
                  message: `Deleted “${e.name}”`,
                  autoHideMs: UNDO_WINDOW_MS,
                  action: { label: 'Undo', onClick: () => deferred.undo(e.id) },
                });
              }}
            />
          );
        }}
      </QueryBoundary>

      {totalPages > 1 && (
        <Pagination
          count={totalPages}
          page={Math.min(params.page, totalPages)}
          onChange={(_, page) => update({ page })}
          getItemAriaLabel={(type, page) => (type === 'page' ? `Go to page ${page}` : `Go to ${type} page`)}
        />
      )}
    </Stack>
  );
}
