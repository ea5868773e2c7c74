import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import type { KeyboardEvent } from 'react';
import type { LogEntry } from '../../../shared/logs.ts';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { FeedbackButtons } from './feedback-buttons.tsx';
import { formatCost, formatCount, formatTime } from './log-format.ts';
import { useSetLogFeedback } from './log-mutations.ts';
import { SORTABLE_COLUMNS, type LogOrderKey, type LogSort } from './log-sort.ts';

const COLUMNS = ['Time', 'Provider', 'Model', 'Status', 'Cache', 'Tokens in', 'Tokens out', 'Cost', 'Duration', 'Feedback'];
const NUMERIC = new Set(['Tokens in', 'Tokens out', 'Cost', 'Duration']);

interface LogsTableProps {
  gw: string;
  logs: LogEntry[];
  sort: LogSort;
  onSort: (by: LogOrderKey) => void;
  /** The log whose details are open, marked as selected. */
  selectedId?: string;
  onOpen: (id: string) => void;
}

export function LogsTable({ gw, logs, sort, onSort, selectedId, onOpen }: LogsTableProps) {
  const feedback = useSetLogFeedback(gw);
  const toast = useToast();
  // Enter or Space on the row itself opens it; on the thumbs inside, they stay the thumbs' own.
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    onOpen(id);
  };
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Logs" sx={{ minWidth: 900, '& caption': { captionSide: 'top', py: 1 } }}>
        <caption>Click a row, or press Enter on it, for all of the log's fields.</caption>
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => {
              const by = SORTABLE_COLUMNS[c];
              const active = by !== undefined && sort.by === by;
              return (
                <TableCell
                  key={c}
                  align={NUMERIC.has(c) ? 'right' : 'left'}
                  sx={{ whiteSpace: 'nowrap' }}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {by ? (
                    <TableSortLabel active={active} direction={active ? sort.direction : 'asc'} onClick={() => onSort(by)}>
                      {c}
                    </TableSortLabel>
                  ) : (
                    c
                  )}
                </TableCell>
              );
            })}
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
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(log.created_at)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{log.provider}</TableCell>
              <TableCell sx={{ minWidth: 160, maxWidth: 260, overflowWrap: 'anywhere' }}>{log.model}</TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" color={log.success ? 'success' : 'error'} label={log.success ? 'Success' : 'Error'} />
              </TableCell>
              <TableCell>{log.cached ? 'Cached' : '—'}</TableCell>
              <TableCell align="right">{formatCount(log.tokens_in)}</TableCell>
              <TableCell align="right">{formatCount(log.tokens_out)}</TableCell>
              <TableCell align="right">{formatCost(log.cost)}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatCount(log.duration, ' ms')}
              </TableCell>
              {/* The thumbs act on their own; a click on them is not a click on the row. */}
              <TableCell onClick={(e) => e.stopPropagation()}>
                <FeedbackButtons
                  value={log.feedback}
                  onChange={(next) =>
                    feedback.mutate(
                      { id: log.id, feedback: next },
                      { onError: (e) => toast({ severity: 'error', message: `Could not save the feedback: ${e.message}` }) },
                    )
                  }
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
