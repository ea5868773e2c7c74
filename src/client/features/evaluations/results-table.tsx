import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { formatDateTime, MISSING } from '../../lib/format.ts';
import type { ResultRow } from './result-rows.ts';

const columns: GridColDef<ResultRow>[] = [
  { field: 'evaluator', headerName: 'Evaluator', flex: 1, minWidth: 160 },
  {
    field: 'display',
    headerName: 'Result',
    flex: 1,
    minWidth: 140,
    // Sorting by the number keeps "$0.0009" below "$0.001"; unparseable results sort last.
    valueGetter: (_, row) => row.value ?? Number.NEGATIVE_INFINITY,
    renderCell: ({ row }) => (
      <Typography component="span" variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
        {row.display}
      </Typography>
    ),
  },
  {
    field: 'logs',
    headerName: 'Logs',
    type: 'number',
    width: 110,
    valueFormatter: (value: number) => value.toLocaleString('en-US'),
  },
  {
    field: 'statusLabel',
    headerName: 'Status',
    flex: 1.4,
    minWidth: 200,
    renderCell: ({ row }) => (
      <span>
        {row.statusLabel}
        {row.description && row.description !== row.statusLabel ? ` — ${row.description}` : ''}
      </span>
    ),
  },
  {
    field: 'updatedAt',
    headerName: 'Updated',
    width: 220,
    renderCell: ({ row }) =>
      row.updatedAt ? (
        <Tooltip title={row.updatedAt}>
          <time dateTime={row.updatedAt}>{formatDateTime(row.updatedAt)}</time>
        </Tooltip>
      ) : (
        MISSING
      ),
  },
];

/** The results grid: the only importer of the data grid, loaded with React.lazy so it stays out of the first bundle. */
export default function ResultsTable({ rows }: { rows: readonly ResultRow[] }) {
  return (
    <DataGrid
      label="Results"
      rows={rows}
      columns={columns}
      autoHeight
      hideFooter
      disableRowSelectionOnClick
      disableColumnMenu
      density="compact"
      localeText={{ noRowsLabel: 'No results yet' }}
    />
  );
}
