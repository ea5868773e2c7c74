import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBytes, formatCount, formatElapsed, formatMs, formatPercent, formatRelativeTime, formatUsd, MISSING } from './format.ts';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
  vi.resetModules();
});

/** The module as a browser in `timeZone` would build it (its formatters read the zone when they are made). */
async function formatIn(timeZone: string) {
  process.env.TZ = timeZone;
  vi.resetModules();
  return import('./format.ts');
}

describe('formatDateTime, the one absolute time', () => {
  it('shows the time in the user’s zone, to the second, with the date', async () => {
    const { formatDateTime } = await formatIn('America/New_York');
    const shown = formatDateTime('2026-12-02T05:31:49Z');
    // 05:31:49 UTC is 00:31:49 in New York (EST, UTC−5); the day is still 2 December.
    expect(shown).toMatch(/\b(12|0?0):31:49\b/);
    expect(shown).toMatch(/2026/);
    expect(shown).toMatch(/\b2\b/);
    expect(shown).not.toMatch(/05:31|5:31/);
  });

  it('moves to the previous day where the zone is behind, and says which zone it is', async () => {
    const { formatDateTime, timeZoneLabel } = await formatIn('America/Los_Angeles');
    expect(formatDateTime('2026-12-02T05:31:49Z')).toMatch(/\b1\b.*2026|2026.*\b1\b/);
    expect(formatDateTime('2026-12-02T05:31:49Z')).toMatch(/9:31:49/);
    expect(timeZoneLabel(Date.parse('2026-12-02T05:31:49Z'))).toMatch(/^America\/Los_Angeles/);
  });

  it('gives every time one style, and shows text that is not a time as it came', async () => {
    const { formatDateTime } = await formatIn('UTC');
    const a = formatDateTime('2026-12-02T05:31:49Z');
    const b = formatDateTime('2026-12-02T05:31:49.000+00:00');
    expect(a).toBe(b);
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('formatRelativeTime / formatElapsed', () => {
  it('says how long ago, as people do', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(formatRelativeTime('2026-01-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-01-09T12:00:00Z', now)).toBe('yesterday');
    expect(formatElapsed(8_400)).toBe('8 s');
    expect(formatElapsed(185_000)).toBe('3 min 5 s');
    expect(formatElapsed(2 * 3600_000 + 4 * 60_000)).toBe('2 h 4 min');
  });
});

describe('formatUsd, the one precision rule for money', () => {
  it('writes dollars and cents from $1, three significant digits below', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(12.3456)).toBe('$12.35');
    expect(formatUsd(0.035118)).toBe('$0.0351');
    expect(formatUsd(0.00440005)).toBe('$0.0044');
    expect(formatUsd(0.000123456)).toBe('$0.000123');
    expect(formatUsd(0.5)).toBe('$0.50');
    expect(formatUsd(0.35118)).toBe('$0.351');
    expect(formatUsd(0.0005)).toBe('$0.0005');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(-0.5)).toBe('-$0.50');
    expect(formatUsd(undefined)).toBe(MISSING);
  });
});

describe('numbers', () => {
  it('formats counts, durations, percentages and sizes', () => {
    expect(formatCount(12345, ' ms')).toBe('12,345 ms');
    expect(formatCount(null)).toBe(MISSING);
    expect(formatMs(1234.56)).toBe('1,234.6 ms');
    expect(formatPercent(100)).toBe('100.0%');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
