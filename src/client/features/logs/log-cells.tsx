import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableSortLabel from '@mui/material/TableSortLabel';
import { useCallback } from 'react';
import type { LogEntry } from '../../../shared/logs.ts';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { FeedbackButtons } from './feedback-buttons.tsx';
import { formatUsd, formatCount, formatDateTime } from '../../lib/format.ts';
import { useSetLogFeedback, type Feedback } from './log-mutations.ts';
import { SORTABLE_COLUMNS, type LogOrderKey, type LogSort } from './log-sort.ts';

/** The columns of every logs table, in order; the paged table and the continuous grid share them. */
export const LOG_COLUMNS = ['Time', 'Provider', 'Model', 'Status', 'Cache', 'Tokens in', 'Tokens out', 'Cost', 'Duration', 'Feedback'];
const NUMERIC = new Set(['Tokens in', 'Tokens out', 'Cost', 'Duration']);

/**
 * How the cells are drawn: a real table's `td`/`th`, or the `div`s of an ARIA grid, which a windowed list
 * needs because rows are positioned one by one and a `<table>` lays them out itself.
 */
export type CellKind = 'table' | 'grid';

const cellProps = (kind: CellKind, role: 'gridcell' | 'columnheader') =>
  kind === 'grid' ? ({ component: 'div', role } as const) : {};

export type OnFeedback = (id: string, next: Feedback) => void;

/** Saves a thumb on a row; a refusal is told in a toast, since the row itself just moves back. */
export function useLogFeedback(gw: string): OnFeedback {
  const { mutate } = useSetLogFeedback(gw);
  const toast = useToast();
  return useCallback(
    (id, feedback) =>
      mutate({ id, feedback }, { onError: (e) => toast({ severity: 'error', message: `Could not save the feedback: ${e.message}` }) }),
    [mutate, toast],
  );
}

/** The header cells, with the API-sortable columns as sort buttons. */
export function LogHeaderCells({ kind, sort, onSort }: { kind: CellKind; sort: LogSort; onSort: (by: LogOrderKey) => void }) {
  return LOG_COLUMNS.map((c) => {
    const by = SORTABLE_COLUMNS[c];
    const active = by !== undefined && sort.by === by;
    return (
      <TableCell
        key={c}
        {...cellProps(kind, 'columnheader')}
        variant="head"
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
  });
}

/** One log's cells, formatted alike wherever a log is listed. */
export function LogCells({ kind, log, onFeedback }: { kind: CellKind; log: LogEntry; onFeedback: OnFeedback }) {
  const cell = cellProps(kind, 'gridcell');
  return (
    <>
      <TableCell {...cell} sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(log.created_at)}
      </TableCell>
      <TableCell {...cell} sx={{ whiteSpace: 'nowrap' }}>
        {log.provider}
      </TableCell>
      <TableCell {...cell} sx={{ minWidth: 160, maxWidth: 260, overflowWrap: 'anywhere' }}>
        {log.model}
      </TableCell>
      <TableCell {...cell}>
        <Chip size="small" variant="outlined" color={log.success ? 'success' : 'error'} label={log.success ? 'Success' : 'Error'} />
      </TableCell>
      <TableCell {...cell}>{log.cached ? 'Cached' : '—'}</TableCell>
      <TableCell {...cell} align="right">
        {formatCount(log.tokens_in)}
      </TableCell>
      <TableCell {...cell} align="right">
        {formatCount(log.tokens_out)}
      </TableCell>
      <TableCell {...cell} align="right">
        {formatUsd(log.cost)}
      </TableCell>
      <TableCell {...cell} align="right" sx={{ whiteSpace: 'nowrap' }}>
        {formatCount(log.duration, ' ms')}
      </TableCell>
      {/* The thumbs act on their own; a click on them is not a click on the row. */}
      <TableCell {...cell} onClick={(e) => e.stopPropagation()}>
        <FeedbackButtons value={log.feedback} onChange={(next) => onFeedback(log.id, next)} />
      </TableCell>
    </>
  );
}
