import { describe, expect, it } from 'vitest';
import { logpushEvent } from '../../test-support/logpush-fixtures.ts';
import { LineReader, pushRow, RowPacker, unpackRows } from './line-reader.ts';

describe('RowPacker', () => {
  it('hands the writer exactly the values, extras and line numbers the reader packed', () => {
    const reader = new LineReader({});
    const packer = new RowPacker('logpush', 128);
    const values: unknown[] = [];
    const extras: unknown[] = [];
    const lines: number[] = [];
    for (let i = 0; i < 100; i++) {
      // Metadata on some, nulls (no tokens) on others, extras (rate limited) on one in ten, costs with fractions and 0.
      const text = JSON.stringify(logpushEvent(i, i % 7 === 0 ? { Metadata: { user: `u${i}` }, Endpoint: `/v1/e${i % 3}` } : {}));
      const { log, extras: x } = reader.read(text);
      packer.add(log, x, i * 2 + 1);
      pushRow(values, 'logpush', log);
      extras.push(x);
      lines.push(i * 2 + 1);
    }
    expect(values).toContain(null);
    expect(extras.filter(Boolean)).toHaveLength(10);
    const packed = packer.take();
    // Each repeated text is sent once: 3 providers, 3 models, 2 paths (+3 with /v1/e…), 1 gateway.
    expect(packed.words.length).toBeLessThan(15);
    expect(unpackRows(structuredClone(packed))).toEqual({ format: 'logpush', values, extras, lines });
    expect(packer.count).toBe(0);
  });
});
