import { describe, expect, it } from 'vitest';
import { logpushEvent } from '../../test-support/logpush-fixtures.ts';
import { logpushEventSchema, quickLogpushEvent } from './logpush-event.ts';

/** The schema's reading with absent keys dropped, as the quick reading builds it. */
const bySchema = (raw: Record<string, unknown>) => {
  const parsed = logpushEventSchema.safeParse(raw);
  if (!parsed.success) return 'refused';
  const m = parsed.data.Metrics;
  return JSON.parse(JSON.stringify({ ...parsed.data, ...(m ? { Metrics: m } : {}) })) as unknown;
};

describe('quickLogpushEvent', () => {
  it('reads plain events exactly as the schema does', () => {
    for (let i = 0; i < 40; i++) {
      const raw = logpushEvent(i, i % 5 === 0 ? { Metadata: { user: 'a' }, RequestBody: '{"q":1}', Metrics: { duration_ms: 12.6, prompt_tokens: 3, cost: 0 } } : {});
      const quick = quickLogpushEvent(raw);
      expect(quick).not.toBeNull();
      expect(JSON.parse(JSON.stringify(quick))).toEqual(bySchema(raw));
    }
  });

  it('leaves to the schema every value it does not read plainly, and never accepts what the schema refuses', () => {
    const odd: Record<string, unknown>[] = [
      { Timestamp: '2026-10-01T00:00:00Z' },
      { Timestamp: -1 },
      { Gateway: 'Not A Gateway' },
      { Provider: 'x'.repeat(201) },
      { Model: 42 },
      { StatusCode: 99 },
      { StatusCode: 200.5 },
      { Cached: 'yes' },
      { Metrics: '{"cost":1}' },
      { Metrics: { cost: -1 } },
      { Metrics: { tokensIn: 1.5 } },
      { Metrics: { durationMs: Number.MAX_SAFE_INTEGER } },
      { Metrics: null },
      { Endpoint: null },
    ];
    for (const overrides of odd) {
      const raw = logpushEvent(1, overrides);
      expect(quickLogpushEvent(raw), JSON.stringify(overrides)).toBeNull();
    }
    // What the schema accepts of those, it reads on its own (the caller falls back to it).
    expect(bySchema(logpushEvent(1, { Metrics: '{"cost":1}' }))).toMatchObject({ Metrics: { cost: 1 } });
    expect(bySchema(logpushEvent(1, { StatusCode: 99 }))).toBe('refused');
  });
});
