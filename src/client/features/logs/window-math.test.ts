import { describe, expect, it } from 'vitest';
import { moveActive, revealScrollTop, visibleRange } from './window-math.ts';

const base = { rowHeight: 40, viewportHeight: 400, rowCount: 10_000, overscan: 5 };

describe('visibleRange', () => {
  it('draws the rows on screen plus the overscan below at the top', () => {
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 15 });
  });

  it('counts a row cut by either edge as on screen, and overscans both ways', () => {
    // Rows 250.5 → 260.5 are on screen: 250 to 260 inclusive.
    expect(visibleRange({ ...base, scrollTop: 250.5 * 40 })).toEqual({ start: 245, end: 266 });
  });

  it('stops at the last row and at the first', () => {
    expect(visibleRange({ ...base, scrollTop: 9_995 * 40 })).toEqual({ start: 9_990, end: 10_000 });
    expect(visibleRange({ ...base, scrollTop: -300 })).toEqual({ start: 0, end: 15 });
  });

  it('draws nothing with no rows or no height', () => {
    expect(visibleRange({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...base, viewportHeight: 0, scrollTop: 0 })).toEqual({ start: 0, end: 5 });
  });
});

describe('revealScrollTop', () => {
  it('leaves the scroll alone for a row already wholly on screen', () => {
    expect(revealScrollTop(12, 400, 400, 40)).toBe(400);
  });
  it('scrolls up to put a row above at the top', () => {
    expect(revealScrollTop(3, 400, 400, 40)).toBe(120);
  });
  it('scrolls down to put a row below at the bottom', () => {
    expect(revealScrollTop(30, 400, 400, 40)).toBe(31 * 40 - 400);
  });
});

describe('moveActive', () => {
  it('steps, pages and jumps within the loaded rows', () => {
    expect(moveActive('ArrowDown', 4, 10, 99)).toBe(5);
    expect(moveActive('ArrowUp', 4, 10, 99)).toBe(3);
    expect(moveActive('PageDown', 4, 10, 99)).toBe(14);
    expect(moveActive('PageUp', 4, 10, 99)).toBe(0);
    expect(moveActive('Home', 40, 10, 99)).toBe(0);
    expect(moveActive('End', 4, 10, 99)).toBe(99);
    expect(moveActive('PageDown', 95, 10, 99)).toBe(99);
  });
  it('ignores other keys, and moves nothing with no rows', () => {
    expect(moveActive('a', 4, 10, 99)).toBeUndefined();
    expect(moveActive('ArrowDown', 0, 10, -1)).toBeUndefined();
  });
});
