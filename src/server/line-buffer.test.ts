import { afterEach, describe, expect, it, vi } from 'vitest';
import { bufferedLines } from './line-buffer.ts';

describe('bufferedLines', () => {
  afterEach(() => vi.useRealTimers());

  it('writes waiting lines together, in order, once the flush interval passes', () => {
    vi.useFakeTimers();
    const chunks: string[] = [];
    const log = bufferedLines((chunk) => chunks.push(chunk));
    log('GET /api/a 200 1ms');
    log('GET /api/b 404 0ms');
    expect(chunks).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(chunks).toEqual(['GET /api/a 200 1ms\nGET /api/b 404 0ms\n']);
    vi.advanceTimersByTime(1000);
    expect(chunks).toHaveLength(1);
  });

  it('writes at once when a lot of text is waiting', () => {
    const chunks: string[] = [];
    const log = bufferedLines((chunk) => chunks.push(chunk));
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 17; i++) log(line);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.split('\n').filter(Boolean)).toHaveLength(17);
  });
});
