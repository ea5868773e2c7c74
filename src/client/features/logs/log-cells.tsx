import TableCell from '@mui/material/TableCell';
import TableSortLabel from '@mui/material/TableSortLabel';
import type { SxProps, Theme } from '@mui/material/styles';
import { useCallback } from 'react';
import type { LogEntry } from '../../../shared/logs.ts';
import { STACK } from '../../components/stacked-table.ts';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { formatUsd, formatCount, formatDateTime } from '../../lib/format.ts';
import { useSetLogFeedback, type Feedback } from './log-mutations.ts';
import { SORTABLE_COLUMNS, type LogOrderKey, type LogSort } from './log-sort.ts';
import { RowThumbs, type OnFeedback } from './row-thumbs.tsx';

/** The columns of every logs table, in order; the paged table and the continuous grid share them. */
export const LOG_COLUMNS = ['Time', 'Provider', 'Model', 'Status', 'Cache', 'Tokens in', 'Tokens out', 'Cost', 'Duration', 'Feedback'];
const NUMERIC = new Set(['Tokens in', 'Tokens out', 'Cost', 'Duration']);

/**
 * The paged table's column widths in px, one per `LOG_COLUMNS` entry; Model (null) takes what is left. Fixed,
 * so a page of long models or costs does not move the columns from one render to the next; each fits its
 * header with the sort arrow and its widest usual value (Time: "Dec 31, 2026, 12:59:59 PM").
 */
export const LOG_TABLE_WIDTHS: readonly (number | null)[] = [224, 152, null, 104, 84, 96, 108, 96, 108, 96];
/** Below this the table scrolls sideways rather than squeezing Model under a readable width. */
export const LOG_TABLE_MIN_WIDTH = LOG_TABLE_WIDTHS.reduce<number>((sum, w) => sum + (w ?? 160), 0);

/**
 * How the cells are drawn: a real table's `td`/`th`, or the `div`s of an ARIA grid, which a windowed list
 * needs because rows are positioned one by one and a `<table>` lays them out itself.
 */
export type CellKind = 'table' | 'grid';

const FEEDBACK_SAVED: Readonly<Record<Feedback, string>> = {
  1: 'Saved: thumbs up',
  [-1]: 'Saved: thumbs down',
  0: 'Feedback cleared',
};

/** Saves a thumb on a row and says so once saved; a refusal is told too, since the row itself just moves back. */
export function useLogFeedback(gw: string): OnFeedback {
  const { mutate } = useSetLogFeedback(gw);
  const toast = useToast();
  return useCallback(
    (id, feedback) =>
      mutate(
        { id, feedback },
        {
          onSuccess: () => toast({ severity: 'success', message: FEEDBACK_SAVED[feedback] }),
          onError: (e) => toast({ severity: 'error', message: `Could not save the feedback: ${e.message}` }),
        },
      ),
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
        {...(kind === 'grid' ? ({ component: 'div', role: 'columnheader' } as const) : {})}
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

/**
 * One log's cells, formatted alike wherever a log is listed: the paged table's `td`s and the continuous
 * grid's `gridcell`s. Plain elements styled by classes that the list declares once (`logCellsSx`), not MUI's
 * cells and chip: the grid mounts dozens of rows on every scrolled frame and a page's worth when one lands,
 * and per-instance style serialisation made those frames long.
 */
export function LogCells({ kind, log, onFeedback }: { kind: CellKind; log: LogEntry; onFeedback: OnFeedback }) {
  const Cell = kind === 'grid' ? 'div' : 'td';
  const role = kind === 'grid' ? 'gridcell' : undefined;
  return (
    <>
      <Cell role={role} className={`log-td log-nowrap ${STACK.title}`}>
        {formatDateTime(log.created_at)}
      </Cell>
      <Cell role={role} className="log-td log-nowrap" data-label="Provider">
        {log.provider}
      </Cell>
      <Cell role={role} className="log-td log-model" data-label="Model">
        {log.model}
      </Cell>
      <Cell role={role} className="log-td">
        <span className={log.success ? 'log-chip log-ok' : 'log-chip log-err'}>{log.success ? 'Success' : 'Error'}</span>
      </Cell>
      <Cell role={role} className="log-td" data-label="Cache">
        {log.cached ? 'Cached' : '—'}
      </Cell>
      <Cell role={role} className="log-td log-num" data-label="Tokens in">
        {formatCount(log.tokens_in)}
      </Cell>
      <Cell role={role} className="log-td log-num" data-label="Tokens out">
        {formatCount(log.tokens_out)}
      </Cell>
      <Cell role={role} className="log-td log-num" data-label="Cost">
        {formatUsd(log.cost)}
      </Cell>
      <Cell role={role} className="log-td log-num log-nowrap" data-label="Duration">
        {formatCount(log.duration, ' ms')}
      </Cell>
      {/* The thumbs act on their own; a click on them is not a click on the row. */}
      <Cell role={role} className={`log-td ${STACK.actions}`} onClick={(e) => e.stopPropagation()}>
        <RowThumbs id={log.id} value={log.feedback} onFeedback={onFeedback} />
      </Cell>
    </>
  );
}

/** The look of `LogCells`, set once on the table or grid around them: a small MUI table cell's. */
export const logCellsSx = {
  '& .log-td': {
    typography: 'body2',
    color: 'text.primary',
    px: 2,
    py: '6px',
    borderBottom: 1,
    borderColor: 'divider',
    verticalAlign: 'middle',
  },
  '& .log-nowrap': { whiteSpace: 'nowrap' },
  '& .log-model': { minWidth: 160, maxWidth: 260, overflowWrap: 'anywhere' },
  '& .log-num': { textAlign: 'right' },
  '& .log-chip': {
    display: 'inline-flex',
    alignItems: 'center',
    height: 24,
    px: '7px',
    borderRadius: '12px',
    border: '1px solid currentColor',
    fontSize: '0.8125rem',
    lineHeight: 1,
    whiteSpace: 'nowrap',
  },
  '& .log-ok': { color: 'success.main' },
  '& .log-err': { color: 'error.main' },
  '& .log-thumbs': { display: 'inline-flex' },
  '& .log-thumb': {
    display: 'inline-flex',
    p: '5px',
    m: 0,
    border: 0,
    borderRadius: '50%',
    bgcolor: 'transparent',
    color: 'action.active',
    cursor: 'pointer',
    '& svg': { width: 20, height: 20, fill: 'currentColor' },
    '&:hover': { bgcolor: 'action.hover' },
    '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' },
  },
  '& .log-up': { color: 'success.main' },
  '& .log-down': { color: 'error.main' },
} satisfies SxProps<Theme>;
