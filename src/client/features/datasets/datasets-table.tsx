import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { stackedTableSx } from '../../components/stacked-table.ts';
import { useToast } from '../../components/toast/toast-provider.tsx';
import type { PendingDelete } from '../../lib/use-undo-delete.ts';
import { useSetDatasetEnabled } from './dataset-mutations.ts';
import type { DatasetListItem } from './dataset-queries.ts';
import { DatasetRow } from './dataset-row.tsx';

interface DatasetsTableProps {
  gw: string;
  datasets: DatasetListItem[];
  /** Deleted datasets still in their Undo window (or on the way), shown in place. */
  pending: ReadonlyMap<string, PendingDelete>;
  onDelete: (dataset: DatasetListItem) => void;
  onUndo: (dataset: DatasetListItem) => void;
}

export function DatasetsTable({ gw, datasets, pending, onDelete, onUndo }: DatasetsTableProps) {
  const toast = useToast();
  const setEnabled = useSetDatasetEnabled(gw);

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

  return (
    <TableContainer component={Paper} variant="outlined">
      {/* Fixed layout with set widths: columns keep their place as rows come, go or are greyed. */}
      <Table size="small" aria-label="Datasets" sx={[{ tableLayout: 'fixed' }, stackedTableSx()].flat()}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '24%' }}>Name</TableCell>
            <TableCell sx={{ width: 96 }}>Enabled</TableCell>
            <TableCell>Filters</TableCell>
            <TableCell sx={{ width: 200 }}>Modified</TableCell>
            <TableCell align="right" sx={{ width: 144 }}>
              Actions
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {datasets.map((d) => (
            <DatasetRow
              key={d.id}
              gw={gw}
              dataset={d}
              onToggle={(enable) => toggle(d, enable)}
              onDelete={() => onDelete(d)}
              pending={pending.get(d.id)}
              onUndo={() => onUndo(d)}
            />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
