import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { visibleRange, type RowRange } from './window-math.ts';

interface RowWindowOptions {
  rowCount: number;
  rowHeight: number;
  /** The sticky header's height, which the rows' area on screen leaves out. */
  headerHeight: number;
  overscan: number;
}

export interface RowWindow {
  range: RowRange;
  /** The rows' area height on screen now (read from the element, not from state, so it never lags). */
  viewportHeight: () => number;
}

/**
 * The rows to draw inside the scrolling element `ref`. Scroll events are passive and read once per frame,
 * and state changes only when the drawn range does, so scrolling within a row re-renders nothing.
 */
export function useRowWindow(ref: RefObject<HTMLElement | null>, { rowCount, rowHeight, headerHeight, overscan }: RowWindowOptions): RowWindow {
  const [range, setRange] = useState<RowRange>({ start: 0, end: 0 });
  const frame = useRef(0);
  const viewportHeight = useCallback(() => Math.max(0, (ref.current?.clientHeight ?? 0) - headerHeight), [ref, headerHeight]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      frame.current = 0;
      const next = visibleRange({ scrollTop: el.scrollTop, viewportHeight: viewportHeight(), rowHeight, rowCount, overscan });
      setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
    };
    const schedule = () => {
      if (!frame.current) frame.current = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', schedule, { passive: true });
    // A resize (window, drawer, zoom) changes how many rows fit.
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(schedule);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      resize?.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [ref, rowCount, rowHeight, overscan, viewportHeight]);

  return { range, viewportHeight };
}
