/** Rows `start` (inclusive) to `end` (exclusive) by index. */
export interface RowRange {
  start: number;
  end: number;
}

export interface WindowInput {
  /** The scroll offset of the rows' area (the sticky header is not part of it). */
  scrollTop: number;
  /** The height of the rows' area on screen. */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Extra rows drawn above and below, so a quick scroll does not show a blank edge for a frame. */
  overscan: number;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** The rows to draw for a scroll position: those on screen, partly or wholly, plus the overscan each side. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: WindowInput): RowRange {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  return { start: clamp(first - overscan, 0, rowCount), end: clamp(last + overscan, 0, rowCount) };
}

/** The scroll offset that brings row `index` wholly on screen with the least movement (unchanged if it is). */
export function revealScrollTop(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/**
 * Where a key moves the active row, or undefined for a key that does not move it. Moves stay among the
 * loaded rows (`lastIndex`); reaching the last one brings the next page, after which End goes further.
 */
export function moveActive(key: string, active: number, pageRows: number, lastIndex: number): number | undefined {
  if (lastIndex < 0) return undefined;
  const step = Math.max(1, pageRows);
  const to: Record<string, number> = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    PageDown: active + step,
    PageUp: active - step,
    Home: 0,
    End: lastIndex,
  };
  return key in to ? clamp(to[key]!, 0, lastIndex) : undefined;
}
