import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { DeleteUndone, DELETE_UNDO_MS, useDeleteDataset, useSetDatasetEnabled } from './dataset-mutations.ts';
import type { DatasetListItem } from './dataset-queries.ts';
import { DatasetRow } from './dataset-row.tsx';

export function DatasetsTable({ gw, datasets }: { gw: string; datasets: DatasetListItem[] }) {
  const toast = useToast();
  const setEnabled = useSetDatasetEnabled(gw);
  const remove = useDeleteDataset(gw);

  const toggle = (dataset: DatasetListItem, enable: boolean) => {
    const failed = (e: Error) => toast({ severity: 'error', message: `Could not ${enable ? 'enable' : 'disable'} "${dataset.name}": ${e.message}` });
    setEnabled.mutate(
      { dataset, enable },
      {
        onSuccess: (saved) =>
          toast({
            severity: 'success',
            message: `${enable ? 'Enabled' : 'Disabled'} "${dataset.name}"`,
            action: {
              label: 'Undo',
              onClick: () => setEnabled.mutate({ dataset: { ...dataset, ...saved }, enable: !enable }, { onError: failed }),
            },
          }),
        onError: failed,
      },
    );
  };

  const del = (dataset: DatasetListItem) => {
    const undo = new AbortController();
    toast({
      severity: 'info',
      message: `Deleted "${dataset.name}"`,
      autoHideMs: DELETE_UNDO_MS,
      action: { label: 'Undo', onClick: () => undo.abort() },
    });
    remove.mutate(
      { id: dataset.id, undo: undo.signal },
      {
        onError: (e) => {
          if (e instanceof DeleteUndone) toast({ severity: 'success', message: `Kept "${dataset.name}"` });
          else toast({ severity: 'error', message: `Could not delete "${dataset.name}": ${e.message}` });
        },
      },
    );
  };

  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Datasets">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Enabled</TableCell>
            <TableCell>Filters</TableCell>
            <TableCell>Modified</TableCell>
            <TableCell align="right">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {datasets.map((d) => (
            <DatasetRow key={d.id} gw={gw} dataset={d} onToggle={(enable) => toggle(d, enable)} onDelete={() => del(d)} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
