// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../../../shared/logs.ts';
import { LogsGrid, type LogsGridProps } from './logs-grid.tsx';
import { HEADER_HEIGHT, ROW_HEIGHT } from './logs-grid-rows.tsx';

// jsdom lays nothing out: the grid is given room for exactly 10 rows under its header, is as tall inside as
// its header and rows' area say, and scrolls where it is told to (jsdom has no element scrollTo).
const SHOWN = 10;
const saved = (['clientHeight', 'scrollHeight', 'scrollTo'] as const).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const);
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? HEADER_HEIGHT + SHOWN * ROW_HEIGHT : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? HEADER_HEIGHT + parseFloat((this.lastElementChild as HTMLElement).style.height || getComputedStyle(this.lastElementChild!).height) : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollTo', {
    configurable: true,
    value(this: HTMLElement, options: ScrollToOptions) {
      this.scrollTop = options.top ?? this.scrollTop;
      this.dispatchEvent(new Event('scroll'));
    },
  });
});
afterAll(() => {
  for (const [k, d] of saved) {
    if (d) Object.defineProperty(HTMLElement.prototype, k, d);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[k];
  }
});

const makeLog = (i: number): LogEntry => ({
  id: `log-${i}`,
  created_at: new Date(Date.UTC(2026, 10, 21, 10, 0, 0) - i * 60_000).toISOString(),
  provider: 'openai',
  model: `model-${i}`,
  path: 'v1/chat/completions',
  duration: 100 + i,
  success: true,
  cached: false,
  tokens_in: i,
  tokens_out: 2 * i,
  cost: 0.001,
  feedback: null,
});

const LOADED = 120;
const TOTAL = 10_000;

function show(overrides: Partial<LogsGridProps> = {}) {
  const props: LogsGridProps = {
    logs: Array.from({ length: LOADED }, (_, i) => makeLog(i)),
    rowCount: TOTAL,
    total: TOTAL,
    sort: { by: 'created_at', direction: 'desc' },
    onSort: vi.fn(),
    onOpen: vi.fn(),
    onFeedback: vi.fn(),
    onLoadMore: vi.fn(),
    canLoadMore: true,
    onRetry: vi.fn(),
    ...overrides,
  };
  render(<LogsGrid {...props} />);
  return { props, grid: screen.getByRole('grid', { name: 'Logs' }) };
}

const rowIndexes = (grid: HTMLElement) => within(grid).getAllByRole('row').map((r) => Number(r.getAttribute('aria-rowindex')));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

async function scrollTo(grid: HTMLElement, row: number) {
  grid.scrollTop = row * ROW_HEIGHT;
  fireEvent.scroll(grid);
  // The grid reads the scroll once per animation frame.
  await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
}

describe('LogsGrid windowing', () => {
  it('counts every match plus the header, and draws only the rows on screen and the overscan', () => {
    const { grid } = show();
    expect(grid).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    // The header is row 1; logs 0–17 (10 on screen, 8 overscan) are rows 2–19.
    expect(rowIndexes(grid)).toEqual([1, ...range(2, 20)]);
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Tokens in');
    expect(within(grid).getAllByRole('row')[1]).toHaveTextContent('model-0');
    // The rows' area is as tall as all matches, so the scrollbar tells the whole length.
    expect(getComputedStyle(grid.lastElementChild!).height).toBe(`${TOTAL * ROW_HEIGHT}px`);
  });

  it('draws placeholders past the loaded rows, keeps the active row drawn, and asks for the next page there', async () => {
    const { grid, props } = show();
    expect(props.onLoadMore).not.toHaveBeenCalled();
    await scrollTo(grid, 1000);
    // Rows 999–1009 are (partly) on screen, row 999 under the sticky header; 991–1017 with overscan 8 each
    // side, plus the active first log for aria-activedescendant.
    expect(rowIndexes(grid)).toEqual([1, ...range(993, 1020), 2]);
    const placeholders = within(grid).getAllByRole('row').filter((r) => r.getAttribute('aria-busy') === 'true');
    expect(placeholders).toHaveLength(27);
    expect(placeholders[0]).toHaveStyle({ transform: `translateY(${991 * ROW_HEIGHT}px)` });
    expect(grid).toHaveAttribute('aria-activedescendant', within(grid).getByText('model-0').closest('[role="row"]')!.id);
    expect(props.onLoadMore).toHaveBeenCalled();
  });

  it('asks for the next page as the view nears the loaded end, not before', async () => {
    const { grid, props } = show();
    // 10 rows on screen and 8 overscan: at row 80 the drawn rows end at 98, 22 short of the 120 loaded.
    await scrollTo(grid, 80);
    expect(props.onLoadMore).not.toHaveBeenCalled();
    await scrollTo(grid, 90);
    expect(props.onLoadMore).toHaveBeenCalledTimes(1);
  });

  it('shows a failed page as an error with Retry where the next rows go, keeping the loaded ones', async () => {
    const { grid, props } = show({ loadError: 'The server answered 500', canLoadMore: false });
    await scrollTo(grid, 115);
    expect(within(grid).getByText('model-119')).toBeInTheDocument();
    const errorRow = within(grid).getByText(/Could not load more logs: The server answered 500/).closest('[role="row"]')!;
    expect(errorRow).toHaveAttribute('aria-rowindex', String(LOADED + 2));
    fireEvent.click(within(errorRow as HTMLElement).getByRole('button', { name: 'Retry' }));
    expect(props.onRetry).toHaveBeenCalledTimes(1);
    expect(props.onLoadMore).not.toHaveBeenCalled();
  });

  it('says the row count is unknown (-1) when the API gives no total', () => {
    const { grid } = show({ total: undefined, rowCount: LOADED + 50 });
    expect(grid).toHaveAttribute('aria-rowcount', '-1');
  });
});

describe('LogsGrid keyboard', () => {
  const activeRow = (grid: HTMLElement) => document.getElementById(grid.getAttribute('aria-activedescendant')!)!;

  it('moves the active row with the arrows, page keys, Home and End, scrolling it into view, and opens it with Enter', async () => {
    const { grid, props } = show();
    grid.focus();
    expect(grid).toHaveFocus();
    expect(activeRow(grid)).toHaveAttribute('aria-rowindex', '2');

    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(activeRow(grid)).toHaveAttribute('aria-rowindex', '3');
    fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(activeRow(grid)).toHaveAttribute('aria-rowindex', String(3 + SHOWN));
    // Row 11 (from 0) ends below the 10 rows on screen: the grid scrolls just enough to show it.
    expect(grid.scrollTop).toBe(12 * ROW_HEIGHT - SHOWN * ROW_HEIGHT);

    fireEvent.keyDown(grid, { key: 'End' });
    expect(activeRow(grid)).toHaveAttribute('aria-rowindex', String(LOADED + 1));
    expect(grid.scrollTop).toBe(LOADED * ROW_HEIGHT - SHOWN * ROW_HEIGHT);
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(activeRow(grid)).toHaveTextContent('model-119');

    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(props.onOpen).toHaveBeenCalledWith('log-118');

    fireEvent.keyDown(grid, { key: 'Home' });
    expect(grid.scrollTop).toBe(0);
    expect(activeRow(grid)).toHaveAttribute('aria-rowindex', '2');
  });

  it('leaves keys on the thumbs and sort buttons to them, and a click opens the row', () => {
    const { grid, props } = show();
    const row = within(grid).getByText('model-3').closest('[role="row"]') as HTMLElement;
    fireEvent.keyDown(within(row).getByRole('button', { name: 'Thumbs up' }), { key: 'Enter' });
    expect(props.onOpen).not.toHaveBeenCalled();
    fireEvent.click(within(row).getByRole('button', { name: 'Thumbs up' }));
    expect(props.onFeedback).toHaveBeenCalledWith('log-3', 1);
    expect(props.onOpen).not.toHaveBeenCalled();
    fireEvent.click(within(row).getByText('model-3'));
    expect(props.onOpen).toHaveBeenCalledWith('log-3');
    expect(grid).toHaveAttribute('aria-activedescendant', row.id);
  });

  it('follows the open log (the drawer stepping) into view', async () => {
    const { grid } = show({ selectedId: 'log-60' });
    await waitFor(() => expect(grid.scrollTop).toBe(61 * ROW_HEIGHT - SHOWN * ROW_HEIGHT));
    expect(activeRow(grid)).toHaveTextContent('model-60');
    expect(activeRow(grid)).toHaveClass('Mui-selected');
  });
});
