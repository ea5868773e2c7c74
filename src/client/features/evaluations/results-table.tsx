import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { STACK, stackedTableSx } from '../../components/stacked-table.ts';
import { formatDateTime, MISSING } from '../../lib/format.ts';
import { resultStatusText } from './evaluation-status.ts';
import type { ResultRow } from './result-rows.ts';

interface Column {
  label: string;
  numeric?: boolean;
  /** What the column sorts by: the number behind a result, so "$0.0009" sorts below "$0.001". */
  sortValue: (row: ResultRow) => number | string;
  cell: (row: ResultRow) => ReactNode;
}

const columns: Column[] = [
  { label: 'Evaluator', sortValue: (r) => r.evaluator, cell: (r) => r.evaluator },
  {
    label: 'Result',
    // Unparseable results sort last.
    sortValue: (r) => r.value ?? Number.NEGATIVE_INFINITY,
    cell: (r) => (
      <Typography component="span" variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
        {r.display}
      </Typography>
    ),
  },
  { label: 'Logs', numeric: true, sortValue: (r) => r.logs, cell: (r) => r.logs.toLocaleString('en-US') },
  {
    label: 'Status',
    sortValue: (r) => r.statusLabel,
    cell: (r) => resultStatusText(r.status, r.description),
  },
  {
    label: 'Updated',
    sortValue: (r) => r.updatedAt,
    cell: (r) =>
      r.updatedAt ? (
        <Tooltip title={r.updatedAt}>
          <time dateTime={r.updatedAt}>{formatDateTime(r.updatedAt)}</time>
        </Tooltip>
      ) : (
        MISSING
      ),
  },
];

type Sort = { column: number; direction: 'asc' | 'desc' } | undefined;

function sorted(rows: readonly ResultRow[], sort: Sort): readonly ResultRow[] {
  if (!sort) return rows;
  const key = columns[sort.column]!.sortValue;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

/**
 * The results of one evaluation: a few rows, one per evaluator and dataset, so a plain table; each column
 * sorts on a click of its header (ascending, descending, then as the API listed them).
 */
export default function ResultsTable({ rows }: { rows: readonly ResultRow[] }) {
  const [sort, setSort] = useState<Sort>();
  const onSort = (column: number) =>
    setSort((s) => (s?.column !== column ? { column, direction: 'asc' } : s.direction === 'asc' ? { column, direction: 'desc' } : undefined));
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Results" sx={stackedTableSx()}>
        <TableHead>
          <TableRow>
            {columns.map((c, i) => {
              const active = sort?.column === i;
              return (
                <TableCell
                  key={c.label}
                  align={c.numeric ? 'right' : 'left'}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  sx={{ whiteSpace: 'nowrap' }}
                >
                  <TableSortLabel active={active} direction={active ? sort.direction : 'asc'} onClick={() => onSort(i)}>
                    {c.label}
                  </TableSortLabel>
                </TableCell>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columns.length}>No results yet</TableCell>
            </TableRow>
          ) : (
            sorted(rows, sort).map((r) => (
              <TableRow key={r.id}>
                {columns.map((c, i) => (
                  <TableCell
                    key={c.label}
                    align={c.numeric ? 'right' : 'left'}
                    // On a phone the first column names the card and the others say what they are.
                    className={i === 0 ? STACK.title : undefined}
                    data-label={i === 0 ? undefined : c.label}
                  >
                    {c.cell(r)}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
