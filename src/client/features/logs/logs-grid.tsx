import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TableRow from '@mui/material/TableRow';
import type { SxProps, Theme } from '@mui/material/styles';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { LogEntry } from '../../../shared/logs.ts';
import { LogHeaderCells } from './log-cells.tsx';
import type { LogOrderKey, LogSort } from './log-sort.ts';
import { useFillWindowHeight } from './logs-grid-height.ts';
import { ErrorRow, GRID_MIN_WIDTH, gridRowsSx, HEADER_HEIGHT, LogGridRow, PlaceholderRow, ROW_HEIGHT } from './logs-grid-rows.tsx';
import type { OnFeedback } from './row-thumbs.tsx';
import { moveActive } from './window-math.ts';

const OVERSCAN = 8;
/**
 * How many rows short of the loaded end the next page is asked for: about a screen, so a page (50 rows, a
 * few tens of milliseconds locally) usually lands before it is seen, without fetching pages nobody scrolls to.
 */
const LOAD_AHEAD = 20;
const rowSize = () => ROW_HEIGHT;

export interface LogsGridProps {
  /** The rows loaded so far, in order from the first. */
  logs: LogEntry[];
  /** How many rows there are in all, loaded or not: the grid is this tall. */
  rowCount: number;
  /** The rows `aria-rowcount` announces (without the header), when known; else -1 (unknown) is announced. */
  total: number | undefined;
  sort: LogSort;
  onSort: (by: LogOrderKey) => void;
  selectedId?: string;
  onOpen: (id: string) => void;
  onFeedback: OnFeedback;
  /** Asks for the next page; called as the viewport nears the loaded end, while `canLoadMore`. */
  onLoadMore: () => void;
  canLoadMore: boolean;
  /** Why the last page failed, shown with Retry in place of the first missing row. */
  loadError?: string;
  onRetry: () => void;
}

/**
 * Every matching log in one scrolling ARIA grid, drawing only the rows on screen (react-virtual). The grid
 * fills the window below what is above it, so it is the page's one scroll, with its header sticky in it and
 * the columns scrolling sideways with the rows on a narrow window. The header is row 1 of `aria-rowcount`,
 * so log `i` (from 0) is `aria-rowindex` i + 2. Focus stays on the grid; the arrow, page, Home and End keys
 * move the active row (`aria-activedescendant`), which is always drawn, and Enter opens it.
 */
export function LogsGrid(props: LogsGridProps) {
  const { logs, rowCount, total, sort, onSort, selectedId, onOpen, onFeedback, onLoadMore, canLoadMore, loadError, onRetry } = props;
  const frame = useRef<HTMLDivElement>(null);
  // State, not a ref: the rows' virtualizer needs the element, and it is set before the rows render with it.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const height = useFillWindowHeight(frame);
  const idPrefix = useId();
  const [active, setActive] = useState(0);
  const virtualizer = useRef<GridVirtualizer | null>(null);

  // The rows read by stable callbacks, so memoised rows need not re-render when a page arrives.
  const latest = useRef(logs);
  useLayoutEffect(() => {
    latest.current = logs;
  }, [logs]);
  const openAt = useCallback(
    (index: number) => {
      const log = latest.current[index];
      if (!log) return;
      setActive(index);
      onOpen(log.id);
    },
    [onOpen],
  );

  const reveal = useCallback((index: number) => virtualizer.current?.scrollToIndex(index, { align: 'auto' }), []);

  // The drawer's Previous / Next change the open log: the active row follows it into view (and a grid
  // opened on a log scrolls to it once its scroller is there to scroll).
  useEffect(() => {
    const index = selectedId ? latest.current.findIndex((l) => l.id === selectedId) : -1;
    if (index < 0 || !scroller) return;
    setActive(index);
    reveal(index);
  }, [selectedId, reveal, scroller]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the sort buttons and thumbs inside stay theirs.
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      openAt(active);
      return;
    }
    // After a scroll by wheel or scrollbar, the keys start from the rows in view, not from a row far away.
    const el = e.currentTarget;
    const shown = Math.floor((el.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT);
    const firstShown = Math.ceil(el.scrollTop / ROW_HEIGHT);
    const from = active >= firstShown && active < firstShown + shown ? active : Math.min(firstShown, logs.length - 1);
    const next = moveActive(e.key, from, shown, logs.length - 1);
    if (next === undefined) return;
    e.preventDefault();
    setActive(next);
    reveal(next);
  };

  const hasActive = active < logs.length;
  // The header does not change while scrolling; as a kept element it is not rendered again each frame.
  const header = useMemo(
    () => (
      <Box role="rowgroup" sx={{ position: 'sticky', top: 0, zIndex: 1, minWidth: GRID_MIN_WIDTH, bgcolor: 'background.paper' }}>
        <TableRow component="div" className="log-grid-row log-grid-header" aria-rowindex={1}>
          <LogHeaderCells kind="grid" sort={sort} onSort={onSort} />
        </TableRow>
      </Box>
    ),
    [sort, onSort],
  );

  return (
    <Paper ref={frame} variant="outlined" sx={{ height, boxSizing: 'border-box', overflow: 'hidden' }}>
      <Box
        ref={setScroller}
        role="grid"
        aria-label="Logs"
        aria-rowcount={total === undefined ? -1 : total + 1}
        aria-activedescendant={hasActive ? rowId(idPrefix, active) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        sx={scrollerSx}
      >
        {header}
        <GridRows
          scroller={scroller}
          handle={virtualizer}
          idPrefix={idPrefix}
          logs={logs}
          rowCount={rowCount}
          active={hasActive ? active : undefined}
          selectedId={selectedId}
          onOpen={openAt}
          onFeedback={onFeedback}
          onLoadMore={onLoadMore}
          canLoadMore={canLoadMore}
          loadError={loadError}
          onRetry={onRetry}
        />
      </Box>
    </Paper>
  );
}

const rowId = (idPrefix: string, index: number) => `${idPrefix}row-${index}`;

const scrollerSx: SxProps<Theme> = {
  height: '100%',
  overflow: 'auto',
  // The scroller's size never depends on its rows, so the browser can skip laying out around it.
  contain: 'strict',
  outline: 'none',
  '&:focus-visible .log-grid-row[data-active]': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
  '&:focus-visible': { boxShadow: (t) => `inset 0 0 0 1px ${t.palette.primary.main}` },
  ...gridRowsSx,
};

type GridVirtualizer = Virtualizer<HTMLDivElement, Element>;

interface GridRowsProps {
  scroller: HTMLDivElement | null;
  /** Where the grid finds the virtualizer, to scroll a row into view. */
  handle: RefObject<GridVirtualizer | null>;
  idPrefix: string;
  logs: LogEntry[];
  rowCount: number;
  /** The active row, drawn even when scrolled out of view (it is the grid's `aria-activedescendant`). */
  active: number | undefined;
  selectedId?: string;
  onOpen: (index: number) => void;
  onFeedback: OnFeedback;
  onLoadMore: () => void;
  canLoadMore: boolean;
  loadError?: string;
  onRetry: () => void;
}

/**
 * The rows' area, apart from the grid around it: the virtualizer renders its component on every scrolled
 * frame that changes the drawn rows, and here that is only this plain box and its rows, not the MUI frame,
 * scroller and header (each of which resolves its styles again on every render).
 */
const GridRows = memo(function GridRows(props: GridRowsProps) {
  const { scroller, handle, idPrefix, logs, rowCount, active, selectedId, onOpen, onFeedback, onLoadMore, canLoadMore, loadError, onRetry } = props;
  // The build has no React Compiler, so it does not auto-memoize inside this component; the virtualizer's functions are fine as they are.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller,
    estimateSize: rowSize,
    overscan: OVERSCAN,
    // The rows start under the sticky header, which also covers the top of the view when revealing a row.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  useLayoutEffect(() => {
    handle.current = virtualizer;
  }, [handle, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const drawnEnd = items.length > 0 ? items[items.length - 1]!.index + 1 : 0;
  useEffect(() => {
    if (canLoadMore && logs.length < rowCount && drawnEnd + LOAD_AHEAD >= logs.length) onLoadMore();
  }, [canLoadMore, logs.length, rowCount, drawnEnd, onLoadMore]);

  const rows = items.map((item) => ({ index: item.index, start: item.start - HEADER_HEIGHT }));
  if (active !== undefined && !items.some((item) => item.index === active)) rows.push({ index: active, start: active * ROW_HEIGHT });

  return (
    <div role="rowgroup" style={{ position: 'relative', height: virtualizer.getTotalSize(), minWidth: GRID_MIN_WIDTH }}>
      {rows.map(({ index: i, start }) => {
        const log = logs[i];
        if (log)
          return (
            <LogGridRow
              key={i}
              id={rowId(idPrefix, i)}
              index={i}
              start={start}
              log={log}
              selected={log.id === selectedId}
              active={i === active}
              onOpen={onOpen}
              onFeedback={onFeedback}
            />
          );
        if (i === logs.length && loadError !== undefined) return <ErrorRow key={i} index={i} start={start} message={loadError} onRetry={onRetry} />;
        return <PlaceholderRow key={i} index={i} start={start} />;
      })}
    </div>
  );
});
