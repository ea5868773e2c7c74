import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { SxProps, Theme } from '@mui/material/styles';
import { memo } from 'react';
import type { LogEntry } from '../../../shared/logs.ts';
import { LOG_COLUMNS, LogCells, logCellsSx } from './log-cells.tsx';
import type { OnFeedback } from './row-thumbs.tsx';

/** Every row is this tall, so a row's place is its index times this, with nothing to measure. */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;
/** The columns' widths, shared by the header and every row so they line up without a `<table>`. */
const TEMPLATE = 'minmax(176px,1.1fr) minmax(112px,.8fr) minmax(200px,2fr) 104px 88px 100px 108px 104px 104px 92px';
export const GRID_MIN_WIDTH = 1188;

/** Rows sit at `translateY(start)` in a box as tall as all rows together. */
const place = (start: number) => ({ transform: `translateY(${start}px)` });

/**
 * The grid's rows: the shared cells' look (`logCellsSx`) laid out as CSS grid rows of one height, set once
 * on the grid rather than on each row, so a row mounting while scrolling costs no style work. Each row is
 * its own layout and paint island (`contain`), as nothing inside it can grow it.
 */
export const gridRowsSx: SxProps<Theme> = {
  ...logCellsSx,
  '& .log-grid-row': {
    display: 'grid',
    gridTemplateColumns: TEMPLATE,
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    contain: 'strict',
    cursor: 'pointer',
  },
  // In a row of fixed height the cells centre their content and cut long text; the row draws the rule.
  '& .log-grid-row > .MuiTableCell-root, & .log-grid-row > .log-td, & .log-grid-row > .log-grid-cell': {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    maxWidth: 'none',
    px: 1.5,
    py: 0,
    border: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
  '& .log-grid-row > .log-num': { justifyContent: 'flex-end' },
  // The table's right alignment reverses the flex row; here a plain row pushed to the end does it.
  '& .log-grid-row > .MuiTableCell-alignRight': { flexDirection: 'row', justifyContent: 'flex-end' },
  '& .log-grid-header': { position: 'relative', height: HEADER_HEIGHT, cursor: 'default' },
  '& .log-grid-placeholder': { cursor: 'default' },
  '& .log-grid-body': { borderBottom: 1, borderColor: 'divider', boxSizing: 'border-box' },
  '& .log-grid-body:not(.log-grid-placeholder):hover': { bgcolor: 'action.hover' },
  '& .log-grid-body.Mui-selected, & .log-grid-body.Mui-selected:hover': {
    bgcolor: (t: Theme) => `rgba(${t.vars?.palette.primary.mainChannel ?? '0 0 0'} / ${t.vars?.palette.action.selectedOpacity ?? 0.08})`,
  },
  // Light bars where a row will be, so a scroll past the loaded end shows shape, not emptiness.
  '& .log-grid-cell::after': {
    content: '""',
    display: 'block',
    width: '70%',
    height: 10,
    borderRadius: 1,
    bgcolor: 'action.hover',
  },
};

interface LogGridRowProps {
  id: string;
  index: number;
  start: number;
  log: LogEntry;
  selected: boolean;
  active: boolean;
  onOpen: (index: number) => void;
  onFeedback: OnFeedback;
}

/**
 * One loaded log: the paged table's cells (`LogCells`) in a positioned grid row. Memoised: scrolling adds
 * and drops rows but leaves those still on screen untouched. `Mui-selected` keeps the table rows' state class.
 */
export const LogGridRow = memo(function LogGridRow({ id, index, start, log, selected, active, onOpen, onFeedback }: LogGridRowProps) {
  return (
    <div
      role="row"
      id={id}
      className={selected ? 'log-grid-row log-grid-body Mui-selected' : 'log-grid-row log-grid-body'}
      aria-rowindex={index + 2}
      data-active={active || undefined}
      onClick={() => onOpen(index)}
      style={place(start)}
    >
      <LogCells kind="grid" log={log} onFeedback={onFeedback} />
    </div>
  );
});

/** A row not loaded yet. */
export const PlaceholderRow = memo(function PlaceholderRow({ index, start }: { index: number; start: number }) {
  return (
    <div role="row" className="log-grid-row log-grid-body log-grid-placeholder" aria-rowindex={index + 2} aria-busy="true" style={place(start)}>
      {LOG_COLUMNS.map((c) => (
        <div key={c} role="gridcell" className="log-grid-cell" />
      ))}
    </div>
  );
});

/** Where the next page failed to load: the error, and Retry; the rows above stay. */
export function ErrorRow({ index, start, message, onRetry }: { index: number; start: number; message: string; onRetry: () => void }) {
  return (
    <div role="row" className="log-grid-row log-grid-placeholder" aria-rowindex={index + 2} style={place(start)}>
      <div role="gridcell" aria-colspan={LOG_COLUMNS.length} style={{ gridColumn: '1 / -1', alignSelf: 'center', paddingInline: 8 }}>
        <Alert
          severity="error"
          sx={{ py: 0, '& .MuiAlert-icon, & .MuiAlert-message, & .MuiAlert-action': { py: 0.5 } }}
          action={
            <Button color="inherit" size="small" onClick={onRetry}>
              Retry
            </Button>
          }
        >
          Could not load more logs: {message}
        </Alert>
      </div>
    </div>
  );
}
