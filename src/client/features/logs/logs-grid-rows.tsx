import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import TableRow from '@mui/material/TableRow';
import type { SxProps, Theme } from '@mui/material/styles';
import { memo } from 'react';
import type { LogEntry } from '../../../shared/logs.ts';
import { GridLogCells } from './grid-log-cells.tsx';
import { LOG_COLUMNS, type OnFeedback } from './log-cells.tsx';

/** Every row is this tall, so a row's place is its index times this, with nothing to measure. */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;
/** The columns' widths, shared by the header and every row so they line up without a `<table>`. */
const TEMPLATE = 'minmax(176px,1.1fr) minmax(112px,.8fr) minmax(200px,2fr) 104px 88px 100px 108px 104px 104px 92px';
export const GRID_MIN_WIDTH = 1188;

/** Rows sit at `translateY(index × ROW_HEIGHT)` in a box as tall as all rows together. */
const place = (index: number) => ({ transform: `translateY(${index * ROW_HEIGHT}px)` });

/**
 * The rows' styles, set once on the grid rather than on each row, so a row mounting while scrolling costs
 * no style work. Each row is its own layout and paint island (`contain`), as nothing inside it can grow it.
 */
export const gridRowsSx: SxProps<Theme> = {
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
  '& .log-grid-row > .MuiTableCell-root, & .log-grid-row > .log-grid-cell, & .log-grid-row > .log-grid-td': {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    maxWidth: 'none',
    px: 1.5,
    py: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
  // The table's right alignment reverses the flex row; here a plain row pushed to the end does it.
  '& .log-grid-row > .MuiTableCell-alignRight': { flexDirection: 'row', justifyContent: 'flex-end' },
  '& .log-grid-header': { position: 'relative', height: HEADER_HEIGHT, cursor: 'default' },
  '& .log-grid-placeholder': { cursor: 'default' },
  // The body rows are plain elements (see GridLogCells): these rules give them the table cells' look.
  '& .log-grid-body': {
    typography: 'body2',
    color: 'text.primary',
    borderBottom: 1,
    borderColor: 'divider',
    boxSizing: 'border-box',
  },
  '& .log-grid-body:not(.log-grid-placeholder):hover': { bgcolor: 'action.hover' },
  '& .log-grid-body.Mui-selected, & .log-grid-body.Mui-selected:hover': {
    bgcolor: (t: Theme) => `rgba(${t.vars?.palette.primary.mainChannel ?? '0 0 0'} / ${t.vars?.palette.action.selectedOpacity ?? 0.08})`,
  },
  '& .log-grid-td': { px: 1.5 },
  '& .log-grid-num': { justifyContent: 'flex-end' },
  '& .log-grid-chip': {
    display: 'inline-flex',
    alignItems: 'center',
    height: 24,
    px: '7px',
    borderRadius: '12px',
    border: '1px solid currentColor',
    fontSize: '0.8125rem',
    lineHeight: 1,
  },
  '& .log-grid-ok': { color: 'success.main' },
  '& .log-grid-err': { color: 'error.main' },
  '& .log-grid-thumbs': { display: 'inline-flex' },
  '& .log-grid-thumb': {
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
  '& .log-grid-up': { color: 'success.main' },
  '& .log-grid-down': { color: 'error.main' },
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
  log: LogEntry;
  selected: boolean;
  active: boolean;
  onOpen: (index: number) => void;
  onFeedback: OnFeedback;
}

/**
 * One loaded log. Memoised: scrolling adds and drops rows but leaves those still on screen untouched.
 * A plain element, not MUI's TableRow, as it mounts often (see GridLogCells); `Mui-selected` keeps the
 * state class the table rows carry.
 */
export const LogGridRow = memo(function LogGridRow({ id, index, log, selected, active, onOpen, onFeedback }: LogGridRowProps) {
  return (
    <div
      role="row"
      id={id}
      className={selected ? 'log-grid-row log-grid-body Mui-selected' : 'log-grid-row log-grid-body'}
      aria-rowindex={index + 2}
      data-active={active || undefined}
      onClick={() => onOpen(index)}
      style={place(index)}
    >
      <GridLogCells log={log} onFeedback={onFeedback} />
    </div>
  );
});

/** A row not loaded yet. */
export const PlaceholderRow = memo(function PlaceholderRow({ index }: { index: number }) {
  return (
    <div role="row" className="log-grid-row log-grid-body log-grid-placeholder" aria-rowindex={index + 2} aria-busy="true" style={place(index)}>
      {LOG_COLUMNS.map((c) => (
        <div key={c} role="gridcell" className="log-grid-cell" />
      ))}
    </div>
  );
});

/** Where the next page failed to load: the error, and Retry; the rows above stay. */
export function ErrorRow({ index, message, onRetry }: { index: number; message: string; onRetry: () => void }) {
  return (
    <TableRow component="div" className="log-grid-row log-grid-placeholder" aria-rowindex={index + 2} style={place(index)}>
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
    </TableRow>
  );
}
