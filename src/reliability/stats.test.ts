import { expect, it } from 'vitest';
import { percentile, rssMiB, slope } from './stats.ts';

it('percentile by nearest rank', () => {
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(percentile(xs, 50)).toBe(50);
  expect(percentile(xs, 99)).toBe(99);
  expect(percentile(xs, 100)).toBe(100);
  expect(percentile([], 99)).toBe(0);
});

it('slope of a line and of a flat series', () => {
  expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 2 * x + 5 })))).toBeCloseTo(2);
  expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 7 })))).toBe(0);
});

it('reads this process RSS from /proc', async () => {
  const rss = await rssMiB(process.pid);
  expect(rss).toBeGreaterThan(10);
});
