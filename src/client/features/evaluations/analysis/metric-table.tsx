import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { STACK, stackedTableSx } from '../../../components/stacked-table.ts';

export interface MetricRow {
  label: string;
  /** One cell per group, in the groups' order. */
  cells: { value: string; interval?: string; bounds?: string }[];
}

/** One metric: a row per statistic, a column per group; the note says what it counts and how. */
export function MetricTable({ title, columns, rows, note }: { title: string; columns: readonly string[]; rows: readonly MetricRow[]; note: ReactNode }) {
  return (
    <section aria-label={title}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {title}
      </Typography>
      <TableContainer sx={{ overflowX: 'auto' }}>
        {/* On a phone a statistic is a card: its name on a line, then each group's figure after the group's name. */}
        <Table size="small" aria-label={title} sx={stackedTableSx()}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Statistic
              </TableCell>
              {columns.map((c) => (
                <TableCell key={c} component="th" scope="col" align="right">
                  {c}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.label}>
                <TableCell component="th" scope="row" className={`${STACK.title} ${STACK.full}`}>
                  {row.label}
                </TableCell>
                {row.cells.map((cell, i) => (
                  <TableCell key={i} align="right" data-label={columns[i]} sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {cell.value}
                    {cell.interval && (
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        95% CI {cell.interval}
                      </Typography>
                    )}
                    {cell.bounds && (
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        estimate; exact value within {cell.bounds}
                      </Typography>
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {note}
      </Typography>
    </section>
  );
}
