import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link } from 'react-router';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Pager } from '../../components/pager.tsx';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { useUrlParams } from '../../lib/use-url-params.ts';
import { paths } from '../../lib/paths.ts';
import { UNDO_WINDOW_MS, useUndoDelete } from '../../lib/use-undo-delete.ts';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { useDeleteDataset } from './dataset-mutations.ts';
import type { DatasetListItem } from './dataset-queries.ts';
import { datasetQueries } from './dataset-queries.ts';
import { DatasetsTable } from './datasets-table.tsx';
import { DatasetsToolbar } from './datasets-toolbar.tsx';
import { datasetListParamsFrom } from './datasets-url.ts';

const PAGE_SIZES = [10, 20, 50, 100];

export default function DatasetsPage() {
  const gw = useGatewayId();
  const [params, setParams] = useUrlParams();
  const listParams = datasetListParamsFrom(params);
  const { page, per_page: perPage, enable } = listParams;
  const search = listParams.search ?? '';
  const query = useQuery(datasetQueries.list(gw, listParams));
  const filtered = !!search || enable !== undefined;
  // Filters change what page 1 is, so they send the user back to it.
  const update = (changes: Parameters<typeof setParams>[0]) => setParams(changes, { replace: true });
  const toast = useToast();
  const remove = useDeleteDataset(gw);
  const names = useRef(new Map<string, string>());
  // Held by the page, not the table: a search that empties the table must not end a delete's window.
  const deletes = useUndoDelete((id, { keepalive }) => remove.mutateAsync({ id, keepalive }), {
    onError: (id, e) => toast({ severity: 'error', message: `Could not delete "${names.current.get(id) ?? id}": ${e.message}` }),
  });
  const onDelete = (dataset: DatasetListItem) => {
    names.current.set(dataset.id, dataset.name);
    deletes.schedule(dataset.id);
    toast({
      severity: 'info',
      message: `Deleted "${dataset.name}"`,
      autoHideMs: UNDO_WINDOW_MS,
      action: { label: 'Undo', onClick: () => onUndo(dataset) },
    });
  };
  const onUndo = (dataset: DatasetListItem) => {
    deletes.undo(dataset.id);
    toast({ severity: 'success', message: `Kept "${dataset.name}"` });
  };

  return (
    <Stack spacing={2}>
      <PageHeading title="Datasets" />
      <DatasetsToolbar
        gw={gw}
        search={search}
        enable={enable}
        onSearch={(s) => update({ search: s, page: undefined })}
        onEnable={(e) => update({ enable: e, page: undefined })}
      />
      <QueryBoundary query={query} what="the datasets">
        {(data) =>
          data.result.length === 0 ? (
            filtered ? (
              <EmptyState title="No datasets match" action={<Button onClick={() => update({ search: undefined, enable: undefined, page: undefined })}>Clear search</Button>}>
                Nothing matches this search or status. Clear them to see every dataset.
              </EmptyState>
            ) : (
              <EmptyState title="No datasets yet" action={<Button component={Link} to={paths.newDataset(gw)} variant="contained">New dataset</Button>}>
                A dataset is a saved filter over this gateway's logs, used by evaluations. Create one here, or filter the
                Logs page and choose "Save as dataset".
              </EmptyState>
            )
          ) : (
            <Stack spacing={1}>
              <DatasetsTable gw={gw} datasets={data.result} pending={deletes.pending} onDelete={onDelete} onUndo={onUndo} />
              <Pager
                total={data.result_info?.total_count}
                page={page}
                perPage={perPage}
                perPageOptions={PAGE_SIZES}
                rowsOnPage={data.result.length}
                onPage={(p) => update({ page: p === 1 ? undefined : p })}
                onPerPage={(n) => update({ per_page: n, page: undefined })}
              />
            </Stack>
          )
        }
      </QueryBoundary>
    </Stack>
  );
}
