import AddOutlined from '@mui/icons-material/AddOutlined';
import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Evaluation } from '../../../shared/evaluations.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Pager } from '../../components/pager.tsx';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { UrlSearchField } from '../../components/url-search-field.tsx';
import { paths } from '../../lib/paths.ts';
import { UNDO_WINDOW_MS, useUndoDelete } from '../../lib/use-undo-delete.ts';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { useUrlParams } from '../../lib/use-url-params.ts';
import { idsToParam, parseIdsParam, readBoolParam, readIntParam } from '../../lib/url-state.ts';
import { useDeleteEvaluation } from './evaluation-mutations.ts';
import { evaluationQueries, evaluationTypeQueries } from './evaluation-queries.ts';
import { EvaluationsTable } from './evaluations-table.tsx';
import { useNow } from './use-now.ts';

const PAGE_SIZES = [10, 20, 50, 100];

/** The list's state as its URL holds it: a link reproduces what the sender saw. */
function listParamsFrom(params: URLSearchParams) {
  return {
    page: readIntParam(params, 'page', 1, 1, 1_000_000),
    per_page: readIntParam(params, 'per_page', 20, 1, 100),
    search: params.get('search') || undefined,
    processed: readBoolParam(params, 'processed'),
  };
}

export default function EvaluationsPage() {
  const gw = useGatewayId();
  const navigate = useNavigate();
  const toast = useToast();
  const [params, setParams] = useUrlParams();
  const listParams = listParamsFrom(params);
  const selected = parseIdsParam(params.get('selected'));
  // Filters change what page 1 is, so they send the user back to it.
  const update = (changes: Parameters<typeof setParams>[0], replace = true) => setParams(changes, { replace });
  const select = (ids: readonly string[]) => update({ selected: ids.length ? idsToParam(ids) : undefined });

  const list = useQuery(evaluationQueries.list(gw, listParams));
  const types = useQuery(evaluationTypeQueries.list());
  const remove = useDeleteEvaluation(gw);
  const names = useRef(new Map<string, string>());
  // Held by the page, not the table: a search that empties the table must not end a delete's window.
  const deletes = useUndoDelete((id, { keepalive }) => remove.mutateAsync({ id, keepalive }), {
    onError: (id, e) => toast({ severity: 'error', message: `Could not delete “${names.current.get(id) ?? id}”: ${e.message}` }),
  });
  const onUndo = (e: Evaluation) => {
    deletes.undo(e.id);
    toast({ severity: 'success', message: `Kept “${e.name}”` });
  };
  const onDelete = (e: Evaluation) => {
    names.current.set(e.id, e.name);
    deletes.schedule(e.id);
    if (selected.includes(e.id)) select(selected.filter((x) => x !== e.id));
    toast({
      message: `Deleted “${e.name}”`,
      autoHideMs: UNDO_WINDOW_MS,
      action: { label: 'Undo', onClick: () => onUndo(e) },
    });
  };
  const anyRunning = list.data?.result.some((e) => !e.processed) ?? false;
  const now = useNow(1000, anyRunning);

  const toggle = (id: string) => select(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const filtering = listParams.search !== undefined || listParams.processed !== undefined;

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <PageHeading title="Evaluations" />
        <Stack direction="row" spacing={1}>
          <Button
            variant="outlined"
            startIcon={<CompareArrowsOutlined />}
            disabled={selected.length < 2}
            onClick={() => void navigate(paths.compare(gw, selected))}
          >
            Compare{selected.length ? ` (${selected.length})` : ''}
          </Button>
          <Button variant="contained" startIcon={<AddOutlined />} component={RouterLink} to={paths.newEvaluation(gw)}>
            New evaluation
          </Button>
        </Stack>
      </Stack>

      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <UrlSearchField
          label="Search evaluations"
          placeholder="Name or id"
          value={listParams.search ?? ''}
          onSearch={(search) => update({ search, page: undefined })}
          minWidth={280}
        />
        <TextField
          select
          label="Status"
          size="small"
          value={listParams.processed === undefined ? 'all' : String(listParams.processed)}
          onChange={(e) => update({ processed: e.target.value === 'all' ? undefined : e.target.value, page: undefined })}
          sx={{ minWidth: 180 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="all">All evaluations</option>
          <option value="false">Running</option>
          <option value="true">Finished</option>
        </TextField>
      </Stack>
      {selected.length === 1 && (
        <Typography variant="body2" color="text.secondary">
          Select one more evaluation to compare.
        </Typography>
      )}

      <QueryBoundary query={list} what="the evaluations">
        {(page) => {
          if (page.result.length === 0)
            return filtering ? (
              <EmptyState
                title="No evaluation matches"
                action={<Button onClick={() => update({ search: undefined, processed: undefined, page: undefined })}>Clear search</Button>}
              >
                Nothing matches this search or status. Clear them to see every evaluation.
              </EmptyState>
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
            <Stack spacing={1}>
              <EvaluationsTable
                gw={gw}
                evaluations={page.result}
                types={types.data ?? []}
                selected={selected}
                now={now}
                onToggle={toggle}
                pending={deletes.pending}
                onDelete={onDelete}
                onUndo={onUndo}
              />
              <Pager
                total={page.result_info?.total_count}
                page={listParams.page}
                perPage={listParams.per_page}
                perPageOptions={PAGE_SIZES}
                rowsOnPage={page.result.length}
                onPage={(p) => update({ page: p === 1 ? undefined : p }, false)}
                onPerPage={(n) => update({ per_page: n, page: undefined })}
              />
            </Stack>
          );
        }}
      </QueryBoundary>
    </Stack>
  );
}
