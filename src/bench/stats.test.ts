import { describe, expect, it } from 'vitest';
import { timeRepeated } from './stats.ts';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('timeRepeated over synchronous work', () => {
  it('lets timers due meanwhile run between repetitions (the HTTP client retires idle sockets on a timer)', async () => {
    const fired: number[] = [];
    let repetition = 0;
    setTimeout(() => fired.push(repetition), 0);
    const times = await timeRepeated(3, () => {
      repetition += 1;
      busy(20);
      return repetition;
    });
    expect(times).toHaveLength(3);
    // Fired early in the series, not held until the whole series has run.
    expect(fired[0]).toBeLessThan(3);
  });
});
