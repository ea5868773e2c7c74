import { describe, expect, it } from 'vitest';
import { moveActive } from './window-math.ts';

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
