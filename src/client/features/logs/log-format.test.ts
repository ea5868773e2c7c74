import { describe, expect, it } from 'vitest';
import { formatBytes, formatCost, formatCount, formatTime } from './log-format.ts';

describe('log formatting', () => {
  it('formats counts, costs and sizes, with a dash for what is missing', () => {
    expect(formatCount(12345, ' ms')).toBe('12,345 ms');
    expect(formatCount(null)).toBe('—');
    expect(formatCost(0.00059637999)).toBe('$0.000596');
    expect(formatCost(0.5)).toBe('$0.5');
    expect(formatCost(undefined)).toBe('—');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('shows text that is not a date as it came', () => {
    expect(formatTime('yesterday')).toBe('yesterday');
  });
});
