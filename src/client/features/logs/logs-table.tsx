import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { KeyboardEvent } from 'react';
import { stackedTableSx } from '../../components/stacked-table.ts';
import type { LogEntry } from '../../../shared/logs.ts';
import { LOG_COLUMNS, LOG_TABLE_MIN_WIDTH, LOG_TABLE_WIDTHS, LogCells, logCellsSx, LogHeaderCells, useLogFeedback } from './log-cells.tsx';
import type { LogOrderKey, LogSort } from './log-sort.ts';

interface LogsTableProps {
  gw: string;
  logs: LogEntry[];
  sort: LogSort;
  onSort: (by: LogOrderKey) => void;
  /** The log whose details are open, marked as selected. */
  selectedId?: string;
  onOpen: (id: string) => void;
}

/** One page of logs as a plain table. */
export function LogsTable({ gw, logs, sort, onSort, selectedId, onOpen }: LogsTableProps) {
  const onFeedback = useLogFeedback(gw);
  // Enter or Space on the row itself opens it; on the thumbs inside, they stay the thumbs' own.
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    onOpen(id);
  };
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table
        size="small"
        aria-label="Logs"
        sx={[
          {
            // Widths from the colgroup, not from the page's contents: the columns stay put between pages.
            tableLayout: 'fixed',
            minWidth: LOG_TABLE_MIN_WIDTH,
            '& caption': { captionSide: 'top', py: 1 },
            ...logCellsSx,
            // A value wider than its column is cut with an ellipsis instead of running into the next one.
            '& .log-nowrap': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
          },
          stackedTableSx(),
        ].flat()}
      >
        <caption>Click a row, or press Enter on it, for all of the log's fields.</caption>
        <colgroup>
          {LOG_COLUMNS.map((c, i) => (
            <col key={c} style={LOG_TABLE_WIDTHS[i] ? { width: LOG_TABLE_WIDTHS[i] } : undefined} />
          ))}
        </colgroup>
        <TableHead>
          <TableRow>
            <LogHeaderCells kind="table" sort={sort} onSort={onSort} />
          </TableRow>
        </TableHead>
        <TableBody>
          {logs.map((log) => (
            <TableRow
              key={log.id}
              hover
              selected={log.id === selectedId}
              tabIndex={0}
              onClick={() => onOpen(log.id)}
              onKeyDown={(e) => onRowKey(e, log.id)}
              sx={{ cursor: 'pointer', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } }}
            >
              <LogCells kind="table" log={log} onFeedback={onFeedback} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
