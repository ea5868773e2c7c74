import { describe, expect, it } from 'vitest';
import { niceMax } from './chart-scale.ts';

describe('niceMax', () => {
  it('rounds up to a nice axis end', () => {
    expect(niceMax(830)).toBe(1000);
    expect(niceMax(1200)).toBe(2000);
    expect(niceMax(0.00042)).toBeCloseTo(0.0005);
    expect(niceMax(2.2)).toBe(2.5);
    expect(niceMax(5)).toBe(5);
  });
  it('gives 1 for nothing to show', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
  });
});
